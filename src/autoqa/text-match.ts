/**
 * Text matching for auto-QA (README "Text matching"): normalisation of turns and notes, and
 * compilation of phrase lists into regular expressions, once per scorecard version.
 *
 * - Korean: NFC, lower case, whitespace / punctuation / symbols removed; a phrase ending in a
 *   known polite ending matches every ending of its family.
 * - English: NFC, lower case, curly apostrophes straightened, whitespace runs collapsed; phrases
 *   match whole words, each word also in its simple inflections.
 * - `re:<regex>` entries are used as written on the normalised text (flag `u`, plus `i` for
 *   English).
 */

import { unmasked } from '../redaction/masks';
import { expandFamilies } from '../scorecard-schema/phrase-syntax';
import { normalizeSpeech } from './normalize';
import { LiteralPrefilter } from './literal-prefilter';
import { requiredLiterals } from './required-literals';
import {
  bareSlot,
  EN_END,
  EN_START,
  enPhraseSource,
  entrySource,
  flagsFor,
  koPhraseSource,
  type MatchLanguage,
  type NameSlot,
  NOT_COMBINABLE,
  regexBody,
} from './phrase-source';

export {
  bareSlot,
  enPhraseSource,
  enPhraseWords,
  enWordSource,
  hasWords,
  KO_ENDING_FAMILIES,
  koPhraseSource,
  type MatchLanguage,
  type NameSlot,
  REGEX_PREFIX,
  regexBody,
} from './phrase-source';
/** Phrase families (`@hold_request`): the scorecard format's syntax, read here and by its validators. */
export {
  expandFamilies,
  FAMILY_PREFIX,
  familyRef,
  UnknownFamilyError,
} from '../scorecard-schema/phrase-syntax';

/** The matching rules to use: the call's language when it is one we know, else the scorecard's. */
export function matchLanguage(callLanguage: string, scorecardLanguage: string): MatchLanguage {
  if (callLanguage === 'ko' || callLanguage === 'en') return callLanguage;
  return scorecardLanguage === 'ko' ? 'ko' : 'en';
}

// ---------------------------------------------------------------------------------------------
// Normalisation

/** Korean: the speech normaliser, then no spaces or punctuation at all. */
export function normalizeKo(text: string): string {
  return normalizeSpeech(text, 'ko');
}

/** English: the speech normaliser; words separated by one space or by punctuation. */
export function normalizeEn(text: string): string {
  return normalizeSpeech(text, 'en');
}

export function normalizeText(text: string, language: MatchLanguage): string {
  // A redaction mask ([전화번호]) stands for a value, not for words the agent said.
  const said = unmasked(text);
  return language === 'ko' ? normalizeKo(said) : normalizeEn(said);
}

export interface PhraseHit {
  /** Position in the normalised text. */
  index: number;
  end: number;
  /** The entry as written in the scorecard. */
  phrase: string;
}

/**
 * A compiled phrase list. One combined alternation answers "does this text match" and finds
 * occurrences; per-entry sticky patterns tell which entry matched, only when a match is found.
 * `id` is unique within a `MatcherLibrary`, for per-call memos.
 */
export class PhraseMatcher {
  private readonly combined: RegExp | null;
  private readonly combinedGlobal: RegExp | null;
  /**
   * Korean lists, whose combined alternation is their entries in list order: the same
   * alternation with a capturing group around each entry, and each entry's group number, so
   * that a match says which entry it is without trying the entries one by one.
   */
  private readonly tagged: { pattern: RegExp; groups: number[] } | null;
  private readonly entries: readonly RegExp[];
  private readonly entriesGlobal: readonly RegExp[];

  /** Bare name slots in the list (`{agent}`): matched against the call's known names. */
  readonly slots: readonly NameSlot[];
  /** The entries that are patterns (every entry but the bare slots). */
  private readonly listed: readonly string[];
  /**
   * Korean lists without name slots: literals one of which every match contains
   * (required-literals.ts), so a turn with none of them is not tried; null when some entry has
   * none that can be told.
   */
  readonly literals: readonly string[] | null;

