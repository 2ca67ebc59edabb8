import type { DataSource, EntityManager } from 'typeorm';

/** Runs SQL with `:name` parameters on either database (TypeORM escapes them per driver). */
export function namedQuery<T>(
  dataSource: DataSource,
  sql: string,
  params: Record<string, unknown>,
  manager: EntityManager = dataSource.manager,
): Promise<T[]> {
  const [q, values] = dataSource.driver.escapeQueryWithParameters(sql, params, {});
  return manager.query(q, values);
}
