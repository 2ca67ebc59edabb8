import {
  analyseExperiment,
  type ExperimentCall,
} from '../../../src/experiments/experiment-analysis';
import { proportionDifference, welchTTest } from '../../../src/statistics';

const call = (
  i: number,
  variant: string,
  csat: number,
  fcr: boolean,
  aht: number,
): ExperimentCall => ({
  interactionId: i,
  variant,
  csat,
  fcr,
  ahtSeconds: aht,
  qaScore: null,
  criteria: new Map([['summary', fcr]]),
});

const VARIANTS = [
  { key: 'A', label: 'current' },
  { key: 'B', label: 'new' },
];

describe('experiment analysis', () => {
  const calls = [
    ...[3, 3, 4, 2, 3, 3].map((c, i) => call(i, 'A', c, i % 2 === 0, 100 + i)),
    ...[4, 5, 4, 4, 5, 4].map((c, i) => call(10 + i, 'B', c, i !== 1 && i !== 4, 100 + i)),
  ];

  it('uses Welch for means and Fisher for small proportions, variant minus control', () => {
    const r = analyseExperiment(VARIANTS, calls, ['summary']);
    expect(r.variants.map((v) => v.calls)).toEqual([6, 6]);
    const csat = r.comparisons.find((c) => c.metric === 'csat')!;
    const expected = welchTTest([4, 5, 4, 4, 5, 4], [3, 3, 4, 2, 3, 3])!;
    expect(csat.test).toEqual(expected);
    expect(csat.difference!.estimate).toBeCloseTo(4.333333 - 3, 5);
    expect(csat.smallSample).toBe(true);
    expect(csat.effectSize).toBeGreaterThan(1);
    const fcr = r.comparisons.find((c) => c.metric === 'fcr')!;
    expect(fcr.test!.test).toBe('fisher_exact');
    expect(fcr.difference).toEqual(
      proportionDifference({ successes: 4, n: 6 }, { successes: 3, n: 6 }),
    );
    expect(fcr.neededPerVariant).toBeGreaterThan(6);
    expect(r.comparisons.map((c) => c.metric)).toEqual([
      'csat',
      'fcr',
      'aht',
      'qa',
      'criterion:summary',
    ]);
    // No QA scores: nothing to test, no interval.
    const qa = r.comparisons.find((c) => c.metric === 'qa')!;
    expect(qa.test).toBeNull();
    expect(qa.neededPerVariant).toBeNull();
  });

  it('compares every variant with the first', () => {
    const r = analyseExperiment(
      [...VARIANTS, { key: 'C', label: 'third' }],
      [...calls, call(30, 'C', 5, true, 90), call(31, 'C', 4, true, 95)],
      [],
    );
    expect(new Set(r.comparisons.map((c) => `${c.control}→${c.variant}`))).toEqual(
      new Set(['A→B', 'A→C']),
    );
  });
});
