/**
 * `interruptions`: agent turns that start at least `overlapMs` before the end of the customer
 * turn in progress, backchannels excluded, number at most `max`. N/A on chat.
 */
import type { DetectorOutcome, InterruptionsBlock } from '../autoqa.types';
import type { MatchLanguage, MatcherLibrary } from '../text-match';
import { CallContext, InterruptionSettings, plural } from './context';
import { DEFAULT_BACKCHANNELS, DEFAULT_OVERLAP_MS } from './defaults';
import { NOT_ON_CHAT } from './shared';
import { form } from '../reason-codes';

export interface InterruptionsConfig {
  settings: InterruptionSettings;
  /** Identifies the settings in the per-call memo (shared with the metrics). */
  key: string;
  max: number;
}

export function compileInterruptionSettings(
  block: InterruptionsBlock | undefined,
  lib: MatcherLibrary,
  language: MatchLanguage,
): { settings: InterruptionSettings; key: string } {
  const overlapMs = block?.overlapMs ?? DEFAULT_OVERLAP_MS;
  const backchannels = block?.backchannels ?? DEFAULT_BACKCHANNELS[language];
  return {
    settings: { overlapMs, backchannels: lib.whole(backchannels) },
    key: `${overlapMs}:${JSON.stringify(backchannels)}`,
  };
}

export function compileInterruptions(
  block: InterruptionsBlock,
  lib: MatcherLibrary,
  language: MatchLanguage,
): InterruptionsConfig {
  return { ...compileInterruptionSettings(block, lib, language), max: block.max ?? 0 };
}

export function detectInterruptions(
  ctx: CallContext,
  config: InterruptionsConfig,
): DetectorOutcome {
  if (!ctx.timed) return NOT_ON_CHAT; // a chat of send times cannot show an overlap
  const { max } = config;
  const source = ctx.source.interruptions;
  if (source !== undefined) {
    return {
      result: source <= max ? 'pass' : 'fail',
      evidence: [
        {
          turn: null,
          startMs: null,
          text: 'interruptions measured by the source',
          value: source,
          measure: { code: 'sourceInterruptions' },
        },
      ],
      reason: `the source measured ${plural(source, 'interruption')} (at most ${max} allowed)`,
      reasonCode: `interruptions.source.${form(source)}`,
      reasonParams: { n: source, max },
    };
  }
  const found = ctx.interruptionsWith(config.settings, config.key);
  const evidence = found.map((x) => ({
    ...ctx.evidence(x.turn, x.overlapMs),
    unit: 'ms' as const,
  }));
  const what = `${config.settings.overlapMs} ms or more before the customer finished`;
  if (found.length === 0) {
    return {
      result: 'pass',
      evidence,
      reason: `no agent turn starts ${what}`,
      reasonCode: 'interruptions.none',
      reasonParams: { overlap: config.settings.overlapMs },
      confidence: 0.9,
    };
  }
  const verb = found.length === 1 ? 'starts' : 'start';
  // Overlaps just past the line depend on the transcript's time stamps.
  const borderline = found.every((x) => x.overlapMs < 2 * config.settings.overlapMs);
  return {
    result: found.length <= max ? 'pass' : 'fail',
    evidence,
    reason: `${plural(found.length, 'agent turn')} ${verb} ${what} (at most ${max} allowed)`,
    reasonCode: `interruptions.found.${form(found.length)}`,
    reasonParams: { n: found.length, overlap: config.settings.overlapMs, max },
    confidence: borderline ? 0.65 : 0.95,
  };
}
