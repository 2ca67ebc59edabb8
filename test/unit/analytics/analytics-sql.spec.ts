import { countWhere } from '../../../src/analytics/analytics-sql';

const period = { from: '2026-11-02', to: '2026-11-08' };

describe('the counts filter (one builder for the roll-up and the answers)', () => {
  it('names the same filter in the roll-up columns and in the answers join', () => {
    const filter = { scorecardKey: 'voice-ko', source: 'human' as const };
    const rollup = countWhere({ teamIds: [3, 4] }, period, filter, 'rollup')!;
    const answers = countWhere({ teamIds: [3, 4] }, period, filter, 'answers')!;
    expect(rollup.where).toEqual([
      `"day" >= :from`,
      `"day" <= :to`,
      `"teamId" IN (:...teamIds)`,
      `"scorecardKey" = :scorecardKey`,
      `"source" = :source`,
    ]);
    expect(answers.where.slice(2)).toEqual([
      `"ag"."teamId" IN (:...teamIds)`,
      `"s"."key" = :scorecardKey`,
      `CASE WHEN "e"."kind" = 'auto' THEN 'auto' ELSE 'human' END = :source`,
    ]);
    expect(rollup.params).toMatchObject({ from: '2026-11-02', to: '2026-11-08', teamIds: [3, 4] });
    // The answers are read by the call's start: the whole last day is in.
    expect(answers.params).toMatchObject({
      start: new Date('2026-11-02T00:00:00Z'),
      end: new Date('2026-11-09T00:00:00Z'),
      scorecardKey: 'voice-ko',
      source: 'human',
    });
  });

  it('reads one agent, or every team (null), and nothing at all for no team', () => {
    expect(countWhere({ agentId: 7 }, period, {}, 'rollup')!.where).toContain(
      `"agentId" = :agentId`,
    );
    expect(countWhere({ teamIds: null }, period, {}, 'answers')!.where).toHaveLength(2);
    expect(countWhere({ teamIds: [] }, period, {}, 'rollup')).toBeNull();
  });
});
