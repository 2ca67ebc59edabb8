/**
 * `npm run cli -- abuse-backfill`: stores the abuse flag of every call imported before flags
 * were stored at import (calls already checked are left alone; calls whose transcript was
 * deleted are skipped). Team leads get no notice for these old calls. Auto evaluations already
 * stored are not changed; re-scoring them is a separate decision. When a call was flagged, the
 * analytics roll-up is rebuilt, since it leaves flagged calls out.
 */
import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { AbuseService } from '../abuse/abuse.service';
import { AnalyticsService } from '../analytics/analytics.service';

type WithApp = <T>(fn: (app: INestApplicationContext) => Promise<T>) => Promise<T>;

export function registerAbuseCommand(program: Command, withApp: WithApp): void {
  program
    .command('abuse-backfill')
    .description('flag abusive callers on calls imported before the flag was stored at import')
    .action(async () => {
      const { checked, flagged } = await withApp(async (app) => {
        const result = await app.get(AbuseService).backfill();
        if (result.flagged > 0) await app.get(AnalyticsService).rebuild();
        return result;
      });
      console.log(`Checked ${checked} calls: ${flagged} flagged for customer abuse.`);
    });
}
