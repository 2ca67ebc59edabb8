/**
 * The abuse detector on its labelled turns (test/fixtures/abuse/): floors at the figures the
 * locked splits (never tuned on) gave when scored after tuning on the dev splits — `test` after
 * the first round and again after the second (its figures only ever went up), `test-2` once,
 * after the second round was committed. Floors, not targets. Before any tuning `test` stood at
 * precision 63.0 % and recall 64.2 % (both languages). `npm run abuse:accuracy` prints them.
 */
import { abuseFigures, loadAbuseSplit, scoreAbuse } from '../../support/abuse-accuracy';

describe('abuse detector accuracy on labelled turns', () => {
  const test = scoreAbuse(loadAbuseSplit('test'));
  const dev = scoreAbuse(loadAbuseSplit('dev'));
  const test2 = scoreAbuse(loadAbuseSplit('test-2'));
  const dev2 = scoreAbuse(loadAbuseSplit('dev-2'));

  it('holds at least 150 turns in Korean and English, with abusive turns and hard negatives in each split', () => {
    expect(test.all.turns + dev.all.turns).toBeGreaterThanOrEqual(150);
    for (const split of [test, dev, test2, dev2]) {
      for (const lang of ['ko', 'en'] as const) {
        expect(split[lang].abusive).toBeGreaterThanOrEqual(20);
        expect(split[lang].turns - split[lang].abusive).toBeGreaterThanOrEqual(20);
      }
    }
  });

  it('keeps the locked test split at its measured figures after the second round (ko 24/24 found right, 24/27 found; en 22/22, 22/26)', () => {
    expect(test.ko.truePositives).toBeGreaterThanOrEqual(24);
    expect(test.ko.falsePositives).toBe(0);
    expect(test.en.truePositives).toBeGreaterThanOrEqual(22);
    expect(test.en.falsePositives).toBe(0);
    expect(abuseFigures(test.all).recall).toBeGreaterThanOrEqual(46 / 53);
  });

  it('keeps the locked test-2 split at what it gave when scored once after tuning (ko 17/19, 17/28; en 17/19, 17/28)', () => {
    for (const lang of ['ko', 'en'] as const) {
      expect(test2[lang].truePositives).toBeGreaterThanOrEqual(17);
      expect(test2[lang].falsePositives).toBeLessThanOrEqual(2);
    }
    expect(abuseFigures(test2.all).precision).toBeGreaterThanOrEqual(34 / 38);
    expect(abuseFigures(test2.all).recall).toBeGreaterThanOrEqual(34 / 56);
  });

  it('keeps the dev splits where tuning brought them (dev 53/53 and no false flag; dev-2 55/56, no false flag)', () => {
    expect(dev.all.truePositives).toBeGreaterThanOrEqual(53);
    expect(dev.all.falsePositives).toBe(0);
    expect(dev2.all.truePositives).toBeGreaterThanOrEqual(55);
    expect(dev2.all.falsePositives).toBe(0);
  });
});
