/**
 * A detector's scope — who it listens to and in which window of the call — compiled once,
 * applied to a call's turns, and described in words for its reasons.
 */
import type { TranscriptTurn } from '../../transcripts/transcript';
import type { AutoSpeaker, AutoWindow } from '../autoqa.types';

/** Who and when a detector looks at; `key` identifies it in the per-call memo. */
export interface CompiledScope {
  speaker: AutoSpeaker;
  window: AutoWindow | undefined;
  key: string;
}

export function compileScope(
  speaker: AutoSpeaker | undefined,
  window: AutoWindow | undefined,
  defaultSpeaker: AutoSpeaker = 'agent',
): CompiledScope {
  const who = speaker ?? defaultSpeaker;
  return {
    speaker: who,
    window,
    key: `${who}:${window === undefined ? '' : JSON.stringify(window)}`,
  };
}

/**
 * The indexes of the turns a scope covers: the window over all turns, then the speaker. An
 * `afterCondition` window is cut later by the detector, which knows where its condition held.
 */
export function turnsInScope(
  turns: readonly TranscriptTurn[],
  { speaker, window }: CompiledScope,
): number[] {
  const n = turns.length;
  let from = 0;
  let to = n;
  let keep: ((t: TranscriptTurn) => boolean) | null = null;
  if (window !== undefined) {
    if ('afterCondition' in window) {
      // cut by the detector, which knows where its condition held (turnsIn)
    } else if ('firstTurns' in window) to = Math.min(n, window.firstTurns);
    else if ('lastTurns' in window) from = Math.max(0, n - window.lastTurns);
    else if ('firstSeconds' in window) {
      const limit = window.firstSeconds * 1000;
      keep = (t) => t.startMs < limit;
    } else {
      let end = -Infinity;
      for (const t of turns) end = Math.max(end, t.endMs, t.startMs);
      const limit = end - window.lastSeconds * 1000;
      keep = (t) => Math.max(t.endMs, t.startMs) > limit;
    }
  }
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    const t = turns[i];
    if (speaker !== 'any' && t.speaker !== speaker) continue;
    if (keep !== null && !keep(t)) continue;
    out.push(i);
  }
  return out;
}

/** `agent turn`, `customer turn`, `turn` with the window: `agent turn in the first 30 s`. */
export function describeScope(scope: CompiledScope, plural = false): string {
  const who = scope.speaker === 'any' ? '' : `${scope.speaker} `;
  return `${who}turn${plural ? 's' : ''}${describeWindow(scope.window)}`;
}

export function describeWindow(window: AutoWindow | undefined): string {
  if (window === undefined) return '';
  if ('firstSeconds' in window) return ` in the first ${window.firstSeconds} s`;
  if ('lastSeconds' in window) return ` in the last ${window.lastSeconds} s`;
  if ('afterCondition' in window) return ' after the condition';
  if ('firstTurns' in window) return ` in the first ${count(window.firstTurns, 'turn')}`;
  return ` in the last ${count(window.lastTurns, 'turn')}`;
}

/** `1 turn`, `3 turns`; the first/last 1 turn reads `the first turn`. */
function count(n: number, noun: string): string {
  return n === 1 ? noun : `${n} ${noun}s`;
}
