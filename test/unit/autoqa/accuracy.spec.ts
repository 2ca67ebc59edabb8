import { measureDemoAccuracy } from '../../support/autoqa-accuracy';
import { measureCorpus } from '../../support/autoqa-corpus';

/**
 * The shipped rule packs against people who labelled calls by the QA guide (test/fixtures/autoqa-corpus/QA-GUIDE.md)
 * (test/fixtures/autoqa-corpus) and against the demo generator's calls, so that a change to a
 * phrase list or a detector cannot quietly make the machine worse.
 * `npm run autoqa:accuracy -- --misses` shows where the dev split disagrees; the locked test
 * split only ever gives figures.
 */
describe('auto-QA accuracy of the shipped packs', () => {
  it('holds on the second locked split (holdout-2, written after all tuning) ≥ 85 % strict', () => {
    // Measured once at release: 87.1 % overall, four criteria under 80 % (README). Below the
    // issue's 90 %: the floor records where it stands so that no change makes it worse.
    const report = measureCorpus('holdout-2');
    expect(report.calls).toBe(48);
    expect(report.strict / report.compared).toBeGreaterThanOrEqual(0.85);
    for (const c of report.criteria)
      expect({ key: c.key, ok: c.strict / c.compared >= 0.65 }).toEqual({ key: c.key, ok: true });
    expect(report.metrics.exact).toBe(report.metrics.compared);
  });

  it('agrees with the QA team on the dev split ≥ 92 % strict and ≥ 80 % on every criterion', () => {
    const report = measureCorpus('dev');
    expect(report.calls).toBeGreaterThanOrEqual(140);
    expect(report.strict / report.compared).toBeGreaterThanOrEqual(0.92);
    for (const c of report.criteria)
      expect({ key: c.key, ok: c.strict / c.compared >= 0.8, misses: c.misses }).toMatchObject({
        ok: true,
      });
  });

  it('still holds ≥ 90 % when no agent or company name is known (a bare file)', () => {
    const report = measureCorpus('dev', false);
    expect(report.strict / report.compared).toBeGreaterThanOrEqual(0.9);
  });

  it('agrees with what the demo generator made its agents do ≥ 90 % overall', () => {
    // The generator's flags are coarser than the QA guide in places (de-escalation, thanks for
    // feedback), so only the overall figure is held here.
    const report = measureDemoAccuracy(400, 99);
    expect(report.overall).toBeGreaterThanOrEqual(0.9);
  });
});
