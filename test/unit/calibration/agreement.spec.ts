import fc from 'fast-check';
import {
  calibrationReport,
  deviationHistory,
  fleissKappa,
  type CalibrationEvaluationInput,
  type CalibrationInput,
} from '../../../src/calibration/agreement';
import type { Scale } from '../../../src/scorecards/scorecard-definition';

const yesNo: Scale = { type: 'yes_no' };
const rating: Scale = { type: 'rating', min: 1, max: 5 };
const points = (max: number): Scale => ({ type: 'points', max });

describe('fleissKappa', () => {
  it('reproduces the Wikipedia example: 10 subjects, 14 raters, 5 categories → κ ≈ 0.210', () => {
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    // P_i = (Σ_j n_ij² − 14) / (14·13 = 182); the numerators row by row:
    //   196−14=182, 60−14=46, 70−14=56, 94−14=80, 74−14=60, 98−14=84, 58−14=44, 46−14=32,
    //   66−14=52, 66−14=52  → Σ = 688, P̄ = 688 / 1820 = 172/455 ≈ 0.3780
    // column totals 20, 28, 39, 21, 32 of 140:
    //   P̄e = (400 + 784 + 1521 + 441 + 1024) / 19600 = 4170/19600 = 417/1960 ≈ 0.2128
    // κ = (172/455 − 417/1960) / (1 − 417/1960) = (4211/25480) / (20059/25480) = 4211/20059
    expect(fleissKappa(counts)).toBeCloseTo(4211 / 20059, 12);
    expect(fleissKappa(counts)).toBeCloseTo(0.21, 3);
  });

  it('is 1 for perfect agreement over two categories', () => {
    // P_i = (4 − 2)/2 = 1 for both rows → P̄ = 1; p = (½, ½) → P̄e = ½; κ = (1 − ½)/(1 − ½) = 1
    expect(
      fleissKappa([
        [2, 0],
        [0, 2],
      ]),
    ).toBe(1);
  });

  it('is −1 when two raters always disagree over two categories', () => {
    // P_i = (1 + 1 − 2)/2 = 0 → P̄ = 0; p = (½, ½) → P̄e = ½; κ = (0 − ½)/½ = −1
    expect(
      fleissKappa([
        [1, 1],
        [1, 1],
      ]),
    ).toBe(-1);
  });

  it('is −1/3 for one agreeing and one split subject', () => {
    // P = 1 and 0 → P̄ = ½; p = (3/4, 1/4) → P̄e = 9/16 + 1/16 = 10/16;
    // κ = (8/16 − 10/16)/(6/16) = −2/6 = −1/3
    expect(
      fleissKappa([
        [2, 0],
        [1, 1],
      ]),
    ).toBeCloseTo(-1 / 3, 12);
  });

  it('is 0.55 for three raters over three subjects', () => {
    // n = 3, n(n−1) = 6: P = (9−3)/6 = 1, (4+1−3)/6 = 1/3, 1 → P̄ = (7/3)/3 = 7/9 = 63/81
    // p = (5/9, 4/9) → P̄e = 25/81 + 16/81 = 41/81; κ = (63 − 41)/(81 − 41) = 22/40 = 0.55
    expect(
      fleissKappa([
        [3, 0],
        [2, 1],
        [0, 3],
      ]),
    ).toBeCloseTo(0.55, 12);
  });

  it('is null when undefined: no subjects, or everyone always in the same single category', () => {
    expect(fleissKappa([])).toBeNull();
    // p = (1, 0) → P̄e = 1 → 0/0
    expect(
      fleissKappa([
        [3, 0],
        [3, 0],
      ]),
    ).toBeNull();
  });

  it('throws a RangeError naming the row whose raters differ, or with fewer than two raters', () => {
    expect(() =>
      fleissKappa([
        [2, 0],
        [1, 2],
      ]),
    ).toThrow(new RangeError('counts[1] sums to 3; expected 2 like counts[0]'));
    expect(() => fleissKappa([[1, 0]])).toThrow(/at least 2 raters/);
    expect(() => fleissKappa([[0, 0]])).toThrow(RangeError);
    expect(() => fleissKappa([[2, 0], [2]])).toThrow(/counts\[1\] has 1 categories/);
    expect(() =>
      fleissKappa([
        [2, 0],
        [3, -1],
      ]),
    ).toThrow(/counts\[1\]/);
  });

  /** Rows of per-rater category picks, turned into count rows. */
  const countsArb = fc
    .record({
      raters: fc.integer({ min: 2, max: 8 }),
      categories: fc.integer({ min: 2, max: 5 }),
      subjects: fc.integer({ min: 1, max: 12 }),
    })
    .chain(({ raters, categories, subjects }) =>
      fc
        .array(
          fc.array(fc.integer({ min: 0, max: categories - 1 }), {
            minLength: raters,
            maxLength: raters,
          }),
          { minLength: subjects, maxLength: subjects },
        )
        .map((picks) =>
          picks.map((row) => {
            const counts: number[] = new Array<number>(categories).fill(0);
            for (const c of row) counts[c]++;
            return counts;
          }),
        ),
    );

  it('property: κ = 1 whenever all raters agree on every subject and two categories occur', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10 }),
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.nat(), { minLength: 2, maxLength: 20 }),
        (raters, categories, picks) => {
          const chosen = picks.map((p) => p % categories);
          fc.pre(new Set(chosen).size >= 2);
          const counts = chosen.map((c) =>
            Array.from({ length: categories }, (_, j) => (j === c ? raters : 0)),
          );
          expect(fleissKappa(counts)).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  it('property: κ ≤ 1 and unchanged by relabelling the categories or reordering subjects', () => {
    fc.assert(
      fc.property(
        countsArb.chain((counts) =>
          fc.tuple(
            fc.constant(counts),
            fc.shuffledSubarray(
              counts[0].map((_, j) => j),
              { minLength: counts[0].length, maxLength: counts[0].length },
            ),
            fc.shuffledSubarray(
              counts.map((_, i) => i),
              { minLength: counts.length, maxLength: counts.length },
            ),
          ),
        ),
        ([counts, categoryOrder, subjectOrder]) => {
          const kappa = fleissKappa(counts);
          const relabelled = fleissKappa(counts.map((row) => categoryOrder.map((j) => row[j])));
          const reordered = fleissKappa(subjectOrder.map((i) => counts[i]));
          if (kappa === null) {
            expect(relabelled).toBeNull();
            expect(reordered).toBeNull();
          } else {
            expect(kappa).toBeLessThanOrEqual(1 + 1e-12);
            expect(relabelled).toBeCloseTo(kappa, 10);
            expect(reordered).toBeCloseTo(kappa, 10);
          }
        },
      ),
    );
  });
});

