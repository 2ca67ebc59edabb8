/**
 * The abuse detector's result in the form stored on a call (abuse_flags): flagged or not, the
 * kinds found and the turns by their seq — never the words. Pure.
 */
import { detectAbuse, type AbuseCategory } from './abuse-detector';

export interface AbuseFlagValue {
  flagged: boolean;
  categories: AbuseCategory[];
  turns: { seq: number; category: AbuseCategory }[];
}

/** `turns` in their order; a turn without a seq is numbered by its place (as the import does). */
export function abuseFlagOf(
  turns: readonly { speaker: string; text: string; seq?: number }[],
  language: string,
): AbuseFlagValue {
  const found = detectAbuse(turns, language);
  return {
    flagged: found.flagged,
    categories: found.categories,
    turns: found.evidence.map((e) => ({ seq: turns[e.turn].seq ?? e.turn, category: e.category })),
  };
}
