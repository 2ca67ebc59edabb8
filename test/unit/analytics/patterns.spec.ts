import fc from 'fast-check';
import {
  clusterMisses,
  passRateColour,
  rankWeakCriteria,
  weeklyTrend,
  type CriterionPassCounts,
  type MissFact,
} from '../../../src/analytics/patterns';

const DAY_MS = 24 * 60 * 60 * 1000;
const utc = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('rankWeakCriteria', () => {
  const row = (
    key: string,
    agentPassed: number,
    agentTotal: number,
    teamPassed: number,
    teamTotal: number,
  ): CriterionPassCounts => ({
    key,
    label: key.toUpperCase(),
    agentPassed,
    agentTotal,
    teamPassed,
    teamTotal,
  });
  const rows = [
    row('greeting', 6, 10, 45, 50), //       0.9 − 0.6 = 0.3,    misses 4 → weight 1.2
    row('empathy', 2, 8, 30, 60), //         0.5 − 0.25 = 0.25,  misses 6 → weight 1.5
    row('closing', 9, 10, 40, 50), //        0.8 − 0.9 < 0 → left out
    row('summary', 4, 5, 80, 100), //        0.8 − 0.8 = 0 → left out
    row('hold_etiquette', 1, 4, 10, 20), //  4 < 5 answers → insufficient
    row('notes_quality', 3, 6, 6, 8), //     0.75 − 0.5 = 0.25,  misses 3 → weight 0.75
    row('z_tie', 4, 8, 6, 8), //             0.75 − 0.5 = 0.25,  misses 4 → weight 1
    row('a_tie', 0, 8, 1, 8), //             0.125 − 0 = 0.125,  misses 8 → weight 1
  ];

  it('ranks by gap × misses, ties by key, and sets small samples apart', () => {
    const { ranked, insufficient } = rankWeakCriteria(rows);
    expect(ranked.map((r) => r.key)).toEqual([
      'empathy',
      'greeting',
      'a_tie',
      'z_tie',
      'notes_quality',
    ]);
    expect(ranked[0]).toMatchObject({
      label: 'EMPATHY',
      agentRate: 0.25,
      teamRate: 0.5,
      gap: 0.25,
      misses: 6,
      weight: 1.5,
    });
    expect(ranked[1].gap).toBeCloseTo(0.3, 12);
    expect(ranked[1].weight).toBeCloseTo(1.2, 12);
    expect(insufficient.map((r) => r.key)).toEqual(['hold_etiquette']);
  });

  it('takes the minimum sample as a parameter', () => {
    const { ranked, insufficient } = rankWeakCriteria(rows, 10);
    expect(ranked.map((r) => r.key)).toEqual(['greeting']);
    expect(insufficient.map((r) => r.key)).toEqual([
      'empathy',
      'summary',
      'hold_etiquette',
      'notes_quality',
      'z_tie',
      'a_tie',
    ]);
  });

  it('handles no rows, no team data and no agent answers', () => {
    expect(rankWeakCriteria([])).toEqual({ ranked: [], insufficient: [] });
    expect(rankWeakCriteria([row('x', 0, 5, 0, 0)])).toEqual({ ranked: [], insufficient: [] });
    expect(rankWeakCriteria([row('x', 0, 0, 5, 5)], 0).insufficient).toHaveLength(1);
  });
});

describe('clusterMisses', () => {
  const facts = (dimension: string, total: number, misses: number): MissFact[] =>
    Array.from({ length: total }, (_, i) => ({ dimension, passed: i >= misses }));

  it('gives each value its miss rate and lift over the overall miss rate', () => {
    // overall 12 misses of 24 = 0.5
    //   billing 6/10 = 0.6 → lift 1.2;  tech 2/10 = 0.2 → lift 0.4;  sales 4/4 (too few)
    const result = clusterMisses([
      ...facts('tech', 10, 2),
      ...facts('billing', 10, 6),
      ...facts('sales', 4, 4),
    ]);
    expect(result.overall).toEqual({ total: 24, misses: 12, missRate: 0.5 });
    expect(result.ranked).toEqual([
      { dimension: 'billing', total: 10, misses: 6, missRate: 0.6, lift: 1.2 },
      { dimension: 'tech', total: 10, misses: 2, missRate: 0.2, lift: 0.4 },
    ]);
    expect(result.insufficient).toEqual([
      { dimension: 'sales', total: 4, misses: 4, missRate: 1, lift: 2 },
    ]);
  });

  it('has no lift when nothing was missed, and nothing at all without facts', () => {
    const none = clusterMisses([...facts('b', 5, 0), ...facts('a', 5, 0)]);
    expect(none.overall.missRate).toBe(0);
    expect(none.ranked.map((c) => [c.dimension, c.lift])).toEqual([
      ['a', null],
      ['b', null],
    ]);
    expect(clusterMisses([])).toEqual({
      overall: { total: 0, misses: 0, missRate: null },
      ranked: [],
      insufficient: [],
    });
  });

  it('property: the lifts average to 1 when weighted by the facts of each value', () => {
    const factArb = fc.record({
      passed: fc.boolean(),
      dimension: fc.constantFrom('queue-a', 'queue-b', 'queue-c', 'night'),
    });
    fc.assert(
      fc.property(fc.array(factArb, { minLength: 1, maxLength: 60 }), (all) => {
        fc.pre(all.some((f) => !f.passed));
        // Σ total_g · (misses_g/total_g) / overall = Σ misses_g / overall = N
        const result = clusterMisses(all, 0);
        const weighted = result.ranked.reduce((sum, c) => sum + c.total * (c.lift ?? NaN), 0);
        expect(weighted / all.length).toBeCloseTo(1, 10);
        expect(result.ranked.reduce((sum, c) => sum + c.total, 0)).toBe(all.length);
      }),
    );
  });
});

