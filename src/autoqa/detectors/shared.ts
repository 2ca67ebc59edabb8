/** Small pieces the detectors share: evidence limits and reason wording. */
import type { DetectorOutcome } from '../autoqa.types';

/** Detectors that can find many matching turns quote at most this many. */
export const MAX_EVIDENCE = 10;

/** An answer where a text model overrules the phrase lists is a judgement call: for a person. */
export const OVERRULED_CONFIDENCE = 0.6;

export const NOT_ON_CHAT: DetectorOutcome = {
  result: 'na',
  evidence: [],
  reason: 'not measured on chat',
  reasonCode: 'notOnChat',
};

/** `an agent turn`, `a customer turn`, `a turn`. */
export function withArticle(text: string): string {
  return `${/^[aeiou]/i.test(text) ? 'an' : 'a'} ${text}`;
}

/** `"thank you", "hello" …` for a reason, the first few phrases only. */
export function listPhrases(phrases: readonly string[], max = 2): string {
  // Patterns are for the engine; a person reads the plain phrases of the list.
  const plain = phrases.filter((p) => !p.startsWith('re:'));
  if (plain.length === 0) return 'a listed pattern';
  const shown = plain.slice(0, max).map((p) => `"${p}"`);
  return plain.length > max || plain.length < phrases.length
    ? `${shown.join(', ')} …`
    : shown.join(', ');
}

/** m:ss of a time offset. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}
