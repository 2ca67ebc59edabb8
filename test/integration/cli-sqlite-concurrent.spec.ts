/**
 * Two command-line imports into one SQLite database at once (each a process of its own, on a
 * fresh database): the second waits for the first's turn and says so, then both import
 * everything — no SQLITE_BUSY, nothing half-done, every call once and auto-scored once.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { DataSource } from 'typeorm';
import { FIXTURES, REPO_ROOT } from '../support/test-app';

const run = promisify(execFile);
jest.setTimeout(240_000);

const sqliteOnly = process.env.DATABASE_URL ? describe.skip : describe;

sqliteOnly('two CLI imports into one SQLite file at once', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-cli2-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error' };
  delete env.DATABASE_URL;
  const cli = (...args: string[]) =>
    run('node', ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', ...args], {
      cwd: REPO_ROOT,
      env,
    }).catch((e: { stdout: string; stderr: string; code: number }) => e);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('the second waits, then both import all their files', async () => {
    const call = JSON.parse(
      fs.readFileSync(path.join(FIXTURES, 'transcripts', 'call-ko.json'), 'utf8'),
    );
    const dirs = ['a', 'b'].map((name) => {
      const dir = path.join(dataDir, `in-${name}`);
      fs.mkdirSync(dir);
      for (let i = 0; i < 40; i++) {
        const externalId = `TWO-${name}-${i}`;
        fs.writeFileSync(
          path.join(dir, `${externalId}.json`),
          JSON.stringify({ ...call, externalId }),
        );
      }
      return dir;
    });
    const [a, b] = await Promise.all(dirs.map((dir) => cli('import', dir)));
    for (const r of [a, b]) {
      expect(`${r.stdout}\n${r.stderr}`).not.toMatch(/SQLITE_BUSY|database is locked/);
      expect(r.stdout).toContain('40 imported, 0 skipped, 0 failed');
      expect((r as { code?: number }).code ?? 0).toBe(0);
    }
    expect(`${a.stderr}${b.stderr}`).toMatch(
      /Waiting for another command \(pid \d+\) on .* to finish/,
    );

    const ds = await new DataSource({
      type: 'sqlite',
      database: path.join(dataDir, 'qa.sqlite'),
    }).initialize();
    try {
      const [{ n }] = await ds.query(
        `SELECT COUNT(*) AS n FROM interactions WHERE "externalId" LIKE 'TWO-%'`,
      );
      expect(Number(n)).toBe(80);
      const [{ auto, calls }] = await ds.query(
        `SELECT COUNT(*) AS auto, COUNT(DISTINCT "interactionId") AS calls FROM evaluations WHERE kind = 'auto'`,
      );
      expect(Number(auto)).toBe(80);
      expect(Number(calls)).toBe(80);
    } finally {
      await ds.destroy();
    }
  });
});
