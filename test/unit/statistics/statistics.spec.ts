/**
 * The statistics core against published worked examples (sources beside each test).
 */
import {
  fisherExactTest,
  linearRegression,
  logisticRegression,
  meanDifference,
  meanWithCi,
  meanWithCiFromSums,
  proportionDifference,
  proportionTest,
  proportionWithCi,
  sampleSizeForMeans,
  sampleSizeForProportions,
  tTestSampleSize,
  twoProportionZTest,
  welchTTest,
} from '../../../src/statistics';
import { linearRegression as simpleLinear, rSquared } from 'simple-statistics';

/**
 * Student's sleep data (Cushny & Peebles 1905, as in R's `datasets::sleep`): extra hours of
 * sleep under two drugs. R's documented example `t.test(extra ~ group, data = sleep)` (Welch)
 * gives t = −1.8608, df = 17.776, p = 0.07939, 95% CI −3.3654832 … 0.2054832; and
 * `t.test(sleep$extra[1:10])` mean 0.75, 95% CI −0.5297804 … 2.0297804.
 */
const SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('means', () => {
  it('gives the t interval of R t.test on the sleep data, group 1', () => {
    const m = meanWithCi(SLEEP_1);
    expect(m.mean).toBeCloseTo(0.75, 10);
    expect(m.ci!.low).toBeCloseTo(-0.5297804, 6);
    expect(m.ci!.high).toBeCloseTo(2.0297804, 6);
  });

  it('gives the same interval from n, sum and sum of squares (a roll-up) on the sleep data', () => {
    const sum = SLEEP_1.reduce((a, b) => a + b, 0);
    const sumSq = SLEEP_1.reduce((a, b) => a + b * b, 0);
    const m = meanWithCiFromSums(SLEEP_1.length, sum, sumSq);
    expect(m.mean).toBeCloseTo(0.75, 10);
    expect(m.ci!.low).toBeCloseTo(-0.5297804, 6);
    expect(m.ci!.high).toBeCloseTo(2.0297804, 6);
    expect(m.sd).toBeCloseTo(meanWithCi(SLEEP_1).sd!, 10);
    expect(meanWithCiFromSums(1, 3, 9)).toEqual(meanWithCi([3]));
    expect(meanWithCiFromSums(0, 0, 0)).toEqual(meanWithCi([]));
  });

  it('has no interval for fewer than 2 values and nothing for none', () => {
    expect(meanWithCi([3]).ci).toBeNull();
    expect(meanWithCi([3]).mean).toBe(3);
    expect(meanWithCi([]).mean).toBeNull();
  });

  it("Welch's t test and interval match R on the sleep data", () => {
    const t = welchTTest(SLEEP_1, SLEEP_2)!;
    expect(t.statistic).toBeCloseTo(-1.8608, 4);
    expect(t.df).toBeCloseTo(17.776, 3);
    expect(t.pValue).toBeCloseTo(0.07939, 5);
    const d = meanDifference(SLEEP_1, SLEEP_2)!;
    expect(d.estimate).toBeCloseTo(-1.58, 10);
    expect(d.ci.low).toBeCloseTo(-3.3654832, 6);
    expect(d.ci.high).toBeCloseTo(0.2054832, 6);
  });

  it('refuses a test without spread or with one value', () => {
    expect(welchTTest([1, 1], [1, 1])).toBeNull();
    expect(welchTTest([1], [1, 2])).toBeNull();
  });
});

