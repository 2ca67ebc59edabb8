import * as fs from 'fs';
import * as path from 'path';
import sqlite3 from 'sqlite3';
import { DataSource, DataSourceOptions } from 'typeorm';
import { PlatformTools } from 'typeorm/platform/PlatformTools';
import type { AppConfig } from '../../config/app-config';
import { withAdvisoryLock } from '../advisory-lock';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../migrations';

/** TypeORM options for the configured database: an SQLite file, or PostgreSQL by DATABASE_URL. */
export function dataSourceOptions(config: Pick<AppConfig, 'database'>): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: ['error'] as ('error' | 'warn')[],
  };
  if (config.database.type === 'postgres') {
    usePostgresUtc();
    return {
      ...common,
      type: 'postgres',
      url: config.database.url,
      // now() and CURRENT_TIMESTAMP defaults in UTC too, whatever the server's own zone.
      extra: { options: '-c TimeZone=UTC' },
    };
  }
  if (config.database.file !== ':memory:') {
    fs.mkdirSync(path.dirname(config.database.file), { recursive: true });
  }
  return {
    ...common,
    type: 'sqlite',
    database: config.database.file,
    enableWAL: true,
    driver: quietSqlite3,
  };
}

/** The parts of node-postgres (loaded the way TypeORM loads it) that decide how times travel. */
interface PgTimes {
  defaults: { parseInputDatesAsUTC: boolean };
  types: { setTypeParser(oid: number, parse: (text: string) => unknown): void };
}
const PG_TIMESTAMP = 1114;

/**
 * `timestamp` columns hold UTC on PostgreSQL, as on SQLite, whatever the app's TZ: node-postgres
 * otherwise writes a Date as the process's wall clock (the column drops the offset) and reads it
 * back as local time — consistent within one TZ, but not UTC in the database, and wrong once the
 * TZ changes. Process-wide settings of the driver, made before the first connection.
 */
function usePostgresUtc(): void {
  const pg = PlatformTools.load('pg') as PgTimes;
  pg.defaults.parseInputDatesAsUTC = true;
  pg.types.setTypeParser(PG_TIMESTAMP, (text) => new Date(`${text.replace(' ', 'T')}Z`));
}

/**
 * TypeORM switches sqlite3 into verbose mode, which wraps every call to build a long stack trace
 * and util.inspect()s the SQL and every parameter: a fifth of an import's time. Errors still
 * carry the SQL through TypeORM's QueryFailedError.
 */
const quietSqlite3 = Object.assign(Object.create(sqlite3) as typeof sqlite3, {
  verbose: () => sqlite3,
});

/**
 * Settings the SQLite driver has no option for. WAL + synchronous=NORMAL keeps every commit
 * durable against a crash of the app and makes a commit cheap; busy_timeout lets the CLI and the
 * server write to the same file.
 */
export async function tuneConnection(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'sqlite') return;
  await dataSource.query('PRAGMA synchronous = NORMAL');
  await dataSource.query('PRAGMA busy_timeout = 5000');
}

export async function openDataSource(config: Pick<AppConfig, 'database'>): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  await tuneConnection(dataSource);
  return dataSource;
}

/**
 * Applies pending migrations. On PostgreSQL under an advisory lock: instances started at once
 * on one database take turns, the first migrates and the others find nothing left to do.
 */
export function migrate(dataSource: DataSource, transaction: 'all' | 'each' = 'all') {
  return withAdvisoryLock(dataSource, 'migrations', () =>
    dataSource.runMigrations({ transaction }),
  );
}
