/** Number formatting for the outcomes pages and CSV. Pure. */
import type { Interval, MeanEstimate, ProportionEstimate } from '../../statistics';

export const round = (n: number, digits = 1) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

const interval = (ci: Interval | null, f: (n: number) => string) =>
  ci ? `${f(ci.low)}–${f(ci.high)}` : '';

export const pctText = (n: number) => `${round(n * 100)}%`;

/** "4.2 (3.9–4.5)" and the n beside it. */
export function meanCell(m: MeanEstimate, digits = 1) {
  const f = (n: number) => String(round(n, digits));
  return {
    text: m.mean === null ? '–' : f(m.mean),
    ci: interval(m.ci, f),
    n: m.n,
  };
}

export function rateCell(p: ProportionEstimate) {
  return {
    text: p.rate === null ? '–' : pctText(p.rate),
    ci: interval(p.ci, pctText),
    n: p.n,
  };
}

export const shareText = (share: number | null) => (share === null ? '–' : pctText(share));

/** For CSV: a number or empty. */
export const csvNumber = (n: number | null | undefined, digits = 3) =>
  n === null || n === undefined ? null : round(n, digits);
