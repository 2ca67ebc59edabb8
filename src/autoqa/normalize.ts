/**
 * One normaliser for what speech-to-text writes, used for turns, notes and phrases alike, so
 * that a phrase written the tidy way matches the way people really talk. Pure, idempotent
 * (normalising twice gives the same text) and total (never throws).
 *
 * Both languages: NFC, lower case, full-width forms folded (NFKC for ASCII-range letters and
 * digits), fillers dropped (음, 어, 그; um, uh, er), a word said twice in a row said once
 * ("제가 제가", "i i can"), a false start dropped when the next word completes it ("확 확인",
 * "ca can"), and runs of three or more spoken digits written as digits ("공일공 삼삼" → 01033,
 * "oh one oh" → 010, "double four" → 44).
 * Korean: then every space, punctuation mark and symbol removed (spacing errors are common:
 * "감사 합니다", "전화주셔서").
 * English: apostrophes straightened, punctuation kept as the separator it is, spaces collapsed.
 */
import { EN_DIGITS, KO_DIGITS } from '../common/spoken-digits';
import { push, SPACE, tokenize, type Tokens, WORD } from './speech-tokens';

export type SpeechLanguage = 'ko' | 'en';

const KO_FILLERS = new Set([
  '음',
  '음음',
  '으음',
  '어',
  '어어',
  '으',
  '그',
  '그그',
  '에',
  '흠',
  '엄',
]);
const EN_FILLERS = new Set(['um', 'umm', 'uh', 'uhh', 'er', 'erm', 'ah', 'hmm', 'hm', 'mm']);
/** No filler is longer (a cheap test before the set's). */
const FILLER_LENGTH = Math.max(...[...KO_FILLERS, ...EN_FILLERS].map((f) => f.length));

const KO_STRIP = /[\s\p{P}\p{S}]+/gu;
const KO_ISO_DATE =
  /(?<![\d./-])(\d{4})[-./](1[0-2]|0?[1-9])[-./](3[01]|[12]\d|0?[1-9])(?![\d./-])/g;
const KO_DATE = /(?<![\d./-])(1[0-2]|0?[1-9])[/.](3[01]|[12]\d|0?[1-9])(?![\d./-])/g;
/** What both date patterns need: a digit, a separator, a digit. */
const DATE_HINT = /\d[-./]\d/;
const APOSTROPHES = /[\u2018\u2019\u02bc\u2032\uff07`]/g;
const FULL_WIDTH = /[\uff01-\uff5e]/g;
/**
 * Whether the text is made only of characters below U+0300 and precomposed Hangul syllables:
 * then it is already NFC (none of them decomposes, combines or reorders) and has no full-width
 * forms.
 */
function nfcAsIs(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x300 && (c < 0xac00 || c > 0xd7a3)) return false;
  }
  return true;
}

function foldWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function nfc(text: string): string {
  return nfcAsIs(text) ? text : text.normalize('NFC');
}

/** Tokens with fillers, repeats and false starts removed, digit runs joined. */
function cleanTokens(tokens: Tokens, language: SpeechLanguage): Tokens {
  const fillers = language === 'ko' ? KO_FILLERS : EN_FILLERS;
  const out: Tokens = { text: [], kind: [] };
  const { text, kind } = out;
  for (let x = 0; x < tokens.text.length; x++) {
    const raw = tokens.text[x];
    const k0 = tokens.kind[x];
    if (k0 === WORD && raw.length <= FILLER_LENGTH && fillers.has(raw)) continue;
    if (language === 'en' && k0 === WORD && joinSplitContraction(out, raw)) continue;
    push(out, language === 'en' && k0 === WORD ? (EN_CONTRACTIONS.get(raw) ?? raw) : raw, k0);
    // "제가 제가" / "i i": said twice in a row. "확 확인" / "ca can": a false start.
    for (;;) {
      const last = text.length - 1;
      let k = last - 1;
      while (k >= 0 && kind[k] === SPACE) k--;
      if (k < 0 || kind[k] !== WORD || kind[last] !== WORD) break;
      const a = text[k];
      const b = text[last];
      // Digits said again are digits ("오 오 오", "five five five"), never a repeat.
      if (isDigitWord(a, language) || isDigitWord(b, language)) break;
      if (a !== b && !isFalseStart(a, b, language)) break;
      text.splice(k, last - k);
      kind.splice(k, last - k);
    }
  }
  return language === 'ko' ? joinKoDigits(out) : joinEnDigits(out);
}

function isDigitWord(t: string, language: SpeechLanguage): boolean {
  if (allDigits(t)) return true;
  return language === 'ko' ? isKoDigitWord(t) : EN_DIGIT.has(t) || t === 'double' || t === 'triple';
}

/** /^\d+$/ */
function allDigits(t: string): boolean {
  if (t === '') return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** 1 for the Hangul syllables that are digits, indexed from U+AC00. */
const KO_DIGIT_SYLLABLE = new Uint8Array(0xd7a4 - 0xac00);
for (const c of '공영일이삼사오육륙칠팔구') KO_DIGIT_SYLLABLE[c.charCodeAt(0) - 0xac00] = 1;

/** Only digit syllables (공일공, 삼). */
function isKoDigitWord(t: string): boolean {
  if (t === '') return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0xac00 || c > 0xd7a3 || KO_DIGIT_SYLLABLE[c - 0xac00] !== 1) return false;
  }
  return true;
}

/**
 * Contractions speech-to-text writes with a space for the apostrophe ("that s on us", "i m",
 * "we re", "don t", "mama s"): the ending joins the word before it when that word takes it. A
 * lone "s" after a digit or a single letter is a spelled code ("b d s"), left alone.
 */
function joinSplitContraction(out: Tokens, ending: string): boolean {
  const bases = SPLIT_ENDINGS.get(ending);
  if (bases === undefined) return false;
  const { text, kind } = out;
  const space = text.length - 1;
  const word = space - 1;
  if (word < 0 || kind[space] !== SPACE || kind[word] !== WORD || text[space] !== ' ') return false;
  const before = text[word];
  const takes =
    bases === 'any' ? before.length >= 2 && !isDigitWord(before, 'en') : bases.has(before);
  if (!takes) return false;
  text.pop();
  kind.pop();
  text[word] = `${before}'${ending}`;
  return true;
}

