import type { DataSource, EntityManager } from 'typeorm';
import { namedQuery } from './named-query';

/** Rows a statement: PostgreSQL takes up to 65,535 parameters, SQLite 32,766. */
const ROWS_PER_STATEMENT = 500;

/**
 * Inserts plain rows into `table` in multi-row statements of at most 500 rows, the same SQL
 * on SQLite and PostgreSQL. `columns` names the columns in the order written; each row gives a
 * value for each.
 */
export async function bulkInsert<C extends string>(
  dataSource: DataSource,
  manager: EntityManager,
  table: string,
  columns: readonly C[],
  rows: readonly Readonly<Record<C, unknown>>[],
): Promise<void> {
  const names = columns.map((c) => `"${c}"`).join(', ');
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    const params: Record<string, unknown> = {};
    const values = chunk.map((row, j) => {
      const placeholders = columns.map((c) => {
        params[`${c}_${j}`] = row[c];
        return `:${c}_${j}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await namedQuery(
      dataSource,
      `INSERT INTO "${table}" (${names}) VALUES ${values.join(', ')}`,
      params,
      manager,
    );
  }
}
