/** ISO-8601 weeks, read in UTC: the key used by sampling quotas and the analytics trends. */

export const DAY_MS = 24 * 60 * 60 * 1000;
export const WEEK_MS = 7 * DAY_MS;

/** Midnight UTC of the Monday that starts the ISO-8601 week holding `date`. */
export function weekStart(date: Date): number {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError('isoWeek needs a valid date');
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return midnight - weekday * DAY_MS;
}

/**
 * The ISO-8601 week key, e.g. '2026-W05'. A week belongs to the year that holds its Thursday,
 * so 2027-01-01 (a Friday) is in '2026-W53' and 2024-12-30 (a Monday) in '2025-W01'.
 */
export function isoWeek(date: Date): string {
  const thursday = new Date(weekStart(date) + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Midnight UTC of the Monday that starts ISO week `key` ('2026-W05'), or null when the year has
 * no such week (W00, W54, W53 of a 52-week year) or the key is malformed.
 */
export function isoWeekStart(key: string): number | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1) return null;
  // 4 January is always in week 1.
  const start = weekStart(new Date(Date.UTC(year, 0, 4))) + (week - 1) * WEEK_MS;
  return isoWeek(new Date(start)) === key ? start : null;
}
