/** Handlebars helpers for the pages. What they return is escaped by Handlebars (tCode escapes its own). */
import type { HelperOptions } from 'handlebars';
import hbs from 'hbs';
import { metadataLabel, metadataValue, samplingReasonText } from './i18n/display-text';
import { hasTranslation, translate } from './i18n/i18n';
import { displayTimeZone, timeZoneName } from './time-zone';

type Root = { lang?: string };
const langOf = (options: HelperOptions): string =>
  (options.data as { root?: Root } | undefined)?.root?.lang ?? 'ko';

export function clock(ms: unknown): string {
  const total = Math.max(0, Math.floor(Number(ms) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per language and zone (TZ_DISPLAY), 24-hour: building one costs ~0.2 ms, and a
 * list page formats dozens.
 */
export function dateTimeFormat(lang: string): Intl.DateTimeFormat {
  const locale = lang === 'en' ? 'en-GB' : 'ko-KR';
  const zone = displayTimeZone();
  let format = formats.get(`${locale} ${zone}`);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      dateStyle: 'medium',
      timeStyle: 'short',
      // 14:30, as typed: the Korean data of recent ICU gives "PM 2:30" in Latin letters.
      hourCycle: 'h23',
    });
    formats.set(`${locale} ${zone}`, format);
  }
  return format;
}

export const viewHelpers: Record<string, (...args: never[]) => unknown> = {
  t(key: string, ...rest: unknown[]) {
    const options = rest.pop() as HelperOptions;
    return translate(langOf(options), key, options.hash as Record<string, unknown>);
  },
  /**
   * `{{tCode key}}`: the string with its `backticked` parts (commands, file names) as <code>,
   * everything else escaped.
   */
  tCode(key: string, ...rest: unknown[]) {
    const options = rest.pop() as HelperOptions;
    const text = translate(langOf(options), key, options.hash as Record<string, unknown>);
    const escape = hbs.handlebars.escapeExpression;
    const html = text
      .split('`')
      .map((part, i) => (i % 2 === 1 ? `<code>${escape(part)}</code>` : escape(part)))
      .join('');
    return new hbs.handlebars.SafeString(html);
  },
  /** `{{tOr key fallback}}`: the string when the locale files have the key, else the fallback. */
  tOr(key: unknown, fallback: unknown, options: HelperOptions) {
    const k = String(key);
    return hasTranslation(k)
      ? translate(langOf(options), k)
      : typeof fallback === 'string'
        ? fallback
        : '';
  },
  clock: (ms: unknown) => clock(ms),
  /** A stored sampling reason or an import's metadata key/value, in the page's language. */
  samplingReason: (reason: unknown, code: unknown, params: unknown, options: HelperOptions) =>
    samplingReasonText(langOf(options), {
      reason: typeof reason === 'string' ? reason : '',
      reasonCode: typeof code === 'string' ? code : null,
      reasonParams:
        params !== null && typeof params === 'object'
          ? (params as Record<string, string | number>)
          : null,
    }),
  metadataLabel: (key: unknown, options: HelperOptions) =>
    metadataLabel(langOf(options), String(key)),
  metadataValue: (value: unknown, options: HelperOptions) => metadataValue(langOf(options), value),
  dateTime(value: unknown, options: HelperOptions) {
    if (!value) return '';
    const date = new Date(value as string);
    if (Number.isNaN(date.getTime())) return '';
    return dateTimeFormat(langOf(options)).format(date);
  },
  /** The installation's time zone (TZ_DISPLAY) by name, in the page's language. */
  timeZone: (options: HelperOptions) => timeZoneName(langOf(options)),
  /** A feedback session still to come and not held: it cannot be recorded as held yet. */
  notYetDue: (scheduledAt: unknown, heldAt: unknown) =>
    !heldAt && !!scheduledAt && new Date(scheduledAt as string).getTime() > Date.now(),
  eq: (a: unknown, b: unknown) => a === b,
  isNumber: (a: unknown) => typeof a === 'number',
  concat: (...args: unknown[]) => args.slice(0, -1).join(''),
  or: (a: unknown, b: unknown) => a || b,
  /** Points such as 0.4 × 3 without floating-point noise. */
  num: (value: unknown) => String(Math.round(Number(value) * 100) / 100),
  percentOf: (ratio: unknown) =>
    ratio === null || ratio === undefined || ratio === ''
      ? '—'
      : `${Math.round(Number(ratio) * 100)}%`,
  percent: (value: unknown) =>
    value === null || value === undefined ? '–' : `${Number(value).toFixed(1)}%`,
  json: (value: unknown) => JSON.stringify(value, null, 2),
  /**
   * Data for a `<script type="application/json">` block, unescaped by Handlebars: `<`, `>`, `&`
   * and the line separators become \u escapes, so no text can close the element.
   */
  jsonScript: (value: unknown) =>
    new hbs.handlebars.SafeString(
      JSON.stringify(value ?? null).replace(
        /[<>&\u2028\u2029]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      ),
    ),
};
