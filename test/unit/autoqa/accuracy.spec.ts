import { measureDemoAccuracy } from '../../support/autoqa-accuracy';
import { measureCorpus } from '../../support/autoqa-corpus';

/**
 * The shipped rule packs against people who labelled calls by the QA guide (test/fixtures/autoqa-corpus/QA-GUIDE.md)
 * (test/fixtures/autoqa-corpus) and against the demo generator's calls, so that a change to a
 * phrase list or a detector cannot quietly make the machine worse.
 * `npm run autoqa:accuracy -- --misses` shows where the dev split disagrees; the locked
 * holdout splits only ever give figures.
 */
describe('auto-QA accuracy of the shipped packs', () => {
  // Each locked split keeps floors where it stood when scored (figures only, misses never read):
  // holdout-6 scored after the fifth round (91.0 %) and the sixth (91.4 %), de-escalation 72.9 %
  // and thanks-for-feedback 79.2 % under 80 %; holdout-7 first scored after the sixth round
  // (92.3 %, de-escalation 75.0 % under 80 %, one of its 80 call metrics off). README has them.
  it.each([
    { split: 'holdout-6', overall: 0.9, perCriterion: 0.7, metricsOff: 0 },
    { split: 'holdout-7', overall: 0.91, perCriterion: 0.72, metricsOff: 1 },
  ] as const)(
    'holds on the locked split $split ≥ $overall strict, ≥ $perCriterion on every criterion',
    ({ split, overall, perCriterion, metricsOff }) => {
      const report = measureCorpus(split);
      expect(report.calls).toBe(48);
      expect(report.strict / report.compared).toBeGreaterThanOrEqual(overall);
      for (const c of report.criteria)
        expect({ key: c.key, ok: c.strict / c.compared >= perCriterion }).toEqual({
          key: c.key,
          ok: true,
        });
      expect(report.metrics.exact).toBeGreaterThanOrEqual(report.metrics.compared - metricsOff);
    },
  );

  it('agrees with the QA team on the dev split ≥ 94 % strict and ≥ 88 % on every criterion', () => {
    const report = measureCorpus('dev');
    expect(report.calls).toBeGreaterThanOrEqual(332);
    expect(report.strict / report.compared).toBeGreaterThanOrEqual(0.94);
    for (const c of report.criteria)
      expect({ key: c.key, ok: c.strict / c.compared >= 0.88, misses: c.misses }).toMatchObject({
        ok: true,
      });
  });

  it('still holds ≥ 94 % on dev and ≥ 90 % on the locked splits when no agent or company name is known', () => {
    const dev = measureCorpus('dev', false);
    expect(dev.strict / dev.compared).toBeGreaterThanOrEqual(0.94);
    for (const [split, floor] of [
      ['holdout-6', 0.9], // 88.7 % when first scored, 91.5 % after the sixth round
      ['holdout-7', 0.91], // 92.1 % when first scored
    ] as const) {
      const locked = measureCorpus(split, false);
      expect({ split, ok: locked.strict / locked.compared >= floor }).toEqual({ split, ok: true });
    }
  });

  it('agrees with what the demo generator made its agents do ≥ 90 % overall', () => {
    // The generator's flags are coarser than the QA guide in places (de-escalation, thanks for
    // feedback), so only the overall figure is held here.
    const report = measureDemoAccuracy(400, 99);
    expect(report.overall).toBeGreaterThanOrEqual(0.9);
  });
});
