/**
 * Which criteria a coaching plan focuses on (pure: plain rows in, ranked rows out).
 *
 * A criterion is a candidate when the agent has enough human answers on it (`minSample`) and
 * missed it at least once. Its weight is misses × (gap to the team + shortfall below the bar):
 *   gap       = max(0, teamRate − agentRate)   — the agent is behind the team;
 *   shortfall = max(0, BAR − agentRate)        — weak in absolute terms, even if the team is too.
 * The reason says which it is: `gap` (behind the team), `team` (the whole team is below the bar
 * and the agent is not clearly behind it: a team-wide weakness, coached as a team focus) or
 * `weak` (below the bar while at or above the team). So an agent who is best on a team that
 * shares a weakness still gets that weakness as a focus, and a plan never comes out empty while
 * the agent missed anything at all: with no weighted candidate, the lowest rate with a miss
 * becomes a `weak` focus. A criterion on two scorecards (voice and chat) is one focus.
 */
import type { CriterionRow } from '../analytics/profile.types';

export type FocusReason = 'gap' | 'team' | 'weak';

export interface FocusChoice {
  row: CriterionRow;
  reason: FocusReason;
  misses: number;
  weight: number;
}

/** The pass rate below which a criterion is a weakness whatever the team does. */
export const FOCUS_BAR = 0.8;
/** Behind the team by less than this counts as "with the team" (a team focus, not a gap). */
const CLEARLY_BEHIND = 0.05;
export const MAX_FOCUS = 3;

export function selectFocus(
  rows: readonly CriterionRow[],
  minSample: number,
  max = MAX_FOCUS,
): FocusChoice[] {
  const candidates = rows
    .filter((r) => r.agentTotal > 0 && r.agentTotal >= minSample && r.agentRate !== null)
    .map((row) => {
      const rate = row.agentRate!;
      const misses = row.agentTotal - row.agentPassed;
      const gap = row.teamRate === null ? 0 : Math.max(0, row.teamRate - rate);
      const shortfall = Math.max(0, FOCUS_BAR - rate);
      return {
        row,
        reason: reasonOf(rate, row.teamRate),
        misses,
        weight: misses * (gap + shortfall),
      };
    })
    .filter((c) => c.misses > 0);
  const weighted = candidates
    .filter((c) => c.weight > 0)
    .sort((a, b) => b.weight - a.weight || byRef(a.row, b.row));
  if (weighted.length > 0) return onePerKey(weighted).slice(0, max);
  const lowest = [...candidates].sort(
    (a, b) => a.row.agentRate! - b.row.agentRate! || b.misses - a.misses || byRef(a.row, b.row),
  );
  return lowest.slice(0, 1).map((c) => ({ ...c, reason: 'weak' as const }));
}

/**
 * One focus per criterion key: the same criterion on two scorecards (voice and chat) is one
 * behaviour to coach, kept where it weighs most (the list is sorted heaviest first).
 */
function onePerKey(choices: FocusChoice[]): FocusChoice[] {
  const seen = new Set<string>();
  return choices.filter((c) => !seen.has(c.row.key) && seen.add(c.row.key));
}

function reasonOf(rate: number, teamRate: number | null): FocusReason {
  if (teamRate !== null && teamRate - rate >= CLEARLY_BEHIND) return 'gap';
  if (teamRate !== null && teamRate < FOCUS_BAR && rate < FOCUS_BAR) return 'team';
  return rate < FOCUS_BAR ? 'weak' : 'gap';
}

function byRef(a: CriterionRow, b: CriterionRow): number {
  const x = `${a.scorecardKey}/${a.key}`;
  const y = `${b.scorecardKey}/${b.key}`;
  return x < y ? -1 : x > y ? 1 : 0;
}
