/**
 * A team's suggested focus for a week: the criterion failed in the most of the week's worst
 * chats (each chat counted once; its human answers when it has any, else auto-QA's; a call's
 * latest answer counts, N/A is neither); a tie goes to the first scorecard and criterion key.
 * Pure.
 */
export interface FocusAnswer {
  interactionId: number;
  source: 'human' | 'auto';
  scorecardKey: string;
  criterionKey: string;
  passed: boolean | null;
}

export interface FocusSuggestion {
  scorecardKey: string;
  criterionKey: string;
  /** The worst chats that failed it (interaction ids) and how many worst chats were read. */
  failedIn: number[];
  of: number;
}

export function suggestFocus(
  worstChatIds: readonly number[],
  answers: readonly FocusAnswer[],
): FocusSuggestion | null {
  const worst = new Set(worstChatIds);
  // chat → source → "scorecard\u0000criterion" → latest answer
  const latest = new Map<number, Record<'human' | 'auto', Map<string, boolean | null>>>();
  for (const a of answers) {
    if (!worst.has(a.interactionId)) continue;
    const chat = latest.get(a.interactionId) ?? { human: new Map(), auto: new Map() };
    chat[a.source].set(`${a.scorecardKey}\u0000${a.criterionKey}`, a.passed);
    latest.set(a.interactionId, chat);
  }
  const failedIn = new Map<string, number[]>();
  for (const [id, chat] of latest) {
    const read = chat.human.size > 0 ? chat.human : chat.auto;
    for (const [key, passed] of read) {
      if (passed === false) failedIn.set(key, [...(failedIn.get(key) ?? []), id]);
    }
  }
  const ranked = [...failedIn.entries()].sort(
    ([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : a > b ? 1 : 0),
  );
  if (ranked.length === 0) return null;
  const [key, ids] = ranked[0];
  const [scorecardKey, criterionKey] = key.split('\u0000');
  return { scorecardKey, criterionKey, failedIn: ids.sort((a, b) => a - b), of: worst.size };
}
