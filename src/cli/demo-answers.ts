/**
 * What an evaluator would answer for the behaviour the demo generator put into a call: pure, so
 * the demo's human scores follow its transcripts.
 */
import type { CriterionDefinition, ScorecardDefinition } from '../scorecards/scorecard-definition';
import { scaleRange } from '../scoring/score-formula';

export type DemoAnswer = { key: string; na: true } | { key: string; value: number };

export function demoAnswers(
  definition: ScorecardDefinition,
  behaviour: Record<string, boolean | null>,
  salt: number,
): DemoAnswer[] {
  return definition.sections
    .flatMap((s) => s.criteria)
    .map((c): DemoAnswer => {
      const did = behaviour[c.key];
      if (did === null || did === undefined) {
        return c.naAllowed ? { key: c.key, na: true } : { key: c.key, value: good(c, salt) };
      }
      return { key: c.key, value: did ? good(c, salt) : bad(c) };
    });
}

function good(c: CriterionDefinition, salt: number): number {
  const { max } = scaleRange(c.scale);
  return c.scale.type === 'yes_no' ? 1 : max - (salt % 2);
}

function bad(c: CriterionDefinition): number {
  const { min, max } = scaleRange(c.scale);
  return c.scale.type === 'points' ? Math.floor(max / 3) : c.scale.type === 'rating' ? 2 : min;
}
