/**
 * The redactor on the labelled set (test/fixtures/redaction/accuracy-set.json): floors at the
 * figures measured on the locked test split (never tuned on) when this test was written; the
 * dev split (tuned on) must stay at what it reached. `npm run redact:accuracy` prints them.
 */
import {
  figures,
  loadAccuracySet,
  scoreAccuracySet,
  sumTallies,
} from '../../support/redaction-accuracy';

describe('redaction accuracy on the labelled set', () => {
  const cases = loadAccuracySet();
  const tallies = scoreAccuracySet(cases);
  const test = {
    ko: figures(tallies['test/ko']),
    en: figures(tallies['test/en']),
    all: figures(sumTallies([tallies['test/ko'], tallies['test/en']])),
  };

  it('holds at least 200 turns in Korean and English, half of the cases in the locked split', () => {
    const turns = cases.reduce((n, c) => n + c.turns.length, 0);
    expect(turns).toBeGreaterThanOrEqual(200);
    const locked = cases.filter((c) => c.split === 'test').length;
    expect(Math.abs(locked - cases.length / 2)).toBeLessThanOrEqual(1);
    for (const lang of ['ko', 'en']) {
      expect(tallies[`test/${lang}`].identifiers).toBeGreaterThan(20);
      expect(tallies[`test/${lang}`].lookalikes).toBeGreaterThan(10);
    }
  });

  it('keeps the locked test split at its measured recall (58/60: ko 27/29, en 31/31)', () => {
    expect(test.all.recall).toBeGreaterThanOrEqual(58 / 60);
    expect(test.ko.recall).toBeGreaterThanOrEqual(27 / 29);
    expect(test.en.recall).toBe(1);
  });

  it('keeps the locked test split at its measured precision and lookalikes (100 % each language)', () => {
    for (const lang of ['ko', 'en'] as const) {
      expect(test[lang].precision).toBe(1);
      expect(test[lang].lookalikesKept).toBe(1);
    }
  });

  it('keeps the dev split where tuning brought it (100 % recall and precision)', () => {
    const dev = figures(sumTallies([tallies['dev/ko'], tallies['dev/en']]));
    expect(dev).toEqual({ recall: 1, precision: 1, lookalikesKept: 1 });
  });
});

describe('redaction accuracy on the second labelled set (accuracy-set-2.json)', () => {
  const tallies = scoreAccuracySet(loadAccuracySet('both').filter((c) => c.split.endsWith('-2')));

  it('has a locked split of at least 100 turns with lookalikes in both languages', () => {
    const locked = sumTallies([tallies['test-2/ko'], tallies['test-2/en']]);
    expect(locked.turns).toBeGreaterThanOrEqual(100);
    expect(tallies['test-2/ko'].lookalikes).toBeGreaterThan(10);
    expect(tallies['test-2/en'].lookalikes).toBeGreaterThan(10);
  });

  it('keeps the locked test-2 split at what it gave when scored once after tuning (31/31, nothing extra masked)', () => {
    for (const lang of ['ko', 'en'] as const) {
      expect(figures(tallies[`test-2/${lang}`])).toEqual({
        recall: 1,
        precision: 1,
        lookalikesKept: 1,
      });
    }
  });

  it('keeps the dev-2 split where tuning brought it (toll-free numbers kept, "the code we sent" masked)', () => {
    const dev = figures(sumTallies([tallies['dev-2/ko'], tallies['dev-2/en']]));
    expect(dev).toEqual({ recall: 1, precision: 1, lookalikesKept: 1 });
  });
});

describe('redaction accuracy on the third labelled set (accuracy-set-3.json)', () => {
  const all = scoreAccuracySet(loadAccuracySet('all'));
  const locked = sumTallies(
    ['test', 'test-2', 'test-3'].flatMap((split) => [all[`${split}/ko`], all[`${split}/en`]]),
  );

  it('has a locked split of at least 250 identifiers with lookalikes in both languages', () => {
    const test3 = sumTallies([all['test-3/ko'], all['test-3/en']]);
    expect(test3.identifiers).toBeGreaterThanOrEqual(250);
    expect(all['test-3/ko'].lookalikes).toBeGreaterThan(20);
    expect(all['test-3/en'].lookalikes).toBeGreaterThan(20);
  });

  it('keeps the locked test-3 split at what it gave when scored once after tuning (257/258: ko 144/144, en 113/114; nothing extra masked)', () => {
    expect(figures(all['test-3/ko'])).toEqual({ recall: 1, precision: 1, lookalikesKept: 1 });
    expect(all['test-3/en'].caught).toBeGreaterThanOrEqual(113);
    expect(figures(all['test-3/en']).precision).toBe(1);
    expect(figures(all['test-3/en']).lookalikesKept).toBe(1);
  });

  it('keeps the three locked splits together at their measured recall (346/349 = 99.1 %) and precision (100 %)', () => {
    expect(locked.caught).toBeGreaterThanOrEqual(346);
    expect(figures(locked).recall).toBeGreaterThanOrEqual(0.99);
    expect(figures(locked).precision).toBe(1);
  });

  it('keeps the dev-3 split where tuning brought it (264/264, nothing extra masked)', () => {
    const dev = figures(sumTallies([all['dev-3/ko'], all['dev-3/en']]));
    expect(dev).toEqual({ recall: 1, precision: 1, lookalikesKept: 1 });
  });
});
