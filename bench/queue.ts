/**
 * bench/queue: the work-queue page with 10,000 queued items.
 * 10,000 calls (50 agents in 5 teams) are queued by three sampling rules and shared among 5
 * evaluators (each on one of the teams, so own-team avoidance is at work). Then GET /queue is
 * timed through the app's HTTP server, request to last byte over loopback, signed in as an
 * evaluator (their 2,000 items: the first, a middle and the last page of 50) and as the admin
 * (everyone's 10,000: first, middle, last). p50/p95 over the loads of each; target p95 < 100 ms.
 * For comparison, the interaction list (50 a page) is timed in the same run.
 *   npm run bench:queue [-- --calls 10000 --loads 120]
 */
import 'reflect-metadata';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Agent } from '../src/agents/entities/agent.entity';
import { Team } from '../src/agents/entities/team.entity';
import { transaction } from '../src/database/transaction';
import { Interaction } from '../src/interactions/entities/interaction.entity';
import { QueueItem } from '../src/queue/entities/queue-item.entity';
import { SamplingService } from '../src/queue/sampling.service';
import { User } from '../src/users/entities/user.entity';
import { UsersService } from '../src/users/users.service';
import { TEST_PASSWORD } from '../test/support/auth';

const TARGET_MS = 100;
const PAGE_SIZE = 50;
const EVALUATORS = 5;
const TEAMS = 5;
const AGENTS = 50;

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/** Teams, agents and `n` calls over four weeks, inserted in bulk (no turns: the queue needs none). */
async function seedCalls(dataSource: DataSource, n: number): Promise<void> {
  await transaction(dataSource, async (manager) => {
    const teams = await manager.save(
      Array.from({ length: TEAMS }, (_, i) => manager.create(Team, { name: `팀 ${i + 1}` })),
    );
    const agents = await manager.save(
      Array.from({ length: AGENTS }, (_, i) =>
        manager.create(Agent, {
          externalId: `QB-${String(i + 1).padStart(3, '0')}`,
          name: `상담사 ${i + 1}`,
          teamId: teams[i % TEAMS].id,
        }),
      ),
    );
    const start = Date.parse('2026-11-02T00:00:00Z');
    const queues = ['billing', 'general', 'tech'];
    for (let i = 0; i < n; i += 500) {
      const rows: QueryDeepPartialEntity<Interaction>[] = Array.from(
        { length: Math.min(500, n - i) },
        (_, j) => {
          const k = i + j;
          return {
            source: 'bench',
            externalId: `QB-CALL-${k}`,
            channel: k % 7 === 0 ? 'chat' : 'voice',
            language: 'ko',
            agentId: agents[k % AGENTS].id,
            startedAt: new Date(start + ((k * 3_600_000 * 7) % (28 * 24 * 3_600_000))),
            durationMs: 300_000,
            queue: queues[k % queues.length],
            metadata: { csat: 1 + (k % 5) },
            notes: null,
            recordingUrl: null,
            turnCount: 0,
          };
        },
      );
      await manager.createQueryBuilder().insert().into(Interaction).values(rows).execute();
    }
  });
}

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function timePage(url: string, cookie: string, loads: number, rows: number | null) {
  const load = async () => {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { accept: 'text/html', cookie }, redirect: 'manual' });
    const body = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    const found = body.match(/<tr id="item-/g)?.length ?? 0;
    if (rows !== null && found !== rows) throw new Error(`${url}: ${found} rows, expected ${rows}`);
    return ms;
  };
  for (let i = 0; i < 5; i++) await load(); // warm-up: templates compiled, statements prepared
  const samples: number[] = [];
  for (let i = 0; i < loads; i++) samples.push(await load());
  return samples;
}

async function measure(
  base: string,
  cookie: string,
  view: string,
  total: number,
  loads: number,
): Promise<{ label: string; samples: number[] }[]> {
  const pages = Math.ceil(total / PAGE_SIZE);
  const middle = Math.ceil(pages / 2);
  const out: { label: string; samples: number[] }[] = [];
  for (const page of [1, middle, pages]) {
    const rows = page < pages ? PAGE_SIZE : total - (pages - 1) * PAGE_SIZE;
    const url = `${base}/queue?${view ? `view=${view}&` : ''}page=${page}`;
    out.push({
      label: `page ${page} of ${pages}`,
      samples: await timePage(url, cookie, loads, rows),
    });
  }
  return out;
}

