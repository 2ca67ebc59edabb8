/**
 * Values read with getRawMany/query come back as each driver stores them: SQLite gives
 * timestamps as 'YYYY-MM-DD HH:MM:SS' text in UTC and simple-json columns as text; PostgreSQL
 * gives Date objects. These turn either into what the entity would hold.
 */

/** A stored timestamp as a Date (SQLite's zone-less text is UTC). */
export function storedTime(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/** A stored simple-json value, parsed; null when it is not valid JSON. */
export function parseJson(stored: unknown): unknown {
  if (typeof stored !== 'string') return stored ?? null;
  try {
    return JSON.parse(stored) as unknown;
  } catch {
    return null;
  }
}
