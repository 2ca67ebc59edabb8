import { reasonKey, TranscriptParseError, type ReasonKey } from './transcript';

/**
 * Typed reads from parsed JSON for the vendor formats. Every read either returns a value of the
 * promised type or throws a TranscriptParseError whose `field` is the JSON path of the offending
 * value (`results.items[12].start_time`), so no parser ever touches `undefined` by accident.
 */
export type JsonObject = Record<string, unknown>;

/** `results` + `items` → `results.items`; an empty parent is the root. */
export function child(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export function item(path: string, index: number): string {
  return `${path}[${index}]`;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** "an object", "a string ("abc")", ... for messages. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 39)}…` : value;
    return `a string (${JSON.stringify(shown)})`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return `a ${typeof value} (${value})`;
  }
  return `a ${typeof value}`;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;
const LANGUAGE_TAG = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/i;
const DECIMAL = /^\d+(?:\.\d+)?$/;
const DURATION = /^(\d+(?:\.\d{1,9})?)s$/;

/** Reads bound to one file: `fields.string(value, 'jobName')`. */
export class JsonFields {
  constructor(readonly file: string) {}

  /** `key`'s params gain `field` (the path), which every `import.reason.*` of a value may show. */
  error(path: string, reason: string, key: ReasonKey): TranscriptParseError {
    const params = path === '' ? key.params : { field: path, ...key.params };
    return new TranscriptParseError(this.file, reason, undefined, path === '' ? undefined : path, {
      key: key.key,
      ...(params ? { params } : {}),
    });
  }

  object(value: unknown, path: string): JsonObject {
    if (!isObject(value)) {
      throw this.error(
        path,
        `${name(path)} must be an object, got ${kindOf(value)}`,
        K(path === '' ? 'fileMustBeObject' : 'mustBeObject'),
      );
    }
    return value;
  }

  optionalObject(value: unknown, path: string): JsonObject | undefined {
    return isPresent(value) ? this.object(value, path) : undefined;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) {
      throw this.error(
        path,
        `${name(path)} must be an array, got ${kindOf(value)}`,
        K(path === '' ? 'fileMustBeArray' : 'mustBeArray'),
      );
    }
    return value;
  }

  optionalArray(value: unknown, path: string): unknown[] | undefined {
    return isPresent(value) ? this.array(value, path) : undefined;
  }

  /** A string as is (may be blank). */
  string(value: unknown, path: string): string {
    if (value === undefined) throw this.error(path, `missing ${name(path)}`, K('fieldMissing'));
    if (typeof value !== 'string') {
      throw this.error(
        path,
        `${name(path)} must be a string, got ${kindOf(value)}`,
        K('mustBeString'),
      );
    }
    return value;
  }

  /** null, a missing value and a blank string all mean "not given"; otherwise trimmed. */
  optionalString(value: unknown, path: string): string | undefined {
    if (!isPresent(value)) return undefined;
    const trimmed = this.string(value, path).trim();
    return trimmed === '' ? undefined : trimmed;
  }

  /** The words of a turn or message: a string that is not blank, trimmed. */
  text(value: unknown, path: string): string {
    if (!isPresent(value)) throw this.error(path, `missing ${name(path)}`, K('fieldMissing'));
    const text = this.string(value, path).trim();
    if (text === '') throw this.error(path, `${name(path)} is empty`, K('fieldEmpty'));
    return text;
  }

  /** Ids may be strings or integers (telephony systems emit both). */
  optionalId(value: unknown, path: string): string | undefined {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    if (isPresent(value) && typeof value !== 'string') {
      throw this.error(
        path,
        `${name(path)} must be a string or an integer, got ${kindOf(value)}`,
        K('mustBeStringOrInteger'),
      );
    }
    return this.optionalString(value, path);
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') {
      throw this.error(
        path,
        `${name(path)} must be true or false, got ${kindOf(value)}`,
        K('mustBeBoolean'),
      );
    }
    return value;
  }

  optionalBoolean(value: unknown, path: string): boolean | undefined {
    return isPresent(value) ? this.boolean(value, path) : undefined;
  }

  number(value: unknown, path: string): number {
    if (typeof value !== 'number') {
      throw this.error(
        path,
        `${name(path)} must be a number, got ${kindOf(value)}`,
        K('mustBeNumber'),
      );
    }
    if (!Number.isFinite(value)) {
      throw this.error(path, `${name(path)} must be a finite number`, K('mustBeFinite'));
    }
    return value;
  }

  optionalNumber(value: unknown, path: string): number | undefined {
    return isPresent(value) ? this.number(value, path) : undefined;
  }

  /** A count or a length: a non-negative finite number (exports write 3.0 for 3). */
  nonNegative(value: unknown, path: string): number {
    const n = this.number(value, path);
    if (n < 0) {
      throw this.error(
        path,
        `${name(path)} must not be negative, got ${n}`,
        K('mustNotBeNegative'),
      );
    }
    return n + 0;
  }

  optionalNonNegative(value: unknown, path: string): number | undefined {
    return isPresent(value) ? this.nonNegative(value, path) : undefined;
  }

  /** A non-negative integer (a speaker or channel number). */
  index(value: unknown, path: string): number {
    const n = this.nonNegative(value, path);
    if (!Number.isSafeInteger(n)) {
      throw this.error(
        path,
        `${name(path)} must be a whole number, got ${n}`,
        K('mustBeWholeNumber'),
      );
    }
    return n;
  }

  /** A time offset in seconds (a number or a decimal string such as "1.23"), in whole ms. */
  seconds(value: unknown, path: string): number {
    if (typeof value === 'string') {
      const trimmed = value.trim();
      if (!DECIMAL.test(trimmed)) {
        throw this.error(
          path,
          `${name(path)} must be a number of seconds like "1.23", got ${kindOf(value)}`,
          K('mustBeSeconds'),
        );
      }
      return this.toMs(Number(trimmed) * 1000, path, value);
    }
    if (!isPresent(value)) throw this.error(path, `missing ${name(path)}`, K('fieldMissing'));
    return this.toMs(this.nonNegative(value, path) * 1000, path, value);
  }

  /** A time offset in milliseconds, rounded to whole ms. */
  milliseconds(value: unknown, path: string): number {
    if (!isPresent(value)) throw this.error(path, `missing ${name(path)}`, K('fieldMissing'));
    return this.toMs(this.nonNegative(value, path), path, value);
  }

  /** A protobuf Duration as JSON: "1.500s", or { seconds, nanos }. In whole ms. */
  duration(value: unknown, path: string): number {
    if (typeof value === 'string') {
      const match = DURATION.exec(value.trim());
      if (!match) {
        throw this.error(
          path,
          `${name(path)} must be a duration like "1.500s", got ${kindOf(value)}`,
          K('mustBeDuration'),
        );
      }
      return this.toMs(Number(match[1]) * 1000, path, value);
    }
    if (isObject(value)) {
      const seconds = isPresent(value.seconds)
        ? this.seconds(value.seconds, child(path, 'seconds'))
        : 0;
      const nanos = this.optionalNonNegative(value.nanos, child(path, 'nanos')) ?? 0;
      return this.toMs(seconds + nanos / 1e6, path, value);
    }
    if (!isPresent(value)) throw this.error(path, `missing ${name(path)}`, K('fieldMissing'));
    throw this.error(
      path,
      `${name(path)} must be a duration like "1.500s", got ${kindOf(value)}`,
      K('mustBeDuration'),
    );
  }

  /** An ISO-8601 / RFC 3339 date-time with a real calendar date; returns epoch ms and the text. */
  dateTime(value: unknown, path: string): { epochMs: number; iso: string } {
    if (!isPresent(value)) throw this.error(path, `missing ${name(path)}`, K('fieldMissing'));
    const text = this.string(value, path).trim();
    const match = ISO_DATE_TIME.exec(text);
    const epochMs = Date.parse(text.replace(' ', 'T'));
    if (!match || !isCalendarDate(+match[1], +match[2], +match[3]) || Number.isNaN(epochMs)) {
      throw this.error(
        path,
        `${name(path)} must be an ISO-8601 date-time like "2026-11-02T09:15:00+09:00", ` +
          `got ${kindOf(value)}`,
        K('mustBeDateTime'),
      );
    }
    return { epochMs, iso: text.replace(' ', 'T') };
  }

  optionalDateTime(value: unknown, path: string): { epochMs: number; iso: string } | undefined {
    if (!isPresent(value) || (typeof value === 'string' && value.trim() === '')) return undefined;
    return this.dateTime(value, path);
  }

  /** "ko-KR", "en_us", "ko" → "ko": scoring cares about Korean vs English only. */
  optionalLanguage(value: unknown, path: string): string | undefined {
    const tag = this.optionalString(value, path);
    if (tag === undefined) return undefined;
    const match = LANGUAGE_TAG.exec(tag);
    if (!match) {
      throw this.error(
        path,
        `${name(path)} must be a language code like "ko-KR" or "en-US", got ${JSON.stringify(tag)}`,
        K('mustBeLanguage'),
      );
    }
    return match[1].toLowerCase();
  }

  private toMs(ms: number, path: string, raw: unknown): number {
    const rounded = Math.round(ms) + 0; // + 0 turns -0 into 0
    if (!Number.isSafeInteger(rounded)) {
      throw this.error(path, `${name(path)} is too large: ${kindOf(raw)}`, K('valueTooLarge'));
    }
    return rounded;
  }
}

const K = (name: string): ReasonKey => reasonKey(name);

/** The last segment of a path, for messages: `results.items[3].start_time` → `start_time`. */
function name(path: string): string {
  if (path === '') return 'the file';
  const last = /([^.[\]]+)(?:\[\d+\])*$/.exec(path);
  return last ? last[1] : path;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `call.json` → `call`, `dir/abcd_sample.json` → `abcd_sample`. */
export function fileBaseName(file: string): string {
  const base = file.split(/[/\\]/).pop() ?? file;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Drops properties whose value is undefined, so a meta object only lists what the file said. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The smallest / largest of many numbers (Math.min(...list) overflows the stack on long lists). */
export function minOf(values: readonly number[], empty: number): number {
  return values.reduce((a, b) => (b < a ? b : a), empty);
}

export function maxOf(values: readonly number[], empty: number): number {
  return values.reduce((a, b) => (b > a ? b : a), empty);
}
