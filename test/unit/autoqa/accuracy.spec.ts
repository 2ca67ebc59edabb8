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
  // Each locked split keeps floors where it stood when last scored (figures only, misses never
  // read): holdout-6 91.0 % / 91.4 % / 91.5 % after the fifth, sixth and seventh rounds
  // (de-escalation 75.0 %, thanks-for-feedback 79.2 %); holdout-7 92.3 % / 92.7 % after the sixth
  // and seventh (every criterion ≥ 81.3 %); holdout-8 first scored after the seventh round:
  // 91.4 % (de-escalation 68.8 %, thanks-for-feedback 79.2 %); after the ninth round holdout-6
  // 91.7 %, holdout-7 93.1 %, holdout-8 91.9 %. holdout-10, first scored after the ninth round:
  // 87.6 % (thanks-for-feedback 60.4 %, de-escalation 68.8 %, empathy 77.1 %, options 79.2 %).
  // holdout-10 was then unlocked into dev. After the tenth round: holdout-6 91.9 %, holdout-7
  // 93.9 %, holdout-8 92.3 %; holdout-11, first scored then: 90.5 % (options_offered 64.6 %,
  // identity_verification 68.8 %, de-escalation 79.2 %; metrics 80/80). holdout-7 and -8 each
  // have one of their 80 call metrics off. After the eleventh round: holdout-6 92.1 %, holdout-7
  // 94.1 %, holdout-8 92.6 %, holdout-11 90.6 %; holdout-12, first scored then: 89.1 %
  // (de-escalation 70.8 %, identity_verification 72.9 %, summary 75.0 %, thanks-for-feedback and
  // options 77.1 %; metrics 79/80). After the twelfth round: holdout-6 92.2 %, holdout-7 94.0 %,
  // holdout-8 92.7 %, holdout-11 90.4 %, holdout-12 89.2 %; holdout-13, first scored then: 88.8 %
  // (identity_verification and de-escalation 64.6 %, thanks-for-feedback 77.1 %; metrics 80/80).
  // holdout-12 was then unlocked into dev (dev/was-holdout-12-*). After the thirteenth round:
  // holdout-11 90.8 %, holdout-13 89.5 %; holdout-14, first scored then: 91.4 % (summary 70.8 %,
  // identity_verification and options 77.1 %; metrics 80/80). Both were then unlocked into dev
  // (dev/was-holdout-13-*, dev/was-holdout-14-*) for the fourteenth round. After it: holdout-6
  // 92.4 %, holdout-7 94.4 %, holdout-8 93.4 %, holdout-11 91.4 %; holdout-15, first scored then:
  // 91.1 % (thanks_for_feedback 70.8 %, every other criterion ≥ 81.3 %; metrics 80/80). It was
  // then unlocked into dev (dev/was-holdout-15-*) for the fifteenth round. After it: holdout-6
  // 92.4 %, holdout-7 94.4 %, holdout-8 93.5 %, holdout-11 91.5 %; holdout-16, first scored then:
  // 90.2 % (deescalation 66.7 %, thanks_for_feedback 70.8 %, options_offered 79.2 %; metrics
  // 80/80); it was then unlocked into dev (dev/was-holdout-16-*) for the sixteenth round, which
  // added learned text models (customer upset / complained) beside the lists. After it: holdout-6
  // 93.4 %, holdout-7 95.1 %, holdout-8 94.8 %, holdout-11 91.8 %; holdout-17, first scored then:
  // 92.1 % (thanks_for_feedback 70.8 %, options_offered 77.1 %, deescalation 89.6 %; metrics
  // 80/80); it was then unlocked into dev (dev/was-holdout-17-*) for the seventeenth round. After
  // it: holdout-6 93.2 %, holdout-7 95.1 %, holdout-8 94.5 % (deescalation 81.3 %), holdout-11
  // 91.9 %; holdout-18, first scored then: 92.3 % with every criterion ≥ 83.3 % (metrics 80/80).
  // holdout-19, written after it and scored once on the same rules: 93.1 % (deescalation 79.2 %);
  // it was then unlocked into dev (dev/was-holdout-19-*) for the eighteenth round. After it:
  // holdout-18 92.4 %; holdout-20, first scored then: 90.6 % (thanks_for_feedback 77.1 %,
  // options_offered 79.2 %; metrics 80/80). README has them.
  it.each([
    { split: 'holdout-6', overall: 0.93, perCriterion: 0.83, metricsOff: 0 },
    { split: 'holdout-7', overall: 0.945, perCriterion: 0.85, metricsOff: 1 },
    { split: 'holdout-8', overall: 0.945, perCriterion: 0.81, metricsOff: 1 },
    { split: 'holdout-11', overall: 0.915, perCriterion: 0.64, metricsOff: 0 },
    { split: 'holdout-18', overall: 0.92, perCriterion: 0.83, metricsOff: 0 },
    { split: 'holdout-20', overall: 0.905, perCriterion: 0.77, metricsOff: 0 },
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

  // Dev took in 32 calls rich in upset customers and the unlocked holdout-9 on 2026-12-07;
  // options_offered is 86.9 % on it (88.7 % before), every other criterion ≥ 88 %.
  it('agrees with the QA team on the dev split ≥ 94.5 % strict and ≥ 86 % on every criterion', () => {
    const report = measureCorpus('dev');
    expect(report.calls).toBeGreaterThanOrEqual(412);
    expect(report.strict / report.compared).toBeGreaterThanOrEqual(0.945);
    for (const c of report.criteria)
      expect({ key: c.key, ok: c.strict / c.compared >= 0.86, misses: c.misses }).toMatchObject({
        ok: true,
      });
  });

  it('still holds ≥ 94.5 % on dev and its floor on each locked split when no agent or company name is known', () => {
    const dev = measureCorpus('dev', false);
    expect(dev.strict / dev.compared).toBeGreaterThanOrEqual(0.945);
    for (const [split, floor] of [
      ['holdout-6', 0.93], // 88.7 % when first scored, 93.5 % after the sixteenth round
      ['holdout-7', 0.945], // 92.1 % when first scored, 94.8 % after the sixteenth
      ['holdout-8', 0.94], // 91.3 % when first scored (seventh round), 94.7 % after the sixteenth
      ['holdout-11', 0.91], // 90.2 % when first scored (tenth round), 91.7 % after the seventeenth
      ['holdout-18', 0.915], // 91.9 % when first scored (seventeenth round)
      ['holdout-20', 0.9], // 90.2 % when first scored (eighteenth round)
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
