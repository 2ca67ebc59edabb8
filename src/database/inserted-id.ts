import type { EntityManager } from 'typeorm';

/** The id of the row an `INSERT … OR IGNORE / ON CONFLICT DO NOTHING` wrote; null when none. */
export async function insertedId(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<number | null> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('insertUnlessPresent runs inside a transaction');
  const result = (await runner.query(sql, parameters, true)) as {
    raw: unknown;
    records?: { id: number }[];
    affected?: number;
  };
  if (manager.connection.options.type === 'postgres') {
    const row = (result.raw as { id: number }[] | undefined)?.[0];
    return row ? Number(row.id) : null;
  }
  return result.affected === 1 ? Number(result.raw) : null;
}