const PRONOUNS = ['i', 'you', 'we', 'they', 'he', 'she', 'it', 'that', 'there', 'who', 'what'];
/** The words n't follows ("can", "don" … "needn"). */
const NOT_BASES = ['can', 'don', 'won', 'didn', 'doesn', 'isn', 'aren', 'wasn', 'weren'].concat([
  'couldn',
  'shouldn',
  'wouldn',
  'haven',
  'hasn',
  'hadn',
  'mustn',
  'needn',
]);
const SPLIT_ENDINGS = new Map<string, Set<string> | 'any'>([
  ['s', 'any'],
  ['m', new Set(['i'])],
  ['re', new Set(['you', 'we', 'they', 'who', 'what', 'there'])],
  ['ve', new Set(['i', 'you', 'we', 'they', 'who', 'would', 'could', 'should', 'might', 'must'])],
  ['ll', new Set(PRONOUNS)],
  ['d', new Set(PRONOUNS)],
  ['t', new Set([...NOT_BASES, 'ain'])],
]);

/** Contractions speech-to-text writes without the apostrophe ("cant", "ive", "thats"). */
const EN_CONTRACTIONS = new Map<string, string>([
  ...NOT_BASES.map((w) => [`${w}t`, `${w}'t`]),
  ['ive', "i've"],
  ['youve', "you've"],
  ['weve', "we've"],
  ['theyve', "they've"],
  ['im', "i'm"],
  ['youre', "you're"],
  ['theyre', "they're"],
  ['thats', "that's"],
  ['whats', "what's"],
  ['theres', "there's"],
  ['heres', "here's"],
  ['youll', "you'll"],
  ['itll', "it'll"],
  ['thatll', "that'll"],
  ['youd', "you'd"],
  ['hes', "he's"],
] as [string, string][]);

/** Spoken English digits; a Map, so that "constructor" or "toString" is never a digit. */
const EN_DIGIT = new Map(Object.entries(EN_DIGITS));

function isFalseStart(t: string, next: string, language: SpeechLanguage): boolean {
  if (t.length >= next.length || !next.startsWith(t)) return false;
  // Korean: one syllable cut off ("확 확인"); English: a cut-off word of 1–3 letters that is
  // not a word of its own in practice ("ca can", "reb rebook"), never "a" or "i".
  if (language === 'ko') return t.length === 1 && next.length >= 2 && !KO_KEEP.has(t);
  return t.length >= 2 && t.length <= 3 && !EN_KEEP.has(t);
}

/** One-syllable Korean words that often stand before a word beginning with the same syllable. */
const KO_KEEP = new Set([...'안못잘더또다꼭좀수한두세네예이저그']);

