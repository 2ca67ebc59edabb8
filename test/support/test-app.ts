/**
 * Starts the whole app in-process for integration and browser tests: on a fresh SQLite file in
 * a temporary folder, or on a wiped PostgreSQL schema when DATABASE_URL is set. Scorecards are
 * copied to a temporary folder so a test may edit them.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';

export interface TestApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  scorecardsDir: string;
  dataDir: string;
  close(): Promise<void>;
}

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export async function wipePostgres(url: string): Promise<void> {
  const ds = new DataSource({ type: 'postgres', url });
  await ds.initialize();
  await ds.query('DROP SCHEMA IF EXISTS public CASCADE');
  await ds.query('CREATE SCHEMA public');
  await ds.destroy();
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-test-'));
  const scorecardsDir = path.join(tmp, 'scorecards');
  fs.mkdirSync(scorecardsDir);
  for (const f of fs.readdirSync(path.join(REPO_ROOT, 'scorecards'))) {
    if (f.endsWith('.yaml'))
      fs.copyFileSync(path.join(REPO_ROOT, 'scorecards', f), path.join(scorecardsDir, f));
  }
  if (process.env.DATABASE_URL) await wipePostgres(process.env.DATABASE_URL);
  Object.assign(process.env, {
    DATA_DIR: path.join(tmp, 'data'),
    SCORECARDS_DIR: scorecardsDir,
    LOG_LEVEL: 'error',
    ...env,
  });
  const app = await createApp();
  await app.init();
  return {
    app,
    dataSource: app.get(DataSource),
    scorecardsDir,
    dataDir: path.join(tmp, 'data'),
    close: async () => {
      await app.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
export const fixture = (...parts: string[]) => fs.readFileSync(path.join(FIXTURES, ...parts));
