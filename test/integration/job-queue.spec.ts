/**
 * The job queue under the background work. On PostgreSQL: pg-boss clients on one database, as
 * several app instances are — sends with one key coalesce into one job, a cron schedule fires
 * once per tick however many instances watch it, a job that keeps failing ends `failed` and
 * runs again when retried, and clients started at once on a database without pg-boss's schema
 * all start. On SQLite: a job runs when sent, in the sender's transaction.
 */
import { DataSource } from 'typeorm';
import { InProcessJobQueue } from '../../src/events/in-process-job-queue';
import type { QueueDefinition } from '../../src/events/job-queue';
import { PGBOSS_SCHEMA, PgBossJobQueue } from '../../src/events/pg-boss-job-queue';

jest.setTimeout(180_000);

const url = process.env.DATABASE_URL;
const onPg = url ? describe : describe.skip;
const onSqlite = url ? describe.skip : describe;

const SHORT: QueueDefinition = { policy: 'short', retryLimit: 0, retryDelay: 1, concurrency: 1 };

async function until(check: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
}

onPg('pg-boss job queue (PostgreSQL)', () => {
  let db: DataSource;
  const clients: PgBossJobQueue[] = [];
  const client = (workers: boolean) => {
    const queue = new PgBossJobQueue(url!, () => workers);
    clients.push(queue);
    return queue;
  };

  beforeAll(async () => {
    db = new DataSource({ type: 'postgres', url });
    await db.initialize();
    await db.query(`DROP SCHEMA IF EXISTS ${PGBOSS_SCHEMA} CASCADE`);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.stop()));
  });
  afterAll(() => db.destroy());

  it('three clients started at once on a database without pg-boss all start', async () => {
    const three = [client(false), client(false), client(false)];
    for (const c of three) c.define('test.start', SHORT, () => undefined);
    await Promise.all(three.map((c) => c.start()));
    const counts = await three[0].counts();
    expect(counts.map((c) => c.name)).toContain('test.start');
  });

  it('40 sends with one key while none runs coalesce into one job; another key is its own', async () => {
    const runs: string[] = [];
    const sender = client(false);
    sender.define('test.coalesce', SHORT, (data) => {
      runs.push(String(data.key));
    });
    for (let i = 0; i < 40; i++)
      await sender.send('test.coalesce', { key: 'a' }, { key: '7:2026-10-14' });
    await sender.send('test.coalesce', { key: 'b' }, { key: '8:2026-10-14' });
    // Then a process with workers comes: it runs what waits.
    const worker = client(true);
    worker.define('test.coalesce', SHORT, (data) => {
      runs.push(String(data.key));
    });
    await worker.start();
    await worker.settled(['test.coalesce']);
    expect(runs.sort()).toEqual(['a', 'b']);
    const [row] = (await worker.counts()).filter((c) => c.name === 'test.coalesce');
    expect(row).toMatchObject({ queued: 0, active: 0, failed: 0, completed: 2 });
  });

  it('a send inside a transaction that rolls back leaves no job', async () => {
    const sender = client(false);
    sender.define('test.tx', SHORT, () => undefined);
    await sender.start();
    await db
      .transaction(async (manager) => {
        await sender.send('test.tx', {}, { key: 'x', manager });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await db.transaction((manager) => sender.send('test.tx', {}, { key: 'y', manager }));
    const rows = await db.query(
      `SELECT singleton_key FROM ${PGBOSS_SCHEMA}.job WHERE name = 'test.tx'`,
    );
    expect(rows).toEqual([{ singleton_key: 'y' }]);
  });

  it('a job that keeps failing is failed with its error; retried, it runs again', async () => {
    let fail = true;
    let runs = 0;
    const worker = client(true);
    worker.define(
      'test.fail',
      { policy: 'standard', retryLimit: 1, retryDelay: 1, concurrency: 1 },
      () => {
        runs++;
        if (fail) throw new Error('the roll-up table is locked by a backup');
      },
    );
    await worker.send('test.fail', { agentId: 3 });
    expect(await until(async () => (await worker.failed(10)).length === 1, 30_000)).toBe(true);
    expect(runs).toBe(2);
    const [failed] = await worker.failed(10);
    expect(failed).toMatchObject({ queue: 'test.fail', data: { agentId: 3 }, attempts: 2 });
    expect(failed.error).toContain('the roll-up table is locked by a backup');
    fail = false;
    expect(await worker.retry('test.fail', failed.id)).toBe(true);
    expect(await worker.retry('test.fail', failed.id)).toBe(false);
    await worker.settled(['test.fail']);
    expect(runs).toBe(3);
    expect(await worker.failed(10)).toEqual([]);
  });

  it('sendMany in a batch queue: a key already waiting is skipped; one job failing fails alone', async () => {
    const runs: number[] = [];
    const batch: QueueDefinition = { ...SHORT, retryLimit: 0, batchSize: 10 };
    const sender = client(false);
    sender.define('test.many', batch, () => undefined);
    const jobs = (ns: number[]) => ns.map((n) => ({ data: { n }, key: `call-${n}` }));
    await sender.sendMany('test.many', jobs([1, 2, 3, 4]));
    await sender.sendMany('test.many', jobs([3, 4, 5]));
    const worker = client(true);
    worker.define('test.many', batch, (data) => {
      if (data.n === 2) throw new Error('call 2 cannot be scored');
      runs.push(Number(data.n));
    });
    await worker.start();
    await worker.settled(['test.many']);
    expect(runs.sort()).toEqual([1, 3, 4, 5]);
    const failed = await worker.failed(10);
    expect(failed.map((f) => [f.queue, f.data])).toEqual([['test.many', { n: 2 }]]);
    expect(failed[0].error).toContain('call 2 cannot be scored');
    const [row] = (await worker.counts()).filter((c) => c.name === 'test.many');
    expect(row).toMatchObject({ queued: 0, active: 0, failed: 1, completed: 4 });
  });

  it('a cron schedule watched by two instances runs once per tick', async () => {
    const runs: number[] = [];
    const every = { ...SHORT, cron: '* * * * *' };
    const a = client(true);
    const b = client(true);
    a.define('test.cron', every, () => void runs.push(1));
    b.define('test.cron', every, () => void runs.push(2));
    await Promise.all([a.start(), b.start()]);
    // The next minute's tick (pg-boss looks every 10 s), then a while longer for a duplicate.
    expect(await until(() => runs.length > 0, 100_000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    // One job per tick (pg-boss's own per-minute `send-it` row), and each run once.
    const ticks = await db.query(
      `SELECT DISTINCT singleton_on FROM ${PGBOSS_SCHEMA}.job
        WHERE name = '__pgboss__send-it' AND singleton_key = 'test.cron'`,
    );
    const jobs = await db.query(`SELECT state FROM ${PGBOSS_SCHEMA}.job WHERE name = 'test.cron'`);
    expect(ticks.length).toBeGreaterThanOrEqual(1);
    expect(jobs).toHaveLength(ticks.length);
    expect(runs).toHaveLength(ticks.length);
  });
});

onSqlite('in-process job queue (SQLite)', () => {
  it('runs a job when sent, with the transaction it is sent in', async () => {
    const queue = new InProcessJobQueue();
    const seen: unknown[] = [];
    queue.define('test.inline', SHORT, (data, manager) => {
      seen.push([data, Boolean(manager)]);
    });
    const manager = {} as never;
    await queue.send('test.inline', { n: 1 }, { key: 'k', manager });
    await queue.send('test.inline', { n: 2 });
    expect(seen).toEqual([
      [{ n: 1 }, true],
      [{ n: 2 }, false],
    ]);
    expect(await queue.counts()).toEqual([]);
  });

  it('a `later` queue runs after the sender returns, once sends pause; one waiting job per key', async () => {
    const queue = new InProcessJobQueue();
    const runs: unknown[] = [];
    queue.define('test.later', { ...SHORT, inProcess: 'later' }, (data, manager) => {
      runs.push([data.n, Boolean(manager)]);
    });
    await queue.send('test.later', { n: 1 }, { key: 'a', manager: {} as never });
    await queue.sendMany('test.later', [
      { data: { n: 2 }, key: 'a' },
      { data: { n: 3 }, key: 'b' },
    ]);
    expect(runs).toEqual([]);
    expect((await queue.counts())[0]).toMatchObject({ name: 'test.later', queued: 2 });
    await queue.settled();
    expect(runs).toEqual([
      [1, false],
      [3, false],
    ]);
    expect((await queue.counts())[0]).toMatchObject({ queued: 0, completed: 2, failed: 0 });
    await queue.stop();
  });

  it('a web process with WORKERS=off keeps no `later` job (the worker finds the work); `now` jobs still run', async () => {
    const queue = new InProcessJobQueue(() => true);
    const runs: string[] = [];
    queue.define('test.later', { ...SHORT, inProcess: 'later' }, () => {
      runs.push('later');
    });
    queue.define('test.now', SHORT, () => {
      runs.push('now');
    });
    await queue.send('test.later', { n: 1 });
    await queue.sendMany('test.later', [{ data: { n: 2 } }]);
    await queue.send('test.now', { n: 3 });
    await queue.settled();
    expect(runs).toEqual(['now']);
    expect(await queue.counts()).not.toContainEqual(expect.objectContaining({ queued: 1 }));
    await queue.stop();
  });

  it('a `later` job that keeps failing is retried with backoff, then listed; retried, it runs', async () => {
    const queue = new InProcessJobQueue();
    let fail = true;
    let runs = 0;
    queue.define(
      'test.later-fail',
      { policy: 'short', retryLimit: 1, retryDelay: 0.2, concurrency: 1, inProcess: 'later' },
      () => {
        runs++;
        if (fail) throw new Error('the transcript cannot be read');
      },
    );
    await queue.send('test.later-fail', { interactionId: 7 });
    expect(await until(async () => (await queue.failed(10)).length === 1, 10_000)).toBe(true);
    expect(runs).toBe(2);
    const [failed] = await queue.failed(10);
    expect(failed).toMatchObject({
      queue: 'test.later-fail',
      data: { interactionId: 7 },
      attempts: 2,
    });
    expect(failed.error).toContain('the transcript cannot be read');
    fail = false;
    expect(await queue.retry('test.later-fail', failed.id)).toBe(true);
    expect(await queue.retry('test.later-fail', failed.id)).toBe(false);
    await queue.settled();
    expect(runs).toBe(3);
    expect(await queue.failed(10)).toEqual([]);
    await queue.stop();
  });
});
