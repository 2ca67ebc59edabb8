/**
 * The regressions after the speed-up (one XᵀX for the choice of predictors, a flat design, no
 * array per row) give exactly what they gave before (regression-before.ts, the old code): every
 * estimate, standard error, p-value, R² and dropped predictor, bit for bit, on data shaped like
 * the drivers analysis (0/1 criteria, some constant, one a copy of another, one the complement
 * of another; CSAT 1–5 and FCR 0/1 depending on some of them).
 */
import { linearRegression, logisticRegression } from '../../../src/statistics';
import * as before from './regression-before';
import { createRng as random } from '../../../src/common/random';

function dataSet(seed: number, n: number) {
  const rnd = random(seed);
  const names = Array.from({ length: 12 }, (_, j) => `c${String(j).padStart(2, '0')}`);
  const rows: number[][] = [];
  const csat: number[] = [];
  const fcr: number[] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = names.map((_, j) => (rnd() < 0.6 + j * 0.03 ? 1 : 0));
    row[3] = 1; // never fails: constant, dropped
    row[7] = row[2]; // a copy: dropped
    row[9] = 1 - row[4]; // with the intercept, a combination of c04: dropped
    rows.push(row);
    const signal = 0.8 * row[0] + 0.5 * row[5] - 0.3 * row[10] + (rnd() - 0.5) * 2;
    csat.push(Math.min(5, Math.max(1, Math.round(2.5 + signal))));
    fcr.push(rnd() < 1 / (1 + Math.exp(-(signal - 0.2))) ? 1 : 0);
  }
  return { names, rows, csat, fcr };
}

describe('regression speed-up keeps the results', () => {
  it.each([
    [1, 40],
    [2, 500],
    [3, 5_000],
  ])('OLS and logistic equal the previous code exactly (seed %i, %i rows)', (seed, n) => {
    const { names, rows, csat, fcr } = dataSet(seed, n);
    const ols = linearRegression(rows, names, csat);
    expect(ols).not.toBeNull();
    expect(ols!.dropped).toEqual(['c03', 'c07', 'c09']);
    expect(ols).toEqual(before.linearRegression(rows, names, csat));
    const logistic = logisticRegression(rows, names, fcr);
    expect(logistic).not.toBeNull();
    expect(logistic!.converged).toBe(true);
    expect(logistic).toEqual(before.logisticRegression(rows, names, fcr));
  });

  it('equal where the fit fails or runs off (too few rows, separation, non-0/1 predictors)', () => {
    const names = ['a', 'b'];
    const few = [
      [1, 0],
      [0, 1],
    ];
    expect(linearRegression(few, names, [3, 4])).toEqual(
      before.linearRegression(few, names, [3, 4]),
    );
    const separated = Array.from({ length: 30 }, (_, i) => [i % 2, (i * 7) % 3]);
    const y = separated.map((r) => r[0]);
    expect(logisticRegression(separated, names, y)).toEqual(
      before.logisticRegression(separated, names, y),
    );
    const scaled = separated.map((r, i) => [r[0] * 2.5 + (i % 5) * 0.1, r[1] - 0.75]);
    const outcome = scaled.map((_, i) => ((i * 13) % 7) / 3);
    expect(linearRegression(scaled, names, outcome)).toEqual(
      before.linearRegression(scaled, names, outcome),
    );
  });
});
