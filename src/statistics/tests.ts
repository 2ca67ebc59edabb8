/**
 * Significance tests: two proportions (pooled z test; Fisher's exact test for small counts) and
 * two means (Welch's t test). Two-sided p-values; distributions from jstat.
 */
import { jStat } from 'jstat';
import { welchParts } from './intervals';

export type TestName = 'two_proportion_z' | 'fisher_exact' | 'welch_t';

export interface TestResult {
  test: TestName;
  /** z or t; null for Fisher's exact test. */
  statistic: number | null;
  df: number | null;
  pValue: number;
}

export interface Counts {
  successes: number;
  n: number;
}

/** Pooled two-proportion z test (equal to Pearson's χ² on the 2×2 table, no continuity correction). */
export function twoProportionZTest(a: Counts, b: Counts): TestResult | null {
  if (a.n === 0 || b.n === 0) return null;
  const pooled = (a.successes + b.successes) / (a.n + b.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  if (se === 0) return { test: 'two_proportion_z', statistic: 0, df: null, pValue: 1 };
  const z = (a.successes / a.n - b.successes / b.n) / se;
  const pValue = 2 * (1 - jStat.normal.cdf(Math.abs(z), 0, 1));
  return { test: 'two_proportion_z', statistic: z, df: null, pValue: Math.min(1, pValue) };
}

/**
 * Fisher's exact test on the 2×2 table [[a.s, a.n−a.s], [b.s, b.n−b.s]]: the two-sided p-value
 * sums every table with the same margins that is no more likely than the one observed.
 */
export function fisherExactTest(a: Counts, b: Counts): TestResult | null {
  if (a.n === 0 || b.n === 0) return null;
  const total = a.n + b.n;
  const successes = a.successes + b.successes;
  const lowest = Math.max(0, a.n - (total - successes));
  const highest = Math.min(a.n, successes);
  const probability = (k: number) => jStat.hypgeom.pdf(k, total, successes, a.n);
  const observed = probability(a.successes);
  let p = 0;
  for (let k = lowest; k <= highest; k++) {
    const pk = probability(k);
    // The relative tolerance R's fisher.test uses, so equal tables are not lost to rounding.
    if (pk <= observed * (1 + 1e-7)) p += pk;
  }
  return { test: 'fisher_exact', statistic: null, df: null, pValue: Math.min(1, p) };
}

/** Welch's t test for a difference of means; null below 2 values per group or no spread. */
export function welchTTest(a: readonly number[], b: readonly number[]): TestResult | null {
  const parts = welchParts(a, b);
  if (!parts || parts.se === 0 || !Number.isFinite(parts.df)) return null;
  const t = parts.difference / parts.se;
  const pValue = 2 * (1 - jStat.studentt.cdf(Math.abs(t), parts.df));
  return { test: 'welch_t', statistic: t, df: parts.df, pValue: Math.min(1, pValue) };
}

/**
 * The test suited to two proportions: Fisher's exact test when an expected cell count is below
 * 5 (where the z test's normal approximation is poor), else the z test.
 */
export function proportionTest(a: Counts, b: Counts): TestResult | null {
  if (a.n === 0 || b.n === 0) return null;
  const total = a.n + b.n;
  const successes = a.successes + b.successes;
  const expected = [a.n, b.n].flatMap((n) => [
    (n * successes) / total,
    (n * (total - successes)) / total,
  ]);
  return Math.min(...expected) < 5 ? fisherExactTest(a, b) : twoProportionZTest(a, b);
}
