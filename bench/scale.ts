/**
 * bench/scale: calls imported through HAProxy by 4 parallel clients into 1, 2 and 3 app
 * instances on one PostgreSQL database (every instance with workers: they score the calls as
 * `autoqa.score` jobs while the import runs), against one instance on SQLite in the same run.
 * Measured per setup: calls/s of the import, p95 of `GET /interactions` (the calls list page)
 * requested by a fifth client during the import, and the time until every call is scored;
 * checked: zero failed requests, zero duplicate calls, one auto evaluation per call.
 * Target (issue 14): 2 PostgreSQL instances ≥ 1.6× one; p95 < 200 ms during the import.
 *   npm run bench:scale [-- --calls 10000 --setups sqlite-1,pg-1,pg-2,pg-3]
 * Needs the built app (`npm run bench:scale` builds it) and PostgreSQL at BENCH_PG
 * (default postgres://postgres@127.0.0.1:5432; the database BENCH_DB, default `qa_bench_scale`,
 * is recreated).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DataSource } from 'typeorm';
import {
  Client,
  Instance,
  ROOT,
  sleep,
  startHaproxy,
  startInstance,
  stop,
  waitHealthy,
} from '../test/multi-instance/cluster';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const CALLS = Number(arg('calls', '10000'));
const SETUPS = arg('setups', 'sqlite-1,pg-1,pg-2,pg-3').split(',');
const CLIENTS = 4;
const PER_REQUEST = 10;
const SERVER = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';
const DB = process.env.BENCH_DB ?? 'qa_bench_scale';
const PROXY = 4480;
const PORTS = [4481, 4482, 4483];
const ADMIN = { email: 'admin@scale.local', password: 'Correct-Horse-Battery-9' };
/** How long the scoring may take after the import before the run gives up. */
const SCORING_LIMIT_MS = 20 * 60_000;

interface Result {
  setup: string;
  calls: number;
  importSeconds: number;
  callsPerSecond: number;
  pageP95Ms: number;
  pageRequests: number;
  scoredAfterSeconds: number;
  errors: number;
  duplicates: number;
  autoEvaluations: number;
  scoredCalls: number;
}

function files(): { name: string; bytes: Buffer }[][] {
  const call = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'transcripts', 'call-ko.json'), 'utf8'),
  );
  const batches = [];
  for (let i = 0; i < CALLS; i += PER_REQUEST) {
    batches.push(
      Array.from({ length: Math.min(PER_REQUEST, CALLS - i) }, (_, j) => ({
        name: `scale-${i + j}.json`,
        bytes: Buffer.from(
          JSON.stringify({
            ...call,
            externalId: `SCALE-${String(i + j).padStart(6, '0')}`,
            agent: {
              ...call.agent,
              externalId: `A-${String(((i + j) % 40) + 1).padStart(3, '0')}`,
              name: `Agent ${((i + j) % 40) + 1}`,
            },
          }),
        ),
      })),
    );
  }
  return batches;
}

