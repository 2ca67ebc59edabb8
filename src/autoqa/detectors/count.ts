/** `count`: occurrences of the listed phrases (every match, not turns) at most `max`. */
import type { CountBlock, DetectorOutcome, Evidence } from '../autoqa.types';
import type { MatcherLibrary, PhraseMatcher } from '../text-match';
import { CallContext, CompiledScope, compileScope, describeScope, plural } from './context';
import { MAX_EVIDENCE } from './shared';
import { form, scopePart } from '../reason-codes';

export interface CountConfig {
  anyOf: PhraseMatcher;
  max: number;
  scope: CompiledScope;
  unless: PhraseMatcher | null;
  unlessWithin: number;
}

export function compileCount(block: CountBlock, lib: MatcherLibrary): CountConfig {
  return {
    anyOf: lib.matcher(block.anyOf),
    max: block.max,
    scope: compileScope(block.speaker, block.window),
    unless: block.unless === undefined ? null : lib.matcher(block.unless),
    unlessWithin: block.unlessWithin ?? 0,
  };
}

/** Occurrences in the scope, with evidence for the first few (one entry per occurrence). */
export function countOccurrences(
  ctx: CallContext,
  matcher: PhraseMatcher,
  scope: CompiledScope,
  unless: PhraseMatcher | null = null,
  unlessWithin = 0,
): { total: number; evidence: Evidence[] } {
  let total = 0;
  const evidence: Evidence[] = [];
  for (const i of ctx.scope(scope)) {
    if (!ctx.matches(matcher, i) || ctx.excused(unless, unlessWithin, i)) continue;
    for (const hit of matcher.findAll(ctx.norm[i])) {
      total++;
      if (evidence.length < MAX_EVIDENCE) evidence.push(ctx.evidence(i, hit.phrase));
    }
  }
  return { total, evidence };
}

export function detectCount(ctx: CallContext, config: CountConfig): DetectorOutcome {
  const { total, evidence } = countOccurrences(
    ctx,
    config.anyOf,
    config.scope,
    config.unless,
    config.unlessWithin,
  );
  const where = describeScope(config.scope, true);
  const reason = `listed phrases occur ${plural(total, 'time')} in ${where} (at most ${config.max} allowed)`;
  // One occurrence either side of the limit decides it: less sure (a word may be misheard).
  const near = total === config.max || total === config.max + 1;
  return {
    result: total <= config.max ? 'pass' : 'fail',
    evidence,
    reason,
    reasonCode: `count.occurrences.${form(total)}`,
    reasonParams: { n: total, where: scopePart(config.scope, 'other'), max: config.max },
    confidence: near ? 0.7 : 0.95,
  };
}