describe('calibrationReport', () => {
  const criteria = [
    { key: 'greeting', label: 'Greeting', scale: yesNo },
    { key: 'empathy', label: 'Empathy', scale: rating },
    { key: 'notes_quality', label: 'Notes', scale: points(4) },
    { key: 'hold_etiquette', label: 'Hold', scale: yesNo },
    { key: 'summary', label: 'Summary', scale: points(2) },
  ];
  const evaluation = (
    evaluatorId: number,
    overallScore: number | null,
    answers: Record<string, number | null>,
    isExpert = false,
  ): CalibrationEvaluationInput => ({
    evaluatorId,
    evaluatorName: `E${evaluatorId}`,
    isExpert,
    overallScore,
    answers,
  });
  //                 greeting empathy notes hold   summary   score
  // 1 (expert)      1        4       3     N/A    2         80.1
  // 2               1        4       2     N/A    0         85.33
  // 3               1        2       3     0      2         70
  // 4               1        5       3     N/A    —         null
  const session: CalibrationInput = {
    criteria,
    evaluations: [
      evaluation(
        1,
        80.1,
        { greeting: 1, empathy: 4, notes_quality: 3, hold_etiquette: null, summary: 2 },
        true,
      ),
      evaluation(2, 85.33, {
        greeting: 1,
        empathy: 4,
        notes_quality: 2,
        hold_etiquette: null,
        summary: 0,
      }),
      evaluation(3, 70, {
        greeting: 1,
        empathy: 2,
        notes_quality: 3,
        hold_etiquette: 0,
        summary: 2,
      }),
      evaluation(4, null, { greeting: 1, empathy: 5, notes_quality: 3, hold_etiquette: null }),
    ],
  };
  const report = calibrationReport(session);
  const criterion = (key: string) => report.criteria.find((c) => c.key === key);

  it("gives each evaluator's deviation from the expert, to two decimals", () => {
    // 85.33 − 80.1 = 5.23 (5.230000000000004 in floating point); 70 − 80.1 = −10.1; null stays null
    expect(report.evaluators).toEqual([
      expect.objectContaining({ evaluatorId: 1, isExpert: true, deviation: 0, absDeviation: 0 }),
      expect.objectContaining({ evaluatorId: 2, deviation: 5.23, absDeviation: 5.23 }),
      expect.objectContaining({ evaluatorId: 3, deviation: -10.1, absDeviation: 10.1 }),
      expect.objectContaining({ evaluatorId: 4, overallScore: null, deviation: null }),
    ]);
    expect(report.evaluators[1].evaluatorName).toBe('E2');
  });

  it('computes pair agreement, match with the expert and spread per criterion', () => {
    // greeting: all 1 → 6/6 pairs = 100 %, 3/3 match, spread 0
    expect(criterion('greeting')).toMatchObject({
      agreementPct: 100,
      matchesExpertPct: 100,
      spread: 0,
    });
    // empathy 4,4,2,5: only the pair (1,2) agrees → 1/6; of 2,3,4 only 2 matches → 1/3;
    // spread (5 − 2)/(5 − 1) = 0.75
    expect(criterion('empathy')?.agreementPct).toBeCloseTo(100 / 6, 10);
    expect(criterion('empathy')?.matchesExpertPct).toBeCloseTo(100 / 3, 10);
    expect(criterion('empathy')?.spread).toBe(0.75);
    // notes 3,2,3,3: pairs (1,3),(1,4),(3,4) → 3/6 = 50 %; 3 and 4 match → 2/3; (3 − 2)/4 = 0.25
    expect(criterion('notes_quality')?.agreementPct).toBe(50);
    expect(criterion('notes_quality')?.matchesExpertPct).toBeCloseTo(200 / 3, 10);
    expect(criterion('notes_quality')?.spread).toBe(0.25);
    // hold N/A,N/A,0,N/A: N/A is its own category → 3/6 = 50 %; 2 and 4 match the expert's N/A;
    // spread over the one non-null value 0 → 0
    expect(criterion('hold_etiquette')?.agreementPct).toBe(50);
    expect(criterion('hold_etiquette')?.matchesExpertPct).toBeCloseTo(200 / 3, 10);
    expect(criterion('hold_etiquette')?.spread).toBe(0);
    // summary, not answered by 4: 2,0,2 → 1 of 3 pairs; 1 of 2 others matches; (2 − 0)/2 = 1
    expect(criterion('summary')?.agreementPct).toBeCloseTo(100 / 3, 10);
    expect(criterion('summary')?.matchesExpertPct).toBe(50);
    expect(criterion('summary')?.spread).toBe(1);
    expect(criterion('summary')?.answers).toEqual([
      { evaluatorId: 1, value: 2 },
      { evaluatorId: 2, value: 0 },
      { evaluatorId: 3, value: 2 },
    ]);
    expect(criterion('hold_etiquette')?.answers).toHaveLength(4);
  });

  it('lists the most disputed criteria by agreement ascending, then spread descending', () => {
    // empathy 16.7 %, summary 33.3 %, then notes and hold at 50 % with spread 0.25 > 0
    expect(report.mostDisagreement).toEqual([
      'empathy',
      'summary',
      'notes_quality',
      'hold_etiquette',
    ]);
  });

  it('computes Fleiss κ over the criteria every evaluator answered (summary left out)', () => {
    // subjects greeting, empathy, notes, hold; n = 4, n(n−1) = 12; categories 1,4,2,5,3,N/A,0
    //   greeting {1:4}            P = (16 − 4)/12     = 1
    //   empathy  {4:2, 2:1, 5:1}  P = (4+1+1 − 4)/12  = 1/6
    //   notes    {3:3, 2:1}       P = (9+1 − 4)/12    = 1/2
    //   hold     {N/A:3, 0:1}     P = (9+1 − 4)/12    = 1/2
    //   P̄ = (1 + 1/6 + 1/2 + 1/2)/4 = 13/24
    // category totals of 16: 1→4, 4→2, 2→2, 5→1, 3→3, N/A→3, 0→1
    //   P̄e = (16+4+4+1+9+9+1)/256 = 44/256 = 11/64
    // κ = (13/24 − 11/64)/(1 − 11/64) = (71/192)/(53/64) = 71/159 ≈ 0.4465
    expect(report.kappa).toBeCloseTo(71 / 159, 12);
  });

  it('handles an empty session', () => {
    expect(calibrationReport({ criteria: [], evaluations: [] })).toEqual({
      evaluators: [],
      criteria: [],
      kappa: null,
      mostDisagreement: [],
    });
  });

  it('handles a single rater: no pairs, nothing to compare, no κ', () => {
    const single = calibrationReport({
      criteria,
      evaluations: [session.evaluations[0]],
    });
    expect(single.evaluators[0]).toMatchObject({ deviation: 0, absDeviation: 0 });
    for (const c of single.criteria) {
      expect(c.agreementPct).toBeNull();
      expect(c.matchesExpertPct).toBeNull();
    }
    expect(single.kappa).toBeNull();
    expect(single.mostDisagreement).toEqual([]);
  });

  it('handles all N/A: full agreement, no spread, κ undefined', () => {
    const answers = { greeting: null, empathy: null };
    const allNa = calibrationReport({
      criteria: criteria.slice(0, 2),
      evaluations: [evaluation(1, null, answers, true), evaluation(2, null, answers)],
    });
    expect(allNa.criteria.map((c) => [c.agreementPct, c.matchesExpertPct, c.spread])).toEqual([
      [100, 100, null],
      [100, 100, null],
    ]);
    expect(allNa.evaluators.map((e) => e.deviation)).toEqual([null, null]);
    // one single category (N/A) → P̄e = 1
    expect(allNa.kappa).toBeNull();
    expect(allNa.mostDisagreement).toEqual([]);
  });

  it('handles no expert: no deviations, no expert match, agreement and κ still computed', () => {
    const noExpert = calibrationReport({
      ...session,
      evaluations: session.evaluations.map((e) => ({ ...e, isExpert: false })),
    });
    expect(noExpert.evaluators.map((e) => e.deviation)).toEqual([null, null, null, null]);
    expect(noExpert.criteria.map((c) => c.matchesExpertPct)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(noExpert.criteria.map((c) => c.agreementPct)).toEqual(
      report.criteria.map((c) => c.agreementPct),
    );
    expect(noExpert.kappa).toBe(report.kappa);
  });

  it('rejects two experts', () => {
    expect(() =>
      calibrationReport({
        criteria,
        evaluations: [evaluation(1, 90, {}, true), evaluation(2, 80, {}, true)],
      }),
    ).toThrow(RangeError);
  });

  it('keeps at most five criteria in mostDisagreement', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({
      key: `c${i}`,
      label: `C${i}`,
      scale: points(10),
    }));
    const answers = (offset: number) =>
      Object.fromEntries(many.map((c, i) => [c.key, offset === 0 ? 0 : i + offset]));
    const result = calibrationReport({
      criteria: many,
      evaluations: [evaluation(1, 50, answers(0), true), evaluation(2, 50, answers(1))],
    });
    // every criterion at 0 % agreement; spreads (i + 1)/10 → largest first: c6, c5, …
    expect(result.mostDisagreement).toEqual(['c6', 'c5', 'c4', 'c3', 'c2']);
  });

  it('property: κ and agreement do not depend on which numbers label the answers', () => {
    const answerArb = fc.option(fc.integer({ min: 0, max: 3 }), { nil: null });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 100 }),
        fc.array(fc.array(answerArb, { minLength: 5, maxLength: 5 }), {
          minLength: 2,
          maxLength: 6,
        }),
        (criterionCount, shift, matrix) => {
          const keys = Array.from({ length: criterionCount }, (_, i) => `k${i}`);
          const input = (relabel: (v: number) => number): CalibrationInput => ({
            criteria: keys.map((key) => ({ key, label: key, scale: points(200) })),
            evaluations: matrix.map((row, e) =>
              evaluation(
                e,
                null,
                Object.fromEntries(
                  keys.map((k, i) => {
                    const value = row[i];
                    return [k, value === null ? null : relabel(value)];
                  }),
                ),
                e === 0,
              ),
            ),
          });
          const plain = calibrationReport(input((v) => v));
          // v ↦ (7v + shift) mod 101 is one-to-one on 0..3: a relabelling of the categories
          const shifted = calibrationReport(input((v) => (v * 7 + shift) % 101));
          if (plain.kappa === null) expect(shifted.kappa).toBeNull();
          else expect(shifted.kappa).toBeCloseTo(plain.kappa, 10);
          expect(shifted.criteria.map((c) => c.agreementPct)).toEqual(
            plain.criteria.map((c) => c.agreementPct),
          );
          for (const c of plain.criteria) {
            expect(c.agreementPct).toBeGreaterThanOrEqual(0);
            expect(c.agreementPct).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});

describe('deviationHistory', () => {
  const at = (month: number) => new Date(Date.UTC(2026, month - 1, 10));

  it('sorts each series by time and gives the mean absolute deviation and the trend', () => {
    const history = deviationHistory([
      { evaluatorId: 7, sessionId: 5, closedAt: at(5), deviation: -2 },
      { evaluatorId: 7, sessionId: 1, closedAt: at(1), deviation: 10 },
      { evaluatorId: 3, sessionId: 2, closedAt: at(2), deviation: -4 },
      { evaluatorId: 7, sessionId: 4, closedAt: at(4), deviation: 6 },
      { evaluatorId: 7, sessionId: 6, closedAt: at(6), deviation: 1 },
      { evaluatorId: 3, sessionId: 1, closedAt: at(1), deviation: 4 },
      { evaluatorId: 7, sessionId: 3, closedAt: at(3), deviation: null },
      { evaluatorId: 7, sessionId: 2, closedAt: at(2), deviation: -8 },
      { evaluatorId: 3, sessionId: 3, closedAt: at(3), deviation: 2 },
    ]);
    expect(history.map((h) => h.evaluatorId)).toEqual([3, 7]);
    const [three, seven] = history;
    expect(seven.series.map((p) => p.sessionId)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seven.series[2]).toEqual({ sessionId: 3, closedAt: at(3), deviation: null });
    // |10|, |−8|, |6|, |−2|, |1| (the N/A session skipped): mean 27/5 = 5.4
    expect(seven.meanAbsDeviation).toBeCloseTo(5.4, 12);
    // last three (6 + 2 + 1)/3 = 3 minus first three (10 + 8 + 6)/3 = 8 → −5: getting closer
    expect(seven.trend).toBeCloseTo(-5, 12);
    // 4, 4, 2 → 10/3; only three points → no trend
    expect(three.meanAbsDeviation).toBeCloseTo(10 / 3, 12);
    expect(three.trend).toBeNull();
  });

  it('with exactly four points the windows overlap: (2+3+4)/3 − (1+2+3)/3 = 1', () => {
    const [one] = deviationHistory(
      [1, -2, 3, -4].map((deviation, i) => ({
        evaluatorId: 1,
        sessionId: i,
        closedAt: at(i + 1),
        deviation,
      })),
    );
    expect(one.trend).toBeCloseTo(1, 12);
    expect(one.meanAbsDeviation).toBe(2.5);
  });

  it('orders same-time sessions by id, and gives nulls without any deviation', () => {
    const [only] = deviationHistory([
      { evaluatorId: 9, sessionId: 2, closedAt: at(1), deviation: null },
      { evaluatorId: 9, sessionId: 1, closedAt: at(1), deviation: null },
    ]);
    expect(only.series.map((p) => p.sessionId)).toEqual([1, 2]);
    expect(only.meanAbsDeviation).toBeNull();
    expect(only.trend).toBeNull();
    expect(deviationHistory([])).toEqual([]);
  });
});
