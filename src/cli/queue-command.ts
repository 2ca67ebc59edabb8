/** `npm run cli -- queue sample`: apply the sampling rules now, from the shell. */
import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { describeUnassigned, SamplingService } from '../queue/sampling.service';
import { cliActor } from './users-command';

type WithApp = <T>(fn: (app: INestApplicationContext) => Promise<T>) => Promise<T>;

export function registerQueueCommands(program: Command, withApp: WithApp): void {
  const queue = program.command('queue').description('the work queue');

  queue
    .command('sample')
    .description('apply the active sampling rules to the calls not queued yet, and assign them')
    .option('--json', 'print the result as JSON')
    .option('--as <email>', 'who the run is recorded as (default: the first admin, else system)')
    .action(async (opts: { json?: boolean; as?: string }) => {
      const result = await withApp(async (app) => {
        const actor = await cliActor(app, opts.as).catch((e: unknown) => {
          if (opts.as) throw e;
          return null;
        });
        return app.get(SamplingService).sample(new Date(), actor);
      });
      if (opts.json) {
        console.log(JSON.stringify(result, null, 2));
        return;
      }
      for (const r of result.byRule) console.log(`  ${String(r.queued).padStart(5)}  ${r.name}`);
      console.log(
        `Queued ${result.queued} calls; ${result.assigned} items given to evaluators.` +
          (result.unassigned > 0 ? ` ${describeUnassigned(result)}.` : ''),
      );
    });
}