describe('passRateColour', () => {
  it.each<[number | null, string]>([
    [null, 'heat-none'],
    [0, 'heat-0'],
    [0.49, 'heat-0'],
    [0.5, 'heat-1'],
    [0.69, 'heat-1'],
    [0.7, 'heat-2'],
    [0.79, 'heat-2'],
    [0.8, 'heat-3'],
    [0.89, 'heat-3'],
    [0.9, 'heat-4'],
    [1, 'heat-4'],
  ])('%s → %s', (rate, colour) => {
    expect(passRateColour(rate)).toBe(colour);
  });

  it('property: never gets colder as the pass rate rises', () => {
    const order = ['heat-0', 'heat-1', 'heat-2', 'heat-3', 'heat-4'];
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(order.indexOf(passRateColour(low))).toBeLessThanOrEqual(
            order.indexOf(passRateColour(high)),
          );
        },
      ),
    );
  });
});

describe('weeklyTrend', () => {
  it('averages per ISO week, skips N/A, and fits the slope over calendar weeks', () => {
    const { weeks, slope } = weeklyTrend([
      { at: utc('2026-01-26'), score: 95 }, //  W05
      { at: utc('2026-01-05'), score: 80 }, //  W02
      { at: utc('2026-01-12'), score: 70 }, //  W03
      { at: utc('2026-01-08'), score: null }, // W02, N/A: skipped
      { at: utc('2026-01-07'), score: 90 }, //  W02
      { at: utc('2026-02-01'), score: 100 }, // W05 (a Sunday)
    ]);
    expect(weeks).toEqual([
      { week: '2026-W02', count: 2, average: 85 },
      { week: '2026-W03', count: 1, average: 70 },
      { week: '2026-W05', count: 2, average: 97.5 },
    ]);
    // x = 0, 1, 3 (W04 is empty but a week went by); y = 85, 70, 97.5
    // Σx = 4, Σy = 252.5, Σxy = 0 + 70 + 292.5 = 362.5, Σx² = 10, n = 3
    // slope = (3·362.5 − 4·252.5) / (3·10 − 4²) = (1087.5 − 1010) / 14 = 77.5/14 ≈ 5.536
    expect(slope).toBeCloseTo(77.5 / 14, 12);
  });

  it('crosses the year boundary in order', () => {
    const { weeks, slope } = weeklyTrend([
      { at: utc('2027-01-04'), score: 80 }, // 2027-W01
      { at: utc('2026-12-31'), score: 60 }, // 2026-W53
      { at: utc('2027-01-01'), score: 70 }, // 2026-W53 (a Friday)
    ]);
    expect(weeks).toEqual([
      { week: '2026-W53', count: 2, average: 65 },
      { week: '2027-W01', count: 1, average: 80 },
    ]);
    // two points one week apart: (80 − 65)/1
    expect(slope).toBe(15);
  });

  it('has no slope with fewer than two weeks', () => {
    expect(weeklyTrend([])).toEqual({ weeks: [], slope: null });
    expect(weeklyTrend([{ at: utc('2026-03-02'), score: null }])).toEqual({
      weeks: [],
      slope: null,
    });
    expect(
      weeklyTrend([
        { at: utc('2026-03-02'), score: 50 },
        { at: utc('2026-03-08'), score: 70 },
      ]),
    ).toEqual({ weeks: [{ week: '2026-W10', count: 2, average: 60 }], slope: null });
  });

  it('property: recovers the slope of scores that rise linearly week by week', () => {
    const base = Date.UTC(2025, 11, 29); // a Monday
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 104 }), { minLength: 2, maxLength: 20 }),
        fc.integer({ min: 0, max: 6 * DAY_MS - 1 }),
        fc.integer({ min: -5, max: 5 }),
        fc.integer({ min: 0, max: 50 }),
        (offsets, withinWeek, perWeek, start) => {
          const { weeks, slope } = weeklyTrend(
            offsets.map((w) => ({
              at: new Date(base + w * 7 * DAY_MS + withinWeek),
              score: start + perWeek * w,
            })),
          );
          expect(weeks).toHaveLength(offsets.length);
          expect(slope).toBeCloseTo(perWeek, 9);
        },
      ),
    );
  });
});