async function freshPostgres(): Promise<void> {
  const server = new DataSource({ type: 'postgres', url: `${SERVER}/postgres` });
  await server.initialize();
  await server.query(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
  await server.query(`CREATE DATABASE "${DB}"`);
  await server.destroy();
}

function p95(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
}

async function count(db: DataSource, sql: string): Promise<number> {
  const rows = await db.query<Record<string, string>[]>(sql);
  return Number(Object.values(rows[0])[0]);
}

async function run(setup: string, batches: { name: string; bytes: Buffer }[][]): Promise<Result> {
  const [engine, n] = setup.split('-');
  const size = Number(n);
  if (!['sqlite', 'pg'].includes(engine) || !(size >= 1 && size <= 3)) {
    throw new Error(`unknown setup ${setup} (sqlite-1, pg-1, pg-2, pg-3)`);
  }
  if (engine === 'sqlite' && size !== 1) throw new Error('SQLite runs one instance');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `qa-scale-${setup}-`));
  const env: Record<string, string> = {
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    TRUST_PROXY: 'loopback',
  };
  if (engine === 'pg') {
    await freshPostgres();
    env.DATABASE_URL = `${SERVER}/${DB}`;
  }
  const ports = PORTS.slice(0, size);
  const instances: Instance[] = ports.map((port, i) => ({
    port,
    dataDir: path.join(tmp, `data-${i + 1}`),
    process: null,
    log: path.join(tmp, `app-${i + 1}.log`),
  }));
  const proxy = startHaproxy(PROXY, ports, tmp);
  if (!proxy) throw new Error('HAProxy is not installed (npm run setup installs it)');
  let db: DataSource | null = null;
  let ok = false;
  try {
    for (const instance of instances) startInstance(instance, env);
    await Promise.all(ports.map((p, i) => waitHealthy(p, instances[i])));
    await waitHealthy(PROXY);
    const base = `http://127.0.0.1:${PROXY}`;
    const admin = new Client(base);
    if ((await admin.login(ADMIN.email, ADMIN.password)) !== 200) throw new Error('no sign-in');
    db =
      engine === 'pg'
        ? new DataSource({ type: 'postgres', url: env.DATABASE_URL })
        : new DataSource({ type: 'sqlite', database: path.join(tmp, 'data-1', 'qa.sqlite') });
    await db.initialize();

    let errors = 0;
    let next = 0;
    let importing = true;
    const pages: number[] = [];
    const reader = (async () => {
      while (importing) {
        const at = performance.now();
        try {
          const res = await admin.request('GET', '/interactions', undefined, 'text/html');
          await res.arrayBuffer();
          if (res.status !== 200) errors++;
        } catch (e) {
          // A connection cut counts as an error (and does not end the run).
          errors++;
          console.error(`   GET /interactions: ${String(e)}`);
        }
        pages.push(performance.now() - at);
        await sleep(250);
      }
    })();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let b = next++; b < batches.length; b = next++) {
          const form = new FormData();
          for (const f of batches[b])
            form.append('files', new Blob([new Uint8Array(f.bytes)]), f.name);
          const res = await admin.request('POST', '/api/interactions/import', form);
          const body = (await res.json()) as { imported?: number; failed?: number };
          if (res.status !== 200 || body.failed !== 0 || body.imported !== batches[b].length) {
            errors++;
            console.error(`   import answered ${res.status}: ${JSON.stringify(body)}`);
          }
        }
      }),
    );
    const importSeconds = (performance.now() - started) / 1000;
    importing = false;
    await reader;

    const unscored = `SELECT COUNT(*) FROM interactions i WHERE NOT EXISTS (SELECT 1 FROM evaluations e WHERE e."interactionId" = i.id AND e.kind = 'auto')`;
    const limit = Date.now() + SCORING_LIMIT_MS;
    // AUTOQA=off (the instances inherit it): the import alone, nothing to wait for.
    while (process.env.AUTOQA !== 'off' && (await count(db, unscored)) > 0 && Date.now() < limit)
      await sleep(500);
    const scoredAfterSeconds = (performance.now() - started) / 1000;
    const calls = await count(db, 'SELECT COUNT(*) FROM interactions');
    const distinct = await count(db, 'SELECT COUNT(DISTINCT "externalId") FROM interactions');
    const autoEvaluations = await count(db, `SELECT COUNT(*) FROM evaluations WHERE kind = 'auto'`);
    const scoredCalls = await count(
      db,
      `SELECT COUNT(DISTINCT "interactionId") FROM evaluations WHERE kind = 'auto'`,
    );
    ok = true;
    return {
      setup,
      calls,
      importSeconds: round(importSeconds),
      callsPerSecond: round(calls / importSeconds),
      pageP95Ms: round(p95(pages)),
      pageRequests: pages.length,
      scoredAfterSeconds: round(scoredAfterSeconds),
      errors,
      duplicates: calls - distinct + (autoEvaluations - scoredCalls),
      autoEvaluations,
      scoredCalls,
    };
  } finally {
    if (db?.isInitialized) await db.destroy();
    await Promise.all(instances.map((i) => stop(i)));
    proxy.kill();
    // The instances' logs stay when something went wrong.
    if (ok) fs.rmSync(tmp, { recursive: true, force: true });
    else console.error(`   logs kept in ${tmp}`);
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

async function main(): Promise<void> {
  const batches = files();
  const load = os.loadavg().map((l) => l.toFixed(2));
  console.log(
    `bench/scale: ${CALLS} calls, ${CLIENTS} clients × ${PER_REQUEST} calls per request, ` +
      `setups ${SETUPS.join(', ')}; ${os.cpus().length} cores, load before ${load.join(' ')}`,
  );
  const results: Result[] = [];
  for (const setup of SETUPS) {
    console.log(`== ${setup}`);
    const result = await run(setup, batches);
    console.log(`   ${JSON.stringify(result)} (load ${os.loadavg()[0].toFixed(2)})`);
    results.push(result);
  }
  console.log(
    '\n| setup | calls | import s | calls/s | p95 /interactions ms | all scored after s | errors | duplicates |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    console.log(
      `| ${r.setup} | ${r.calls} | ${r.importSeconds} | ${r.callsPerSecond} | ${r.pageP95Ms} | ${r.scoredAfterSeconds} | ${r.errors} | ${r.duplicates} |`,
    );
  }
  const pg1 = results.find((r) => r.setup === 'pg-1');
  const pg2 = results.find((r) => r.setup === 'pg-2');
  const pg3 = results.find((r) => r.setup === 'pg-3');
  if (pg1 && pg2) {
    console.log(`pg-2 / pg-1: ${(pg2.callsPerSecond / pg1.callsPerSecond).toFixed(2)}x`);
  }
  if (pg1 && pg3) {
    console.log(`pg-3 / pg-1: ${(pg3.callsPerSecond / pg1.callsPerSecond).toFixed(2)}x`);
  }
  console.log(
    `load after ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const bad = results.filter(
    (r) => r.errors > 0 || r.duplicates > 0 || r.calls !== CALLS || r.scoredCalls !== CALLS,
  );
  if (bad.length > 0) {
    console.error(
      `FAILED: errors, duplicates or unscored calls in ${bad.map((r) => r.setup).join(', ')}`,
    );
    process.exit(1);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
