import { measureAccuracy, measureDemoAccuracy } from '../../support/autoqa-accuracy';

/**
 * The shipped rule packs against the hand-labelled set and against generated calls: the targets
 * of the auto-QA issue, kept so that a change to a phrase list or a detector cannot quietly make
 * the machine worse. `npm run autoqa:accuracy -- --misses` shows the details.
 */
describe('auto-QA accuracy of the shipped packs', () => {
  it('agrees with the hand-labelled set ≥ 90 % overall and ≥ 75 % on every criterion', () => {
    const report = measureAccuracy();
    expect(report.files).toBeGreaterThanOrEqual(24);
    expect(report.criteria.length).toBeGreaterThanOrEqual(14);
    expect(report.overall).toBeGreaterThanOrEqual(0.9);
    for (const c of report.criteria) {
      expect({ key: c.key, ok: c.rate >= 0.75, misses: c.misses }).toMatchObject({ ok: true });
    }
  });

  it('agrees with what the demo generator made its agents do ≥ 90 % overall', () => {
    const report = measureDemoAccuracy(400, 99);
    expect(report.overall).toBeGreaterThanOrEqual(0.9);
    for (const c of report.criteria)
      expect({ key: c.key, ok: c.rate >= 0.75 }).toEqual({ key: c.key, ok: true });
  });
});
