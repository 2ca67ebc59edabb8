/**
 * `when` conditions: the criterion applies only if its condition holds. A condition returns
 * `pass` when it holds and `na` (with the reason) when it does not.
 */
import type { DetectorOutcome, WhenCondition } from '../autoqa.types';
import type { MatcherLibrary, PhraseMatcher } from '../text-match';
import {
  type CallContext,
  type CompiledScope,
  compileScope,
  describeScope,
  type NegativitySettings,
  seconds,
} from './context';
import { withArticle } from './shared';

export type ConditionConfig =
  | { kind: 'customerNegative'; expected: boolean; negativity: NegativitySettings }
  | { kind: 'silenceOverMs'; ms: number }
  | {
      kind: 'phrases';
      anyOf: PhraseMatcher;
      scope: CompiledScope;
      unless: PhraseMatcher | null;
      unlessWithin: number;
    };

/** `negativity`: the criterion's own negativity settings, else the scorecard's first, else defaults. */
export function compileCondition(
  when: WhenCondition,
  lib: MatcherLibrary,
  negativity: NegativitySettings,
): ConditionConfig {
  if ('customerNegative' in when) {
    return { kind: 'customerNegative', expected: when.customerNegative, negativity };
  }
  if ('silenceOverMs' in when) return { kind: 'silenceOverMs', ms: when.silenceOverMs };
  const { anyOf, speaker, window, unless, unlessWithin } = when.phrases;
  return {
    kind: 'phrases',
    anyOf: lib.matcher(anyOf),
    scope: compileScope(speaker, window),
    unless: unless === undefined ? null : lib.matcher(unless),
    unlessWithin: unlessWithin ?? 0,
  };
}

export function checkCondition(ctx: CallContext, config: ConditionConfig): DetectorOutcome {
  switch (config.kind) {
    case 'customerNegative': {
      const { peak } = ctx.customerNegativity(config.negativity);
      const min = config.negativity.minPeak;
      const negative = peak >= min;
      if (negative === config.expected) return holds(`customer negativity peaked at ${peak}`);
      return notApplicable(
        negative
          ? `the customer was negative (peak ${peak})`
          : `the customer was not negative (peak ${peak}, under ${min})`,
      );
    }
    case 'silenceOverMs': {
      if (!ctx.voice) return notApplicable('silences are not measured on chat');
      const longest = ctx.longestSilenceMs();
      return longest > config.ms
        ? holds(`a silence of ${seconds(longest)} is over ${seconds(config.ms)}`)
        : notApplicable(`no silence over ${seconds(config.ms)}`);
    }
    case 'phrases': {
      const turn = ctx
        .scope(config.scope)
        .find(
          (i) =>
            ctx.matches(config.anyOf, i) && !ctx.excused(config.unless, config.unlessWithin, i),
        );
      if (turn === undefined) {
        return notApplicable(`no ${describeScope(config.scope)} says a condition phrase`);
      }
      return {
        result: 'pass',
        evidence: [ctx.evidence(turn, ctx.phraseIn(config.anyOf, turn))],
        reason: `${withArticle(describeScope(config.scope))} says a condition phrase`,
      };
    }
  }
}

function holds(reason: string): DetectorOutcome {
  return { result: 'pass', evidence: [], reason };
}

function notApplicable(reason: string): DetectorOutcome {
  return { result: 'na', evidence: [], reason };
}