describe('proportions', () => {
  /**
   * Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of
   * seven methods", Stat Med 17:857–872, Table II, method 3 (Wilson score, no correction).
   */
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('Wilson interval of %i/%i is %f … %f (Newcombe 1998)', (s, n, low, high) => {
    const p = proportionWithCi(s, n);
    expect(p.ci!.low).toBeCloseTo(low, 4);
    expect(p.ci!.high).toBeCloseTo(high, 4);
  });

  it('has no rate for no calls and refuses impossible counts', () => {
    expect(proportionWithCi(0, 0).rate).toBeNull();
    expect(() => proportionWithCi(5, 4)).toThrow(RangeError);
    expect(() => proportionWithCi(1.5, 4)).toThrow(RangeError);
  });

  /**
   * Newcombe RG (1998), "Interval estimation for the difference between independent
   * proportions: comparison of eleven methods", Stat Med 17:873–890, Table II example (a):
   * 56/70 − 48/80, method 10 (score, no correction): 0.0524 … 0.3339; example (b) 9/10 − 3/10:
   * 0.1705 … 0.8090.
   */
  it('gives Newcombe’s hybrid score interval for a difference', () => {
    const a = proportionDifference({ successes: 56, n: 70 }, { successes: 48, n: 80 })!;
    expect(a.estimate).toBeCloseTo(0.2, 10);
    expect(a.ci.low).toBeCloseTo(0.0524, 4);
    expect(a.ci.high).toBeCloseTo(0.3339, 4);
    const b = proportionDifference({ successes: 9, n: 10 }, { successes: 3, n: 10 })!;
    expect(b.ci.low).toBeCloseTo(0.1705, 4);
    expect(b.ci.high).toBeCloseTo(0.809, 4);
  });

  it("the z test's z² is Pearson's χ² of the 2×2 table", () => {
    // χ² = N(ad − bc)² / (r1 r2 c1 c2) for [[56, 14], [48, 32]], computed independently.
    const chi2 = (150 * (56 * 32 - 14 * 48) ** 2) / (70 * 80 * 104 * 46);
    const z = twoProportionZTest({ successes: 56, n: 70 }, { successes: 48, n: 80 })!;
    expect(z.statistic! ** 2).toBeCloseTo(chi2, 10);
    expect(z.statistic).toBeGreaterThan(0);
    // χ²(1) tail of 7.0234: p = 0.008045 (R: prop.test(c(56, 48), c(70, 80), correct = FALSE)).
    expect(z.pValue).toBeCloseTo(0.008045, 5);
  });

  /**
   * Fisher's "lady tasting tea" (Fisher 1935, The Design of Experiments): [[3, 1], [1, 3]],
   * one-sided p = 17/70 = 0.2429, two-sided p = 34/70 = 0.4857 (R: fisher.test).
   */
  it("Fisher's exact test gives the tea-tasting p-value", () => {
    const f = fisherExactTest({ successes: 3, n: 4 }, { successes: 1, n: 4 })!;
    expect(f.pValue).toBeCloseTo(34 / 70, 10);
    expect(fisherExactTest({ successes: 4, n: 4 }, { successes: 0, n: 4 })!.pValue).toBeCloseTo(
      2 / 70,
      10,
    );
  });

  it('chooses Fisher when an expected count is under 5, else z', () => {
    expect(proportionTest({ successes: 3, n: 4 }, { successes: 1, n: 4 })!.test).toBe(
      'fisher_exact',
    );
    expect(proportionTest({ successes: 56, n: 70 }, { successes: 48, n: 80 })!.test).toBe(
      'two_proportion_z',
    );
  });
});

describe('sample size needed', () => {
  /** R's documented example `power.prop.test(p1 = .50, p2 = .75, power = .90)` → n = 76.7. */
  it('matches power.prop.test for proportions', () => {
    expect(sampleSizeForProportions(0.5, 0.75, 0.05, 0.9)).toBe(77);
    expect(sampleSizeForProportions(0.5, 0.5)).toBeNull();
  });

  /** R's documented example `power.t.test(delta = 1, sd = 1, power = .90)` → n = 22.02110. */
  it('matches power.t.test for means (noncentral t)', () => {
    expect(tTestSampleSize(1, 1, 0.05, 0.9)).toBeCloseTo(22.0211, 3);
    expect(sampleSizeForMeans(1, 1, 0.05, 0.9)).toBe(23);
    expect(sampleSizeForMeans(0, 1)).toBeNull();
  });

  it('needs more calls for a smaller difference', () => {
    expect(sampleSizeForProportions(0.8, 0.85)!).toBeGreaterThan(
      sampleSizeForProportions(0.8, 0.9)!,
    );
  });
});

