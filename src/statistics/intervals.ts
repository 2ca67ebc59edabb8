/**
 * Confidence intervals: a mean (Student's t), a proportion (Wilson score), the difference of two
 * proportions (Newcombe's hybrid score interval, method 10) and of two means (Welch). Pure: the
 * quantiles come from jstat, the sums from simple-statistics.
 */
import { jStat } from 'jstat';
import { mean, sampleVariance } from 'simple-statistics';

export interface Interval {
  low: number;
  high: number;
  /** e.g. 0.95 */
  level: number;
}

export interface MeanEstimate {
  n: number;
  mean: number | null;
  sd: number | null;
  /** null below 2 values: one value gives no spread. */
  ci: Interval | null;
}

export interface ProportionEstimate {
  n: number;
  successes: number;
  rate: number | null;
  ci: Interval | null;
}

export const DEFAULT_LEVEL = 0.95;

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
}

/** The two-sided normal quantile for `level` (1.959964… for 0.95). */
export function zFor(level: number): number {
  checkLevel(level);
  return jStat.normal.inv(1 - (1 - level) / 2, 0, 1);
}

/** The mean with a t interval: mean ± t(n−1) · s / √n. */
export function meanWithCi(values: readonly number[], level = DEFAULT_LEVEL): MeanEstimate {
  checkLevel(level);
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, ci: null };
  const m = mean([...values]);
  if (n < 2) return { n, mean: m, sd: null, ci: null };
  const sd = Math.sqrt(sampleVariance([...values]));
  const half = jStat.studentt.inv(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean: m, sd, ci: { low: m - half, high: m + half, level } };
}

/**
 * The same estimate as meanWithCi from the values' count, sum and sum of squares (a roll-up's
 * sufficient statistics): variance (Σx² − (Σx)²/n) / (n − 1), which equals the values' sample
 * variance up to float rounding.
 */
export function meanWithCiFromSums(
  n: number,
  sum: number,
  sumSq: number,
  level = DEFAULT_LEVEL,
): MeanEstimate {
  checkLevel(level);
  if (n === 0) return { n, mean: null, sd: null, ci: null };
  const m = sum / n;
  if (n < 2) return { n, mean: m, sd: null, ci: null };
  const sd = Math.sqrt(Math.max(0, (sumSq - (sum * sum) / n) / (n - 1)));
  const half = jStat.studentt.inv(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean: m, sd, ci: { low: m - half, high: m + half, level } };
}

function wilsonBounds(successes: number, n: number, z: number): [number, number] {
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  // At 0 and n the formula gives exactly 0 and 1; keep rounding from leaving [0, 1].
  return [
    successes === 0 ? 0 : Math.max(0, (centre - spread) / denominator),
    successes === n ? 1 : Math.min(1, (centre + spread) / denominator),
  ];
}

function checkCounts(successes: number, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be a whole number in [0, n]`);
  }
}

/**
 * A proportion with its Wilson score interval, which (unlike p ± z·SE) stays inside [0, 1] and
 * keeps its coverage for small n and rates near 0 or 1.
 */
export function proportionWithCi(
  successes: number,
  n: number,
  level = DEFAULT_LEVEL,
): ProportionEstimate {
  checkCounts(successes, n);
  if (n === 0) return { n, successes, rate: null, ci: null };
  const [low, high] = wilsonBounds(successes, n, zFor(level));
  return { n, successes, rate: successes / n, ci: { low, high, level } };
}

export interface Difference {
  /** a − b */
  estimate: number;
  ci: Interval;
}

/**
 * p_a − p_b with Newcombe's (1998) hybrid score interval, built from each group's Wilson interval.
 * null when either group is empty.
 */
export function proportionDifference(
  a: { successes: number; n: number },
  b: { successes: number; n: number },
  level = DEFAULT_LEVEL,
): Difference | null {
  checkCounts(a.successes, a.n);
  checkCounts(b.successes, b.n);
  if (a.n === 0 || b.n === 0) return null;
  const z = zFor(level);
  const p1 = a.successes / a.n;
  const p2 = b.successes / b.n;
  const [l1, u1] = wilsonBounds(a.successes, a.n, z);
  const [l2, u2] = wilsonBounds(b.successes, b.n, z);
  const d = p1 - p2;
  const low = d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
  const high = d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
  return { estimate: d, ci: { low, high, level } };
}

export interface WelchParts {
  difference: number;
  se: number;
  df: number;
}

/** Mean difference, its standard error and the Welch–Satterthwaite degrees of freedom. */
export function welchParts(a: readonly number[], b: readonly number[]): WelchParts | null {
  if (a.length < 2 || b.length < 2) return null;
  const va = sampleVariance([...a]) / a.length;
  const vb = sampleVariance([...b]) / b.length;
  const se = Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return { difference: mean([...a]) - mean([...b]), se, df };
}

/** mean(a) − mean(b) with Welch's interval (no equal-variance assumption). */
export function meanDifference(
  a: readonly number[],
  b: readonly number[],
  level = DEFAULT_LEVEL,
): Difference | null {
  checkLevel(level);
  const parts = welchParts(a, b);
  if (!parts || parts.se === 0 || !Number.isFinite(parts.df)) return null;
  const half = jStat.studentt.inv(1 - (1 - level) / 2, parts.df) * parts.se;
  return {
    estimate: parts.difference,
    ci: { low: parts.difference - half, high: parts.difference + half, level },
  };
}