/** Short English words that begin longer ones but are words themselves. */
const EN_KEEP = new Set([
  'an',
  'as',
  'at',
  'be',
  'by',
  'do',
  'go',
  'he',
  'if',
  'in',
  'is',
  'it',
  'me',
  'my',
  'no',
  'of',
  'on',
  'or',
  'so',
  'to',
  'up',
  'us',
  'we',
  'all',
  'and',
  'any',
  'are',
  'can',
  'day',
  'for',
  'get',
  'had',
  'has',
  'her',
  'his',
  'how',
  'let',
  'new',
  'not',
  'now',
  'one',
  'our',
  'out',
  'per',
  'see',
  'the',
  'too',
  'was',
  'way',
  'who',
  'you',
  'car',
  'bit',
  'pay',
  'end',
  'use',
  'own',
  'off',
  'ten',
  'two',
  'him',
  'its',
  'may',
  'old',
  'put',
  'say',
  'she',
  'got',
  'but',
]);

/** Consecutive tokens made only of digit syllables (punctuation between them skipped), three
 * syllables or more in all, become digits: "공일공 삼삼" → "01033". */
function joinKoDigits(tokens: Tokens): Tokens {
  const { text, kind } = tokens;
  const out: Tokens = { text: [], kind: [] };
  let i = 0;
  while (i < text.length) {
    if (!isKoDigitWord(text[i])) {
      push(out, text[i], kind[i]);
      i++;
      continue;
    }
    let j = i;
    let run = '';
    let last = i;
    while (j < text.length && (kind[j] !== WORD || isKoDigitWord(text[j]))) {
      if (kind[j] === WORD) {
        run += text[j];
        last = j;
      }
      j++;
    }
    // A number read out: four digits or more, or three with a zero (공일공). Three syllables
    // without one are usually words ("이삼일" two or three days, "일일이" one by one).
    if (run.length >= 4 || (run.length === 3 && /[공영]/u.test(run))) {
      push(out, [...run].map((c) => KO_DIGITS[c]).join(''), WORD);
      i = last + 1;
    } else {
      push(out, text[i], kind[i]);
      i++;
    }
  }
  return out;
}

function joinEnDigits(tokens: Tokens): Tokens {
  const { text, kind } = tokens;
  const out: Tokens = { text: [], kind: [] };
  let i = 0;
  while (i < text.length) {
    let j = i;
    let digits = '';
    let words = 0;
    let spoken = false;
    let end = i;
    for (;;) {
      while (j < text.length && j > i && kind[j] === SPACE) j++;
      const t = text[j];
      let k = j + 1;
      while (k < text.length && kind[k] === SPACE) k++;
      const after = text[k];
      const once = after === undefined ? undefined : EN_DIGIT.get(after);
      if ((t === 'double' || t === 'triple') && once !== undefined) {
        digits += once.repeat(t === 'double' ? 2 : 3);
        words += 2;
        spoken = true;
        end = k;
        j = k + 1;
      } else if (t !== undefined && EN_DIGIT.has(t)) {
        digits += EN_DIGIT.get(t);
        words += 1;
        spoken ||= t !== 'oh' && t !== 'o';
        end = j;
        j += 1;
      } else if (t !== undefined && allDigits(t) && digits !== '') {
        digits += t;
        words += 1;
        end = j;
        j += 1;
      } else break;
    }
    if (digits.length >= 3 && words >= 3 && spoken) {
      push(out, digits, WORD);
      i = end + 1;
    } else {
      push(out, text[i], kind[i]);
      i += 1;
    }
  }
  return out;
}

/** Korean: the tokens with every space, punctuation mark and symbol left out. */
function joinKo({ text, kind }: Tokens): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const t = text[i];
    if (kind[i] === SPACE) continue;
    if (kind[i] === WORD) out += t.includes("'") ? t.replace(KO_STRIP, '') : t;
    else if (!PRINTABLE_ASCII.test(t)) out += t.replace(KO_STRIP, '');
  }
  return out;
}

/** Punctuation and symbols only (every printable ASCII character that is not a letter or digit). */
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

/** English: the tokens with every run of whitespace one space, none at either end. */
function joinEn({ text, kind }: Tokens): string {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    if (kind[i] === SPACE) {
      space = true;
      continue;
    }
    if (space && out !== '') out += ' ';
    space = false;
    out += text[i];
  }
  return out;
}

export function normalizeSpeech(text: string, language: SpeechLanguage): string {
  if (typeof text !== 'string' || text === '') return '';
  let base = (nfcAsIs(text) ? text : foldWidth(text).normalize('NFC')).toLowerCase();
  if (language === 'en') base = base.replace(APOSTROPHES, "'");
  // Korean drops punctuation, so a written date keeps its meaning as words: 9/8 → 9월8일.
  else if (DATE_HINT.test(base)) {
    base = base.replace(KO_ISO_DATE, '$1년$2월$3일').replace(KO_DATE, '$1월$2일');
  }
  const cleaned = cleanTokens(tokenize(base), language);
  // NFC again: removing a mark between a syllable and a trailing jamo lets them compose.
  return nfc(language === 'ko' ? joinKo(cleaned) : joinEn(cleaned));
}
