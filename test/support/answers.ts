import type { ScorecardDefinition } from '../../src/scorecards/scorecard-definition';
import { scaleRange } from '../../src/scoring/score-formula';

/** The top of the scale for every criterion (except those left out): a perfect evaluation. */
export function bestAnswers(
  definition: ScorecardDefinition,
  except: string[] = [],
): { key: string; value: number }[] {
  return definition.sections
    .flatMap((s) => s.criteria)
    .filter((c) => !except.includes(c.key))
    .map((c) => ({ key: c.key, value: scaleRange(c.scale).max }));
}
