import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { holdSqliteInstanceLock } from '../../src/database/sqlite-lock';
import { REPO_ROOT, wipePostgres } from '../support/test-app';

const run = promisify(execFile);

/**
 * Instances started together on one empty database: one migrates and seeds, the others wait and
 * find it done; none dies. On SQLite, a second app process on the same file is refused at start.
 */
describe('several instances starting at once', () => {
  const url = process.env.DATABASE_URL;
  const pg = url ? it : it.skip;

  pg(
    'three apps started at once on an empty PostgreSQL database all start; one admin, one version per scorecard',
    async () => {
      await wipePostgres(url!);
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-startup-'));
      Object.assign(process.env, {
        DATA_DIR: tmp,
        SCORECARDS_DIR: path.join(REPO_ROOT, 'scorecards'),
        LOG_LEVEL: 'error',
        ADMIN_EMAIL: 'first@startup.local',
        ADMIN_PASSWORD: 'Correct-Horse-Battery-9',
      });
      try {
        const apps = await Promise.all([1, 2, 3].map(() => createApp()));
        const inits = await Promise.allSettled(apps.map((a) => a.init()));
        expect(inits.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
        const db = apps[0].get(DataSource);
        const admins = await db.query(`SELECT COUNT(*) AS "n" FROM "users" WHERE "email" = $1`, [
          'first@startup.local',
        ]);
        expect(Number(admins[0].n)).toBe(1);
        const versions = await db.query(
          `SELECT "s"."key", COUNT(*) AS "n" FROM "scorecard_versions" "v" JOIN "scorecards" "s" ON "s"."id" = "v"."scorecardId" GROUP BY "s"."key"`,
        );
        expect(versions.length).toBeGreaterThan(0);
        for (const v of versions) expect(Number(v.n)).toBe(1);
        const created = await db.query(
          `SELECT COUNT(*) AS "n" FROM "audit_log" WHERE "action" = 'scorecard.created'`,
        );
        expect(Number(created[0].n)).toBe(versions.length);
        await Promise.all(apps.map((a) => a.close()));
      } finally {
        delete process.env.ADMIN_EMAIL;
        delete process.env.ADMIN_PASSWORD;
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    },
  );

  it('a second app process on the same SQLite file is refused at start, naming the first', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-sqlite-lock-'));
    const file = path.join(dir, 'qa.sqlite');
    await holdSqliteInstanceLock(file);
    const script = `require('./src/database/sqlite-lock').holdSqliteInstanceLock(${JSON.stringify(file)}).then(() => console.log('started'), (e) => { console.error(e.message); process.exit(3); })`;
    const second = await run('node', ['-r', 'ts-node/register/transpile-only', '-e', script], {
      cwd: REPO_ROOT,
    }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect((second as { code?: number }).code).toBe(3);
    expect(second.stdout).not.toContain('started');
    expect(second.stderr).toContain(`Another app process (pid ${process.pid}) is already running`);
    expect(second.stderr).toContain('PostgreSQL');

    // Another DATA_DIR is another database: that one starts.
    const other = path.join(dir, 'other', 'qa.sqlite');
    const third = await run(
      'node',
      [
        '-r',
        'ts-node/register/transpile-only',
        '-e',
        script.replace(JSON.stringify(file), JSON.stringify(other)),
      ],
      { cwd: REPO_ROOT },
    );
    expect(third.stdout).toContain('started');
  });
});
