/**
 * The regression as it was before the one-Gram-matrix, flat-design rewrite (git 53e85ca,
 * src/statistics/regression.ts), kept only as the reference that regression-same.spec.ts holds
 * the new code to: the same numbers, bit for bit.
 */
import { jStat } from 'jstat';

export interface Coefficient {
  name: string;
  estimate: number;
  se: number;
  /** t (OLS) or Wald z (logistic). */
  statistic: number;
  pValue: number;
}

export interface RegressionResult {
  kind: 'ols' | 'logistic';
  n: number;
  intercept: Coefficient;
  coefficients: Coefficient[];
  /** Predictors left out: constant, or a linear combination of the others. */
  dropped: string[];
  /** OLS: R²; logistic: McFadden's pseudo-R². */
  r2: number;
  /** Logistic only: false when the fit did not settle (e.g. perfect separation). */
  converged: boolean;
}

const SINGULAR = 1e-10;

/** Inverse of a symmetric positive (semi)definite matrix by Gauss–Jordan; null if singular. */
export function invert(matrix: readonly (readonly number[])[]): number[][] | null {
  const n = matrix.length;
  const a = matrix.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  const scale = Math.max(1, ...matrix.map((row, i) => Math.abs(row[i])));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    }
    if (Math.abs(a[pivot][col]) < SINGULAR * scale) return null;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    const p = a[col][col];
    for (let j = 0; j < 2 * n; j++) a[col][j] /= p;
    for (let r = 0; r < n; r++) {
      if (r === col || a[r][col] === 0) continue;
      const f = a[r][col];
      for (let j = 0; j < 2 * n; j++) a[r][j] -= f * a[col][j];
    }
  }
  return a.map((row) => row.slice(n));
}

