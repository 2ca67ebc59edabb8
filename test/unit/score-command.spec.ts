import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatBreakdown, readAnswersFile, scoreFromFiles } from '../../src/cli/score-command';
import { REPO_ROOT } from '../support/test-app';

describe('npm run cli -- score', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-score-'));
  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('scores answers on the shipped voice-ko scorecard, with N/A and a section-critical miss', () => {
    const scorecards = path.join(REPO_ROOT, 'scorecards');
    expect(() => scoreFromFiles(scorecards, 'voice-ko', write('none.json', {}))).toThrow(
      /none\.json: expected an object or array of answers/,
    );

    const answers = write('answers.json', [
      { key: 'greeting', value: 1 },
      { key: 'identity_verification', value: 0 },
      { key: 'hold_etiquette', na: true },
      { key: 'notes_quality', value: 1 },
    ]);
    const breakdown = scoreFromFiles(scorecards, 'voice-ko', answers);
    const script = breakdown.sections.find((s) => s.key === 'script_adherence')!;
    // identity_verification is critical for its section: the section scores 0.
    expect(script).toMatchObject({ criticalFailed: true, score: 0 });
    expect(breakdown.sections.find((s) => s.key === 'notes')!.score).toBe(100);
    expect(formatBreakdown(breakdown)).toMatch(/Overall \d+\.\d\d% — (PASS|FAIL)/);
  });

  it('reads the object form of answers, "na" and { value }', () => {
    const file = write('obj.json', { greeting: 1, hold_etiquette: 'na', empathy: { value: 4 } });
    expect(readAnswersFile(file)).toEqual({
      greeting: { value: 1 },
      hold_etiquette: { value: null },
      empathy: { value: 4 },
    });
  });

  it('names the file and key of a bad answer', () => {
    expect(() => readAnswersFile(write('bad.json', { greeting: 'yes' }))).toThrow(
      /bad\.json: greeting: expected a number/,
    );
    expect(() => readAnswersFile(write('broken.json', '{ nope'))).toThrow(/broken\.json/);
  });
});
