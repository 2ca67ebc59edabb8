/**
 * The command line: `npm run cli -- <command>`. Run `npm run cli -- --help` for the list.
 */
import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';
import * as fs from 'fs';
import { AppModule } from './app.module';
import { AutoQaService } from './autoqa/autoqa.service';
import { DemoSeeder } from './cli/demo-seeder';
import { registerCoachingCommand } from './cli/coaching-command';
import { registerRedactCommand } from './cli/redact-command';
import { registerAbuseCommand } from './cli/abuse-command';
import { cliActor, registerUserCommands } from './cli/users-command';
import { registerAnalyticsCommands } from './cli/analytics-command';
import { registerQueueCommands } from './cli/queue-command';
import { collectTranscriptFiles, errorReportCsv, readSidecar } from './cli/files';
import { autoQaFromFiles, formatAutoQa, toAutoQaJson } from './cli/autoqa-command';
import { DEFAULT_CORPUS, formatProposals, suggestRulesCommand } from './cli/suggest-rules-command';
import { formatBreakdown, scoreFromFiles } from './cli/score-command';
import { loadConfig, parseCompanyNames } from './config/app-config';
import { migrate, openDataSource } from './database/registry/data-source';
import { waitForSqliteCommandTurn } from './database/sqlite-lock';
import { ImportOutcome, ImportService } from './imports/import.service';
import { mysteryShopUploadFromDisk } from './cli/mystery-shop-files';
import { MysteryShopService } from './mystery-shop/mystery-shop.service';
import { parseSpeakerMap } from './imports/upload-batch';
import { parseFieldMapping } from './imports/source-fields';
import { TRANSCRIPT_FORMATS, TranscriptFormat } from './transcripts/parse-transcript';
import { ScorecardsService } from './scorecards/scorecards.service';

