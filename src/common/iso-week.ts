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
