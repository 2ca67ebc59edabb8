/**
 * `negativity`: customer turns split into start / middle / end; a part scores matched lexicon
 * entries per customer turn × 10, capped at 10. N/A when the peak is under `minPeak`; pass when
 * the end is under the peak and under `minPeak` (the customer calmed down).
 */
import type { DetectorOutcome, Evidence, NegativityBlock } from '../autoqa.types';
import type { MatchLanguage, MatcherLibrary } from '../text-match';
import type { CallContext, NegativitySettings } from './context';
import { DEFAULT_MIN_PEAK, DEFAULT_NEGATIVITY, DEFAULT_SEGMENTS } from './defaults';
import { MAX_EVIDENCE, OVERRULED_CONFIDENCE } from './shared';
import { compileGate, type CompiledTextModel } from '../text-model';

/**
 * The `model` gate: the lexicon found the customer upset but the model finds that unlikely
 * (under `below`) — N/A; or the lexicon found too little but the model finds it likely (`above`
 * or more) — judged by how the last customer turns end. Else null (the lexicon decides). Not
 * used when the source measured the customer's sentiment.
 */
function byModel(ctx: CallContext, config: NegativitySettings): DetectorOutcome | null {
  const gate = config.model;
  if (gate === null || ctx.source.customerSentiment !== undefined) return null;
  const scores = ctx.negativityWith(config);
  const upset = scores.peak >= config.minPeak;
  const p = ctx.customerModel(gate.model);
  if (upset && p < gate.below) {
    return {
      result: 'na',
      evidence: scores.hits.slice(0, MAX_EVIDENCE).map((h) => ctx.evidence(h.turn, h.phrase)),
      reason: `a few listed negative words (peak ${scores.peak}), but the text model finds it unlikely that the customer was upset (${p})`,
      reasonCode: 'negativity.modelCalm',
      reasonParams: { peak: scores.peak, p },
      confidence: OVERRULED_CONFIDENCE,
    };
  }
  if (upset || p < gate.above) return null;
  const turn = ctx.customerModelTurn(gate.model);
  const evidence = turn === null ? [] : [ctx.evidence(turn, p)];
  return scores.calmEnd
    ? {
        result: 'pass',
        evidence,
        reason: `few listed negative words, but the text model finds the customer upset at some point (${p}); the last turns are calm`,
        reasonCode: 'negativity.modelFell',
        reasonParams: { p },
        confidence: OVERRULED_CONFIDENCE,
      }
    : {
        result: 'fail',
        evidence,
        reason: `few listed negative words, but the text model finds the customer upset at some point (${p}); the last turns are still negative or give up`,
        reasonCode: 'negativity.modelStillHigh',
        reasonParams: { p },
        confidence: OVERRULED_CONFIDENCE,
      };
}

export function compileNegativity(
  block: NegativityBlock | undefined,
  lib: MatcherLibrary,
  language: MatchLanguage,
  models: ReadonlyMap<string, CompiledTextModel> = new Map(),
): NegativitySettings {
  return {
    model: compileGate(block?.model, models),
    lexicon: lib.matcher(block?.lexicon ?? DEFAULT_NEGATIVITY[language]),
    minPeak: block?.minPeak ?? DEFAULT_MIN_PEAK,
    segments: block?.segments ?? DEFAULT_SEGMENTS,
    strong: block?.strong === undefined ? null : lib.matcher(block.strong),
    calm: block?.calm === undefined ? null : lib.matcher(block.calm),
    negation: block?.negation === undefined ? null : lib.matcher(block.negation),
    resigned: block?.resigned === undefined ? null : lib.matcher(block.resigned),
    relief: block?.relief === undefined ? null : lib.matcher(block.relief),
    admitted: block?.admitted === undefined ? null : lib.matcher(block.admitted),
  };
}

export function detectNegativity(ctx: CallContext, config: NegativitySettings): DetectorOutcome {
  const overruled = byModel(ctx, config);
  if (overruled !== null) return overruled;
  const outcome = judgeNegativity(ctx, config);
  const { peak } = ctx.customerNegativity(config);
  // A peak near the line between "upset" and "not upset" is a judgement call.
  const borderline = Math.abs(peak - config.minPeak) <= 2.5;
  return { ...outcome, confidence: borderline ? 0.6 : 0.8 };
}

function judgeNegativity(ctx: CallContext, config: NegativitySettings): DetectorOutcome {
  const { start, peak, end } = ctx.customerNegativity(config);
  const evidence: Evidence[] =
    ctx.source.customerSentiment !== undefined
      ? [
          {
            turn: null,
            startMs: null,
            text: `customer negativity measured by the source: start ${start}, peak ${peak}, end ${end}`,
            value: end,
            measure: { code: 'sourceSentiment', params: { start, peak, end } },
          },
        ]
      : ctx
          .negativityWith(config)
          .hits.slice(0, MAX_EVIDENCE)
          .map((h) => ctx.evidence(h.turn, h.phrase));
  if (peak < config.minPeak) {
    return {
      result: 'na',
      evidence,
      reason: `customer negativity peaked at ${peak}, under ${config.minPeak}`,
      reasonCode: 'negativity.low',
      reasonParams: { peak, min: config.minPeak },
    };
  }
  if (end < config.minPeak && (end < peak || config.calm !== null)) {
    return {
      result: 'pass',
      evidence,
      reason: `customer negativity fell from a peak of ${peak} to ${end} by the end`,
      reasonCode: 'negativity.fell',
      reasonParams: { peak, end },
    };
  }
  return {
    result: 'fail',
    evidence,
    reason: `customer negativity was still ${end} at the end (peak ${peak})`,
    reasonCode: 'negativity.stillHigh',
    reasonParams: { peak, end },
  };
}
