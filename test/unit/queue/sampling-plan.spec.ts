import { assignAll, chooseEvaluator } from '../../../src/queue/assignment';
import {
  CandidateCall,
  checkParams,
  csatOf,
  planSample,
  RuleParamError,
  RuleToApply,
} from '../../../src/queue/sampling-plan';

const call = (id: number, over: Partial<CandidateCall> = {}): CandidateCall => ({
  id,
  agentId: 1,
  channel: 'voice',
  language: 'ko',
  queue: 'general',
  startedAt: new Date('2026-11-17T01:00:00Z'),
  metadata: null,
  ...over,
});

describe('sampling rule parameters', () => {
  it('takes numbers given as text and drops blank optional ones', () => {
    expect(checkParams('random_per_agent_week', { perWeek: '3' })).toEqual({ perWeek: 3 });
    expect(checkParams('queue', { queue: ' billing ', perWeek: '' })).toEqual({ queue: 'billing' });
    expect(checkParams('auto_critical_fail', undefined)).toEqual({});
  });

  it.each([
    ['random_per_agent_week', {}, 'params.perWeek'],
    ['random_per_agent_week', { perWeek: 1.5 }, 'params.perWeek'],
    ['low_csat', { maxCsat: 'low' }, 'params.maxCsat'],
    ['channel', { channel: 'fax' }, 'params.channel'],
    ['auto_critical_fail', { perWeek: 2 }, 'params.perWeek'],
  ] as const)('%s %j is refused naming %s', (kind, params, field) => {
    expect(() => checkParams(kind, params)).toThrow(
      expect.objectContaining({ field }) as RuleParamError,
    );
  });

  it('reads CSAT as a number or numeric text, nothing else', () => {
    expect(csatOf({ csat: 2 })).toBe(2);
    expect(csatOf({ csat: ' 1.5 ' })).toBe(1.5);
    expect(csatOf({ csat: 'n/a' })).toBeNull();
    expect(csatOf({ csat: true })).toBeNull();
    expect(csatOf(null)).toBeNull();
  });
});

describe('planSample', () => {
  const random: RuleToApply = { id: 7, kind: 'random_per_agent_week', params: { perWeek: 2 } };

  it('picks the same calls for the same data, N per agent per week, counting earlier picks', () => {
    const calls = [1, 2, 3, 4, 5, 6].map((id) => call(id, { agentId: id <= 4 ? 1 : 2 }));
    const first = planSample([random], calls);
    expect(planSample([random], [...calls].reverse())).toEqual(first);
    expect(first.filter((p) => p.interactionId <= 4)).toHaveLength(2);
    expect(first.filter((p) => p.interactionId > 4)).toHaveLength(2);
    expect(first[0].reason).toBe('2 random calls per agent per week (2026-W47)');
    const used = new Map([[7, new Map([['1|2026-W47', 1]])]]);
    expect(planSample([random], calls, used).filter((p) => p.interactionId <= 4)).toHaveLength(1);
  });

  it('lets the every-call rules go first, so a low-CSAT call is queued for its CSAT', () => {
    const low: RuleToApply = { id: 9, kind: 'low_csat', params: { maxCsat: 2 } };
    const calls = [call(1, { metadata: { csat: 1 } }), call(2)];
    const picks = planSample([random, low], calls);
    expect(picks).toEqual([
      {
        interactionId: 1,
        ruleId: 9,
        reason: 'CSAT 1 ≤ 2',
        reasonCode: 'lowCsat',
        reasonParams: { csat: 1, max: 2 },
      },
      {
        interactionId: 2,
        ruleId: 7,
        reason: '2 random calls per agent per week (2026-W47)',
        reasonCode: 'randomQuota',
        reasonParams: { n: 2, week: '2026-W47' },
      },
    ]);
  });

  it('names the failed critical criteria', () => {
    const critical: RuleToApply = { id: 1, kind: 'auto_critical_fail', params: {} };
    const picks = planSample(
      [critical],
      [call(1, { criticalFailed: ['identity_verification', 'no_rude_language'] }), call(2)],
    );
    expect(picks.map((p) => p.reason)).toEqual([
      'auto-QA: critical criterion failed: identity_verification, no_rude_language',
    ]);
  });
});

describe('assignment', () => {
  it('balances, and keeps evaluators off their own team only when asked', () => {
    const evaluators = [
      { id: 1, teamId: 10, load: 0 },
      { id: 2, teamId: null, load: 0 },
      { id: 3, teamId: null, load: 0 },
    ];
    const items = Array.from({ length: 6 }, () => ({ agentTeamId: null }));
    const given = assignAll(items, evaluators, true).map((a) => a.assignment.evaluatorId);
    expect(given).toEqual([1, 2, 3, 1, 2, 3]);
    expect(chooseEvaluator(evaluators, 10, true)).toEqual({ evaluatorId: 2 });
    expect(chooseEvaluator(evaluators, 10, false)).toEqual({ evaluatorId: 1 });
    expect(chooseEvaluator([evaluators[0]], 10, true)).toEqual({
      evaluatorId: null,
      why: 'own_team',
    });
    expect(chooseEvaluator([], null, true)).toEqual({ evaluatorId: null, why: 'no_evaluators' });
  });
});
