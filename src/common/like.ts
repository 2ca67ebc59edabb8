/**
 * Substring search with LIKE: the pattern matching `text` anywhere, with the user's own `%`, `_`
 * and `\` taken literally. Use it with `LIKE_ESCAPE` after the parameter (SQLite has no default
 * escape character; PostgreSQL's is the same backslash): `col LIKE :q ESCAPE '\'`.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const LIKE_ESCAPE = `ESCAPE '\\'`;