/** Xᵀ W X and Xᵀ W z for the design X (first column the intercept). */
function weightedNormal(
  x: number[][],
  w: number[],
  z: number[],
): { xtx: number[][]; xtz: number[] } {
  const k = x[0].length;
  const xtx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const xtz = new Array<number>(k).fill(0);
  for (let i = 0; i < x.length; i++) {
    const row = x[i];
    for (let a = 0; a < k; a++) {
      if (row[a] === 0) continue;
      xtz[a] += w[i] * row[a] * z[i];
      for (let b = a; b < k; b++) xtx[a][b] += w[i] * row[a] * row[b];
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) xtx[a][b] = xtx[b][a];
  return { xtx, xtz };
}

/**
 * The predictors to keep: non-constant ones, then greedily those that keep XᵀX invertible (a
 * column that repeats a combination of the kept ones is dropped).
 */
function usable(rows: number[][], names: readonly string[]): { keep: number[]; dropped: string[] } {
  const keep: number[] = [];
  const dropped: string[] = [];
  const ones = rows.map(() => 1);
  for (let j = 0; j < names.length; j++) {
    const column = rows.map((r) => r[j]);
    const constant = column.every((v) => v === column[0]);
    const candidate = [...keep, j];
    const design = rows.map((r) => [1, ...candidate.map((c) => r[c])]);
    if (constant || invert(weightedNormal(design, ones, ones).xtx) === null) dropped.push(names[j]);
    else keep.push(j);
  }
  return { keep, dropped };
}

function checkInput(
  rows: readonly (readonly number[])[],
  names: readonly string[],
  y: readonly number[],
) {
  if (rows.length !== y.length) throw new RangeError('one outcome per row');
  for (const r of rows) {
    if (r.length !== names.length) throw new RangeError('one value per predictor in every row');
  }
}

function coefficient(
  name: string,
  estimate: number,
  variance: number,
  p: (s: number) => number,
): Coefficient {
  const se = Math.sqrt(Math.max(variance, 0));
  const statistic = se === 0 ? 0 : estimate / se;
  return { name, estimate, se, statistic, pValue: Math.min(1, p(Math.abs(statistic))) };
}

/** OLS of y on the predictors (with an intercept); null when there are too few rows. */
export function linearRegression(
  rows: readonly (readonly number[])[],
  names: readonly string[],
  y: readonly number[],
): RegressionResult | null {
  checkInput(rows, names, y);
  const { keep, dropped } = usable(
    rows.map((r) => [...r]),
    names,
  );
  const k = keep.length + 1;
  const n = rows.length;
  if (n <= k) return null;
  const x = rows.map((r) => [1, ...keep.map((j) => r[j])]);
  const { xtx, xtz } = weightedNormal(
    x,
    x.map(() => 1),
    [...y],
  );
  const inverse = invert(xtx);
  if (!inverse) return null;
  const beta = inverse.map((row) => row.reduce((s, v, j) => s + v * xtz[j], 0));
  const fitted = x.map((row) => row.reduce((s, v, j) => s + v * beta[j], 0));
  const sse = y.reduce((s, v, i) => s + (v - fitted[i]) ** 2, 0);
  const yMean = y.reduce((s, v) => s + v, 0) / n;
  const sst = y.reduce((s, v) => s + (v - yMean) ** 2, 0);
  const df = n - k;
  const sigma2 = sse / df;
  const p = (t: number) => 2 * (1 - jStat.studentt.cdf(t, df));
  const all = beta.map((b, j) =>
    coefficient(j === 0 ? '(intercept)' : names[keep[j - 1]], b, sigma2 * inverse[j][j], p),
  );
  return {
    kind: 'ols',
    n,
    intercept: all[0],
    coefficients: all.slice(1),
    dropped,
    r2: sst === 0 ? 0 : 1 - sse / sst,
    converged: true,
  };
}

const MAX_ITERATIONS = 50;
/** A log-odds this large means the fit runs off to infinity (separation). */
const RUNAWAY = 15;

function logLikelihood(y: readonly number[], mu: readonly number[]): number {
  return y.reduce((s, v, i) => {
    const m = Math.min(Math.max(mu[i], 1e-15), 1 - 1e-15);
    return s + (v === 1 ? Math.log(m) : Math.log(1 - m));
  }, 0);
}

/** Logistic regression of a 0/1 outcome on the predictors; null when it cannot be fitted. */
export function logisticRegression(
  rows: readonly (readonly number[])[],
  names: readonly string[],
  y: readonly number[],
): RegressionResult | null {
  checkInput(rows, names, y);
  if (y.some((v) => v !== 0 && v !== 1)) throw new RangeError('the outcome must be 0 or 1');
  const { keep, dropped } = usable(
    rows.map((r) => [...r]),
    names,
  );
  const k = keep.length + 1;
  const n = rows.length;
  const events = y.filter((v) => v === 1).length;
  if (n <= k || events === 0 || events === n) return null;
  const x = rows.map((r) => [1, ...keep.map((j) => r[j])]);
  let beta = new Array<number>(k).fill(0);
  let inverse: number[][] | null = null;
  let converged = false;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const eta = x.map((row) => row.reduce((s, v, j) => s + v * beta[j], 0));
    const mu = eta.map((e) => 1 / (1 + Math.exp(-e)));
    const w = mu.map((m) => Math.max(m * (1 - m), 1e-12));
    const z = eta.map((e, i) => e + (y[i] - mu[i]) / w[i]);
    const { xtx, xtz } = weightedNormal(x, w, z);
    inverse = invert(xtx);
    if (!inverse) return null;
    const next = inverse.map((row) => row.reduce((s, v, j) => s + v * xtz[j], 0));
    const change = Math.max(...next.map((b, j) => Math.abs(b - beta[j])));
    beta = next;
    if (change < 1e-9) {
      converged = true;
      break;
    }
  }
  if (beta.some((b) => Math.abs(b) > RUNAWAY)) converged = false;
  // The information matrix at the final estimate.
  const mu = x.map((row) => 1 / (1 + Math.exp(-row.reduce((s, v, j) => s + v * beta[j], 0))));
  inverse =
    invert(
      weightedNormal(
        x,
        mu.map((m) => m * (1 - m)),
        mu,
      ).xtx,
    ) ?? inverse;
  if (!inverse) return null;
  const p = (zValue: number) => 2 * (1 - jStat.normal.cdf(zValue, 0, 1));
  const all = beta.map((b, j) =>
    coefficient(j === 0 ? '(intercept)' : names[keep[j - 1]], b, inverse[j][j], p),
  );
  const nullMu = y.map(() => events / n);
  return {
    kind: 'logistic',
    n,
    intercept: all[0],
    coefficients: all.slice(1),
    dropped,
    r2: 1 - logLikelihood(y, mu) / logLikelihood(y, nullMu),
    converged,
  };
}
