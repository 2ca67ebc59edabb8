/**
 * Digits as speech-to-text writes them, rewritten as ASCII digits so one set of number rules
 * applies: full-width digits (０１０), sino-Korean digits read one by one (공일공 이이삼삼), and
 * English number words (four one one one, double five, twenty three). Every character of the
 * normalized text remembers the span of the original it stands for, so a match maps back.
 */
import { EN_DIGITS, KO_DIGITS } from '../common/spoken-digits';
export interface NormalizedText {
  text: string;
  /** For each character of `text`: the original span it stands for; null when unchanged. */
  from: number[] | null;
  to: number[] | null;
}

/** Endings spoken after a digit group ("공일공이요", "일이삼사입니다"); longest first. */
const KO_SUFFIXES = [
  '이구요',
  '입니다',
  '이에요',
  '번이요',
  '이요',
  '이고',
  '예요',
  '하고',
  '이며',
  '에',
  '요',
  '고',
  '번',
  '은',
  '는',
  '의',
];
const EN_TEEN: Record<string, string> = {
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
};
const EN_TENS: Record<string, string> = {
  twenty: '2',
  thirty: '3',
  forty: '4',
  fifty: '5',
  sixty: '6',
  seventy: '7',
  eighty: '8',
  ninety: '9',
};
const REPEAT: Record<string, number> = { double: 2, triple: 3 };

interface Token {
  start: number;
  end: number;
  kind: 'digits' | 'hangul' | 'latin' | 'sep' | 'other';
  text: string;
}

const TOKEN = /([0-9０-９]+)|([가-힣]+)|([A-Za-z]+)|([\s\-–－,.]+)|([^])/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const kind = m[1]
      ? 'digits'
      : m[2]
        ? 'hangul'
        : m[3]
          ? 'latin'
          : m[4]
            ? 'sep'
            : ('other' as const);
    tokens.push({ start: m.index, end: m.index + m[0].length, kind, text: m[0] });
  }
  return tokens;
}

/** A token's reading as digits: the digits, and the original length they cover. */
interface Reading {
  digits: string;
  /** Original characters (from the token start) the digits stand for; the rest is an ending. */
  covers: number;
  /** Tokens consumed (a repeat word with its digit, a tens word with its unit). */
  tokens: number;
  spoken: 'ko' | 'en' | null;
}

function closedSyllable(c: string): boolean {
  return (c.charCodeAt(0) - 0xac00) % 28 !== 0;
}

/** Sino-Korean digits, with 둘 said for 2 inside a run ("공일공 사칠구둘"). */
const KO_CHAR_DIGITS: Readonly<Record<string, string>> = { ...KO_DIGITS, 둘: '2' };
/** Native Korean numerals said one by one ("공 하나 공 셋", codes "넷 둘 여덟"). */
const KO_NATIVE: Readonly<Record<string, string>> = {
  하나: '1',
  둘: '2',
  셋: '3',
  넷: '4',
  다섯: '5',
  여섯: '6',
  일곱: '7',
  여덟: '8',
  아홉: '9',
};
const KO_UNIT_DIGIT = '[일이삼사오육칠팔구]';
/** A number read in place values: "사천칠백이십구" (4729), "육십오" (65). */
const KO_PLACE_VALUE = new RegExp(
  `^(?:(${KO_UNIT_DIGIT})?(천))?(?:(${KO_UNIT_DIGIT})?(백))?(?:(${KO_UNIT_DIGIT})?(십))?(${KO_UNIT_DIGIT})?`,
);

/**
 * The longest place-value number at the start of `word`, as digits: four when it has a 천 (a
 * group of a phone or card number read as "사천칠백이십구"), else as many as its value has.
 */
function placeValue(word: string): { digits: string; covers: number; thousands: boolean } | null {
  const m = KO_PLACE_VALUE.exec(word);
  if (!m || !(m[2] || m[4] || m[6])) return null;
  const digit = (d: string | undefined, unit: string | undefined) =>
    unit ? (d ? Number(KO_DIGITS[d]) : 1) : 0;
  const value =
    digit(m[1], m[2]) * 1000 +
    digit(m[3], m[4]) * 100 +
    digit(m[5], m[6]) * 10 +
    (m[7] ? Number(KO_DIGITS[m[7]]) : 0);
  const thousands = Boolean(m[2]);
  return {
    digits: thousands ? String(value).padStart(4, '0') : String(value),
    covers: m[0].length,
    thousands,
  };
}

