/** A suggested answer as pass / fail / N/A, from a criterion's value on its scale. Pure. */
import type { CriterionDefinition } from '../scorecards/scorecard-definition';
import { scaleRange } from './score-formula';

export type Suggestion = 'pass' | 'fail' | 'na';

/** How an answer reads as pass/fail/na: pass when it earns at least 80 % of the points. */
export function resultOfValue(criterion: CriterionDefinition, value: number | null): Suggestion {
  if (value === null) return 'na';
  const { max } = scaleRange(criterion.scale);
  return value >= 0.8 * max ? 'pass' : 'fail';
}
