import type { KeyedTurn } from './speaker-roles';

/** A word (with any punctuation that follows it already attached), or an utterance. */
export interface TimedToken {
  key: string;
  startMs: number;
  endMs: number;
  text: string;
}

/** A pause longer than this starts a new turn even when the same person goes on talking. */
export const MAX_PAUSE_MS = 1500;

/**
 * Joins consecutive tokens of one speaker into turns, with a space between tokens; a new turn
 * starts when the speaker changes or after a pause of more than `maxPauseMs`.
 */
export function joinTokens(
  tokens: readonly TimedToken[],
  maxPauseMs: number = MAX_PAUSE_MS,
): KeyedTurn[] {
  const turns: KeyedTurn[] = [];
  let current: KeyedTurn | undefined;
  for (const token of tokens) {
    if (
      current !== undefined &&
      current.key === token.key &&
      token.startMs - current.endMs <= maxPauseMs
    ) {
      current.text = `${current.text} ${token.text}`;
      current.startMs = Math.min(current.startMs, token.startMs);
      current.endMs = Math.max(current.endMs, token.endMs);
    } else {
      current = { key: token.key, startMs: token.startMs, endMs: token.endMs, text: token.text };
      turns.push(current);
    }
  }
  return turns;
}

/**
 * For one token stream per channel (dual-channel recordings): each channel's words become turns
 * on their own (split by pauses), so speech that overlaps across channels stays overlapping
 * instead of being chopped into alternating fragments.
 */
export function joinChannels(
  channels: ReadonlyArray<readonly TimedToken[]>,
  maxPauseMs: number = MAX_PAUSE_MS,
): KeyedTurn[] {
  return channels
    .flatMap((tokens) => joinTokens(tokens, maxPauseMs))
    .sort((a, b) => a.startMs - b.startMs);
}
