import type { DataSource } from 'typeorm';
import { checkKey, FileStore } from './file-store';

/**
 * Files in PostgreSQL (`stored_files`: key, bytes as bytea): every instance on the database
 * reads the same files, nothing else to run. Meant for what the app keeps (PDFs of a few
 * hundred kB, uploads up to MAX_UPLOAD_MB), not for recordings. The table's repository.
 */
export class PgFileStore implements FileStore {
  constructor(private readonly dataSource: DataSource) {}

  async put(key: string, bytes: Buffer): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "stored_files" ("key", "bytes", "size") VALUES ($1, $2, $3)
       ON CONFLICT ("key") DO UPDATE SET "bytes" = EXCLUDED."bytes", "size" = EXCLUDED."size", "createdAt" = now()`,
      [checkKey(key), bytes, bytes.length],
    );
  }

  async get(key: string): Promise<Buffer | null> {
    const rows: { bytes: Buffer }[] = await this.dataSource.query(
      `SELECT "bytes" FROM "stored_files" WHERE "key" = $1`,
      [checkKey(key)],
    );
    return rows[0]?.bytes ?? null;
  }

  async take(key: string): Promise<Buffer | null> {
    // One DELETE: the row goes to exactly one of the callers. (TypeORM answers a DELETE with
    // [rows, count].)
    const [rows] = await this.dataSource.query<[{ bytes: Buffer }[], number]>(
      `DELETE FROM "stored_files" WHERE "key" = $1 RETURNING "bytes"`,
      [checkKey(key)],
    );
    return rows[0]?.bytes ?? null;
  }

  async delete(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM "stored_files" WHERE "key" = $1`, [checkKey(key)]);
  }
}
