import type { CriterionRow } from '../../../src/analytics/profile.types';
import { FOCUS_BAR, selectFocus } from '../../../src/coaching/focus-selection';

/** A criterion row with the agent's and the team's passes out of ten answers each. */
function row(key: string, agentPassed: number, teamPassed: number, total = 10): CriterionRow {
  return {
    scorecardKey: 'voice-ko',
    key,
    label: key,
    section: 'script_adherence',
    agentPassed,
    agentTotal: total,
    agentRate: total === 0 ? null : agentPassed / total,
    teamPassed: teamPassed * 4,
    teamTotal: total * 4,
    teamRate: total === 0 ? null : teamPassed / total,
    autoRate: null,
    autoPassed: 0,
    autoTotal: 0,
  };
}

const keys = (rows: CriterionRow[], minSample = 5) =>
  selectFocus(rows, minSample).map((c) => `${c.row.key}:${c.reason}`);

describe('selectFocus', () => {
  it('puts the widest gap to the team on many calls first', () => {
    expect(keys([row('greeting', 9, 9), row('summary', 3, 9), row('closing', 7, 9)])).toEqual([
      'summary:gap',
      'closing:gap',
    ]);
  });

  it("gives the team's best agent the weakness the whole team shares, as a team focus", () => {
    // Best on every criterion but 'anything_else', where everyone is at about half.
    const best = [row('greeting', 10, 8), row('empathy', 10, 7), row('anything_else', 5, 5)];
    expect(keys(best)).toEqual(['anything_else:team']);
  });

  it('finds a weakness where the agent is not behind the team', () => {
    // 6/10 with the team at 5/10: the whole team is below the bar, a team focus.
    expect(selectFocus([row('summary', 6, 5), row('greeting', 10, 10)], 5)).toMatchObject([
      { reason: 'team', misses: 4 },
    ]);
    // 79 % with the team at 82 %: barely behind a team above the bar, but below the bar itself.
    const close = [row('summary', 79, 82, 100)];
    expect(close[0].agentRate).toBeLessThan(FOCUS_BAR);
    expect(keys(close)).toEqual(['summary:weak']);
  });

  it('ranks a shared weakness beside a personal one by misses × (gap + shortfall)', () => {
    const rows = [
      row('identity_verification', 2, 9),
      row('anything_else', 5, 5),
      row('hold', 8, 9),
    ];
    // identity: 8 × (0.7 + 0.6) = 10.4; anything_else: 5 × 0.3 = 1.5; hold: 2 × 0.1 = 0.2.
    expect(keys(rows)).toEqual(['identity_verification:gap', 'anything_else:team', 'hold:gap']);
  });

  it('keeps at most three and leaves out criteria with too few answers', () => {
    const rows = [
      row('a', 1, 9),
      row('b', 2, 9),
      row('c', 3, 9),
      row('d', 4, 9),
      row('rare', 0, 9, 3), // 3 answers < minSample 5
    ];
    expect(keys(rows)).toEqual(['a:gap', 'b:gap', 'c:gap']);
  });

  it('still names one focus for an agent above the bar and the team, with a miss', () => {
    const rows = [row('greeting', 9, 8), row('closing', 10, 9), row('summary', 9, 9)];
    const chosen = selectFocus(rows, 5);
    expect(chosen).toHaveLength(1);
    expect(chosen[0]).toMatchObject({ reason: 'weak', misses: 1 });
    expect(chosen[0].row.key).toBe('greeting');
  });

  it('has nothing to focus on when the agent missed nothing (and says so, rather than inventing)', () => {
    expect(selectFocus([row('greeting', 10, 6), row('closing', 10, 9)], 5)).toEqual([]);
    expect(selectFocus([], 5)).toEqual([]);
  });

  it('names a criterion once when it is weak on two scorecards, where it weighs most', () => {
    const chat = { ...row('summary', 4, 9), scorecardKey: 'chat-ko' };
    const chosen = selectFocus([row('summary', 2, 9), chat, row('closing', 6, 9)], 5);
    expect(chosen.map((c) => `${c.row.scorecardKey}:${c.row.key}`)).toEqual([
      'voice-ko:summary',
      'voice-ko:closing',
    ]);
  });

  it('is deterministic: equal weights are ordered by scorecard and key', () => {
    const rows = [row('b', 5, 9), row('a', 5, 9)];
    expect(keys(rows)).toEqual(['a:gap', 'b:gap']);
    expect(keys([...rows].reverse())).toEqual(['a:gap', 'b:gap']);
  });
});
