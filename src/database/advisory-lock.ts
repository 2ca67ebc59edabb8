import type { DataSource, EntityManager } from 'typeorm';

/**
 * PostgreSQL advisory locks, for work that several app instances on one database must not do
 * at the same time (migrations, start-up seeding, a roll-up refresh, a sampling run). Keys are
 * names; PostgreSQL hashes them (`hashtext`) into the two-integer key space, so they never
 * meet a one-key lock taken elsewhere. On SQLite they do nothing: one app process uses an
 * SQLite file (see `sqlite-lock.ts`) and its transactions are queued (`transaction.ts`).
 */
const NAMESPACE = 'qa-call-monitor';

/**
 * Runs `work` holding a session-level lock on its own connection: another instance asking for
 * the same name waits until `work` is over (or its process dies, which ends the session).
 */
export async function withAdvisoryLock<T>(
  dataSource: DataSource,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  if (dataSource.options.type !== 'postgres') return work();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1), hashtext($2))', [NAMESPACE, name]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [
        NAMESPACE,
        name,
      ]);
    }
  } finally {
    await runner.release();
  }
}

/**
 * Like `withAdvisoryLock`, but does not wait: when another instance holds the lock, `work` is
 * not run and the answer is `{ ran: false }` (a daily job that one instance runs is enough).
 */
export async function tryWithAdvisoryLock<T>(
  dataSource: DataSource,
  name: string,
  work: () => Promise<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  if (dataSource.options.type !== 'postgres') return { ran: true, result: await work() };
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const rows = (await runner.query(
      'SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked',
      [NAMESPACE, name],
    )) as { locked: boolean }[];
    if (!rows[0]?.locked) return { ran: false };
    try {
      return { ran: true, result: await work() };
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [
        NAMESPACE,
        name,
      ]);
    }
  } finally {
    await runner.release();
  }
}

/**
 * Inside a transaction: waits for the lock and holds it until the transaction ends.
 * `shared` locks of one name go together; an exclusive one waits for them all and they for it.
 */
export async function advisoryXactLock(
  manager: EntityManager,
  name: string,
  mode: 'exclusive' | 'shared' = 'exclusive',
): Promise<void> {
  if (manager.connection.options.type !== 'postgres') return;
  const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await manager.query(`SELECT ${fn}(hashtext($1), hashtext($2))`, [NAMESPACE, name]);
}
