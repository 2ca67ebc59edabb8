/**
 * `sequence`: the steps are said in order. Each step's first match after the previous found
 * step's match (later in the same turn, or in a later turn) counts; a step that is not found
 * there is missing, or out of order when it was said only before.
 */
import type { DetectorOutcome, Evidence, SequenceBlock } from '../autoqa.types';
import type { MatcherLibrary, PhraseMatcher } from '../text-match';
import { CallContext, CompiledScope, compileScope, plural } from './context';
import { form, type ReasonMessage } from '../reason-codes';

export interface SequenceConfig {
  steps: { name: string; anyOf: PhraseMatcher }[];
  minSteps: number;
  scope: CompiledScope;
}

export function compileSequence(block: SequenceBlock, lib: MatcherLibrary): SequenceConfig {
  return {
    steps: block.steps.map((s) => ({ name: s.name, anyOf: lib.matcher(s.anyOf) })),
    minSteps: block.minSteps ?? block.steps.length,
    scope: compileScope(block.speaker, block.window),
  };
}

export function detectSequence(ctx: CallContext, config: SequenceConfig): DetectorOutcome {
  const { steps, minSteps } = config;
  const turns = ctx.scope(config.scope);
  const evidence: Evidence[] = [];
  // Position after the last found step: index into `turns`, and offset in that turn's text.
  let at = 0;
  let offset = 0;
  let lastFound: string | null = null;
  let problem: string | null = null;
  let problemPart: ReasonMessage | null = null;
  for (const step of steps) {
    const hit = findFrom(ctx, turns, step.anyOf, at, offset);
    if (hit === null) {
      const early = lastFound !== null && turns.some((i) => ctx.matches(step.anyOf, i));
      problem ??= early
        ? `step "${step.name}" comes before step "${lastFound}"`
        : `step "${step.name}" is missing`;
      problemPart ??= early
        ? { code: 'sequence.outOfOrder', params: { step: step.name, after: lastFound! } }
        : { code: 'sequence.stepMissing', params: { step: step.name } };
      continue;
    }
    evidence.push(ctx.evidence(turns[hit.at], hit.phrase));
    at = hit.at;
    offset = hit.end;
    lastFound = step.name;
  }
  const found = evidence.length;
  const total = steps.length;
  if (found === total) {
    return {
      result: 'pass',
      evidence,
      reason: `all ${plural(total, 'step')} are said in order`,
      reasonCode: `sequence.allInOrder.${form(total)}`,
      reasonParams: { n: total },
    };
  }
  const tally = `${found} of ${total} steps in order, ${minSteps} needed`;
  return {
    result: found >= minSteps ? 'pass' : 'fail',
    evidence,
    reason: `${problem ?? 'a step is missing'} (${tally})`,
    reasonCode: 'sequence.partial',
    reasonParams: {
      problem: problemPart ?? { code: 'sequence.aStepMissing' },
      found,
      total,
      min: minSteps,
    },
  };
}

function findFrom(
  ctx: CallContext,
  turns: number[],
  matcher: PhraseMatcher,
  at: number,
  offset: number,
): { at: number; end: number; phrase: string } | null {
  for (let k = at; k < turns.length; k++) {
    const i = turns[k];
    if (!ctx.matches(matcher, i)) continue;
    const hit = matcher.find(ctx.norm[i], k === at ? offset : 0);
    if (hit !== null) return { at: k, end: hit.end, phrase: hit.phrase };
  }
  return null;
}