function report(title: string, runs: { label: string; samples: number[] }[]): number {
  console.log(title);
  for (const r of runs) {
    console.log(
      `  ${r.label.padEnd(16)} p50 ${percentile(r.samples, 0.5).toFixed(1)} ms, p95 ${percentile(r.samples, 0.95).toFixed(1)} ms (${r.samples.length} loads)`,
    );
  }
  const all = runs.flatMap((r) => r.samples);
  const p95 = percentile(all, 0.95);
  console.log(
    `  ours (all ${all.length} loads): p50 ${percentile(all, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
  );
  console.log(`  target: p95 < ${TARGET_MS} ms`);
  console.log(
    `  ratio (ours/target): ${(p95 / TARGET_MS).toFixed(2)}× — ${p95 < TARGET_MS ? 'met' : 'NOT met'}`,
  );
  return p95;
}

async function main() {
  const calls = arg('calls', 10_000);
  const loads = arg('loads', 120);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-bench-queue-'));
  Object.assign(process.env, {
    DATA_DIR: dir,
    LOG_LEVEL: 'error',
    AUTOQA: 'off',
    ADMIN_EMAIL: 'queue-admin@bench.local',
    ADMIN_PASSWORD: TEST_PASSWORD,
  });
  const { createApp } = await import('../src/app.factory');
  const app = await createApp();
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  try {
    const dataSource = app.get(DataSource);
    await seedCalls(dataSource, calls);
    const users = app.get(UsersService);
    const teams = await dataSource.getRepository(Team).find({ order: { id: 'ASC' } });
    const admin = (await users.findByEmail('queue-admin@bench.local'))!;
    const actor = (await users.actorFor(admin.id))!;
    for (let i = 1; i <= EVALUATORS; i++) {
      const user = await users.create(null, {
        email: `queue-evaluator${i}@bench.local`,
        name: `평가자 ${i}`,
        role: 'evaluator',
        password: TEST_PASSWORD,
      });
      await dataSource.getRepository(User).update(user.id, { teamId: teams[i - 1].id });
    }
    const sampling = app.get(SamplingService);
    for (const [queue, dueDays] of [
      ['billing', 2],
      ['general', 5],
      ['tech', 9],
    ] as const) {
      await sampling.createRule(actor, {
        name: `Queue ${queue}`,
        kind: 'queue',
        params: { queue },
        dueDays,
      });
    }
    const t0 = performance.now();
    const sampled = await sampling.sample(new Date());
    const sampleSeconds = (performance.now() - t0) / 1000;
    const queued = await dataSource.getRepository(QueueItem).count();
    const evaluator = (await users.findByEmail('queue-evaluator1@bench.local'))!;
    const mine = await dataSource.getRepository(QueueItem).countBy({ evaluatorId: evaluator.id });

    console.log(
      `bench/queue: ${queued.toLocaleString('en')} queue items over ${calls.toLocaleString('en')} interactions (${AGENTS} agents in ${TEAMS} teams), ${EVALUATORS} evaluators each on a team (QUEUE_AVOID_OWN_TEAM=on), SQLite, ${os.cpus().length} cores, node ${process.version}`,
    );
    console.log(
      `  sampling: 3 queue rules queued ${sampled.queued.toLocaleString('en')} calls and assigned ${sampled.assigned.toLocaleString('en')} in ${sampleSeconds.toFixed(2)} s`,
    );
    const evaluatorRuns = await measure(base, await signIn(base, evaluator.email), '', mine, loads);
    const ours = report(
      `1. GET /queue as a signed-in evaluator: their ${mine.toLocaleString('en')} items, pages of ${PAGE_SIZE}, one load at a time after 5 warm-up loads`,
      evaluatorRuns,
    );
    const interactions = await timePage(
      `${base}/interactions?pageSize=50&page=100`,
      await signIn(base, evaluator.email),
      loads,
      null,
    );
    console.log(
      `  for comparison, GET /interactions (50 a page, page 100 of ${calls / 50}) in the same run: p50 ${percentile(interactions, 0.5).toFixed(1)} ms, p95 ${percentile(interactions, 0.95).toFixed(1)} ms; ratio (queue/interactions p95) ${(ours / percentile(interactions, 0.95)).toFixed(2)}×`,
    );
    const adminRuns = await measure(base, await signIn(base, admin.email), 'all', queued, loads);
    report(
      `2. GET /queue?view=all as the admin: all ${queued.toLocaleString('en')} items`,
      adminRuns,
    );
    if (ours >= TARGET_MS) process.exitCode = 1;
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
