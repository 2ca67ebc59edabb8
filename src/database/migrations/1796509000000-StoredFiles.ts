import { DialectMigration } from './dialect-migration';

/**
 * PostgreSQL only: the file store every instance shares (src/storage/pg-file-store.ts). On
 * SQLite the files stay in DATA_DIR (one machine), so there is nothing to create.
 * Written by hand: the table has no entity (raw bytes, read through the store only).
 */
export class StoredFiles1796509000000 extends DialectMigration {
  name = 'StoredFiles1796509000000';
  sqlite = { up: [], down: [] };
  postgres = {
    up: [
      'CREATE TABLE "stored_files" ("key" character varying(200) NOT NULL, "bytes" bytea NOT NULL, "size" integer NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_stored_files" PRIMARY KEY ("key"))',
    ],
    down: ['DROP TABLE "stored_files"'],
  };
}
