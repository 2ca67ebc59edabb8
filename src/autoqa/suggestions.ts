/**
 * Between the engine's pass/fail/na and a scorecard's answers. Pure.
 */
import type { CriterionDefinition, ScorecardDefinition } from '../scorecards/scorecard-definition';
import { scaleRange } from '../scoring/score-formula';
import type { AutoQaResult, Evidence } from './autoqa.types';
import type { ReasonCode, ReasonParams } from './reason-codes';

import type { Suggestion } from '../scoring/suggestion';

export { resultOfValue, type Suggestion } from '../scoring/suggestion';

export interface SuggestedAnswer {
  key: string;
  /** The answer the suggestion stands for; null = N/A. */
  value: number | null;
  suggestion: Suggestion;
  evidence: {
    reason: string;
    /** The reason for a page in any language (reason-codes.ts). */
    reasonCode: ReasonCode;
    reasonParams: ReasonParams;
    items: Evidence[];
    /** How sure auto-QA is (0..1); absent on answers stored before confidences existed. */
    confidence?: number;
    /** The value is a best guess a person should confirm. */
    needsReview?: boolean;
  };
}

/**
 * pass → the top of the scale, fail → the bottom, na → N/A. A criterion that allows no N/A gets
 * no answer for an `na` suggestion: it counts as not applicable in the machine's score, and a
 * human has to decide it.
 */
export function toSuggestedAnswers(
  scorecard: ScorecardDefinition,
  result: AutoQaResult,
): SuggestedAnswer[] {
  const criteria = new Map(
    scorecard.sections.flatMap((s) => s.criteria).map((c) => [c.key, c] as const),
  );
  const answers: SuggestedAnswer[] = [];
  for (const r of result.criteria) {
    const criterion = criteria.get(r.key);
    if (!criterion) continue;
    const value = valueFor(criterion, r.result);
    if (value === undefined) continue;
    answers.push({
      key: r.key,
      value,
      suggestion: r.result,
      evidence: {
        reason: r.reason,
        reasonCode: r.reasonCode,
        reasonParams: r.reasonParams,
        items: r.evidence,
        confidence: r.confidence,
        needsReview: r.needsReview,
      },
    });
  }
  return answers;
}

function valueFor(criterion: CriterionDefinition, result: Suggestion): number | null | undefined {
  const { min, max } = scaleRange(criterion.scale);
  if (result === 'pass') return max;
  if (result === 'fail') return min;
  return criterion.naAllowed ? null : undefined;
}
