/** `npm run cli -- analytics rebuild`: the criterion_stats roll-up recomputed from every answer. */
import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { AnalyticsService } from '../analytics/analytics.service';

type WithApp = <T>(fn: (app: INestApplicationContext) => Promise<T>) => Promise<T>;

export function registerAnalyticsCommands(program: Command, withApp: WithApp): void {
  const analytics = program
    .command('analytics')
    .description('agent patterns and the team heat map');
  analytics
    .command('rebuild')
    .description(
      'recompute the per-agent, per-day criterion roll-up (criterion_stats) from every evaluation',
    )
    .action(async () => {
      const started = Date.now();
      const rows = await withApp((app) => app.get(AnalyticsService).rebuild());
      console.log(
        `criterion_stats rebuilt: ${rows.toLocaleString('en')} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    });
}
