import type { DataSource, EntityManager } from 'typeorm';

/** Rows a statement: PostgreSQL takes up to 65,535 parameters, SQLite 32,766. */
const ROWS_PER_STATEMENT = 500;

/**
 * Inserts plain rows into `table` in multi-row statements of at most 500 rows, the same SQL
 * on SQLite and PostgreSQL. `columns` names the columns in the order written; each row gives a
 * value for each. The values are bound by position (the driver's own placeholders, and its own
 * conversion of booleans and dates), not by name: naming 13,000 parameters a statement and
 * finding them again in the SQL took longer than the insert.
 */
export async function bulkInsert<C extends string>(
  dataSource: DataSource,
  manager: EntityManager,
  table: string,
  columns: readonly C[],
  rows: readonly Readonly<Record<C, unknown>>[],
): Promise<void> {
  const { driver } = dataSource;
  const names = columns.map((c) => `"${c}"`).join(', ');
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    const values: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = columns.map((c) => {
        values.push(row[c]);
        return driver.createParameter(c, values.length - 1);
      });
      return `(${placeholders.join(', ')})`;
    });
    const [sql, bound] = driver.escapeQueryWithParameters(
      `INSERT INTO "${table}" (${names}) VALUES ${tuples.join(', ')}`,
      {},
      values, // an array: its keys are its positions, in order
    );
    await manager.query(sql, bound);
  }
}
