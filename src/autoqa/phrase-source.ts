/**
 * Phrase compilation for auto-QA text matching (text-match.ts): one scorecard entry (a plain
 * phrase with its Korean ending family or English inflections, a name slot, or a `re:` pattern)
 * turned into the regular-expression source it is matched with on normalised text.
 */
import {
  escapeRegex,
  type MatchLanguage,
  type NameSlot,
  regexBody,
  SLOT_SOURCE,
} from '../scorecard-schema/phrase-syntax';
import { normalizeSpeech } from './normalize';

/** The entry syntax (`re:`, `{agent}`, `@family`) is the scorecard format's. */
export {
  hasWords,
  type MatchLanguage,
  type NameSlot,
  REGEX_PREFIX,
  regexBody,
} from '../scorecard-schema/phrase-syntax';

/**
 * Polite-ending families, most specific first. A phrase ending in any member matches every
 * member; when several members end the phrase, the longest wins (`감사합니다` → the thanks
 * family, not `합니다`), ties going to the earlier family.
 */
export const KO_ENDING_FAMILIES: readonly (readonly string[])[] = [
  ['입니다', '이에요', '예요', '이야'],
  ['드릴까요', '드릴게요', '드리겠습니다', '드릴께요', '드려요'],
  ['주시겠어요', '주시겠습니까', '주세요', '주십시오', '주실래요', '주시면'],
  ['합니다', '해요', '하겠습니다', '할게요'],
  ['감사합니다', '감사드립니다', '고맙습니다', '감사해요'],
  ['죄송합니다', '죄송해요', '미안합니다', '송구합니다'],
  ['습니다', '어요', '아요', '요'],
];

/** Every member once, longest first: the family whose member ends a phrase. */
const KO_ENDINGS: readonly { ending: string; family: readonly string[] }[] =
  KO_ENDING_FAMILIES.flatMap((family) => family.map((ending) => ({ ending, family })))
    .map((e, order) => ({ ...e, order }))
    .sort((a, b) => b.ending.length - a.ending.length || a.order - b.order)
    .map(({ ending, family }) => ({ ending, family }));

const HAS_SLOT = /\{(agent|company)\}/;

/** A phrase that is only a slot (`{agent}`): said when the known name is mentioned. */
export function bareSlot(phrase: string): NameSlot | null {
  const m = /^\s*\{(agent|company)\}\s*$/.exec(phrase);
  return m === null ? null : (m[1] as NameSlot);
}

/** The regex source of a Korean phrase (already normalised), with its ending family. */
export function koPhraseSource(phrase: string): string {
  if (HAS_SLOT.test(phrase)) {
    const parts = phrase.split(/\{(agent|company)\}/);
    // Text before the last slot matches as written; the last piece keeps its ending family.
    return parts
      .map((part, i) =>
        i % 2 === 1
          ? SLOT_SOURCE.ko[part as NameSlot]
          : i === parts.length - 1
            ? koPhraseSource(part)
            : escapeRegex(normalizeSpeech(part, 'ko')),
      )
      .join('');
  }
  const norm = normalizeSpeech(phrase, 'ko');
  const found = KO_ENDINGS.find((e) => norm.endsWith(e.ending));
  if (found === undefined) return escapeRegex(norm);
  const stem = norm.slice(0, norm.length - found.ending.length);
  const members = [...found.family].sort((a, b) => b.length - a.length).map(escapeRegex);
  return `${escapeRegex(stem)}(?:${members.join('|')})`;
}

