/**
 * Where bench/analytics writes its generated rows: SQLite through prepared multi-row INSERTs in
 * one transaction, or PostgreSQL through multi-row INSERTs in one transaction (then the id
 * sequences set past the ids written and the tables analysed).
 */
import { DataSource } from 'typeorm';
import sqlite3 from 'sqlite3';

export interface Inserter {
  add(row: unknown[]): Promise<void>;
  close(): Promise<void>;
}

export interface BulkSink {
  inserter(table: string, columns: string[], perStatement?: number): Inserter;
  finish(): Promise<void>;
}

const insertSql = (table: string, columns: string[], n: number, pg: boolean) => {
  let p = 0;
  const row = () => `(${columns.map(() => (pg ? `$${++p}` : '?')).join(', ')})`;
  const rows = Array.from({ length: n }, row).join(', ');
  return `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${rows}`;
};

const runSqlite = (db: sqlite3.Database, sql: string) =>
  new Promise<void>((resolve, reject) =>
    db.run(sql, (e: Error | null) => (e ? reject(e) : resolve())),
  );

export async function sqliteSink(file: string): Promise<BulkSink> {
  const db = new sqlite3.Database(file);
  await runSqlite(db, 'PRAGMA journal_mode = WAL');
  await runSqlite(db, 'PRAGMA synchronous = NORMAL');
  await runSqlite(db, 'BEGIN');
  const step = (stmt: sqlite3.Statement, params: unknown[]) =>
    new Promise<void>((resolve, reject) =>
      stmt.run(params, (e: Error | null) => (e ? reject(e) : resolve())),
    );
  return {
    inserter(table, columns, perStatement = 50) {
      let rows: unknown[][] = [];
      const full = db.prepare(insertSql(table, columns, perStatement, false));
      return {
        async add(row) {
          rows.push(row);
          if (rows.length === perStatement) {
            const params = rows.flat();
            rows = [];
            await step(full, params);
          }
        },
        async close() {
          if (rows.length > 0) {
            const last = db.prepare(insertSql(table, columns, rows.length, false));
            await step(last, rows.flat());
            rows = [];
            last.finalize();
          }
          full.finalize();
        },
      };
    },
    async finish() {
      await runSqlite(db, 'COMMIT');
      await new Promise<void>((resolve) => db.close(() => resolve()));
    },
  };
}

export async function pgSink(url: string): Promise<BulkSink> {
  const ds = new DataSource({ type: 'postgres', url });
  await ds.initialize();
  const client = ds.createQueryRunner();
  await client.connect();
  await client.query('BEGIN');
  // Rows of several tables go in batches of different sizes: foreign keys are not checked
  // while loading (the generator writes consistent ids).
  await client.query(`SET session_replication_role = replica`);
  const tables = new Set<string>();
  const unnestSql = async (table: string, columns: string[]) => {
    const types = new Map(
      (
        (await client.query(
          `SELECT "column_name" AS "name", "data_type" AS "type" FROM "information_schema"."columns"
           WHERE "table_schema" = 'public' AND "table_name" = $1`,
          [table],
        )) as { name: string; type: string }[]
      ).map((c) => [c.name, c.type]),
    );
    const arrays = columns.map((c, i) => `$${i + 1}::${types.get(c) ?? 'text'}[]`);
    return `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) SELECT * FROM unnest(${arrays.join(', ')})`;
  };
  return {
    inserter(table, columns) {
      tables.add(table);
      // One statement per 10,000 rows: each column as one array parameter, unnest()ed.
      let rows: unknown[][] = [];
      let sql: string | null = null;
      const flush = async () => {
        if (rows.length === 0) return;
        sql ??= await unnestSql(table, columns);
        const params = columns.map((_, c) => rows.map((r) => r[c]));
        rows = [];
        await client.query(sql, params);
      };
      return {
        async add(row) {
          rows.push(row);
          if (rows.length === 10_000) await flush();
        },
        close: flush,
      };
    },
    async finish() {
      await client.query('COMMIT');
      await client.query(`SET session_replication_role = DEFAULT`);
      for (const table of tables) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT COALESCE(MAX("id"), 0) + 1 FROM "${table}"), false)`,
        );
        await client.query(`ANALYZE "${table}"`);
      }
      await client.release();
      await ds.destroy();
    },
  };
}
