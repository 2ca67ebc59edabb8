/**
 * `when` conditions: the criterion applies only if its condition holds. A condition returns
 * `pass` when it holds and `na` (with the reason) when it does not.
 */
import type { AutoSpeaker, DetectorOutcome, WhenCondition } from '../autoqa.types';
import type { MatcherLibrary, PhraseMatcher } from '../text-match';
import {
  type CallContext,
  type CompiledScope,
  compileScope,
  describeScope,
  type NegativitySettings,
  seconds,
} from './context';
import { OVERRULED_CONFIDENCE, withArticle } from './shared';
import { compileGate, type CompiledGate, type CompiledTextModel } from '../text-model';
import { type ReasonCode, type ReasonParams, scopePart, secondsOf } from '../reason-codes';

export type ConditionConfig =
  | { kind: 'customerNegative'; expected: boolean; negativity: NegativitySettings }
  | { kind: 'silenceOverMs'; ms: number }
  | {
      kind: 'phrases';
      anyOf: PhraseMatcher;
      scope: CompiledScope;
      unless: PhraseMatcher | null;
      unlessWithin: number;
      notAfter: { anyOf: PhraseMatcher; speaker: AutoSpeaker } | null;
      /** A turn saying one of these is never excused by `unless`. */
      keepIf: PhraseMatcher | null;
      /** A learned model that may overrule the phrases (src/autoqa/text-model.ts). */
      model: CompiledGate | null;
    };

/** `negativity`: the criterion's own negativity settings, else the scorecard's first, else defaults. */
export function compileCondition(
  when: WhenCondition,
  lib: MatcherLibrary,
  negativity: NegativitySettings,
  models: ReadonlyMap<string, CompiledTextModel> = new Map(),
): ConditionConfig {
  if ('customerNegative' in when) {
    return { kind: 'customerNegative', expected: when.customerNegative, negativity };
  }
  if ('silenceOverMs' in when) return { kind: 'silenceOverMs', ms: when.silenceOverMs };
  const { anyOf, speaker, window, unless, unlessWithin, notAfter, keepIf, model } = when.phrases;
  return {
    kind: 'phrases',
    anyOf: lib.matcher(anyOf),
    scope: compileScope(speaker, window),
    unless: unless === undefined ? null : lib.matcher(unless),
    unlessWithin: unlessWithin ?? 0,
    notAfter:
      notAfter === undefined
        ? null
        : { anyOf: lib.matcher(notAfter.anyOf), speaker: notAfter.speaker ?? 'customer' },
    keepIf: keepIf === undefined ? null : lib.matcher(keepIf),
    model: compileGate(model, models),
  };
}

export function checkCondition(ctx: CallContext, config: ConditionConfig): DetectorOutcome {
  switch (config.kind) {
    case 'customerNegative': {
      const { peak } = ctx.customerNegativity(config.negativity);
      const min = config.negativity.minPeak;
      const negative = peak >= min;
      if (negative === config.expected) {
        return holds(`customer negativity peaked at ${peak}`, 'condition.negativityPeaked', {
          peak,
        });
      }
      return negative
        ? notApplicable(`the customer was negative (peak ${peak})`, 'condition.customerNegative', {
            peak,
          })
        : notApplicable(
            `the customer was not negative (peak ${peak}, under ${min})`,
            'condition.customerNotNegative',
            { peak, min },
          );
    }
    case 'silenceOverMs': {
      if (!ctx.voice) {
        return notApplicable('silences are not measured on chat', 'condition.silenceNotOnChat');
      }
      const longest = ctx.longestSilenceMs();
      const limit = secondsOf(config.ms);
      return longest > config.ms
        ? holds(
            `a silence of ${seconds(longest)} is over ${seconds(config.ms)}`,
            'condition.silenceOver',
            { silence: secondsOf(longest), limit },
          )
        : notApplicable(`no silence over ${seconds(config.ms)}`, 'condition.noSilenceOver', {
            limit,
          });
    }
    case 'phrases': {
      const outcome = phraseCondition(ctx, config);
      return config.model === null ? outcome : gated(ctx, config.model, outcome);
    }
  }
}

