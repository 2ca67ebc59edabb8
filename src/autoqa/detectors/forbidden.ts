/** `forbidden`: no turn in the window says a listed phrase; evidence = every offending turn. */
import type { DetectorOutcome, Evidence, ForbiddenBlock } from '../autoqa.types';
import type { MatcherLibrary, PhraseMatcher } from '../text-match';
import { CallContext, CompiledScope, compileScope, describeScope, plural } from './context';
import { withArticle } from './shared';
import { form, scopePart } from '../reason-codes';

export interface ForbiddenConfig {
  anyOf: PhraseMatcher;
  unless: PhraseMatcher | null;
  unlessWithin: number;
  scope: CompiledScope;
}

export function compileForbidden(block: ForbiddenBlock, lib: MatcherLibrary): ForbiddenConfig {
  return {
    anyOf: lib.matcher(block.anyOf),
    unless: block.unless === undefined ? null : lib.matcher(block.unless),
    unlessWithin: block.unlessWithin ?? 0,
    scope: compileScope(block.speaker, block.window),
  };
}

export function detectForbidden(
  ctx: CallContext,
  config: ForbiddenConfig,
  condition: DetectorOutcome | null = null,
): DetectorOutcome {
  const { anyOf, scope } = config;
  const evidence: Evidence[] = [];
  for (const i of ctx.turnsIn(scope, condition)) {
    if (!ctx.matches(anyOf, i) || ctx.excused(config.unless, config.unlessWithin, i)) continue;
    evidence.push(ctx.evidence(i, ctx.phraseIn(anyOf, i)));
  }
  const who = describeScope(scope);
  if (evidence.length === 0) {
    return {
      result: 'pass',
      evidence,
      reason: `no ${who} says a forbidden phrase`,
      reasonCode: 'forbidden.none',
      reasonParams: { who: scopePart(scope, 'one') },
      confidence: 0.85,
    };
  }
  const reason =
    evidence.length === 1
      ? `${withArticle(who)} says the forbidden phrase "${String(evidence[0].value)}"`
      : `${plural(evidence.length, who, describeScope(scope, true))} say a forbidden phrase`;
  // One phrase in one turn can be a false alarm; several are not.
  const n = evidence.length;
  return {
    result: 'fail',
    evidence,
    reason,
    ...(n === 1
      ? {
          reasonCode: 'forbidden.one',
          reasonParams: { who: scopePart(scope, 'a'), phrase: String(evidence[0].value) },
        }
      : { reasonCode: 'forbidden.many', reasonParams: { n, who: scopePart(scope, form(n)) } }),
    confidence: n === 1 ? 0.75 : 0.9,
  };
}
