import {
  countsInResults,
  evaluatorHistory,
  type ClosedSessionScores,
} from '../../../src/calibration/calibration-results';

const closedAt = new Date('2026-11-10T12:00:00Z');
const submitted = (at: string) => ({ status: 'submitted', submittedAt: new Date(at) });

describe('whose evaluation counts in a calibration session', () => {
  it('counts one submitted before the session closed, not a draft nor one submitted after', () => {
    expect(countsInResults(submitted('2026-11-10T11:00:00Z'), closedAt)).toBe(true);
    expect(countsInResults(submitted('2026-11-10T13:00:00Z'), closedAt)).toBe(false);
    expect(countsInResults({ status: 'draft', submittedAt: null }, closedAt)).toBe(false);
    expect(countsInResults(null, closedAt)).toBe(false);
  });
});

describe("each evaluator's deviation history", () => {
  const session = (
    id: number,
    scores: [number, string, number, string][],
  ): ClosedSessionScores => ({
    sessionId: id,
    closedAt,
    expertId: 1,
    scores: scores.map(([userId, name, overallScore, at]) => ({
      userId,
      name,
      overallScore,
      evaluation: submitted(at),
    })),
  });
  const sessions = [
    session(1, [
      [1, 'Expert', 80, '2026-11-10T10:00:00Z'],
      [2, 'Bora', 70, '2026-11-10T10:00:00Z'],
      [3, 'Ahn', 95, '2026-11-10T10:00:00Z'],
    ]),
    // Bora submitted after an admin closed it: left out of that session.
    session(2, [
      [1, 'Expert', 80, '2026-11-10T10:00:00Z'],
      [2, 'Bora', 10, '2026-11-10T13:00:00Z'],
    ]),
  ];

  it('leaves the expert out, skips late submissions and sorts by name', () => {
    const history = evaluatorHistory(sessions, null);
    expect(history.map((h) => h.name)).toEqual(['Ahn', 'Bora']);
    const bora = history.find((h) => h.name === 'Bora')!;
    expect(bora.series.map((p) => p.sessionId)).toEqual([1]);
  });

  it('gives an evaluator only their own line', () => {
    expect(evaluatorHistory(sessions, 2).map((h) => h.evaluatorId)).toEqual([2]);
  });
});