  constructor(
    readonly id: number,
    readonly phrases: readonly string[],
    readonly language: MatchLanguage,
  ) {
    const flags = flagsFor(language);
    this.slots = phrases.flatMap((p) => {
      const slot = bareSlot(p);
      return slot === null ? [] : [slot];
    });
    this.listed = phrases.filter((p) => bareSlot(p) === null);
    const sources = this.listed.map((p) => entrySource(p, language));
    this.entries = sources.map((s) => new RegExp(s, `${flags}y`));
    this.entriesGlobal = sources.map((s) => new RegExp(s, `${flags}g`));
    const combined = this.combinedSource(this.listed, sources, language);
    this.combined = combined === null ? null : new RegExp(combined, flags);
    this.combinedGlobal = combined === null ? null : new RegExp(combined, `${flags}g`);
    this.tagged = combined !== null && language === 'ko' ? tagged(sources, flags) : null;
    this.literals = language === 'ko' && this.slots.length === 0 ? literalsOf(sources) : null;
  }

  private combinedSource(
    phrases: readonly string[],
    sources: string[],
    language: MatchLanguage,
  ): string | null {
    if (phrases.length === 0) return null;
    const regexes = phrases.flatMap((p) => {
      const body = regexBody(p, language);
      return body === null ? [] : [body];
    });
    if (regexes.some((r) => NOT_COMBINABLE.test(r))) return null;
    if (language === 'ko') return sources.map((s) => `(?:${s})`).join('|');
    // English: one pair of word boundaries around all the plain phrases.
    const plain = phrases.filter((p) => regexBody(p) === null).map(enPhraseSource);
    const parts = regexes.map((r) => `(?:${r})`);
    if (plain.length > 0) parts.unshift(`${EN_START}(?:${plain.join('|')})${EN_END}`);
    return parts.join('|');
  }

  get empty(): boolean {
    return this.phrases.length === 0;
  }

  test(norm: string): boolean {
    if (this.combined !== null) return this.combined.test(norm);
    return this.entriesGlobal.some((r) => {
      r.lastIndex = 0;
      return r.test(norm);
    });
  }

  /** The first (leftmost) occurrence at or after `from`. */
  find(norm: string, from = 0): PhraseHit | null {
    if (this.tagged !== null) {
      const { pattern, groups } = this.tagged;
      pattern.lastIndex = from;
      const m = pattern.exec(norm);
      if (m === null) return null;
      const entry = groups.findIndex((g) => m[g] !== undefined);
      return { index: m.index, end: m.index + m[0].length, phrase: this.listed[entry] };
    }
    if (this.combinedGlobal !== null) {
      const r = this.combinedGlobal;
      for (let at = from; at <= norm.length;) {
        r.lastIndex = at;
        const m = r.exec(norm);
        if (m === null) return null;
        const phrase = this.entryAt(norm, m.index);
        if (phrase !== null) return { index: m.index, end: m.index + m[0].length, phrase };
        at = m.index + 1; // cannot happen with the same patterns; never loop forever anyway
      }
      return null;
    }
    let best: PhraseHit | null = null;
    this.entriesGlobal.forEach((r, i) => {
      r.lastIndex = from;
      const m = r.exec(norm);
      if (m !== null && (best === null || m.index < best.index)) {
        best = { index: m.index, end: m.index + m[0].length, phrase: this.listed[i] };
      }
    });
    return best;
  }

  /** Every non-overlapping occurrence, left to right. */
  findAll(norm: string): PhraseHit[] {
    const hits: PhraseHit[] = [];
    for (let at = 0; at <= norm.length;) {
      const hit = this.find(norm, at);
      if (hit === null) break;
      hits.push(hit);
      at = hit.end > hit.index ? hit.end : hit.index + 1;
    }
    return hits;
  }

  /** How many different entries occur in the text. */
  distinct(norm: string): string[] {
    if (!this.test(norm)) return [];
    return this.listed.filter((_, i) => {
      const r = this.entriesGlobal[i];
      r.lastIndex = 0;
      return r.test(norm);
    });
  }

  /** The entry (in list order) that matches exactly at `index`. */
  private entryAt(norm: string, index: number): string | null {
    for (let i = 0; i < this.entries.length; i++) {
      const r = this.entries[i];
      r.lastIndex = index;
      if (r.test(norm)) return this.listed[i];
    }
    return null;
  }
}

