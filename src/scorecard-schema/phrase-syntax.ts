/**
 * The syntax of a phrase-list entry in a scorecard file (src/autoqa/README.md "Text matching"):
 * `@family` refers to a named list (`autoQa.phraseFamilies`), `re:<regex>` is a pattern, and
 * `{agent}` / `{company}` stand for a name, and `{!@family}` in a `re:` entry for "not one of
 * the family's words here" (a stop list written once). Both the `auto` block validators here and auto-QA's
 * text matching (src/autoqa/phrase-source.ts, text-match.ts, which re-export these) read entries
 * with it, so it sits with the schema, below both. Pure.
 */

export type MatchLanguage = 'ko' | 'en';

export const REGEX_PREFIX = 're:';

/** Name slots a phrase may contain, filled with a name-shaped pattern (known names: `mentions`). */
export type NameSlot = 'agent' | 'company';
export const SLOT_SOURCE: Record<MatchLanguage, Record<NameSlot, string>> = {
  ko: { agent: '[가-힣]{2,4}', company: '[가-힣a-z0-9]{2,12}' },
  en: {
    agent: "[a-z][a-z'-]+(?: [a-z][a-z'-]+)?",
    company: "[a-z0-9&][a-z0-9&'-]*(?:[ -][a-z0-9&][a-z0-9&'-]*){0,3}",
  },
};

/** Whether a plain phrase has something to match once normalised (letters or digits). */
export function hasWords(phrase: string): boolean {
  return /[\p{L}\p{N}]/u.test(phrase);
}

/**
 * The regex body of a `re:` entry, or null for a plain phrase. `{agent}` and `{company}` in it
 * stand for the shape of a name in the language, as in a plain phrase (`re:저는{agent}입니다`).
 */
export function regexBody(phrase: string, language: MatchLanguage = 'ko'): string | null {
  if (!phrase.startsWith(REGEX_PREFIX)) return null;
  return (
    phrase
      .slice(REGEX_PREFIX.length)
      .replace(/\{(agent|company)\}/g, (_, slot: NameSlot) => `(?:${SLOT_SOURCE[language][slot]})`)
      // A word guard not yet filled from its family (checking an entry on its own) guards nothing.
      .replace(WORD_GUARD, '(?:)')
  );
}

/** `{!@family}` in a `re:` entry: "not one of the family's words here". */
const WORD_GUARD = /\{!@([a-z][a-z0-9_]*)\}/g;

/** The families an entry's word guards name. */
export function guardRefs(phrase: string): string[] {
  if (!phrase.startsWith(REGEX_PREFIX)) return [];
  return [...phrase.matchAll(WORD_GUARD)].map((m) => m[1]);
}

/** A text as a regular expression that matches it literally. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * Fills an entry's word guards: `{!@common}` becomes a lookahead that no word of the family
 * (its plain phrases, lower case) starts here as a whole word.
 */
function withWordGuards(
  phrase: string,
  families: Readonly<Record<string, readonly string[]>>,
  seen: readonly string[],
): string {
  if (guardRefs(phrase).length === 0) return phrase;
  return phrase.replace(WORD_GUARD, (_, name: string) => {
    const family = Object.prototype.hasOwnProperty.call(families, name)
      ? families[name]
      : undefined;
    if (family === undefined || seen.includes(name)) throw new UnknownFamilyError(name);
    const words = expandFamilies(family, families, [...seen, name])
      .filter((w) => !w.startsWith(REGEX_PREFIX))
      .map((w) => escapeRegex(w.trim().toLowerCase()));
    return `(?!(?:${words.join('|')})\\b)`;
  });
}

// ---------------------------------------------------------------------------------------------
// Phrase families: a scorecard names its lists once (`autoQa.phraseFamilies.hold_request`) and
// any phrase list refers to one with `@hold_request`.

export const FAMILY_PREFIX = '@';

/** The family a list entry refers to, or null for a phrase. */
export function familyRef(phrase: string): string | null {
  return phrase.startsWith(FAMILY_PREFIX) ? phrase.slice(FAMILY_PREFIX.length).trim() : null;
}

export class UnknownFamilyError extends Error {
  constructor(readonly family: string) {
    super(`unknown phrase family @${family}`);
  }
}

export function expandFamilies(
  phrases: readonly string[],
  families: Readonly<Record<string, readonly string[]>>,
  seen: readonly string[] = [],
): string[] {
  if (!phrases.some((p) => familyRef(p) !== null || guardRefs(p).length > 0)) return [...phrases];
  const out: string[] = [];
  for (const p of phrases) {
    const name = familyRef(p);
    if (name === null) {
      out.push(withWordGuards(p, families, seen));
      continue;
    }
    const family = Object.prototype.hasOwnProperty.call(families, name)
      ? families[name]
      : undefined;
    if (family === undefined || seen.includes(name)) throw new UnknownFamilyError(name);
    out.push(...expandFamilies(family, families, [...seen, name]));
  }
  return [...new Set(out)];
}
