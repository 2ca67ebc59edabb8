/**
 * The period an analytics page covers: two UTC dates, both inclusive ('YYYY-MM-DD'), by default
 * the last 8 ISO weeks (Monday seven weeks ago through today). Pure.
 */
import { InputError } from '../common/errors';
import { isoWeek } from '../common/iso-week';

export interface Period {
  from: string;
  to: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The longest period a page may ask for, so one request cannot scan years of answers. */
export const MAX_PERIOD_DAYS = 732;
export const DEFAULT_WEEKS = 8;

export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);
const parse = (day: string): Date => new Date(`${day}T00:00:00.000Z`);
export const addDays = (day: string, n: number): string =>
  dayOf(new Date(parse(day).getTime() + n * DAY_MS));

/** Monday (UTC) of the ISO week holding `day`. */
export function mondayOf(day: string): string {
  const weekday = (parse(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** `value` when it is a real YYYY-MM-DD day, else an InputError naming `field`. */
export function validDay(field: string, value: string): string {
  // A month past 12 makes an Invalid Date, whose toISOString() throws: test it first.
  const date = DAY.test(value) ? parse(value) : null;
  if (!date || Number.isNaN(date.getTime()) || dayOf(date) !== value) {
    throw new InputError(field, 'give a date as YYYY-MM-DD', { key: 'period.notADay' });
  }
  return value;
}

export function defaultPeriod(now: Date = new Date()): Period {
  const to = dayOf(now);
  return { from: addDays(mondayOf(to), -7 * (DEFAULT_WEEKS - 1)), to };
}

/** The asked-for period, the default for what is missing; refuses a reversed or too long one. */
export function resolvePeriod(
  asked: { from?: string; to?: string },
  now: Date = new Date(),
): Period {
  const fallback = defaultPeriod(now);
  const to = asked.to ? validDay('to', asked.to) : fallback.to;
  const from = asked.from
    ? validDay('from', asked.from)
    : addDays(mondayOf(to), -7 * (DEFAULT_WEEKS - 1));
  if (from > to) {
    throw new InputError('from', `${from} is after ${to}`, {
      key: 'period.reversed',
      params: { from, to },
    });
  }
  if (daysBetween(from, to) >= MAX_PERIOD_DAYS) {
    throw new InputError('from', `a period may cover at most ${MAX_PERIOD_DAYS} days`, {
      key: 'period.tooLong',
      params: { max: String(MAX_PERIOD_DAYS) },
    });
  }
  return { from, to };
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / DAY_MS);
}

/** [start, end) instants of the period, for comparing with interactions' startedAt. */
export function instants(period: Period): { start: Date; end: Date } {
  return { start: parse(period.from), end: parse(addDays(period.to, 1)) };
}

export interface PeriodWeek {
  week: string;
  /** The part of the week inside the period. */
  from: string;
  to: string;
}

/** Every ISO week the period touches, in order, clipped to the period. */
export function weeksOf(period: Period): PeriodWeek[] {
  const weeks: PeriodWeek[] = [];
  for (let monday = mondayOf(period.from); monday <= period.to; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    weeks.push({
      week: isoWeek(parse(monday)),
      from: monday < period.from ? period.from : monday,
      to: sunday > period.to ? period.to : sunday,
    });
  }
  return weeks;
}

/**
 * The hour of day as the pages show times (Korea, UTC+9 all year, the `dateTime` helper's
 * zone): '00' … '23'. Misses "at 10 o'clock" mean what the team lead reads on the call list.
 */
export const DISPLAY_UTC_OFFSET_HOURS = 9;
export function localHour(date: Date): string {
  return String((date.getUTCHours() + DISPLAY_UTC_OFFSET_HOURS) % 24).padStart(2, '0');
}