/** Every entry's required literals, or null when one entry has none (or there are no entries). */
function literalsOf(sources: readonly string[]): string[] | null {
  if (sources.length === 0) return null;
  const all = new Set<string>();
  for (const source of sources) {
    const literals = requiredLiterals(source);
    if (literals === null) return null;
    for (const l of literals) all.add(l);
  }
  return [...all];
}

/** `(s1)|(s2)|…` and the number of each entry's group (counted by matching `(?:s)|` on ""). */
function tagged(sources: readonly string[], flags: string): { pattern: RegExp; groups: number[] } {
  const groups: number[] = [];
  let next = 1;
  for (const s of sources) {
    groups.push(next);
    next += new RegExp(`(?:${s})|`, flags).exec('')!.length;
  }
  return { pattern: new RegExp(sources.map((s) => `(${s})`).join('|'), `${flags}g`), groups };
}

/**
 * Whether a whole text is made only of listed phrases (backchannels: `네`, `네 네`, `uh-huh,
 * yeah`). An empty normalised text counts too: nothing was said.
 */
export class WholeTextMatcher {
  private readonly pattern: RegExp | null;

  constructor(phrases: readonly string[], language: MatchLanguage) {
    if (phrases.length === 0) {
      this.pattern = null;
      return;
    }
    const alternation = phrases
      .map((p) => {
        const body = regexBody(p, language);
        if (body !== null) return `(?:${body})`;
        return `(?:${language === 'ko' ? koPhraseSource(p) : enPhraseSource(p)})`;
      })
      .join('|');
    const source =
      language === 'ko'
        ? `^(?:${alternation})+$`
        : `^[^\\p{L}\\p{N}]*(?:${alternation})(?:[^\\p{L}\\p{N}]+(?:${alternation}))*[^\\p{L}\\p{N}]*$`;
    let pattern: RegExp | null;
    try {
      pattern = new RegExp(source, flagsFor(language));
    } catch {
      pattern = null; // e.g. clashing named groups in re: entries: match nothing as a whole
    }
    this.pattern = pattern;
  }

  test(norm: string): boolean {
    if (norm === '' || /^[^\p{L}\p{N}]*$/u.test(norm)) return true;
    return this.pattern !== null && this.pattern.test(norm);
  }
}

/** Compiles phrase lists for one scorecard and language, sharing identical lists. */
export class MatcherLibrary {
  private readonly byList = new Map<string, PhraseMatcher>();
  private readonly wholeByList = new Map<string, WholeTextMatcher>();

  constructor(
    readonly language: MatchLanguage,
    private readonly families: Readonly<Record<string, readonly string[]>> = {},
  ) {}

  /** The list with every `@family` reference replaced by the family's phrases. */
  expand(phrases: readonly string[]): string[] {
    return expandFamilies(phrases, this.families);
  }

  get size(): number {
    return this.byList.size;
  }

  /** Which lists could match a turn (literal-prefilter.ts), for the lists compiled so far. */
  prefilter(): LiteralPrefilter {
    return new LiteralPrefilter([...this.byList.values()], this.size);
  }

  matcher(list: readonly string[]): PhraseMatcher {
    const phrases = this.expand(list);
    const key = JSON.stringify(phrases);
    let found = this.byList.get(key);
    if (found === undefined) {
      found = new PhraseMatcher(this.byList.size, phrases, this.language);
      this.byList.set(key, found);
    }
    return found;
  }

  whole(list: readonly string[]): WholeTextMatcher {
    const phrases = this.expand(list);
    const key = JSON.stringify(phrases);
    let found = this.wholeByList.get(key);
    if (found === undefined) {
      found = new WholeTextMatcher(phrases, this.language);
      this.wholeByList.set(key, found);
    }
    return found;
  }
}

/**
 * A value computed once per scorecard definition object and matching language. Scorecard
 * versions are immutable, so object identity is the version; a WeakMap lets them be collected.
 */
export class ScorecardCache<T> {
  private readonly byDefinition = new WeakMap<object, Map<MatchLanguage, T>>();

  get(definition: object, language: MatchLanguage, build: () => T): T {
    let perLanguage = this.byDefinition.get(definition);
    if (perLanguage === undefined) {
      perLanguage = new Map();
      this.byDefinition.set(definition, perLanguage);
    }
    let value = perLanguage.get(language);
    if (value === undefined) {
      value = build();
      perLanguage.set(language, value);
    }
    return value;
  }
}
