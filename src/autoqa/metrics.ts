/**
 * Call metrics, computed for every call whatever the criteria: the scorecard's detector
 * settings when it has a block of that kind (the first one), else the README defaults.
 * `sourceMetrics` replace the measured interruptions, longest silence, talk ratio and
 * negativity. On chat, interruptions and silences are 0 and the talk ratio is null unless the
 * source gave them.
 */
import type { AutoBlock, AutoQaMetrics, CountBlock, DetectorName } from './autoqa.types';
import {
  compileScope,
  type CallContext,
  type CompiledScope,
  type InterruptionSettings,
} from './detectors/context';
import { countOccurrences } from './detectors/count';
import { DEFAULT_APOLOGIES } from './detectors/defaults';
import { compileInterruptionSettings } from './detectors/interruptions';
import { compileNegativity } from './detectors/negativity';
import { compileSilenceMetric, longSilences, type SilenceConfig } from './detectors/silence';
import type { NegativitySettings } from './detectors/context';
import type { MatchLanguage, MatcherLibrary, PhraseMatcher } from './text-match';

export interface MetricsConfig {
  interruptions: { settings: InterruptionSettings; key: string };
  silence: SilenceConfig;
  apologies: { matcher: PhraseMatcher; scope: CompiledScope };
  negativity: NegativitySettings;
}

/** The scorecard's valid blocks, in scorecard order, with their criterion keys. */
export interface KeyedBlock {
  key: string;
  block: AutoBlock;
}

export function compileMetrics(
  blocks: readonly KeyedBlock[],
  lib: MatcherLibrary,
  language: MatchLanguage,
): MetricsConfig {
  const apologies = blocks.find(
    (b): b is { key: string; block: CountBlock } =>
      b.block.detector === 'count' && b.key.includes('apolog'),
  )?.block;
  return {
    interruptions: compileInterruptionSettings(firstOf(blocks, 'interruptions'), lib, language),
    silence: compileSilenceMetric(firstOf(blocks, 'silence'), lib, language),
    apologies:
      apologies === undefined
        ? {
            matcher: lib.matcher(DEFAULT_APOLOGIES[language]),
            scope: compileScope(undefined, undefined),
          }
        : {
            matcher: lib.matcher(apologies.anyOf),
            scope: compileScope(apologies.speaker, apologies.window),
          },
    // The per-turn marks are the lexicon's; the text model answers for the whole call.
    negativity: compileNegativity(lexiconOnly(firstOf(blocks, 'negativity')), lib, language),
  };
}

function lexiconOnly(block: BlockOf<'negativity'> | undefined): BlockOf<'negativity'> | undefined {
  return block === undefined ? undefined : { ...block, model: undefined };
}

type BlockOf<D extends DetectorName> = Extract<AutoBlock, { detector: D }>;

function isDetector<D extends DetectorName>(block: AutoBlock, detector: D): block is BlockOf<D> {
  return block.detector === detector;
}

/** The scorecard's first block of a kind (its settings drive the metric of that kind). */
export function firstOf<D extends DetectorName>(
  blocks: readonly KeyedBlock[],
  detector: D,
): BlockOf<D> | undefined {
  for (const { block } of blocks) if (isDetector(block, detector)) return block;
  return undefined;
}

/** Negative turns kept with a call's metrics (a 3-hour row would otherwise grow unbounded). */
const MAX_NEGATIVE_TURNS = 200;

export function computeMetrics(ctx: CallContext, config: MetricsConfig): AutoQaMetrics {
  const source = ctx.source;
  const voice = ctx.voice;
  const measuredInterruptions = ctx.timed
    ? ctx.interruptionsWith(config.interruptions.settings, config.interruptions.key).length
    : 0;
  const ratio = source.agentTalkRatio ?? (voice ? ctx.measuredTalkRatio() : null);
  return {
    interruptions: source.interruptions ?? measuredInterruptions,
    longestSilenceMs: source.longestSilenceMs ?? (voice ? ctx.longestGapMs() : 0),
    unannouncedSilences: voice ? longSilences(ctx, config.silence).filter((s) => !s.ok).length : 0,
    agentTalkRatio: ratio === null ? null : Math.round(ratio * 1000) / 1000,
    apologies: countOccurrences(ctx, config.apologies.matcher, config.apologies.scope).total,
    customerNegativity: ctx.customerNegativity(config.negativity),
    negativeTurns: ctx
      .negativityWith(config.negativity)
      .perTurn.filter((t) => t.score > 0)
      .slice(0, MAX_NEGATIVE_TURNS),
  };
}
