/**
 * Whether one answer counts as passed — the one rule evaluations, disputes,
 * mystery shops and analytics share. Pure: plain data in, plain data out.
 */
import type { Scale, ScorecardDefinition } from '../scorecards/scorecard-definition';

/**
 * Whether an answer counts as passed; null for N/A. Thresholds: yes/no passes on 1 (yes),
 * a 1–5 rating on 4 or more, points on at least 80 % of the maximum (compared as 5·value ≥ 4·max,
 * so 12 of 15 passes despite 0.8 × 15 being 12.000000000000002). A critical criterion's value
 * below its `failBelow` is a fail whatever the scale says.
 */
export function answerPassed(
  scale: Scale,
  value: number | null,
  critical?: { failBelow: number },
): boolean | null {
  if (value === null) return null;
  if (critical && value < critical.failBelow) return false;
  switch (scale.type) {
    case 'yes_no':
      return value === 1;
    case 'rating':
      return value >= 4;
    case 'points':
      return 5 * value >= 4 * scale.max;
  }
}

/** `answerPassed` for a criterion of a scorecard, by key; null for N/A or an unknown key. */
export function passedFor(
  definition: ScorecardDefinition,
  key: string,
  value: number | null,
): boolean | null {
  const criterion = definition.sections.flatMap((s) => s.criteria).find((c) => c.key === key);
  return criterion ? answerPassed(criterion.scale, value, criterion.critical) : null;
}
