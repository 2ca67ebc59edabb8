import { listStatuses } from '../../../src/queue/queue-rows';
import { quotaUsed, withCriticalFailures } from '../../../src/queue/sampling-inputs';
import type { CandidateCall } from '../../../src/queue/sampling-plan';

const call = (id: number): CandidateCall => ({
  id,
  agentId: 1,
  channel: 'voice',
  language: 'ko',
  queue: 'general',
  startedAt: new Date('2026-11-17T01:00:00Z'),
  metadata: null,
});

describe('what sampling reads before it plans', () => {
  it('gives a call the failed critical criteria of its latest auto evaluation, and no other call any', () => {
    const breakdown = {
      criticalFailed: true,
      sections: [
        { criteria: [{ key: 'identity_verification', criticalFailed: true }, { key: 'greeting' }] },
      ],
    };
    const calls = withCriticalFailures(
      [call(1), call(2), call(3)],
      [
        { interactionId: 1, breakdown },
        // The cheap LIKE filter let it through, but nothing critical failed.
        { interactionId: 2, breakdown: { criticalFailed: false, sections: [] } },
      ],
    );
    expect(calls.map((c) => c.criticalFailed)).toEqual([
      ['identity_verification'],
      undefined,
      undefined,
    ]);
  });

  it("counts each quota rule's calls per agent and ISO week, and every asked rule has an entry", () => {
    const used = quotaUsed(
      [10, 11],
      [
        { ruleId: 10, agentId: 1, startedAt: new Date('2026-11-16T09:00:00Z') }, // Monday
        { ruleId: 10, agentId: 1, startedAt: new Date('2026-11-22T09:00:00Z') }, // Sunday, same week
        { ruleId: 10, agentId: 1, startedAt: new Date('2026-11-23T09:00:00Z') }, // next week
        { ruleId: 10, agentId: 2, startedAt: new Date('2026-11-16T09:00:00Z') },
      ],
    );
    expect([...used.get(10)!.values()].sort()).toEqual([1, 1, 2]);
    expect(used.get(11)!.size).toBe(0);
  });
});

describe('the statuses a queue list selects', () => {
  it('reads pending as open and in progress, any as every status', () => {
    expect(listStatuses({ status: 'pending', overdue: false })).toEqual(['open', 'in_progress']);
    expect(listStatuses({ status: 'any', overdue: false })).toBeNull();
    expect(listStatuses({ status: 'done', overdue: false })).toEqual(['done']);
  });

  it('keeps only work still to do when overdue is asked, and matches nothing for done work', () => {
    expect(listStatuses({ status: 'any', overdue: true })).toEqual(['open', 'in_progress']);
    expect(listStatuses({ status: 'open', overdue: true })).toEqual(['open']);
    expect(listStatuses({ status: 'done', overdue: true })).toEqual(['none']);
  });
});
