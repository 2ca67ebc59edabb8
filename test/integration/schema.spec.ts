import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/database/data-source';
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
