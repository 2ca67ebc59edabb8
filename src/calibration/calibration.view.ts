/**
 * Plain helpers for showing calibration results: how to read a kappa, an answer as a label, a
 * deviation series as an SVG sparkline. No framework, no I/O.
 */
import type { Scale } from '../scorecards/scorecard-definition';

export type KappaReading =
  'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almostPerfect';

/** Landis & Koch (1977): the usual words for a kappa. */
export function kappaReading(kappa: number | null): KappaReading | null {
  if (kappa === null) return null;
  if (kappa < 0) return 'poor';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almostPerfect';
}

/** An answer as the scoring form shows it: Yes/No, the number, or N/A; '–' when not answered. */
export function answerLabel(scale: Scale, value: number | null | undefined, lang: string): string {
  if (value === undefined) return '–';
  if (value === null) return 'N/A';
  if (scale.type === 'yes_no') {
    if (lang === 'en') return value === 1 ? 'Yes' : 'No';
    return value === 1 ? '예' : '아니오';
  }
  return String(value);
}

export interface Sparkline {
  width: number;
  height: number;
  /** `x,y x,y …` for an SVG polyline through the non-null points. */
  points: string;
  /** y of the zero line: no deviation from the expert. */
  zeroY: number;
  dots: { x: number; y: number; deviation: number }[];
}

/**
 * Deviations around a zero line, scaled to the largest absolute deviation (at least 1 point, so
 * tiny wobbles stay flat). Null deviations are skipped; null when nothing is left to draw.
 */
export function sparkline(
  deviations: (number | null)[],
  width = 160,
  height = 40,
): Sparkline | null {
  const given = deviations.filter((d): d is number => d !== null);
  if (given.length === 0) return null;
  const pad = 4;
  const middle = height / 2;
  const scale = Math.max(1, ...given.map(Math.abs));
  const step = given.length > 1 ? (width - 2 * pad) / (given.length - 1) : 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  const dots = given.map((deviation, i) => ({
    x: round(given.length > 1 ? pad + i * step : width / 2),
    y: round(middle - (deviation / scale) * (middle - pad)),
    deviation,
  }));
  return {
    width,
    height,
    points: dots.map((d) => `${d.x},${d.y}`).join(' '),
    zeroY: middle,
    dots,
  };
}

/** Negative trend: the evaluator's mean |deviation| went down, i.e. closer to the expert. */
export function trendDirection(trend: number | null): 'closer' | 'further' | 'steady' | null {
  if (trend === null) return null;
  if (trend < -0.5) return 'closer';
  if (trend > 0.5) return 'further';
  return 'steady';
}
