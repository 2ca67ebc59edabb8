/**
 * How long a call's transcript is kept, and when the daily job runs. Pure: plain data in,
 * plain data out (no NestJS, no database).
 *
 * A source's own number of days wins over its channel's, which wins over the installation's
 * default; `null` keeps transcripts (no deletion).
 */
import { offsetMinutes } from '../common/time-zone';

export interface RetentionPolicy {
  /** RETENTION_TRANSCRIPT_DAYS; null = kept. */
  defaultDays: number | null;
  /** RETENTION_SOURCE_DAYS: source → days (null = kept). */
  sources: Record<string, number | null>;
  /** RETENTION_CHANNEL_DAYS: channel → days (null = kept). */
  channels: Record<string, number | null>;
}

export const NO_RETENTION: RetentionPolicy = { defaultDays: null, sources: {}, channels: {} };

/** The hour of the day (display time zone) the job runs. */
export const RETENTION_HOUR = 3;

const DAY_MS = 86_400_000;

/**
 * `"pbx=30, legacy=off"` → `{ pbx: 30, legacy: null }`. Throws an Error naming the entry and
 * why; `allowed` restricts the keys (the channels).
 */
export function parseRetentionOverrides(
  value: string | undefined,
  allowed?: readonly string[],
): Record<string, number | null> {
  const result: Record<string, number | null> = {};
  if (value === undefined) return result;
  for (const entry of value.split(',')) {
    const text = entry.trim();
    if (text === '') continue;
    const m = /^([^=]+)=\s*(\d+|off)$/i.exec(text);
    if (!m) throw new Error(`"${text}" is not name=days (a number of days, or off)`);
    const key = m[1].trim();
    if (allowed && !allowed.includes(key)) {
      throw new Error(`"${key}" is not one of ${allowed.join(', ')}`);
    }
    if (key in result) throw new Error(`"${key}" is given twice`);
    const days = m[2].toLowerCase() === 'off' ? null : Number(m[2]);
    if (days !== null && (days < 1 || days > 36500)) {
      throw new Error(`"${text}": days must be between 1 and 36500`);
    }
    result[key] = days;
  }
  return result;
}

/** The days a call of this source and channel is kept; null = kept for good. */
export function retentionDays(
  policy: RetentionPolicy,
  source: string,
  channel: string,
): number | null {
  if (Object.hasOwn(policy.sources, source)) return policy.sources[source];
  if (Object.hasOwn(policy.channels, channel)) return policy.channels[channel];
  return policy.defaultDays;
}

/** Whether any call can be deleted under this policy. */
export function retentionActive(policy: RetentionPolicy): boolean {
  return [
    policy.defaultDays,
    ...Object.values(policy.sources),
    ...Object.values(policy.channels),
  ].some((days) => days !== null);
}

/** Every number of days the policy uses (distinct, ascending). */
export function policyDays(policy: RetentionPolicy): number[] {
  const all = [
    policy.defaultDays,
    ...Object.values(policy.sources),
    ...Object.values(policy.channels),
  ].filter((d): d is number => d !== null);
  return [...new Set(all)].sort((a, b) => a - b);
}

/** Calls that started before this moment are past their time at a run at `at`. */
export function cutoffFor(at: Date, days: number): Date {
  return new Date(at.getTime() - days * DAY_MS);
}

/** Whether a call is past its time at `at`. */
export function isExpired(
  policy: RetentionPolicy,
  call: { source: string; channel: string; startedAt: Date },
  at: Date,
): boolean {
  const days = retentionDays(policy, call.source, call.channel);
  return days !== null && call.startedAt.getTime() < cutoffFor(at, days).getTime();
}

/** The scheduled run at RETENTION_HOUR on the local day of `date` in `zone`. */
function runOnDayOf(date: Date, zone?: string): Date {
  const local = new Date(date.getTime() + offsetMinutes(date, zone) * 60_000);
  const wall = Date.UTC(
    local.getUTCFullYear(),
    local.getUTCMonth(),
    local.getUTCDate(),
    RETENTION_HOUR,
  );
  return new Date(wall - offsetMinutes(new Date(wall), zone) * 60_000);
}

/** The latest scheduled run at or before `now`. */
export function lastScheduledRun(now: Date, zone?: string): Date {
  const today = runOnDayOf(now, zone);
  return today.getTime() <= now.getTime()
    ? today
    : runOnDayOf(new Date(now.getTime() - DAY_MS), zone);
}

/** The next `count` scheduled runs after `now`. */
export function nextScheduledRuns(now: Date, count: number, zone?: string): Date[] {
  const runs: Date[] = [];
  let at = lastScheduledRun(now, zone);
  for (let i = 0; i < count; i++) {
    at = runOnDayOf(new Date(at.getTime() + DAY_MS + 3_600_000), zone);
    runs.push(at);
  }
  return runs;
}
