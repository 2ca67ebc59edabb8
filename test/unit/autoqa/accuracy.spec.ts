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
  it('holds on the third locked split (holdout-3, written before the last tuning round) ≥ 87 % strict', () => {
    // Scored once, on 2026-12-06 after the third tuning round: 89.2 % overall, three criteria
    // under 80 % (README). Floors where it stands, so no change makes it worse unnoticed.
    const report = measureCorpus('holdout-3');
    expect(report.calls).toBe(48);
    expect(report.strict / report.compared).toBeGreaterThanOrEqual(0.87);
    for (const c of report.criteria)
      expect({ key: c.key, ok: c.strict / c.compared >= 0.7 }).toEqual({ key: c.key, ok: true });
    expect(report.metrics.exact).toBe(report.metrics.compared);
  });

  it('agrees with the QA team on the dev split ≥ 93 % strict and ≥ 80 % on every criterion', () => {
    const report = measureCorpus('dev');
    expect(report.calls).toBeGreaterThanOrEqual(188);
    expect(report.strict / report.compared).toBeGreaterThanOrEqual(0.93);
    for (const c of report.criteria)
      expect({ key: c.key, ok: c.strict / c.compared >= 0.8, misses: c.misses }).toMatchObject({
        ok: true,
      });
  });

  it('still holds ≥ 92 % on dev and ≥ 85 % on holdout-3 when no agent or company name is known', () => {
    const dev = measureCorpus('dev', false);
    expect(dev.strict / dev.compared).toBeGreaterThanOrEqual(0.92);
    const locked = measureCorpus('holdout-3', false);
    expect(locked.strict / locked.compared).toBeGreaterThanOrEqual(0.85);
  });

  it('agrees with what the demo generator made its agents do ≥ 90 % overall', () => {
    // The generator's flags are coarser than the QA guide in places (de-escalation, thanks for
    // feedback), so only the overall figure is held here.
    const report = measureDemoAccuracy(400, 99);
    expect(report.overall).toBeGreaterThanOrEqual(0.9);
  });
});
