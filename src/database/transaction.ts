import type { DataSource, EntityManager } from 'typeorm';

const queues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * `dataSource.transaction()`, made safe for SQLite: TypeORM's SQLite driver has one connection,
 * so two transactions running at once (an import and the background auto-QA, say) would
 * interleave on it and one would commit or roll back the other's work. On SQLite they queue;
 * on PostgreSQL each gets its own pooled connection as usual.
 */
export function transaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (dataSource.options.type !== 'sqlite') return dataSource.transaction(work);
  const previous = queues.get(dataSource) ?? Promise.resolve();
  const run = previous.then(() => dataSource.transaction(work));
  queues.set(
    dataSource,
    run.catch(() => undefined),
  );
  return run;
}