/** The suffix left after `n` characters of `word` is an ending ("에", "이요") or nothing. */
const endsWithSuffix = (word: string, n: number) =>
  n === word.length || KO_SUFFIXES.includes(word.slice(n));

function koreanReading(word: string, afterRoad = false): Reading | null {
  for (const [numeral, digit] of Object.entries(KO_NATIVE)) {
    if (word.startsWith(numeral) && endsWithSuffix(word, numeral.length)) {
      return { digits: digit, covers: numeral.length, tokens: 1, spoken: 'ko' };
    }
  }
  const place = placeValue(word);
  // A group said in thousands, or a road's number after its name ("달구벌대로 육십오").
  if (place && (place.thousands || afterRoad) && endsWithSuffix(word, place.covers)) {
    return { digits: place.digits, covers: place.covers, tokens: 1, spoken: 'ko' };
  }
  let prefix = 0;
  while (prefix < word.length && KO_CHAR_DIGITS[word[prefix]] !== undefined) prefix++;
  if (prefix === 0) return null;
  const asDigits = (n: number) => [...word.slice(0, n)].map((c) => KO_CHAR_DIGITS[c]).join('');
  for (const suffix of KO_SUFFIXES) {
    const n = word.length - suffix.length;
    // The copula's 이 follows a closed syllable ("팔이요" = 8); after an open one it is a 2 ("오사삼이요").
    const copula = suffix.startsWith('이');
    if (copula && n >= 1 && !closedSyllable(word[n - 1])) continue;
    if (n >= 1 && n <= prefix && word.endsWith(suffix)) {
      return { digits: asDigits(n), covers: n, tokens: 1, spoken: 'ko' };
    }
  }
  return prefix === word.length
    ? { digits: asDigits(prefix), covers: prefix, tokens: 1, spoken: 'ko' }
    : null;
}

function englishReading(tokens: Token[], i: number): Reading | null {
  const word = tokens[i].text.toLowerCase();
  const nextWord = (): [string, number] | null => {
    const j = tokens[i + 1]?.kind === 'sep' && /^[\s-]+$/.test(tokens[i + 1].text) ? i + 2 : -1;
    return j > 0 && tokens[j]?.kind === 'latin' ? [tokens[j].text.toLowerCase(), j] : null;
  };
  if (EN_DIGITS[word] !== undefined) {
    return { digits: EN_DIGITS[word], covers: word.length, tokens: 1, spoken: 'en' };
  }
  if (EN_TEEN[word] !== undefined) {
    return { digits: EN_TEEN[word], covers: word.length, tokens: 1, spoken: 'en' };
  }
  const next = nextWord();
  if (EN_TENS[word] !== undefined) {
    if (next && EN_DIGITS[next[0]] !== undefined && next[0] !== 'oh' && next[0] !== 'o') {
      const end = tokens[next[1]].end;
      return {
        digits: EN_TENS[word] + EN_DIGITS[next[0]],
        covers: end - tokens[i].start,
        tokens: next[1] - i + 1,
        spoken: 'en',
      };
    }
    return { digits: `${EN_TENS[word]}0`, covers: word.length, tokens: 1, spoken: 'en' };
  }
  if (REPEAT[word] !== undefined && next && EN_DIGITS[next[0]] !== undefined) {
    const end = tokens[next[1]].end;
    return {
      digits: EN_DIGITS[next[0]].repeat(REPEAT[word]),
      covers: end - tokens[i].start,
      tokens: next[1] - i + 1,
      spoken: 'en',
    };
  }
  return null;
}

/** The token follows a road's name ("달구벌대로 육십오"). */
function afterRoad(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1]?.kind === 'sep' ? tokens[i - 2] : undefined;
  return before?.kind === 'hangul' && /(?:로|길)$/.test(before.text);
}

/** A road's number said in place values ("육십오"), which stands alone. */
function roadNumber(tokens: Token[], i: number): boolean {
  return tokens[i].kind === 'hangul' && afterRoad(tokens, i) && placeValue(tokens[i].text) !== null;
}

