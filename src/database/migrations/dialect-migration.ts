import { MigrationInterface, QueryRunner } from 'typeorm';

interface Queries {
  up: string[];
  down: string[];
}

/**
 * One migration, the same step on both databases: each dialect's SQL was generated from the
 * same entities by TypeORM's schema builder (scripts/generate-migration.ts).
 */
export abstract class DialectMigration implements MigrationInterface {
  abstract name: string;
  abstract sqlite: Queries;
  abstract postgres: Queries;

  async up(runner: QueryRunner): Promise<void> {
    for (const query of this.dialect(runner).up) await runner.query(query);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const query of this.dialect(runner).down) await runner.query(query);
  }

  private dialect(runner: QueryRunner): Queries {
    const type = runner.connection.options.type;
    if (type === 'sqlite') return this.sqlite;
    if (type === 'postgres') return this.postgres;
    throw new Error(`No migration SQL for database type "${type}"`);
  }
}
