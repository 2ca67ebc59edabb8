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
import type { App } from 'supertest/types';
import request, { type Agent as TestAgent } from 'supertest';
import { createApp } from '../../src/app.factory';
import { ApiTokensService } from '../../src/auth/api-tokens.service';
import type { Actor } from '../../src/common/current-user';
import { JOB_QUEUE, type JobQueue } from '../../src/events/job-queue';
import { UserInput, UsersService } from '../../src/users/users.service';
import { TEST_PASSWORD } from './auth';

export interface TestApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  scorecardsDir: string;
  dataDir: string;
  /** An HTTP client acting as this user through a personal API token (default: evaluator). */
  client(email?: string): Promise<TestAgent>;
  /** A user with TEST_PASSWORD; agents and teams it links to must exist. */
  createUser(input: Omit<UserInput, 'password'>): Promise<Actor>;
  /**
   * Waits for the background jobs (PostgreSQL: pg-boss jobs such as the roll-up's refresh,
   * which follow a change within about a second; SQLite: they ran when sent).
   */
  jobsSettled(): Promise<void>;
  close(): Promise<void>;
}

/** Created in every test app, with TEST_PASSWORD. */
export const TEST_USERS = {
  admin: 'admin@demo.local',
  evaluator: 'evaluator@demo.local',
  evaluator2: 'evaluator2@demo.local',
} as const;

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export async function wipePostgres(url: string): Promise<void> {
  const ds = new DataSource({ type: 'postgres', url });
  await ds.initialize();
  await ds.query('DROP SCHEMA IF EXISTS public CASCADE');
  // pg-boss's jobs (src/events/pg-boss-job-queue.ts): none left over from another test app.
  await ds.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
  await ds.query('CREATE SCHEMA public');
  await ds.destroy();
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-test-'));
  const scorecardsDir = path.join(tmp, 'scorecards');
  fs.mkdirSync(scorecardsDir);
  // The scorecards, their shared phrase libraries (scorecards/phrases/) and the libraries' text
  // models (scorecards/models/*.json).
  fs.cpSync(path.join(REPO_ROOT, 'scorecards'), scorecardsDir, {
    recursive: true,
    filter: (src) =>
      fs.statSync(src).isDirectory() ||
      src.endsWith('.yaml') ||
      (path.basename(path.dirname(src)) === 'models' && src.endsWith('.json')),
  });
  if (process.env.DATABASE_URL) await wipePostgres(process.env.DATABASE_URL);
  Object.assign(process.env, {
    DATA_DIR: path.join(tmp, 'data'),
    SCORECARDS_DIR: scorecardsDir,
    LOG_LEVEL: 'error',
    ...env,
  });
  const app = await createApp();
  await app.init();
  const users = app.get(UsersService);
  const createUser = async (input: Omit<UserInput, 'password'>) => {
    const row = await users.create(null, { ...input, password: TEST_PASSWORD });
    return (await users.actorFor(row.id))!;
  };
  await createUser({ email: TEST_USERS.admin, name: 'Test Admin', role: 'admin' });
  await createUser({ email: TEST_USERS.evaluator, name: '박평가', role: 'evaluator' });
  await createUser({ email: TEST_USERS.evaluator2, name: 'Emma Evans', role: 'evaluator' });
  const tokens = new Map<string, string>();
  const server = app.getHttpServer() as App;
  return {
    app,
    dataSource: app.get(DataSource),
    scorecardsDir,
    dataDir: path.join(tmp, 'data'),
    createUser,
    client: async (email: string = TEST_USERS.evaluator) => {
      let token = tokens.get(email);
      if (!token) {
        const row = await users.findByEmail(email);
        const actor = row && (await users.actorFor(row.id));
        if (!actor) throw new Error(`no test user ${email}`);
        token = (await app.get(ApiTokensService).create(actor, 'test')).token;
        tokens.set(email, token);
      }
      return request.agent(server).set('Authorization', `Bearer ${token}`);
    },
    jobsSettled: () => app.get<JobQueue>(JOB_QUEUE).settled(),
    close: async () => {
      await app.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
export const fixture = (...parts: string[]) => fs.readFileSync(path.join(FIXTURES, ...parts));