async function withApp<T>(fn: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  // SQLite: one command at a time; a second one waits for its turn, then runs whole.
  const { database } = loadConfig();
  if (database.type === 'sqlite') {
    await waitForSqliteCommandTurn(database.file, (pid) =>
      console.error(
        `Waiting for another command${pid ? ` (pid ${pid})` : ''} on ${database.file} to finish …`,
      ),
    );
  }
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

function progressBar(label: string, total: number): SingleBar {
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} files · {turns} turns · {errors} errors · {rate}/s · ETA {eta}s`,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 2000,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { turns: 0, errors: 0, rate: '0' });
  return bar;
}

const program = new Command()
  .name('npm run cli --')
  .description('QA call-monitoring platform: command line')
  .showHelpAfterError();

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const dataSource = await openDataSource(loadConfig());
    const applied = await migrate(dataSource, 'each');
    console.log(
      applied.length
        ? `Applied: ${applied.map((m) => m.name).join(', ')}`
        : 'Database is up to date.',
    );
    await dataSource.destroy();
  });

program
  .command('demo')
  .description('load the demo contact center (teams, agents A-001..A-008, calls, evaluations)')
  .option('--calls <n>', 'number of calls', (v) => parseInt(v, 10), 200)
  .action(async (opts: { calls: number }) => {
    await withApp(async (app) => {
      const seeder = new DemoSeeder(app);
      const bar = new SingleBar(
        { format: 'Demo [{bar}] {value}/{total} calls', noTTYOutput: true, notTTYSchedule: 5000 },
        Presets.shades_classic,
      );
      bar.start(opts.calls, 0);
      const result = await seeder.seed({ calls: opts.calls, onProgress: (n) => bar.update(n) });
      bar.stop();
      await app.get(AutoQaService).drain();
      console.log(
        result.skipped
          ? `Demo data is already there (${result.calls} demo calls); nothing was changed.`
          : `Demo data loaded: ${result.imported} calls, ${result.evaluations} submitted evaluations, ` +
              `${result.calibrations} calibration sessions, ${result.disputes} disputes, ` +
              `${result.queued} calls in the work queue (default sampling rules).`,
      );
    });
  });

program
  .command('import')
  .description('import transcript files or directories (every supported format)')
  .argument('<paths...>', 'files or directories')
  .option('--agent <externalId>', 'agent for files that carry none')
  .option('--external-id <id>', 'call id (one file only)')
  .option('--source <name>', 'source system name', undefined)
  .option('--channel <channel>', 'voice or chat')
  .option('--language <lang>', 'ko or en')
  .option('--format <format>', `one of ${TRANSCRIPT_FORMATS.join(', ')} (default: detect)`)
  .option('--speakers <map>', 'who is who when the format does not say: spk_0=agent,spk_1=customer')
  .option(
    '--mapping <file>',
    'YAML/JSON file mapping source fields to KPI fields (csat, fcr, holdMs …)',
  )
  .option('--json', 'print the per-file results as JSON')
  .option('--report <file>', 'where to write the error report (CSV) when a file fails')
  .action(async (paths: string[], opts: Record<string, string | boolean | undefined>) => {
    const files = collectTranscriptFiles(paths);
    if (opts.externalId && files.length > 1) {
      throw new Error('--external-id can only be given with one file');
    }
    // A bad mapping stops the import before any file is read: file, line, key and why.
    const mapping = opts.mapping
      ? parseFieldMapping(opts.mapping as string, fs.readFileSync(opts.mapping as string, 'utf8'))
      : undefined;
    const outcomes = await withApp(async (app) => {
      const importer = app.get(ImportService);
      const bar = opts.json ? null : progressBar('Import', files.length);
      const started = Date.now();
      let turns = 0;
      const results: ImportOutcome[] = [];
      for (const [i, file] of files.entries()) {
        const outcomes = await importer.importFile(
          { name: file, bytes: fs.readFileSync(file), sidecar: readSidecar(file) },
          {
            agentExternalId: opts.agent as string | undefined,
            externalId: opts.externalId as string | undefined,
            source: opts.source as string | undefined,
            channel: opts.channel as 'voice' | 'chat' | undefined,
            language: opts.language as string | undefined,
            format: opts.format as TranscriptFormat | undefined,
            speakerMap: opts.speakers ? parseSpeakerMap(opts.speakers as string) : undefined,
            mapping,
          },
        );
        for (const o of outcomes) if (o.status === 'imported') turns += o.turns;
        results.push(...outcomes);
        const seconds = (Date.now() - started) / 1000 || 0.001;
        bar?.update(i + 1, {
          turns,
          errors: results.filter((r) => r.status === 'failed').length,
          rate: ((i + 1) / seconds).toFixed(1),
        });
      }
      bar?.stop();
      // Auto-QA pre-scores the imported calls in the background; let it finish before exiting.
      if (!opts.json) console.log('Auto-QA is pre-scoring the imported calls …');
      await app.get(AutoQaService).drain();
      return results;
    });
    if (opts.json) {
      console.log(JSON.stringify(outcomes, null, 2));
    } else {
      for (const o of outcomes) {
        if (o.status === 'imported')
          console.log(`imported  ${o.file} → interaction ${o.interactionId} (${o.turns} turns)`);
        if (o.status === 'skipped') console.log(`skipped   ${o.file}: ${o.reason}`);
        if (o.status === 'failed') {
          console.log(
            `FAILED    ${o.file}${o.line ? `:${o.line}` : ''}${o.field ? ` (${o.field})` : ''}: ${o.reason}`,
          );
        }
      }
      const count = (s: string) => outcomes.filter((o) => o.status === s).length;
      console.log(
        `${count('imported')} imported, ${count('skipped')} skipped, ${count('failed')} failed`,
      );
    }
    const failures = outcomes.filter((o) => o.status === 'failed');
    if (failures.length > 0) {
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
      const report = (opts.report as string | undefined) ?? `import-errors-${stamp}.csv`;
      fs.writeFileSync(report, errorReportCsv(failures));
      console.error(`Error report: ${report}`);
      process.exitCode = 1;
    }
  });

program
  .command('score')
  .description('compute the score breakdown of a set of answers on a scorecard file')
  .requiredOption('--scorecard <key>', 'scorecard key, e.g. voice-ko')
  .requiredOption('--answers <file>', 'answers JSON')
  .option('--json', 'print the breakdown as JSON')
  .action((opts: { scorecard: string; answers: string; json?: boolean }) => {
    const breakdown = scoreFromFiles(loadConfig().scorecardsDir, opts.scorecard, opts.answers);
    console.log(opts.json ? JSON.stringify(breakdown, null, 2) : formatBreakdown(breakdown));
  });

program
  .command('autoqa')
  .description('pre-score one transcript file with auto-QA and show the evidence')
  .argument(
    '<transcript>',
    'a transcript file in any format the importer accepts, or suggest-rules',
  )
  .requiredOption('--scorecard <key>', 'scorecard key, e.g. voice-ko')
  .option('--notes-file <file>', "the agent's after-call notes (overrides notes in the file)")
  .option('--agent-name <name>', "the agent's name (default: the name in the file, if any)")
  .option(
    '--company <names>',
    'the company name and aliases, comma-separated (default: COMPANY_NAMES)',
  )
  .option(
    '--corpus <dir>',
    `suggest-rules: labelled calls to measure on (default ${DEFAULT_CORPUS})`,
  )
  .option('--json', 'print the result as JSON')
  .addHelpText(
    'after',
    '\n  autoqa suggest-rules --scorecard voice-ko [--corpus dir] [--json]\n' +
      '    proposes phrase additions from the turns evaluators pinned when they overrode a fail',
  )
  .action(
    async (
      file: string,
      opts: {
        scorecard: string;
        notesFile?: string;
        json?: boolean;
        agentName?: string;
        company?: string;
        corpus?: string;
      },
    ) => {
      if (file === 'suggest-rules') {
        const out = await suggestRulesCommand(withApp, opts.scorecard, opts.corpus);
        console.log(
          opts.json ? JSON.stringify(out, null, 2) : formatProposals(opts.scorecard, out),
        );
        return;
      }
      const config = loadConfig();
      const result = autoQaFromFiles(config.scorecardsDir, file, opts.scorecard, opts.notesFile, {
        agent: opts.agentName,
        company: opts.company === undefined ? config.companyNames : parseCompanyNames(opts.company),
      });
      console.log(opts.json ? JSON.stringify(toAutoQaJson(result), null, 2) : formatAutoQa(result));
    },
  );

program
  .command('import-mystery-shop')
  .description('import mystery-shopper results (CSV or XLSX): a dry run first, then for real')
  .argument('<file>', 'the results, one row a shop')
  .option('--mapping <file>', "a mapping of the vendor's column names and value words (YAML/JSON)")
  .option('--dry-run', 'only check: list row errors and what would be created')
  .option('--json', 'print the report as JSON')
  .option('--as <email>', 'who the import is recorded as (default: the first admin)')
  .action(
    async (
      file: string,
      opts: { mapping?: string; dryRun?: boolean; json?: boolean; as?: string },
    ) => {
      const report = await withApp(async (app) => {
        const service = app.get(MysteryShopService);
        const upload = mysteryShopUploadFromDisk(file, opts.mapping);
        if (opts.dryRun) return service.dryRun(upload);
        return service.commit(await cliActor(app, opts.as), upload);
      });
      if (opts.json) {
        console.log(JSON.stringify(report, null, 2));
      } else {
        for (const e of report.errors) console.log(`row ${e.line}, ${e.column}: ${e.reason}`);
        console.log(
          `${report.rows} rows: ${report.errors.length} errors, ${report.create.length} ${report.committed ? 'created' : 'to create'}, ${report.skipped.length} already imported` +
            (report.committed ? '' : ' (dry run: nothing written)'),
        );
      }
      if (report.errors.length > 0) process.exitCode = 1;
    },
  );

registerUserCommands(program, withApp);
registerAnalyticsCommands(program, withApp);
registerQueueCommands(program, withApp);
registerCoachingCommand(program, withApp);
registerRedactCommand(program, withApp);
registerAbuseCommand(program, withApp);

const scorecards = program.command('scorecards').description('scorecard files');
scorecards
  .command('sync')
  .description('load scorecards/*.yaml: changed files become new versions')
  .action(async () => {
    const results = await withApp((app) => app.get(ScorecardsService).syncFromFiles(null));
    for (const r of results) {
      console.log(
        r.result === 'invalid'
          ? `REFUSED   ${r.error}`
          : `${r.result.padEnd(11)} ${r.key} v${r.version}  (${r.file})`,
      );
    }
    if (results.some((r) => r.result === 'invalid')) process.exitCode = 1;
  });

program.parseAsync(process.argv).catch((e: unknown) => {
  console.error(`Error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