describe('regression', () => {
  /**
   * Wikipedia, "Logistic regression", worked example (hours studied → passed the exam, 20
   * students): intercept −4.1 (SE 1.8), hours 1.5 (SE 0.63, Wald p = 0.017).
   * Precise values (R glm): −4.0777 (1.7610), 1.5046 (0.6287).
   */
  const HOURS = [
    0.5, 0.75, 1, 1.25, 1.5, 1.75, 1.75, 2, 2.25, 2.5, 2.75, 3, 3.25, 3.5, 4, 4.25, 4.5, 4.75, 5,
    5.5,
  ];
  const PASS = [0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1];

  it('fits the logistic worked example', () => {
    const fit = logisticRegression(
      HOURS.map((h) => [h]),
      ['hours'],
      PASS,
    )!;
    expect(fit.converged).toBe(true);
    expect(fit.intercept.estimate).toBeCloseTo(-4.0777, 3);
    expect(fit.intercept.se).toBeCloseTo(1.761, 2);
    expect(fit.coefficients[0].estimate).toBeCloseTo(1.5046, 3);
    expect(fit.coefficients[0].se).toBeCloseTo(0.6287, 3);
    expect(fit.coefficients[0].pValue).toBeCloseTo(0.0167, 3);
  });

  it('OLS with one predictor equals simple-statistics', () => {
    const rows = HOURS.map((h) => [h]);
    const y = HOURS.map((h, i) => 2 + 0.7 * h + (i % 3) - 1);
    const fit = linearRegression(rows, ['x'], y)!;
    const pairs = HOURS.map((h, i) => [h, y[i]]);
    const line = simpleLinear(pairs);
    expect(fit.coefficients[0].estimate).toBeCloseTo(line.m, 10);
    expect(fit.intercept.estimate).toBeCloseTo(line.b, 10);
    expect(fit.r2).toBeCloseTo(
      rSquared(pairs, (x) => line.m * x + line.b),
      10,
    );
  });

  it('OLS recovers an exact linear relation over 0/1 predictors and drops duplicates', () => {
    const rows: number[][] = [];
    for (let i = 0; i < 16; i++) rows.push([i & 1, (i >> 1) & 1, (i >> 2) & 1, i & 1, 1]);
    const y = rows.map(([a, b, c]) => 3 + 1.5 * a - 0.5 * b + 0 * c);
    const fit = linearRegression(rows, ['a', 'b', 'c', 'a_again', 'always'], y)!;
    expect(fit.dropped).toEqual(['a_again', 'always']);
    expect(fit.coefficients.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(fit.intercept.estimate).toBeCloseTo(3, 8);
    expect(fit.coefficients[0].estimate).toBeCloseTo(1.5, 8);
    expect(fit.coefficients[1].estimate).toBeCloseTo(-0.5, 8);
    expect(fit.coefficients[2].estimate).toBeCloseTo(0, 8);
    expect(fit.r2).toBeCloseTo(1, 8);
  });

  it('reports a logistic fit that does not settle (perfect separation)', () => {
    const fit = logisticRegression([[0], [0], [0], [1], [1], [1]], ['x'], [0, 0, 0, 1, 1, 1]);
    expect(fit === null || fit.converged === false).toBe(true);
  });

  it('refuses mismatched input', () => {
    expect(() => linearRegression([[1]], ['a'], [1, 2])).toThrow(RangeError);
    expect(() => logisticRegression([[1], [0], [1]], ['a'], [0, 2, 1])).toThrow(RangeError);
  });
});
