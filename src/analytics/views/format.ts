/**
 * Formatting shared by the analytics pages and their CSV exports: links to the calls behind a
 * number, percentages, scores, durations, the translator. Pure.
 */
import { translate } from '../../common/i18n/i18n';
import { NO_QUEUE } from '../profile-builder';

export type Params = Record<string, string | number | null | undefined>;

export function link(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') search.set(k, String(v));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export const round1 = (n: number) => Math.round(n * 10) / 10;
/** 0..1 → '67%' for the pages. */
export const pct = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '–' : `${Math.round(rate * 100)}%`;
/** 0..1 → 66.7 for CSV (a number a spreadsheet can use). */
export const pctNumber = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? null : round1(rate * 100);
export const score = (value: number | null) => (value === null ? '–' : String(round1(value)));
export const seconds = (ms: number | null) => (ms === null ? '–' : `${round1(ms / 1000)} s`);
export const barWidth = (rate: number | null) => (rate === null ? 0 : round1(rate * 100));

export const profilePath = (externalId: string) =>
  `/analytics/agents/${encodeURIComponent(externalId)}`;
export const callsPath = (externalId: string) => `${profilePath(externalId)}/calls`;

export type T = (key: string, params?: Record<string, unknown>) => string;
export const translator =
  (lang: string): T =>
  (key, params) =>
    translate(lang, key, params);

export const roundOrNull = (v: number | null) => (v === null ? null : round1(v));

/** A dimension value as a reader sees it (channel and escalation translated, hours as a span). */
export function valueLabel(dimension: string, value: string, t: T): string {
  if (dimension === 'channel') return t(`channel.${value}`);
  if (dimension === 'escalated')
    return t(value === 'yes' ? 'analytics.escalatedYes' : 'analytics.escalatedNo');
  if (dimension === 'hour') return `${value}:00–${value}:59`;
  if (dimension === 'queue' && value === NO_QUEUE) return t('analytics.noQueue');
  return value;
}
