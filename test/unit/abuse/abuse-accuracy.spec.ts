/**
 * The abuse detector on its labelled turns (test/fixtures/abuse/): floors at the figures the
 * locked test split (never tuned on) gave when it was scored once after tuning on the dev split.
 * Before tuning the test split stood at precision 63.0 % and recall 64.2 % (both languages).
 * `npm run abuse:accuracy` prints the figures.
 */
import { abuseFigures, loadAbuseSplit, scoreAbuse } from '../../support/abuse-accuracy';

describe('abuse detector accuracy on labelled turns', () => {
  const test = scoreAbuse(loadAbuseSplit('test'));
  const dev = scoreAbuse(loadAbuseSplit('dev'));

  it('holds at least 150 turns in Korean and English, with abusive turns and hard negatives in each split', () => {
    expect(test.all.turns + dev.all.turns).toBeGreaterThanOrEqual(150);
    for (const split of [test, dev]) {
      for (const lang of ['ko', 'en'] as const) {
        expect(split[lang].abusive).toBeGreaterThanOrEqual(20);
        expect(split[lang].turns - split[lang].abusive).toBeGreaterThanOrEqual(20);
      }
    }
  });

  it('keeps the locked test split at its measured figures (ko 24/25 found right, 24/27 found; en 18/19, 18/26)', () => {
    expect(test.ko.truePositives).toBeGreaterThanOrEqual(24);
    expect(test.ko.falsePositives).toBeLessThanOrEqual(1);
    expect(test.en.truePositives).toBeGreaterThanOrEqual(18);
    expect(test.en.falsePositives).toBeLessThanOrEqual(1);
    expect(abuseFigures(test.all).precision).toBeGreaterThanOrEqual(0.95);
    expect(abuseFigures(test.all).recall).toBeGreaterThanOrEqual(42 / 53);
  });

  it('keeps the dev split where tuning brought it (one miss and one false flag)', () => {
    expect(dev.all.truePositives).toBeGreaterThanOrEqual(52);
    expect(dev.all.falsePositives).toBeLessThanOrEqual(1);
  });
});
