/**
 * The speech normaliser's tokens (normalize.ts): maximal runs of word characters (letters,
 * digits, apostrophes), of whitespace, and of anything else, exactly as
 * /[\p{L}\p{N}']+|\s+|[^\p{L}\p{N}'\s]+/gu would cut them, each with its kind, found with one
 * pass over the character codes (a regular expression only for characters outside ASCII and
 * Hangul syllables, remembered per character).
 */
export const WORD = 0;
export const SPACE = 1;
export const OTHER = 2;
export type Kind = typeof WORD | typeof SPACE | typeof OTHER;

const WORD_CHAR = /^[\p{L}\p{N}']$/u;
const SPACE_CHAR = /^\s$/u;
const ASCII_KIND: Kind[] = Array.from({ length: 128 }, (_, c) => charKind(c));
const KIND_MEMO = new Map<number, Kind>();

function charKind(cp: number): Kind {
  const ch = String.fromCodePoint(cp);
  return WORD_CHAR.test(ch) ? WORD : SPACE_CHAR.test(ch) ? SPACE : OTHER;
}

function kindOf(cp: number): Kind {
  if (cp < 128) return ASCII_KIND[cp];
  if (cp >= 0xac00 && cp <= 0xd7a3) return WORD; // Hangul syllables
  let kind = KIND_MEMO.get(cp);
  if (kind === undefined) {
    kind = charKind(cp);
    if (KIND_MEMO.size < 10_000) KIND_MEMO.set(cp, kind);
  }
  return kind;
}

export interface Tokens {
  text: string[];
  kind: Kind[];
}

export function tokenize(text: string): Tokens {
  const out: Tokens = { text: [], kind: [] };
  let from = 0;
  let current: Kind | -1 = -1;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const kind = kindOf(cp);
    if (kind !== current) {
      if (current !== -1) push(out, text.slice(from, i), current);
      current = kind;
      from = i;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  if (current !== -1) push(out, text.slice(from), current);
  return out;
}

export function push(tokens: Tokens, text: string, kind: Kind): void {
  tokens.text.push(text);
  tokens.kind.push(kind);
}
