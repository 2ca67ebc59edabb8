/**
 * bench/analytics: the agent profile and the team heat map over a large SQLite database.
 * 100 agents in 5 teams, 50,000 evaluations (35,000 auto on every call, 15,000 human on 3 calls
 * in 7) of the 20 criteria of voice-ko = 1,000,000 answers over the last 26 weeks, written with
 * raw prepared statements in one transaction; the criterion_stats roll-up built by rebuild().
 * Then p50/p95 over random agents and teams for the default period (the last 8 weeks):
 * 1. the service calls: AnalyticsService.agentProfile and teamHeatMap;
 * 2. one HTTP round each: GET /analytics/agents/:id and GET /analytics?team= (the pages).
 * Target: p95 < 150 ms each.
 *   npm run bench:analytics [-- --agents 100 --evaluations 50000 --runs 100 --calls 1000000]
 * --dir <path> (SQLite only): the database in <path>/qa.sqlite, kept afterwards; when it is already
 * there (written by an earlier run with --dir), it is measured again as it is: no write, no
 * rebuild (the sizes asked are then ignored). --write-only: write and rebuild, measure nothing.
 * --outcomes-only: only the KPI and drivers figures.
 */
import 'reflect-metadata';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnalyticsService } from '../src/analytics/analytics.service';
import { ApiTokensService } from '../src/auth/api-tokens.service';
import type { Actor } from '../src/common/current-user';
import { ScorecardsService } from '../src/scorecards/scorecards.service';
import { UsersService } from '../src/users/users.service';
import { generate, random, TEAMS, WEEKS } from './support/analytics-data';
import { pgSink, sqliteSink } from './support/bulk-sink';
import { benchOutcomes, rollupSizes } from './support/outcomes-bench';

const TARGET_MS = 150;

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn(i); // warm-up: statements prepared, templates compiled
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return samples;
}

function report(label: string, samples: number[]) {
  const p50 = percentile(samples, 0.5);
  const p95 = percentile(samples, 0.95);
  console.log(
    `  ${label.padEnd(44)} p50 ${p50.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   target ${TARGET_MS} ms   ratio (p95/target) ${(p95 / TARGET_MS).toFixed(2)}×   ${p95 < TARGET_MS ? 'met' : 'NOT met'}`,
  );
  return { p50, p95 };
}

const ADMIN_EMAIL = 'bench@bench.local';

/** Steps 1–3 of a fresh run: schema and user, the data written raw, the app over it rebuilt. */
async function writeAndRebuild(
  createApp: typeof import('../src/app.factory').createApp,
  pgUrl: string | null,
  dir: string,
  agents: number,
  evaluations: number,
  callsAsked: number | null,
) {
  // 1. The schema, the scorecards and a user to measure the pages with.
  let app = await createApp();
  await app.init();
  const version = await app.get(ScorecardsService).current('voice-ko');
  const users = app.get(UsersService);
  const admin = await users.create(null, {
    email: ADMIN_EMAIL,
    name: 'Bench',
    role: 'admin',
    password: 'correct horse analytics 2026',
  });
  await app.close();

  // 2. The data, raw.
  const data = await generate(
    pgUrl ? await pgSink(pgUrl) : await sqliteSink(path.join(dir, 'qa.sqlite')),
    version,
    agents,
    evaluations,
    callsAsked,
  );
  console.log(
    `bench/analytics: ${data.agents} agents in ${TEAMS} teams, ${data.calls.toLocaleString('en')} calls, ${data.evaluations.toLocaleString('en')} evaluations, ${data.answers.toLocaleString('en')} answers (${version.definition.sections.flatMap((s) => s.criteria).length} criteria of voice-ko) over ${WEEKS} weeks on ${pgUrl ? 'PostgreSQL' : 'SQLite'}, written in ${data.seconds.toFixed(1)} s; node ${process.version}`,
  );

  // 3. The app over it: the roll-up (started in the background at start-up, as it finds it empty).
  app = await createApp();
  await app.listen(0, '127.0.0.1');
  const analytics = app.get(AnalyticsService);
  const t0 = performance.now();
  const rows = await analytics.rebuild();
  const rebuildSeconds = (performance.now() - t0) / 1000;
  console.log(
    `  roll-up: analytics rebuild → ${rows.toLocaleString('en')} criterion_stats rows and the outcome roll-ups (${await rollupSizes(app)}) in ${rebuildSeconds.toFixed(1)} s`,
  );

  return { app, adminId: admin.id };
}

