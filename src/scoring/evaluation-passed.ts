/**
 * Whether a scored evaluation passes — the one rule every kind of evaluation is stored with
 * (a person's, auto-QA's, a mystery shop's, a resolved dispute's). Pure.
 */
import type { ScoreBreakdown } from './score-formula';

/**
 * The breakdown's verdict (at or above the passing score, no critical criterion failed); null
 * when there is no score to judge (every criterion N/A), rather than a fail nobody earned.
 */
export function evaluationPassed(
  breakdown: Pick<ScoreBreakdown, 'overall' | 'passed'>,
): boolean | null {
  return breakdown.overall === null ? null : breakdown.passed;
}
