/**
 * Three app instances on one fresh PostgreSQL database behind HAProxy behave as one service
 * (`npm run test:multi-instance`, after `npm run build`; CI runs it after the PostgreSQL suite).
 * Started at once; calls imported through the proxy by parallel clients while one instance is
 * killed (SIGKILL) and restarted; three "Sample now" at once; a coaching PDF shared on one
 * instance read on another; a mystery-shop file previewed on one instance committed on others;
 * six wrong passwords round-robin. Then the database must show exactly what one instance gives
 * (every call scored once by an `autoqa.score` job, the PDF rendered once by a `coaching.pdf` job).
 * Exits 1 naming the first check that failed.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
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
} from './cluster';
import { submitWhileKilling } from './evaluations';

const CALLS = Number(process.env.MULTI_CALLS ?? 300);
const PER_REQUEST = 10;
const CLIENTS = 4;
const SERVER = process.env.MULTI_PG ?? 'postgres://postgres@127.0.0.1:5432';
const DB = process.env.MULTI_DB ?? 'qa_multi_instance';
const URL = `${SERVER}/${DB}`;
const PROXY = 4380;
const PORTS = [4381, 4382, 4383];
const ADMIN = { email: 'admin@multi.local', password: 'Correct-Horse-Battery-9' };

const step = (text: string) => console.log(`== ${text}`);

async function main(): Promise<void> {
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-multi-'));
  await freshDatabase();
  const env = {
    DATABASE_URL: URL,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    TRUST_PROXY: 'loopback',
  };
  const instances: Instance[] = PORTS.map((port, i) => ({
    port,
    dataDir: path.join(tmp, `data-${i + 1}`),
    process: null,
    log: path.join(tmp, `app-${i + 1}.log`),
  }));
  const proxy = startHaproxy(PROXY, PORTS, tmp);
  const db = new DataSource({ type: 'postgres', url: URL });
  const cleanup = async () => {
    await Promise.all(instances.map((i) => stop(i)));
    proxy?.kill();
    if (db.isInitialized) await db.destroy();
  };
  try {
    step(`3 instances started at once on an empty database (logs in ${tmp})`);
    for (const instance of instances) startInstance(instance, env);
    await Promise.all(PORTS.map((p, i) => waitHealthy(p, instances[i])));
    for (const instance of instances) assert.equal(instance.process?.exitCode, null);
    await db.initialize();
    assert.equal(await count(db, `SELECT COUNT(*) FROM users WHERE email = '${ADMIN.email}'`), 1);
    const base = proxy ? `http://127.0.0.1:${PROXY}` : null;
    if (proxy) await waitHealthy(PROXY);
    else console.log('HAProxy is not installed: the client spreads requests round-robin itself');
    const through = (i: number) => base ?? `http://127.0.0.1:${PORTS[i % PORTS.length]}`;

    const admin = new Client(through(0));
    assert.equal(await admin.login(ADMIN.email, ADMIN.password), 200);
    cli(
      'users',
      'create',
      '--email',
      'evaluator@multi.local',
      '--role',
      'evaluator',
      '--name',
      'Evaluator',
      '--password',
      'Quiet-River-Stone-42',
    );
    await expectOk(
      admin.request('POST', '/api/queue/rules', {
        name: 'Billing',
        kind: 'queue',
        params: { queue: 'billing' },
      }),
    );

    step(
      `${CALLS} calls imported through the proxy by ${CLIENTS} clients; instance 2 killed mid-import`,
    );
    const batches = batchesOfCalls();
    let next = 0;
    let done = 0;
    const killer = (async () => {
      while (done < batches.length / 3) await sleep(50);
      await stop(instances[1], 'SIGKILL');
      console.log(`   instance 2 killed (SIGKILL) after ${done} of ${batches.length} requests`);
      await sleep(1500);
      startInstance(instances[1], env);
      await waitHealthy(PORTS[1], instances[1]);
      console.log('   instance 2 restarted');
    })();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        const client = admin.at(through(c));
        for (let b = next++; b < batches.length; b = next++) {
          await importWithRetry(client, batches[b]);
          done++;
        }
      }),
    );
    await killer;
    assert.equal(await count(db, 'SELECT COUNT(*) FROM interactions'), CALLS);

    step('waiting for auto-QA to score every call');
    await until(
      async () =>
        (await count(
          db,
          `SELECT COUNT(*) FROM interactions i WHERE NOT EXISTS (SELECT 1 FROM evaluations e WHERE e."interactionId" = i.id AND e.kind = 'auto')`,
        )) === 0,
      120_000,
      'every call has an auto evaluation',
    );
    // Scored through the jobs: each call has an `autoqa.score` job (keyed by call and scorecard
    // version), none failed. Jobs the killed instance held stay active until they expire (2 min)
    // and then complete (their calls are scored: by them before the kill, or by the sweep's).
    const scoreJobs = (where: string) =>
      count(db, `SELECT COUNT(*) FROM pgboss.job WHERE name = 'autoqa.score' AND ${where}`);
    const withoutJob = await count(
      db,
      `SELECT COUNT(*) FROM interactions i WHERE i."externalId" LIKE 'MULTI-%' AND NOT EXISTS (
         SELECT 1 FROM pgboss.job j WHERE j.name = 'autoqa.score' AND j.singleton_key LIKE i.id || ':%')`,
    );
    assert.equal(withoutJob, 0, 'every imported call has its autoqa.score job');
    assert.equal(await scoreJobs(`state = 'failed'`), 0, 'no autoqa.score job failed');
    console.log(
      `   autoqa.score jobs: ${await scoreJobs(`state = 'completed'`)} completed, ` +
        `${await scoreJobs(`state = 'active'`)} still active (held by the killed instance)`,
    );

    step('three "Sample now" at once');
    const samples = await Promise.all(
      [0, 1, 2].map((i) =>
        admin.at(through(i)).request('POST', '/queue/sample', undefined, 'text/html'),
      ),
    );
    assert.deepEqual(
      samples.map((r) => r.status),
      [303, 303, 303],
    );

    step('evaluations submitted through the proxy while instance 3 is killed (SIGKILL)');
    await submitWhileKilling(admin, through, instances[2], env, db);

    step('a coaching PDF shared on instance 1, read on instance 3');
    const plan = await expectOk(
      admin.at(`http://127.0.0.1:${PORTS[0]}`).request('POST', '/api/coaching/plans', {
        agent: 'A-017',
        from: '2026-11-01',
        to: '2026-11-30',
      }),
    );
    const planId = (plan as { id: number }).id;
    const share = await admin
      .at(`http://127.0.0.1:${PORTS[0]}`)
      .request('POST', `/coaching/${planId}/share`, undefined, 'text/html');
    assert.ok(share.status < 400, `share answered ${share.status}`);
    const pdfAt = async (port: number) => {
      const res = await admin
        .at(`http://127.0.0.1:${port}`)
        .request('GET', `/api/coaching/plans/${planId}/pdf`, undefined, 'application/pdf');
      assert.equal(res.status, 200);
      return Buffer.from(await res.arrayBuffer());
    };
    const [one, three] = [await pdfAt(PORTS[0]), await pdfAt(PORTS[2])];
    assert.ok(one.subarray(0, 5).toString() === '%PDF-', 'a PDF');
    assert.ok(one.equals(three), 'instance 3 serves the bytes instance 1 rendered');
    // Rendered once, by a `coaching.pdf` job that one of the workers took.
    const pdfJobs = await db.query<{ state: string }[]>(
      `SELECT state FROM pgboss.job WHERE name = 'coaching.pdf' AND singleton_key LIKE $1`,
      [`plan-${planId}-v%`],
    );
    assert.deepEqual(
      pdfJobs.map((j) => j.state),
      ['completed'],
      'the PDF was rendered once, by a job',
    );

    step('a mystery-shop file previewed on instance 1, committed on instances 2 and 3 at once');
    const token = await mysteryShopPreview(admin.at(`http://127.0.0.1:${PORTS[0]}`));
    const commits = await Promise.all(
      [1, 2, 1, 2].map((i) => {
        const form = new FormData();
        form.append('token', token);
        return admin
          .at(`http://127.0.0.1:${PORTS[i]}`)
          .request('POST', '/mystery-shop', form, 'text/html');
      }),
    );
    assert.deepEqual(
      commits.map((r) => r.status).sort(),
      [201, 400, 400, 400],
      'one commit imports, the others are told it was already imported',
    );

    step('6 wrong passwords, one to each instance in turn: the 6th is refused (429)');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const client = new Client(`http://127.0.0.1:${PORTS[i % 3]}`);
      statuses.push(await client.login('evaluator@multi.local', 'not-the-password'));
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);

    step('checks');
    await settled(db);
    // The imported calls (the mystery-shop file added its own shop calls beside them).
    const ours = `"interactionId" IN (SELECT id FROM interactions WHERE "externalId" LIKE 'MULTI-%')`;
    const calls = await count(
      db,
      `SELECT COUNT(*) FROM interactions WHERE "externalId" LIKE 'MULTI-%'`,
    );
    const autos = await count(
      db,
      `SELECT COUNT(*) FROM evaluations WHERE kind = 'auto' AND ${ours}`,
    );
    const scored = await count(
      db,
      `SELECT COUNT(DISTINCT "interactionId") FROM evaluations WHERE kind = 'auto' AND ${ours}`,
    );
    console.log(`   ${calls} calls, ${autos} auto evaluations on ${scored} calls`);
    assert.equal(calls, CALLS);
    assert.equal(autos, scored, 'one auto evaluation per call');
    assert.equal(scored, CALLS, 'every call scored');
    const incomplete = await count(
      db,
      `SELECT COUNT(*) FROM interactions i WHERE i."externalId" LIKE 'MULTI-%' AND (i."turnCount" = 0 OR i."turnCount" <> (SELECT COUNT(*) FROM turns t WHERE t."interactionId" = i.id))`,
    );
    assert.equal(incomplete, 0, 'every imported call has all its turns');
    const items = await count(db, `SELECT COUNT(*) FROM queue_items WHERE ${ours}`);
    const queuedCalls = await count(db, 'SELECT COUNT(DISTINCT "interactionId") FROM queue_items');
    const audited = await count(
      db,
      `SELECT COALESCE(SUM(CAST(CAST(after AS json)->>'queued' AS integer)), 0) FROM audit_log WHERE action = 'queue.sampled'`,
    );
    console.log(`   ${items} queue items, ${audited} reported queued by the audit log`);
    const allItems = await count(db, 'SELECT COUNT(*) FROM queue_items');
    assert.equal(items, CALLS, 'every billing call queued');
    assert.equal(queuedCalls, allItems, 'one queue item per call');
    assert.equal(audited, allItems, 'the audit log reports each queued item once');
    // The roll-up's refreshes are pg-boss jobs, coalesced per agent-day: all done, none failed,
    // far fewer than the evaluations that asked for them.
    const refreshJobs = (states: string) =>
      count(
        db,
        `SELECT COUNT(*) FROM pgboss.job WHERE name = 'analytics.refresh' AND state IN (${states})`,
      );
    // A refresh the killed instance held stays active until it expires (60 s after it started),
    // which pg-boss notices at its next supervision (every 30 s), then it is retried: up to about
    // 100 s after the kill on an idle machine, more on a busy one.
    await until(
      async () => (await refreshJobs(`'created', 'retry', 'active'`)) === 0,
      180_000,
      'the roll-up refresh jobs are done',
    );
    const refreshes = await refreshJobs(`'completed', 'failed'`);
    console.log(`   ${refreshes} roll-up refresh jobs for ${autos}+ evaluations (per agent-day)`);
    assert.equal(await refreshJobs(`'failed'`), 0, 'no roll-up refresh job failed');
    assert.ok(refreshes < autos, 'refreshes coalesced per agent-day');
    const before = await rollUp(db);
    cli('analytics', 'rebuild');
    assert.ok(before.length > 0);
    assert.deepEqual(before, await rollUp(db), 'the roll-up equals `analytics rebuild`');
    const mysteryShop = await count(
      db,
      `SELECT COUNT(*) FROM evaluations WHERE kind = 'mystery_shop'`,
    );
    assert.ok(mysteryShop > 0, 'the mystery-shop file was imported');
    console.log(
      `multi-instance: all checks passed in ${Math.round((Date.now() - started) / 1000)} s`,
    );
  } finally {
    await cleanup();
  }
}

/** The command line of the built app, on the test's database. */
function cli(...args: string[]): void {
  const entry = path.join(
    path.dirname(process.env.APP_ENTRY ?? path.join(ROOT, 'dist', 'src', 'main.js')),
    'cli.js',
  );
  const run = spawnSync('node', [entry, ...args], {
    cwd: ROOT,
    // AUTOQA=off: the command does only what it is asked (no scoring pass of its own).
    env: { ...process.env, DATABASE_URL: URL, LOG_LEVEL: 'error', AUTOQA: 'off' },
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, `cli ${args.join(' ')}: ${run.stderr}`);
}

async function freshDatabase(): Promise<void> {
  const server = new DataSource({ type: 'postgres', url: `${SERVER}/postgres` });
  await server.initialize();
  await server.query(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
  await server.query(`CREATE DATABASE "${DB}"`);
  await server.destroy();
}

function batchesOfCalls(): { name: string; bytes: Buffer }[][] {
  const call = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'transcripts', 'call-ko.json'), 'utf8'),
  );
  const files = Array.from({ length: CALLS }, (_, i) => ({
    name: `multi-${i}.json`,
    bytes: Buffer.from(
      JSON.stringify({ ...call, externalId: `MULTI-${String(i).padStart(4, '0')}` }),
    ),
  }));
  const batches = [];
  for (let i = 0; i < files.length; i += PER_REQUEST) batches.push(files.slice(i, i + PER_REQUEST));
  return batches;
}