const EN_TOKEN = /[\p{L}\p{N}']+/gu;
const EN_SEPARATOR = "[^\\p{L}\\p{N}']+";
/** Not in the middle of a word (nor after `x'` as in we're). */
export const EN_START = "(?<![\\p{L}\\p{N}]|[\\p{L}\\p{N}]')";
/** Not followed by more of the word (nor by `'x` as in can't). */
export const EN_END = "(?![\\p{L}\\p{N}]|'[\\p{L}\\p{N}])";
const VOWEL = /[aeiou]/;

/**
 * One English word and its simple inflections: -s, -es, -ed, -d, -ing, y→ies/ied, plus the
 * spelling changes those need in practice (transfer → transferred/transferring, hope → hoping),
 * and the clitic 's (nobody's, company's).
 * Words of one or two letters, and words with digits or apostrophes, match only as written.
 */
export function enWordSource(word: string): string {
  const w = escapeRegex(word);
  if (!/^[a-z]{3,}$/.test(word)) return w;
  const last = word[word.length - 1];
  const before = word[word.length - 2];
  const suffixes = ['s', 'es', 'ed', 'd', 'ing'];
  if (!VOWEL.test(last) && !'wxy'.includes(last) && VOWEL.test(before)) {
    suffixes.push(`${last}ed`, `${last}ing`);
  }
  const forms = [`${w}(?:${suffixes.join('|')}|'s)?`];
  if (last === 'y' && !VOWEL.test(before)) forms.push(`${w.slice(0, -1)}(?:ies|ied)`);
  if (last === 'e' && word.length > 3) forms.push(`${w.slice(0, -1)}ing`);
  return forms.length === 1 ? forms[0] : `(?:${forms.join('|')})`;
}

/** The words of an English phrase; punctuation between them is as free as whitespace. */
export function enPhraseWords(phrase: string): string[] {
  return (normalizeSpeech(phrase, 'en').match(EN_TOKEN) ?? [])
    .map((t) => t.replace(/^'+|'+$/g, ''))
    .filter((t) => t !== '');
}

/**
 * Speech-to-text writes contractions out ("so that is", "i will pass it on", "does not happen
 * again") or drops the apostrophe ("dont"): a contraction in a phrase matches those too.
 */
const CONTRACTIONS: Record<string, string[]> = {
  "n't": ['not'],
  "'ll": ['will'],
  "'ve": ['have'],
  "'re": ['are'],
  "'m": ['am'],
  "'s": ['is', 'has'],
  "'d": ['would', 'had'],
};
const NEGATIVE_STEMS: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall' };
/** Spelt without the apostrophe only where that is not another word (we'll → well, it's → its). */
const BARE_OK = /n't$|^(that's|i've|you'll|they'll|you're|they're|i'm|you've|we've|they've)$/;

function contractionSource(word: string): string | null {
  const at = word.indexOf("'");
  if (at <= 0) return null;
  const suffix = word.slice(word.endsWith("n't") ? -3 : at);
  const expansions = CONTRACTIONS[suffix];
  if (expansions === undefined) return null;
  let stem = word.slice(0, word.length - suffix.length);
  if (suffix === "n't") stem = NEGATIVE_STEMS[stem] ?? stem;
  const forms = [
    escapeRegex(word),
    ...expansions.map((e) => `${escapeRegex(stem)}${EN_SEPARATOR}${e}`),
  ];
  if (suffix === "n't" && stem === 'can') forms.push('cannot');
  if (BARE_OK.test(word)) forms.push(escapeRegex(word.replace("'", '')));
  return `(?:${forms.join('|')})`;
}

/** Regex source of an English phrase, without the word boundaries. */
export function enPhraseSource(phrase: string): string {
  const pieces = phrase.split(/\{(agent|company)\}/);
  return pieces
    .flatMap((piece, i) =>
      i % 2 === 1
        ? [SLOT_SOURCE.en[piece as NameSlot]]
        : enPhraseWords(piece).map((w) => contractionSource(w) ?? enWordSource(w)),
    )
    .join(EN_SEPARATOR);
}

export function flagsFor(language: MatchLanguage): string {
  return language === 'ko' ? 'u' : 'iu';
}

/** Source of one entry as a standalone pattern (boundaries included for English words). */
export function entrySource(phrase: string, language: MatchLanguage): string {
  const body = regexBody(phrase, language);
  if (body !== null) return body;
  return language === 'ko'
    ? koPhraseSource(phrase)
    : `${EN_START}${enPhraseSource(phrase)}${EN_END}`;
}

/** A backreference or named group would change meaning (or clash) inside a combined pattern. */
export const NOT_COMBINABLE = /\\[1-9]|\\k<|\(\?<[^=!]/;
