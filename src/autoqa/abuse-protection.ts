/**
 * Agents are not scored for a customer's abuse (고객응대근로자 보호, 산업안전보건법 제41조): on a
 * call the abuse detector flagged, the criteria a scorecard lists under `abuseProtection` are
 * answered N/A with the reason below, whatever their detector said. Pure.
 */
import type { AutoQaAbuse, CriterionResult } from './autoqa.types';
import type { TranscriptTurn } from '../transcripts/transcript';

/** Stored as the answer's reason; shown in the page's language (common/i18n/display-text.ts). */
export const ABUSE_NA_REASON = 'customer abuse: not held against the agent';

const QUOTE = 200;

export function protectFromAbuse(
  criteria: CriterionResult[],
  protectedKeys: readonly string[] | undefined,
  abuse: AutoQaAbuse | undefined,
  turns: readonly TranscriptTurn[],
): CriterionResult[] {
  if (!abuse?.flagged || !protectedKeys || protectedKeys.length === 0) return criteria;
  const keys = new Set(protectedKeys);
  const evidence = [...new Set(abuse.turns)]
    .filter((i) => Number.isInteger(i) && i >= 0 && i < turns.length)
    .sort((a, b) => a - b)
    .map((i) => ({ turn: i, startMs: turns[i].startMs, text: turns[i].text.slice(0, QUOTE) }));
  return criteria.map((c) =>
    keys.has(c.key)
      ? {
          key: c.key,
          result: 'na',
          evidence,
          reason: ABUSE_NA_REASON,
          reasonCode: 'abuseProtected',
          reasonParams: {},
          confidence: 1,
          needsReview: false,
        }
      : c,
  );
}
