/**
 * bench/analytics, part 2 (issue 17): the KPI team view and the drivers analysis over the same
 * database, each beside a floor measured in the same run — the one plain SQL read of the rows
 * the figure is made from (the team's calls of the period with their metadata and mean scores;
 * the team's answers of the scorecard in the period), no statistics, no view.
 */
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../src/common/current-user';
import { DriversService } from '../../src/outcomes/drivers.service';
import { KpiService } from '../../src/outcomes/kpi.service';
import { defaultPeriod, instants } from '../../src/analytics/period';

export interface Timing {
  p50: number;
  p95: number;
}

export async function benchOutcomes(
  app: INestApplication,
  actor: Actor,
  options: {
    teamIds: number[];
    runs: number;
    time: (runs: number, fn: (i: number) => Promise<unknown>) => Promise<number[]>;
    percentile: (samples: number[], p: number) => number;
    get: (url: string) => Promise<void>;
    postgres: boolean;
  },
): Promise<void> {
  const { teamIds, runs, time, percentile, get } = options;
  const p = (n: number) => (options.postgres ? `$${n}` : '?');
  const kpis = app.get(KpiService);
  const drivers = app.get(DriversService);
  const db = app.get(DataSource);
  const { start, end } = instants(defaultPeriod());
  const show = (label: string, samples: number[], floor: number[] | null, target: number) => {
    const p50 = percentile(samples, 0.5);
    const p95 = percentile(samples, 0.95);
    const f95 = floor ? percentile(floor, 0.95) : null;
    console.log(
      `  ${label.padEnd(40)} p50 ${p50.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms` +
        (f95 === null
          ? ''
          : `   floor p95 ${f95.toFixed(1).padStart(6)} ms   ratio ${(p95 / f95).toFixed(1)}×`) +
        `   target ${target} ms   ${p95 < target ? 'met' : 'NOT met'}`,
    );
    return { p50, p95 };
  };

  const sample = await kpis.report(actor, { by: 'agent', teamId: teamIds[0] });
  const sampleDrivers = await drivers.report(actor, {
    teamId: teamIds[0],
    scorecardKey: 'voice-ko',
  });
  console.log(
    `  KPIs and drivers (issue 17), one team, last 8 weeks: ${sample.total.calls.toLocaleString('en')} calls (CSAT n ${sample.total.csat.n}, FCR n ${sample.total.fcr.n}), ${sampleDrivers.results.csat.human.calls.toLocaleString('en')} calls with human answers and CSAT; from the roll-ups: ${(await kpis.rolledUp(actor, { teamId: teamIds[0] })) ? 'yes' : 'NO (from the calls)'}; ${runs} runs each after 5 warm-ups:`,
  );
  const callsFloor = (teamId: number) =>
    db.query(
      `SELECT "i"."id", "i"."metadata", "i"."durationMs", "i"."queue", "i"."channel", "i"."startedAt",
              (SELECT AVG("e"."overallScore") FROM "evaluations" "e" WHERE "e"."interactionId" = "i"."id") AS "score"
       FROM "interactions" "i" JOIN "agents" "a" ON "a"."id" = "i"."agentId"
       WHERE "a"."teamId" = ${p(1)} AND "i"."startedAt" >= ${p(2)} AND "i"."startedAt" < ${p(3)}`,
      [teamId, stampOf(start), stampOf(end)],
    );
  const answersFloor = (teamId: number) =>
    db.query(
      `SELECT "e"."interactionId", "e"."kind", "a"."criterionKey", "a"."passed"
       FROM "evaluation_answers" "a" JOIN "evaluations" "e" ON "e"."id" = "a"."evaluationId"
       JOIN "interactions" "i" ON "i"."id" = "e"."interactionId" JOIN "agents" "ag" ON "ag"."id" = "i"."agentId"
       WHERE "ag"."teamId" = ${p(1)} AND "i"."startedAt" >= ${p(2)} AND "i"."startedAt" < ${p(3)}`,
      [teamId, stampOf(start), stampOf(end)],
    );
  const kpiFloor = await time(runs, (i) => callsFloor(teamIds[i]));
  show(
    'KpiService.report (team, by agent)',
    await time(runs, (i) => kpis.report(actor, { by: 'agent', teamId: teamIds[i] })),
    kpiFloor,
    300,
  );
  show(
    'GET /analytics/kpis?team=',
    await time(runs, (i) => get(`/analytics/kpis?team=${teamIds[i]}`)),
    kpiFloor,
    300,
  );
  const driverFloor = await time(runs, (i) => answersFloor(teamIds[i]));
  show(
    'DriversService.report (team, voice-ko)',
    await time(runs, (i) =>
      drivers.report(actor, { teamId: teamIds[i], scorecardKey: 'voice-ko' }),
    ),
    driverFloor,
    2000,
  );
  show(
    'GET /analytics/drivers?team=&scorecard=',
    await time(runs, (i) => get(`/analytics/drivers?team=${teamIds[i]}&scorecard=voice-ko`)),
    driverFloor,
    2000,
  );
}

/** TypeORM's SQLite time stamp, as the app stores startedAt. */
const stampOf = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/** The outcome roll-ups' sizes after a rebuild (outcome_stats, driver_facts). */
export async function rollupSizes(app: INestApplication): Promise<string> {
  const db = app.get(DataSource);
  const count = async (table: string) => {
    const [row] = await db.query<{ n: unknown }[]>(`SELECT COUNT(*) AS "n" FROM "${table}"`);
    return Number(row?.n ?? 0).toLocaleString('en');
  };
  return `${await count('outcome_stats')} outcome_stats rows, ${await count('driver_facts')} driver_facts rows`;
}