/**
 * A request cut off by the killed instance is sent again, as a user would: the import skips
 * the calls that are already in (by call id), so nothing is doubled.
 */
async function importWithRetry(client: Client, files: { name: string; bytes: Buffer }[]) {
  for (let attempt = 1; ; attempt++) {
    const form = new FormData();
    for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)]), f.name);
    try {
      const res = await client.request('POST', '/api/interactions/import', form);
      const body = (await res.json()) as { imported: number; skipped: number; failed: number };
      if (res.status === 200 && body.failed === 0) return;
      if (res.status < 500 || attempt >= 5) {
        throw new Error(`import answered ${res.status}: ${JSON.stringify(body)}`);
      }
    } catch (e) {
      if (attempt >= 5) throw e;
    }
    await sleep(500 * attempt);
  }
}

async function mysteryShopPreview(client: Client): Promise<string> {
  const dir = path.join(ROOT, 'test', 'fixtures', 'mystery-shop');
  const clean = fs
    .readFileSync(path.join(dir, 'sample-ko.csv'), 'utf8')
    .split('\n')
    .filter((l) => !/^MS-2603-006|^MS-2603-010/.test(l))
    .join('\n');
  const form = new FormData();
  form.append('file', new Blob([clean]), 'clean.csv');
  form.append(
    'mapping',
    new Blob([new Uint8Array(fs.readFileSync(path.join(dir, 'mapping-ko.yaml')))]),
    'mapping-ko.yaml',
  );
  const res = await client.request('POST', '/mystery-shop', form, 'text/html');
  const page = await res.text();
  const token = /name="token" value="([a-f0-9]{32})"/.exec(page)?.[1];
  assert.ok(token, `the dry run offers a commit (status ${res.status})`);
  return token;
}

async function expectOk(response: Promise<Response>): Promise<unknown> {
  const res = await response;
  const body = (await res.json()) as unknown;
  assert.ok(res.ok, `answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

async function count(db: DataSource, sql: string): Promise<number> {
  const rows = await db.query<Record<string, string>[]>(sql);
  return Number(Object.values(rows[0])[0]);
}

async function rollUp(db: DataSource) {
  return db.query<unknown[]>(
    `SELECT "agentId", "teamId", "day", "scorecardKey", "criterionKey", "source", "passed", "failed", "na" FROM criterion_stats ORDER BY 1, 3, 4, 5, 6`,
  );
}

/** Until no evaluation has been written for 5 s (the roll-up refreshes follow the last ones). */
async function settled(db: DataSource): Promise<void> {
  const last = () => count(db, 'SELECT COALESCE(MAX(id), 0) FROM evaluations');
  let seen = await last();
  for (let quiet = 0; quiet < 10; quiet++) {
    await sleep(500);
    const now = await last();
    if (now !== seen) [seen, quiet] = [now, 0];
  }
  await sleep(1000);
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await sleep(500);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