/**
 * The `model` gate over a phrase condition (the model reads the customer's turns, whatever the
 * condition's speaker, and ignores `notAfter`): a condition phrase the model finds unlikely
 * (under `below`) does not hold; no phrase but a model sure of it (`above` or more) holds from
 * the first customer turn it finds telling. Either is for a person to check.
 */
function gated(ctx: CallContext, gate: CompiledGate, outcome: DetectorOutcome): DetectorOutcome {
  const p = ctx.customerModel(gate.model);
  if (outcome.result === 'pass' && p < gate.below) {
    return {
      ...notApplicable(
        `a turn says a condition phrase, but the learned text model finds it unlikely (${p})`,
        'condition.modelNo',
        { model: gate.name, p },
      ),
      confidence: OVERRULED_CONFIDENCE,
    };
  }
  if (outcome.result !== 'pass' && p >= gate.above) {
    const turn = ctx.customerModelTurn(gate.model);
    return {
      result: 'pass',
      evidence: turn === null ? [] : [ctx.evidence(turn, p)],
      reason: `no listed phrase is said, but the learned text model finds it likely (${p})`,
      reasonCode: 'condition.modelYes',
      reasonParams: { model: gate.name, p },
      confidence: OVERRULED_CONFIDENCE,
    };
  }
  // Sure of it, and it shows before the listed phrase: the condition holds from there (the thanks
  // that followed the first complaint, worded any way, comes after it).
  if (outcome.result === 'pass' && p >= gate.above) {
    const turn = ctx.customerModelTurn(gate.model);
    const listed = outcome.evidence[0]?.turn ?? null;
    if (turn !== null && listed !== null && turn < listed) {
      return { ...outcome, evidence: [ctx.evidence(turn, p), ...outcome.evidence] };
    }
  }
  return outcome;
}

function phraseCondition(
  ctx: CallContext,
  config: Extract<ConditionConfig, { kind: 'phrases' }>,
): DetectorOutcome {
  const settled = settledAt(ctx, config.notAfter);
  const turn = ctx
    .scope(config.scope)
    .find(
      (i) =>
        i < settled &&
        ctx.matches(config.anyOf, i) &&
        ((config.keepIf !== null && ctx.matches(config.keepIf, i)) ||
          !ctx.excused(config.unless, config.unlessWithin, i)),
    );
  if (turn === undefined) {
    const said = settled < ctx.turns.length ? ctx.phraseIn(config.notAfter!.anyOf, settled) : null;
    const after = said === null ? '' : ` before turn ${settled} ("${said}")`;
    return notApplicable(
      `no ${describeScope(config.scope)} says a condition phrase${after}`,
      'condition.noPhrase',
      {
        who: scopePart(config.scope, 'one'),
        after:
          said === null
            ? { code: 'cut.none' }
            : { code: 'cut.beforeTurnSaying', params: { turn: settled, phrase: said } },
      },
    );
  }
  return {
    result: 'pass',
    evidence: [ctx.evidence(turn, ctx.phraseIn(config.anyOf, turn))],
    reason: `${withArticle(describeScope(config.scope))} says a condition phrase`,
    reasonCode: 'condition.phraseSaid',
    reasonParams: { who: scopePart(config.scope, 'a') },
  };
}

/** The first turn saying a `notAfter` phrase (not its speaker's first turn), else the end. */
function settledAt(
  ctx: CallContext,
  notAfter: { anyOf: PhraseMatcher; speaker: AutoSpeaker } | null,
): number {
  if (notAfter === null) return ctx.turns.length;
  let seen = false;
  for (let i = 0; i < ctx.turns.length; i++) {
    const who = ctx.turns[i].speaker;
    if (notAfter.speaker !== 'any' && who !== notAfter.speaker) continue;
    if (seen && ctx.matches(notAfter.anyOf, i)) return i;
    seen = true;
  }
  return ctx.turns.length;
}

function holds(
  reason: string,
  reasonCode: ReasonCode,
  reasonParams?: ReasonParams,
): DetectorOutcome {
  return { result: 'pass', evidence: [], reason, reasonCode, reasonParams };
}

function notApplicable(
  reason: string,
  reasonCode: ReasonCode,
  reasonParams?: ReasonParams,
): DetectorOutcome {
  return { result: 'na', evidence: [], reason, reasonCode, reasonParams };
}
