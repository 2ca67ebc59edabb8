import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/database/registry/data-source';
import { MIGRATIONS } from '../../src/database/migrations';
import { wipePostgres } from '../support/test-app';

/**
 * The migrations are the schema; the entities must describe exactly what they build. Runs on
 * SQLite, and on PostgreSQL when DATABASE_URL is set (the CI runs both).
 */
describe(`migrations and entities agree (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const config = loadConfig();
    if (config.database.type === 'postgres') await wipePostgres(config.database.url);
    const database =
      config.database.type === 'postgres'
        ? config.database
        : { type: 'sqlite' as const, file: ':memory:' };
    dataSource = new DataSource(dataSourceOptions({ database }));
    await dataSource.initialize();
  });
  afterAll(() => dataSource.destroy());

  it('the migrated schema needs no change to match the entities', async () => {
    const applied = await dataSource.runMigrations();
    expect(applied.length).toBeGreaterThan(0);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('every migration can be reverted, leaving no table behind', async () => {
    const executed = async () =>
      Number((await dataSource.query('SELECT COUNT(*) AS n FROM migrations'))[0].n);
    while ((await executed()) > 0) await dataSource.undoLastMigration();
    const runner = dataSource.createQueryRunner();
    const left: string[] = [];
    for (const { tableName } of dataSource.entityMetadatas) {
      if (await runner.hasTable(tableName)) left.push(tableName);
    }
    await runner.release();
    expect(left).toEqual([]);
  });
});

describe('upgrading an existing database keeps its data', () => {
  it('evaluations and their answers survive every later migration', async () => {
    const config = loadConfig();
    if (config.database.type === 'postgres') await wipePostgres(config.database.url);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qa-upgrade-')), 'qa.sqlite');
    const database =
      config.database.type === 'postgres' ? config.database : { type: 'sqlite' as const, file };
    const first = new DataSource({
      ...dataSourceOptions({ database }),
      migrations: [MIGRATIONS[0]],
    });
    await first.initialize();
    await first.runMigrations();
    await first.query(`INSERT INTO scorecards (key, name) VALUES ('k', 'K')`);
    await first.query(
      `INSERT INTO scorecard_versions ("scorecardId", version, definition, "contentHash", "sourceFile") VALUES (1, 1, '{}', 'h', 'f')`,
    );
    await first.query(
      `INSERT INTO interactions (source, "externalId", channel, language, "startedAt", "durationMs", "turnCount") VALUES ('s', 'e', 'voice', 'ko', '2026-11-01 10:00:00', 1000, 0)`,
    );
    await first.query(
      `INSERT INTO evaluations ("interactionId", "scorecardVersionId", kind, status, version) VALUES (1, 1, 'manual', 'submitted', 3)`,
    );
    await first.query(
      `INSERT INTO evaluation_answers ("evaluationId", "criterionKey", value, comment) VALUES (1, 'greeting', 1, 'kept')`,
    );
    await first.destroy();

    const all = new DataSource(dataSourceOptions({ database }));
    await all.initialize();
    await all.runMigrations();
    const answers = await all.query(
      `SELECT "criterionKey", value, comment FROM evaluation_answers`,
    );
    const evaluations = await all.query(`SELECT status, version FROM evaluations`);
    await all.destroy();
    expect(answers).toEqual([{ criterionKey: 'greeting', value: 1, comment: 'kept' }]);
    expect(evaluations).toEqual([{ status: 'submitted', version: 3 }]);
  });
});

describe('the publisher of a scorecard version moves from the audit log to the version', () => {
  it('backfills publishedById and publishedByName from the audit entry that added the version', async () => {
    const config = loadConfig();
    if (config.database.type === 'postgres') await wipePostgres(config.database.url);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qa-publisher-')), 'qa.sqlite');
    const database =
      config.database.type === 'postgres' ? config.database : { type: 'sqlite' as const, file };
    const at = MIGRATIONS.findIndex((m) => m.name.startsWith('ScorecardPublisher'));
    expect(at).toBeGreaterThan(0);
    const before = new DataSource({
      ...dataSourceOptions({ database }),
      migrations: MIGRATIONS.slice(0, at),
    });
    await before.initialize();
    await before.runMigrations();
    await before.query(
      `INSERT INTO scorecards (key, name) VALUES ('voice-ko', 'V'), ('chat', 'C')`,
    );
    const version = (scorecardId: number, v: number) =>
      before.query(
        `INSERT INTO scorecard_versions ("scorecardId", version, definition, "contentHash", "sourceFile") VALUES (${scorecardId}, ${v}, '{}', 'h${v}', 'f')`,
      );
    await version(1, 1);
    await version(1, 2);
    await version(1, 12);
    await version(2, 1);
    const audit = (actorId: number | null, actorName: string, key: string, after: string) =>
      before.query(
        `INSERT INTO audit_log ("actorId", "actorName", action, "entityType", "entityId", after) VALUES (${actorId ?? 'NULL'}, '${actorName}', 'scorecard.version_added', 'scorecard', '${key}', '${after}')`,
      );
    await audit(null, 'system', 'voice-ko', '{"version":1,"contentHash":"h1","sourceFile":"f"}');
    await audit(7, 'Kim <kim@x>', 'voice-ko', '{"version":2,"contentHash":"h2","sourceFile":"f"}');
    // Version 12 must not take version 1's or 2's entry (no entry: stays empty).
    await audit(8, 'Lee <lee@x>', 'chat', '{"version":1}');
    // An entry of another kind for the same version is not the publisher.
    await before.query(
      `INSERT INTO audit_log ("actorId", "actorName", action, "entityType", "entityId", after) VALUES (9, 'Park <p@x>', 'scorecard.exported', 'scorecard', 'voice-ko', '{"version":2,"x":1}')`,
    );
    await before.destroy();

    const all = new DataSource(dataSourceOptions({ database }));
    await all.initialize();
    await all.runMigrations();
    const rows: { scorecardId: number; version: number; by: number | null; name: string | null }[] =
      await all.query(
        `SELECT "scorecardId", version, "publishedById" AS by, "publishedByName" AS name FROM scorecard_versions ORDER BY "scorecardId", version`,
      );
    await all.destroy();
    expect(rows).toEqual([
      { scorecardId: 1, version: 1, by: null, name: 'system' },
      { scorecardId: 1, version: 2, by: 7, name: 'Kim <kim@x>' },
      { scorecardId: 1, version: 12, by: null, name: null },
      { scorecardId: 2, version: 1, by: 8, name: 'Lee <lee@x>' },
    ]);
  });
});
