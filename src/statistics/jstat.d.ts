/**
 * The part of jstat 1.9 (which ships no types) that src/statistics/ uses. Each distribution is
 * the library's own implementation; nothing here is re-implemented.
 */
declare module 'jstat' {
  interface ContinuousDistribution2 {
    cdf(x: number, a: number, b: number): number;
    inv(p: number, a: number, b: number): number;
  }
  interface StudentT {
    cdf(x: number, dof: number): number;
    inv(p: number, dof: number): number;
  }
  interface NonCentralT {
    cdf(x: number, dof: number, ncp: number): number;
  }
  interface ChiSquare {
    cdf(x: number, dof: number): number;
  }
  interface Hypergeometric {
    /** P(X = k) drawing n from N of which m are successes. */
    pdf(k: number, N: number, m: number, n: number): number;
  }
  export const jStat: {
    normal: ContinuousDistribution2;
    studentt: StudentT;
    noncentralt: NonCentralT;
    chisquare: ChiSquare;
    hypgeom: Hypergeometric;
  };
}