function read(tokens: Token[], i: number): Reading | null {
  const t = tokens[i];
  if (t.kind === 'digits') {
    const digits = t.text.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10));
    return { digits, covers: t.text.length, tokens: 1, spoken: null };
  }
  if (t.kind === 'hangul') return koreanReading(t.text, afterRoad(tokens, i));
  if (t.kind === 'latin') return englishReading(tokens, i);
  return null;
}

interface Piece {
  /** Original span. */
  start: number;
  end: number;
  /** Replacement; undefined keeps the original. */
  as?: string;
}

/**
 * Runs of digit-like tokens separated only by spaces, hyphens, commas or dots. Spoken Korean
 * digits count only in a run of at least three of them (a lone "이" is a word, not a 2), English
 * words only in a run of two or more (or a "double five").
 */
function pieces(text: string): Piece[] {
  const tokens = tokenize(text);
  const out: Piece[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = read(tokens, i);
    if (!first) {
      out.push({ start: tokens[i].start, end: tokens[i].end });
      i++;
      continue;
    }
    const run: { at: number; r: Reading }[] = [];
    let j = i;
    let r: Reading | null = first;
    while (r) {
      run.push({ at: j, r });
      j += r.tokens;
      if (tokens[j]?.kind !== 'sep' || /\n/.test(tokens[j].text)) break;
      r = j + 1 < tokens.length ? read(tokens, j + 1) : null;
      if (r) j++;
    }
    const count = (lang: 'ko' | 'en') =>
      run.filter((x) => x.r.spoken === lang).reduce((n, x) => n + x.r.digits.length, 0);
    // A road's number said in place values stands alone ("달구벌대로 육십오 번지").
    const ko = count('ko') >= 3 || (run.length === 1 && roadNumber(tokens, i));
    const enWords = run.filter((x) => x.r.spoken === 'en');
    const en = enWords.length >= 2 || enWords.some((x) => x.r.tokens > 1);
    const end = run[run.length - 1].at + run[run.length - 1].r.tokens;
    const byToken = new Map(run.map((x) => [x.at, x]));
    for (let k = i; k < end; k++) {
      const item = byToken.get(k);
      const use = item && (item.r.spoken === null || (item.r.spoken === 'ko' ? ko : en));
      if (item && use) {
        const start = tokens[k].start;
        out.push({ start, end: start + item.r.covers, as: item.r.digits });
        const endOfTokens = tokens[k + item.r.tokens - 1].end;
        // An ending between two digit groups ("공일공에 이이삼삼") reads as a separator.
        if (start + item.r.covers < endOfTokens) {
          const between = k + item.r.tokens < end;
          out.push({
            start: start + item.r.covers,
            end: endOfTokens,
            as: between ? ' ' : undefined,
          });
        }
        k += item.r.tokens - 1;
      } else if (!item || !use) {
        out.push({ start: tokens[k].start, end: tokens[k].end });
      }
    }
    i = end;
  }
  return out;
}

const KO_D = '공영일이삼사오육륙칠팔구둘';
/** Could the text hold a digit in any form? Most turns can be passed over on this alone. */
const MAY_HOLD_DIGITS = new RegExp(
  `[0-9０-９]|[${KO_D}](?:[\\s\\-–－,.에요고번은는의입니다예하며]{0,4}[${KO_D}]){2}|${Object.keys(KO_NATIVE).join('|')}|천|(?:로|길)\\s+[일이삼사오육칠팔구]?[십백]|\\b(?:${[
    ...Object.keys(EN_DIGITS),
    ...Object.keys(EN_TEEN),
    ...Object.keys(EN_TENS),
  ].join('|')})\\b`,
  'i',
);

function identity(text: string): NormalizedText {
  return { text, from: null, to: null };
}

export function normalizeDigits(text: string): NormalizedText {
  if (!MAY_HOLD_DIGITS.test(text)) return identity(text);
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  for (const p of pieces(text)) {
    if (p.as === undefined) {
      out += text.slice(p.start, p.end);
      for (let k = p.start; k < p.end; k++) {
        from.push(k);
        to.push(k + 1);
      }
    } else {
      out += p.as;
      for (let k = 0; k < p.as.length; k++) {
        from.push(p.start);
        to.push(p.end);
      }
    }
  }
  return { text: out, from, to };
}
