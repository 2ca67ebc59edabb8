/**
 * The installation's time zone (TZ_DISPLAY, default Asia/Seoul): times people type and read are
 * in it, whatever the server process's own TZ; the database keeps UTC; CSV and API give ISO-8601
 * with the offset. Pure functions over Intl; the zone is set once at start-up from the config.
 */

export const DEFAULT_DISPLAY_TIME_ZONE = 'Asia/Seoul';

let displayZone = DEFAULT_DISPLAY_TIME_ZONE;

/** Whether Intl knows the zone (an IANA name such as Asia/Seoul, Europe/Berlin or UTC). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function setDisplayTimeZone(zone: string): void {
  if (!isTimeZone(zone)) throw new Error(`unknown time zone "${zone}"`);
  displayZone = zone;
}

export function displayTimeZone(): string {
  return displayZone;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsIn(date: Date, zone: string): Record<string, number> {
  let format = partFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(zone, format);
  }
  const out: Record<string, number> = {};
  for (const p of format.formatToParts(date)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
}

/** The zone's offset from UTC at that instant, in minutes (Asia/Seoul: 540). */
export function offsetMinutes(date: Date, zone = displayZone): number {
  const p = partsIn(date, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** ISO-8601 with the zone's offset: 2026-12-07T14:30:00+09:00 (CSV files, API answers). */
export function isoWithOffset(date: Date, zone = displayZone): string {
  const p = partsIn(date, zone);
  return (
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    offsetText(offsetMinutes(date, zone))
  );
}

/** The value of a `datetime-local` input showing this instant in the zone: 2026-12-07T14:30. */
export function toLocalInput(date: Date, zone = displayZone): string {
  return isoWithOffset(date, zone).slice(0, 16);
}

/** "2026-12-07 14:30" in the zone: for texts kept as they were written (notifications). */
export function localDateTimeText(date: Date, zone = displayZone): string {
  return toLocalInput(date, zone).replace('T', ' ');
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A date and time as a person or a client gave it: a form's `2026-12-07T14:30` is read in the
 * zone (so it shows as 14:30 again), an ISO time with Z or an offset is taken as it is. Null when
 * it is neither, or names no real moment (2026-02-30, 25:00).
 */
export function parseDateTimeInput(value: string, zone = displayZone): Date | null {
  const text = value.trim();
  if (WITH_OFFSET.test(text)) {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const m = LOCAL.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0));
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  // The offset at the guess, then again at the result (a daylight-saving change in between).
  let utc = asUtc - offsetMinutes(new Date(asUtc), zone) * 60_000;
  const again = asUtc - offsetMinutes(new Date(utc), zone) * 60_000;
  if (again !== utc) utc = again;
  return new Date(utc);
}

/** The zone's name for people, in their language: 한국 표준시, Korean Standard Time. */
export function timeZoneName(lang: string, zone = displayZone): string {
  const name = (style: 'long' | 'longGeneric') =>
    new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ko-KR', {
      timeZone: zone,
      timeZoneName: style,
    })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value ?? zone;
  const generic = name('longGeneric');
  return generic.startsWith('GMT') ? name('long') : generic;
}
