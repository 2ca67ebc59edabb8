/**
 * Multivariable regression over 0/1 predictors (criteria passed/failed): ordinary least squares
 * for a numeric outcome (CSAT) and logistic regression by iteratively reweighted least squares
 * (Newton–Raphson) for a 0/1 outcome (FCR). simple-statistics covers one predictor only, so this
 * is a small implementation of the textbook algorithms, checked against published examples in
 * test/unit/statistics/. Predictors that never vary, or that repeat others exactly, are left out
 * and named in `dropped`. Standard errors come from the inverse information matrix; p-values
 * from t (OLS) and the normal distribution (logistic, Wald), via jstat.
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

/**
 * A design matrix, flat: n rows of k values (the first the intercept's 1), row after row. One
 * typed array instead of an array per row, so that the sums below walk memory in order.
 */
interface Design {
  n: number;
  k: number;
  values: Float64Array;
}

function designOf(rows: readonly (readonly number[])[], columns: readonly number[]): Design {
  const n = rows.length;
  const k = columns.length + 1;
  const values = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const at = i * k;
    values[at] = 1;
    for (let c = 0; c < columns.length; c++) values[at + c + 1] = row[columns[c]];
  }
  return { n, k, values };
}

/**
 * Xᵀ W X and Xᵀ W z for the design X (w null: every weight 1; z null: no Xᵀ W z). Every sum
 * adds its terms in row order, each term computed as w·x_a·x_b (w·x_a·z), and skips a row where
 * x_a is 0: the same operations in the same order as summing over one array per row.
 */
function weightedNormal(
  x: Design,
  w: Float64Array | null,
  z: ArrayLike<number> | null,
): { xtx: number[][]; xtz: number[] } {
  const { n, k, values } = x;
  const sums = new Float64Array(k * k);
  const xtz = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    const at = i * k;
    const wi = w === null ? 1 : w[i];
    for (let a = 0; a < k; a++) {
      const xa = values[at + a];
      if (xa === 0) continue;
      const wa = wi * xa;
      if (z !== null) xtz[a] += wa * z[i];
      const row = a * k;
      for (let b = a; b < k; b++) sums[row + b] += wa * values[at + b];
    }
  }
  const xtx = Array.from({ length: k }, (_, a) =>
    Array.from({ length: k }, (_, b) => (a <= b ? sums[a * k + b] : sums[b * k + a])),
  );
  return { xtx, xtz };
}

/** The rows and columns `index` of a square matrix. */
const submatrix = (m: readonly (readonly number[])[], index: readonly number[]) =>
  index.map((a) => index.map((b) => m[a][b]));

/**
 * The predictors to keep: non-constant ones, then greedily those that keep XᵀX invertible (a
 * column that repeats a combination of the kept ones is dropped). XᵀX of every candidate set is
 * a submatrix of the one XᵀX over all the predictors (the same sums), so it is summed once.
 */
function usable(
  rows: readonly (readonly number[])[],
  names: readonly string[],
): { keep: number[]; dropped: string[] } {
  const keep: number[] = [];
  const dropped: string[] = [];
  const all = weightedNormal(
    designOf(
      rows,
      names.map((_, j) => j),
    ),
    null,
    null,
  ).xtx;
  for (let j = 0; j < names.length; j++) {
    const first = rows.length > 0 ? rows[0][j] : undefined;
    const constant = rows.every((r) => r[j] === first);
    const index = [0, ...keep.map((c) => c + 1), j + 1];
    if (constant || invert(submatrix(all, index)) === null) dropped.push(names[j]);
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

/** Per row, Σ x_j·β_j in column order (from 0, as a reduce over the row would). */
function linearPredictor(x: Design, beta: readonly number[]): Float64Array {
  const { n, k, values } = x;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += values[i * k + j] * beta[j];
    out[i] = s;
  }
  return out;
}

/** OLS of y on the predictors (with an intercept); null when there are too few rows. */
export function linearRegression(
  rows: readonly (readonly number[])[],
  names: readonly string[],
  y: readonly number[],
): RegressionResult | null {
  checkInput(rows, names, y);
  const { keep, dropped } = usable(rows, names);
  const k = keep.length + 1;
  const n = rows.length;
  if (n <= k) return null;
  const x = designOf(rows, keep);
  const { xtx, xtz } = weightedNormal(x, null, y);
  const inverse = invert(xtx);
  if (!inverse) return null;
  const beta = inverse.map((row) => row.reduce((s, v, j) => s + v * xtz[j], 0));
  const fitted = linearPredictor(x, beta);
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

function logLikelihood(y: readonly number[], mu: ArrayLike<number>): number {
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
  const { keep, dropped } = usable(rows, names);
  const k = keep.length + 1;
  const n = rows.length;
  const events = y.filter((v) => v === 1).length;
  if (n <= k || events === 0 || events === n) return null;
  const x = designOf(rows, keep);
  let beta = new Array<number>(k).fill(0);
  let inverse: number[][] | null = null;
  let converged = false;
  const mu = new Float64Array(n);
  const w = new Float64Array(n);
  const z = new Float64Array(n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const eta = linearPredictor(x, beta);
    for (let i = 0; i < n; i++) {
      mu[i] = 1 / (1 + Math.exp(-eta[i]));
      w[i] = Math.max(mu[i] * (1 - mu[i]), 1e-12);
      z[i] = eta[i] + (y[i] - mu[i]) / w[i];
    }
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
  const eta = linearPredictor(x, beta);
  for (let i = 0; i < n; i++) {
    mu[i] = 1 / (1 + Math.exp(-eta[i]));
    w[i] = mu[i] * (1 - mu[i]);
  }
  inverse = invert(weightedNormal(x, w, null).xtx) ?? inverse;
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
