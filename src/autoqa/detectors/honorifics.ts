/**
 * `honorifics` (Korean): the agent's honorific slips with the corrected form
 * (src/autoqa/honorific-slips.ts); passes with at most `max` (default 0). Evidence: each slip's
 * turn, with "as said → corrected" as its value.
 */
import type { DetectorOutcome, Evidence, HonorificsBlock } from '../autoqa.types';
import { findHonorificSlips } from '../honorific-slips';
import type { CallContext } from './context';

export interface HonorificsConfig {
  max: number;
}

export function compileHonorifics(block: HonorificsBlock): HonorificsConfig {
  return { max: block.max ?? 0 };
}

export function detectHonorifics(ctx: CallContext, config: HonorificsConfig): DetectorOutcome {
  const slips = findHonorificSlips(ctx.turns);
  const evidence: Evidence[] = slips.map((s) =>
    ctx.evidence(s.turn, `${s.found} → ${s.corrected}`),
  );
  const n = slips.length;
  if (n === 0) {
    return {
      result: 'pass',
      evidence,
      reason: 'the agent makes no honorific slip',
      reasonCode: 'honorifics.none',
      confidence: 0.7,
    };
  }
  if (n <= config.max) {
    return {
      result: 'pass',
      evidence,
      reason: `the agent makes ${n} honorific slips, within ${config.max}`,
      reasonCode: 'honorifics.within',
      reasonParams: { n, max: config.max },
      confidence: 0.7,
    };
  }
  if (n === 1) {
    const [s] = slips;
    return {
      result: 'fail',
      evidence,
      reason: `the agent says "${s.found}" (correct: "${s.corrected}")`,
      reasonCode: 'honorifics.one',
      reasonParams: { found: s.found, corrected: s.corrected },
      // One slip found by a word list can be speech-to-text's doing: worth a look.
      confidence: 0.7,
    };
  }
  return {
    result: 'fail',
    evidence,
    reason: `the agent makes ${n} honorific slips, more than ${config.max}`,
    reasonCode: 'honorifics.many',
    reasonParams: { n, max: config.max },
    confidence: 0.85,
  };
}
