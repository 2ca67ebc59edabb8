/**
 * The values in a mystery-shop row's cells: answer words on a criterion's scale, channel words and
 * dates in the spellings vendors use. Pure.
 */
import type { CriterionDefinition } from '../scorecards/scorecard-definition';
import { scaleRange } from '../scoring/score-formula';
import { DEFAULT_VALUE_WORDS, type Mapping } from './shop-mapping';
import { clean, fold, pad } from './shop-text';

export const CHANNEL_WORDS: Record<string, 'voice' | 'chat'> = {
  voice: 'voice',
  phone: 'voice',
  call: 'voice',
  전화: 'voice',
  음성: 'voice',
  콜: 'voice',
  통화: 'voice',
  chat: 'chat',
  채팅: 'chat',
  톡: 'chat',
  메신저: 'chat',
  'live chat': 'chat',
};

export interface ResolvedWords {
  yes: Set<string>;
  no: Set<string>;
  na: Set<string>;
  /** First word of each kind, for messages ("expected Y/N/N/A"). */
  shown: { yes: string; no: string; na: string };
}

export function resolveWords(mapping: Mapping): ResolvedWords {
  const list = (kind: 'yes' | 'no' | 'na'): string[] => {
    const given = mapping.values?.[kind];
    return given && given.length > 0 ? given : [...DEFAULT_VALUE_WORDS[kind]];
  };
  const yes = list('yes');
  const no = list('no');
  const na = list('na');
  return {
    yes: new Set(yes.map(fold)),
    no: new Set(no.map(fold)),
    na: new Set(na.map(fold)),
    shown: { yes: yes[0], no: no[0], na: na[0] },
  };
}

/** `key`: the error in the locale files (`mysteryShop.row.*`), for pages in the reader's language. */
type Answer =
  | { value: number | null }
  | { error: string; key: { key: string; params?: Record<string, string> } };

export function readAnswer(
  criterion: CriterionDefinition,
  text: string,
  words: ResolvedWords,
): Answer {
  const word = fold(text);
  const { min, max } = scaleRange(criterion.scale);
  if (words.na.has(word)) {
    return criterion.naAllowed
      ? { value: null }
      : {
          error: 'N/A is not allowed for this criterion',
          key: { key: 'error.answer.naNotAllowed' },
        };
  }
  const orNa = criterion.naAllowed ? `/${words.shown.na}` : '';
  if (criterion.scale.type === 'yes_no') {
    if (words.yes.has(word)) return { value: 1 };
    if (words.no.has(word)) return { value: 0 };
    return {
      error: `unknown value "${clean(text)}" (expected ${words.shown.yes}/${words.shown.no}${orNa})`,
      key: {
        key: 'mysteryShop.row.unknownYesNo',
        params: { value: clean(text), expected: `${words.shown.yes}/${words.shown.no}${orNa}` },
      },
    };
  }
  const scale = `${min}-${max}`;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(word)) {
    return {
      error: `unknown value "${clean(text)}" (expected a whole number from ${min} to ${max}${
        criterion.naAllowed ? ` or ${words.shown.na}` : ''
      })`,
      key: criterion.naAllowed
        ? {
            key: 'mysteryShop.row.unknownNumberOrNa',
            params: { value: clean(text), min: String(min), max: String(max), na: words.shown.na },
          }
        : {
            key: 'mysteryShop.row.unknownNumber',
            params: { value: clean(text), min: String(min), max: String(max) },
          },
    };
  }
  const value = Number(word);
  if (value < min || value > max) {
    return {
      error: `value ${word} is outside the scale ${scale}`,
      key: { key: 'mysteryShop.row.outsideScale', params: { value: word, scale } },
    };
  }
  if (!Number.isInteger(value)) {
    return {
      error: `value ${word} is not a whole number (scale ${scale})`,
      key: { key: 'mysteryShop.row.notWhole', params: { value: word, scale } },
    };
  }
  return { value };
}

const DATE_RE =
  /^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\.?(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const KO_DATE_RE =
  /^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Accepts 2026-03-05, 2026/3/5, 2026.03.05, "2026. 3. 5.", 2026년 3월 5일, with optional time. */
export function parseShopDate(text: string): string | null {
  const s = clean(text);
  const m = DATE_RE.exec(s) ?? KO_DATE_RE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || mo < 1 || mo > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  const day = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  if (m[4] === undefined) return day;
  const [h, mi, se] = [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
  if (h > 23 || mi > 59 || se > 59) return null;
  const zone = m[7];
  const offset =
    zone === undefined
      ? ''
      : zone.toUpperCase() === 'Z'
        ? 'Z'
        : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return `${day}T${pad(h)}:${pad(mi)}:${pad(se)}${offset}`;
}
