import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { FIXTURES, REPO_ROOT, wipePostgres } from '../support/test-app';

const run = promisify(execFile);
jest.setTimeout(120_000);

/** The command line as a user runs it, as a child process against its own database. */
describe('npm run cli -- import / score / scorecards sync', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-cli-'));
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error' };
  const cli = (...args: string[]) =>
    run('node', ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', ...args], {
      cwd: REPO_ROOT,
      env,
    }).catch((e: { stdout: string; stderr: string; code: number }) => e);

  beforeAll(async () => {
    if (process.env.DATABASE_URL) await wipePostgres(process.env.DATABASE_URL);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('imports files with options, reports each file, and skips them the second time', async () => {
    const vtt = path.join(FIXTURES, 'transcripts', 'call-en.vtt');
    const json = path.join(FIXTURES, 'transcripts', 'call-ko.json');
    const bad = path.join(FIXTURES, 'transcripts', 'bad-unknown-speaker.vtt');
    const first = await cli('import', vtt, json, bad, '--agent', 'A-321');
    expect(first.stdout).toMatch(/imported\s+.*call-en\.vtt → interaction \d+ \(10 turns\)/);
    expect(first.stdout).toMatch(/FAILED\s+.*bad-unknown-speaker\.vtt:\d+: unknown speaker/);
    expect(first.stdout).toContain('2 imported, 0 skipped, 1 failed');
    expect(first.stderr).toContain('Import [');
    expect((first as { code?: number }).code).toBe(1);

    const again = await cli('import', vtt, json, '--agent', 'A-321', '--json');
    const results = JSON.parse((again as { stdout: string }).stdout);
    expect(results.map((r: { status: string }) => r.status)).toEqual(['skipped', 'skipped']);
  });

  it('walks a directory, writes an error report, and resumes: a second run skips what is in', async () => {
    const dir = path.join(dataDir, 'batch');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, 'transcripts', 'call-ko.vtt'), path.join(dir, 'a.vtt'));
    fs.writeFileSync(path.join(dir, 'a.vtt.meta.json'), JSON.stringify({ externalId: 'DIR-A' }));
    fs.copyFileSync(
      path.join(FIXTURES, 'transcripts', 'call-en.vtt'),
      path.join(dir, 'sub', 'b.vtt'),
    );
    fs.writeFileSync(path.join(dir, 'sub', 'broken.json'), '{ "turns": [ { "speaker": "agent" ');
    fs.writeFileSync(path.join(dir, 'notes.md'), 'not a transcript, not picked up');
    const report = path.join(dataDir, 'errors.csv');
    const first = await cli('import', dir, '--report', report);
    expect(first.stdout).toContain('2 imported, 0 skipped, 1 failed');
    const csv = fs.readFileSync(report, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('file,line,field,reason');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(/broken\.json,\d+,/);

    fs.writeFileSync(
      path.join(dir, 'sub', 'broken.json'),
      fs
        .readFileSync(path.join(FIXTURES, 'transcripts', 'call-ko.json'))
        .toString()
        .replace('HB-20261102-0042', 'DIR-C'),
    );
    const second = await cli('import', dir);
    expect(second.stdout).toContain('1 imported, 2 skipped, 0 failed');
    expect((second as { code?: number }).code).toBeUndefined();
  });

  it('prints the score breakdown as JSON', async () => {
    const answers = path.join(dataDir, 'answers.json');
    fs.writeFileSync(answers, JSON.stringify({ greeting: 1, closing: 0 }));
    const out = await cli('score', '--scorecard', 'voice-en', '--answers', answers, '--json');
    const breakdown = JSON.parse(out.stdout);
    expect(breakdown.sections[0]).toMatchObject({
      key: 'script_adherence',
      earned: 1,
      possible: 2,
      score: 50,
    });
    expect(breakdown.overall).toBe(50);
  });

  it('runs auto-QA on one file and prints criteria with evidence and the call metrics as JSON', async () => {
    const file = path.join(FIXTURES, 'autoqa-corpus', 'dev', 'legacy', 'ko-voice-07-dead-air.json');
    const notes = path.join(dataDir, 'notes.txt');
    fs.writeFileSync(notes, '확인 필요');
    const out = await cli(
      'autoqa',
      file,
      '--scorecard',
      'voice-ko',
      '--notes-file',
      notes,
      '--json',
    );
    const result = JSON.parse(out.stdout);
    const byKey = Object.fromEntries(result.criteria.map((c: { key: string }) => [c.key, c]));
    expect(byKey.no_dead_air.result).toBe('fail');
    expect(byKey.no_dead_air.evidence[0]).toEqual(
      expect.objectContaining({
        turn: expect.any(Number),
        startMs: expect.any(Number),
        text: expect.any(String),
      }),
    );
    // The notes given on the command line replace the file's own: vague, so they fail.
    expect(byKey.notes_quality.result).toBe('fail');
    expect(result.metrics).toEqual(
      expect.objectContaining({
        interruptions: expect.any(Number),
        longestSilenceMs: expect.any(Number),
        unannouncedSilences: expect.any(Number),
        apologies: expect.any(Number),
        customerNegativity: expect.objectContaining({
          start: expect.any(Number),
          peak: expect.any(Number),
          end: expect.any(Number),
        }),
      }),
    );
    expect(result.metrics.longestSilenceMs).toBeGreaterThanOrEqual(15000);
  });

  it('dry-runs mystery-shopper results, listing the bad rows, and writes nothing', async () => {
    const csv = path.join(FIXTURES, 'mystery-shop', 'sample-ko.csv');
    const mapping = path.join(FIXTURES, 'mystery-shop', 'mapping-ko.yaml');
    const out = await cli('import-mystery-shop', csv, '--mapping', mapping, '--dry-run');
    expect(out.stdout).toContain('row 7, 최장 보류(0-3): value 5 is outside the scale 0-3');
    expect(out.stdout).toContain(
      '12 rows: 2 errors, 10 to create, 0 already imported (dry run: nothing written)',
    );
    expect((out as { code?: number }).code).toBe(1);
  });

  it('syncs scorecards and says what it did', async () => {
    const out = await cli('scorecards', 'sync');
    expect(out.stdout).toMatch(/unchanged\s+voice-ko v1/);
  });
});
