/**
 * `npm run cli -- coaching-plan`: one agent's plan as a PDF, or one plan per agent of a team in
 * one run with a progress bar. Plans are stored like those made on the page (as drafts). The
 * period defaults to the app's (the last 8 weeks).
 */
import type { INestApplicationContext } from '@nestjs/common';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import * as fs from 'fs';
import * as path from 'path';
import { resolvePeriod } from '../analytics/period';
import { CoachingService } from '../coaching/coaching.service';
import { cliActor } from './users-command';

type WithApp = <T>(fn: (app: INestApplicationContext) => Promise<T>) => Promise<T>;

interface Options {
  agent?: string;
  team?: string;
  from?: string;
  to?: string;
  scorecard?: string;
  out?: string;
  outDir?: string;
  lang?: string;
  as?: string;
}

export function registerCoachingCommand(program: Command, withApp: WithApp): void {
  program
    .command('coaching-plan')
    .description(
      'generate coaching plans as PDF: one agent (--agent) or every agent of a team (--team)',
    )
    .option('--agent <externalId>', 'the agent (A-001 …)')
    .option('--team <name>', 'every agent of this team, one PDF each')
    .option('--from <date>', 'period start, YYYY-MM-DD (default: as the app, the last 8 weeks)')
    .option('--to <date>', 'period end, YYYY-MM-DD, inclusive (default: today)')
    .option('--scorecard <key>', 'only this scorecard (default: all)')
    .option('--out <file>', 'the PDF for --agent (default: plan-<agent>.pdf)')
    .option('--out-dir <dir>', 'where --team writes its PDFs (default: .)')
    .option('--lang <ko|en>', 'the plan language', 'ko')
    .option('--as <email>', 'whose plan it is (default: the first admin)')
    .action(async (opts: Options) => {
      if (!opts.agent === !opts.team) throw new Error('give either --agent or --team');
      const period = resolvePeriod({ from: opts.from, to: opts.to });
      const written = await withApp(async (app) => {
        const coaching = app.get(CoachingService);
        const actor = await cliActor(app, opts.as);
        const agents = opts.agent
          ? [opts.agent]
          : (await coaching.teamAgents(actor, opts.team!)).map((a) => a.externalId);
        const bar = agents.length > 1 ? progressBar(agents.length) : null;
        const files: string[] = [];
        for (const agent of agents) {
          const plan = await coaching.generate(actor, {
            agentExternalId: agent,
            from: period.from,
            to: period.to,
            scorecardKey: opts.scorecard,
            lang: opts.lang,
          });
          const file = opts.agent
            ? path.resolve(opts.out ?? `plan-${agent}.pdf`)
            : path.resolve(opts.outDir ?? '.', `plan-${agent}-${period.from}-${period.to}.pdf`);
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, await coaching.renderPdf(plan));
          files.push(file);
          bar?.increment(1, { agent });
        }
        bar?.stop();
        return files;
      });
      for (const file of written) console.log(`Wrote ${file}`);
    });
}

function progressBar(total: number): SingleBar {
  const bar = new SingleBar(
    {
      format: 'Coaching plans [{bar}] {value}/{total} {agent}',
      noTTYOutput: true,
      notTTYSchedule: 2000,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { agent: '' });
  return bar;
}