async function main() {
  const agents = arg('agents', 100);
  const evaluations = arg('evaluations', 50_000);
  const callsAsked = process.argv.includes('--calls') ? arg('calls', 0) : null;
  const runs = Math.max(50, arg('runs', 100));
  const kept = process.argv.includes('--dir')
    ? path.resolve(process.argv[process.argv.indexOf('--dir') + 1])
    : null;
  const outcomesOnly = process.argv.includes('--outcomes-only');
  if (kept) fs.mkdirSync(kept, { recursive: true });
  const dir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'qa-bench-analytics-'));
  const reuse = kept !== null && fs.existsSync(path.join(dir, 'qa.sqlite'));
  // --pg <url>: PostgreSQL (a database this bench may wipe) instead of SQLite.
  const pgUrl = process.argv.includes('--pg')
    ? process.argv[process.argv.indexOf('--pg') + 1]
    : null;
  Object.assign(process.env, { DATA_DIR: dir, LOG_LEVEL: 'error', AUTOQA: 'off' });
  if (pgUrl && kept) throw new Error('--dir keeps a SQLite database: not with --pg');
  if (pgUrl) {
    process.env.DATABASE_URL = pgUrl;
    const { wipePostgres } = await import('../test/support/test-app');
    await wipePostgres(pgUrl);
  }
  const { createApp } = await import('../src/app.factory');

  let app: Awaited<ReturnType<typeof createApp>>;
  let adminId: number;
  if (reuse) {
    app = await createApp();
    await app.listen(0, '127.0.0.1');
    const admin = await app.get(UsersService).findByEmail(ADMIN_EMAIL);
    if (!admin) throw new Error(`${dir}/qa.sqlite was not written by bench/analytics --dir`);
    adminId = admin.id;
    console.log(
      `bench/analytics: reusing ${dir}/qa.sqlite as it is (no write, no rebuild; ${await rollupSizes(app)}); node ${process.version}`,
    );
  } else {
    ({ app, adminId } = await writeAndRebuild(
      createApp,
      pgUrl,
      dir,
      agents,
      evaluations,
      callsAsked,
    ));
  }
  if (process.argv.includes('--write-only')) {
    await app.close();
    console.log(`  written and rebuilt into ${dir}/qa.sqlite (--write-only): nothing measured`);
    return;
  }
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const analytics = app.get(AnalyticsService);
  const actor = (await app.get(UsersService).actorFor(adminId)) as Actor;
  const rnd = random(7);
  const agentIds = Array.from({ length: runs + 5 }, () => 1 + Math.floor(rnd() * agents));
  const teamIds = Array.from({ length: runs + 5 }, () => 1 + Math.floor(rnd() * TEAMS));
  const { token } = await app.get(ApiTokensService).create(actor, 'bench');
  const get = async (url: string) => {
    const res = await fetch(`${base}${url}`, {
      headers: { accept: 'text/html', authorization: `Bearer ${token}` },
    });
    await res.text();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  };
  if (!outcomesOnly) await benchProfileAndHeatMap(analytics, actor, agentIds, teamIds, runs, get);
  await benchOutcomes(app, actor, { teamIds, runs, time, percentile, get, postgres: !!pgUrl });
  await app.close();
  if (!kept) fs.rmSync(dir, { recursive: true, force: true });
  console.log(
    `  load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the end`,
  );
}

/** Part 1: the agent profile and the team heat map, service and page. */
async function benchProfileAndHeatMap(
  analytics: AnalyticsService,
  actor: Actor,
  agentIds: number[],
  teamIds: number[],
  runs: number,
  get: (url: string) => Promise<void>,
) {
  const profile = await analytics.agentProfile(actor, agentIds[0]);
  const heat = await analytics.teamHeatMap(actor, { teamId: teamIds[0] });
  console.log(
    `  one agent, last 8 weeks: ${profile.evaluations.human} human + ${profile.evaluations.auto} auto evaluations; one team: ${heat.rows.length} agents × ${heat.criteria.length} criteria, ${heat.team.overall.total.toLocaleString('en')} human answers`,
  );

  console.log(`  service calls, ${runs} runs each after 5 warm-ups, random agents / teams:`);
  const serviceProfile = report(
    'AnalyticsService.agentProfile',
    await time(runs, (i) => analytics.agentProfile(actor, agentIds[i])),
  );
  const serviceHeat = report(
    'AnalyticsService.teamHeatMap',
    await time(runs, (i) => analytics.teamHeatMap(actor, { teamId: teamIds[i] })),
  );
  console.log(`  HTTP, the whole page (request to last byte over loopback), ${runs} runs each:`);
  const httpProfile = report(
    'GET /analytics/agents/:externalId',
    await time(runs, (i) => get(`/analytics/agents/B-${String(agentIds[i]).padStart(3, '0')}`)),
  );
  const httpHeat = report(
    'GET /analytics?team=',
    await time(runs, (i) => get(`/analytics?team=${teamIds[i]}`)),
  );
  const all = [serviceProfile, serviceHeat, httpProfile, httpHeat];
  console.log(
    `  target p95 < ${TARGET_MS} ms: ${all.every((r) => r.p95 < TARGET_MS) ? 'met' : 'NOT met'} (load average ${os.loadavg()[0].toFixed(1)})`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
