/**
 * Sample size: how many per group a two-sided test at level α needs to detect the difference
 * seen with the given power. Proportions: the normal approximation (as R's power.prop.test);
 * means: Student's t with the noncentral t distribution (as R's power.t.test), both one-sided
 * in the power term ("strict = FALSE").
 */
import { jStat } from 'jstat';

export const DEFAULT_ALPHA = 0.05;
export const DEFAULT_POWER = 0.8;
/** Beyond this, "needed per group" is reported as not reachable. */
const MAX_N = 10_000_000;

function checkProbability(name: string, value: number): void {
  if (!(value > 0 && value < 1)) throw new RangeError(`${name} must be in (0, 1), got ${value}`);
}

/** Per group, rounded up; null when the rates are equal (no difference to detect). */
export function sampleSizeForProportions(
  p1: number,
  p2: number,
  alpha = DEFAULT_ALPHA,
  power = DEFAULT_POWER,
): number | null {
  checkProbability('alpha', alpha);
  checkProbability('power', power);
  if (![p1, p2].every((p) => p >= 0 && p <= 1)) throw new RangeError('rates must be in [0, 1]');
  const d = Math.abs(p1 - p2);
  if (d === 0) return null;
  const za = jStat.normal.inv(1 - alpha / 2, 0, 1);
  const zb = jStat.normal.inv(power, 0, 1);
  const pooled = (p1 + p2) / 2;
  const n =
    ((za * Math.sqrt(2 * pooled * (1 - pooled)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) /
      d) **
    2;
  return Math.ceil(n);
}

/** The exact (unrounded) n per group for a two-sample t test; exported for the tests. */
export function tTestSampleSize(
  delta: number,
  sd: number,
  alpha = DEFAULT_ALPHA,
  power = DEFAULT_POWER,
): number | null {
  checkProbability('alpha', alpha);
  checkProbability('power', power);
  if (!(sd > 0) || !Number.isFinite(delta) || delta === 0) return null;
  const powerAt = (n: number): number => {
    const df = 2 * (n - 1);
    const ncp = Math.sqrt(n / 2) * (Math.abs(delta) / sd);
    const critical = jStat.studentt.inv(1 - alpha / 2, df);
    return 1 - jStat.noncentralt.cdf(critical, df, ncp);
  };
  let low = 2;
  let high = 4;
  while (powerAt(high) < power) {
    high *= 2;
    if (high > MAX_N) return null;
  }
  for (let i = 0; i < 100 && high - low > 1e-6; i++) {
    const middle = (low + high) / 2;
    if (powerAt(middle) < power) low = middle;
    else high = middle;
  }
  return high;
}

/** Per group, rounded up; null when there is no difference or no spread. */
export function sampleSizeForMeans(
  delta: number,
  sd: number,
  alpha = DEFAULT_ALPHA,
  power = DEFAULT_POWER,
): number | null {
  const n = tTestSampleSize(delta, sd, alpha, power);
  return n === null ? null : Math.ceil(n - 1e-9);
}
