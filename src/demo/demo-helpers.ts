/**
 * Small pure helpers of the demo generator: the seeded random picks, filling the phrase templates
 * and the clock of the calls (Seoul time, spread over the demo's weeks).
 */
import type { Rng } from '../common/random';
import type { DemoLanguage } from './demo-phrases';
import { DEMO_WEEKS } from './demo-center';

/** Each call has its own stream, so options such as turnsPerCall never change another call. */
export function callSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  return Math.imul(h, 0x27d4eb2d) >>> 0;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** An integer in [min, max]. */
export function between(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function fill(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => vars[key] ?? match);
}

export function join(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(' ');
}

/** "but " + "There are…" → "but there are…" (English only). */
export function prefixed(prefix: string, text: string, lang: DemoLanguage): string {
  if (lang === 'en' && prefix.endsWith(', ') && /^[A-Z][a-z]/.test(text)) {
    return prefix + text[0].toLowerCase() + text.slice(1);
  }
  return prefix + text;
}

/** Whether the last Hangul syllable has a final consonant (이었습니다 vs 였습니다). */
export function hasBatchim(word: string): boolean {
  const code = word.charCodeAt(word.length - 1) - 0xac00;
  return code >= 0 && code < 11172 && code % 28 !== 0;
}

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export const SECOND = 1000;
export const DAY = 86_400_000;
export const SEOUL_OFFSET = 9 * 3_600_000;

/** Start times (epoch ms) on weekdays, 09:00–17:30 Seoul time, in the DEMO_WEEKS before `now`. */
export function scheduleStarts(count: number, now: string, rng: Rng): number[] {
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs)) throw new RangeError(`now is not an ISO date-time: ${now}`);
  const today = Math.floor((nowMs + SEOUL_OFFSET) / DAY) * DAY; // Seoul midnight, shifted epoch
  const weekdays: number[] = [];
  for (let d = 1; d <= DEMO_WEEKS * 7; d++) {
    const day = today - d * DAY;
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) weekdays.push(day);
  }
  const starts = Array.from(
    { length: count },
    () => pick(rng, weekdays) + between(rng, 9 * 3600, 17.5 * 3600) * SECOND - SEOUL_OFFSET,
  );
  return starts.sort((a, b) => a - b);
}

/** The Seoul wall-clock fields of an epoch time. */
export function seoul(ms: number): Date {
  return new Date(ms + SEOUL_OFFSET);
}

export function seoulIso(ms: number): string {
  const d = seoul(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+09:00`;
}

/** A memo's date as people write it: `2026-11-20`. */
export function seoulDate(ms: number): string {
  const d = seoul(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function seoulClock(ms: number): string {
  const d = seoul(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
