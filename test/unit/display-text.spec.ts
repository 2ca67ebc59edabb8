/**
 * Texts the program stored in English (why a call was queued, an import's metadata) shown in the
 * page's language: every reason the sampling plan writes reads as Korean in a Korean page and as
 * English in an English one; an unknown text is shown unchanged.
 */
import {
  metadataLabel,
  metadataValue,
  samplingReasonText,
} from '../../src/common/i18n/display-text';
import { planSample, type CandidateCall, type RuleToApply } from '../../src/queue/sampling-plan';

const call = (id: number, more: Partial<CandidateCall> = {}): CandidateCall => ({
  id,
  agentId: 1,
  channel: 'voice',
  language: 'ko',
  queue: 'billing',
  startedAt: new Date('2026-11-03T01:00:00Z'),
  metadata: { csat: 1 },
  criticalFailed: ['identity_verification'],
  ...more,
});

describe('stored program texts in the page language', () => {
  const kinds: RuleToApply[] = [
    { id: 1, kind: 'low_csat', params: { maxCsat: 2 } },
    { id: 2, kind: 'auto_critical_fail', params: {} },
    { id: 3, kind: 'queue', params: { queue: 'billing' } },
    { id: 4, kind: 'channel', params: { channel: 'voice' } },
    { id: 5, kind: 'random_per_agent_week', params: { perWeek: 3 } },
    { id: 6, kind: 'queue', params: { queue: 'billing', perWeek: 1 } },
    { id: 7, kind: 'channel', params: { channel: 'voice', perWeek: 2 } },
  ];

  it.each(kinds)('translates the reason of a $kind rule $params', (rule) => {
    const picks = planSample([rule], [call(1), call(2), call(3)]);
    expect(picks.length).toBeGreaterThan(0);
    for (const pick of picks) {
      const ko = samplingReasonText('ko', pick);
      expect(ko).toMatch(/[\uAC00-\uD7A3]/);
      // What is left in Latin letters is data (queue, criterion key) or CSAT, never prose.
      const words = ko.replace(/\d{4}-W\d+/g, '').match(/[A-Za-z][A-Za-z_]*/g) ?? [];
      expect(
        words.filter((w) => !['CSAT', 'billing', 'identity_verification'].includes(w)),
      ).toEqual([]);
      expect(ko).not.toContain('{');
      const en = samplingReasonText('en', pick);
      expect(en).not.toMatch(/[\uAC00-\uD7A3{]/);
      // The stored English words of an item queued before codes read the same.
      expect(samplingReasonText('ko', { reason: pick.reason })).toBe(ko);
    }
  });

  it('reads the code and its values, not the English words', () => {
    const stored = {
      reason: 'worded some other way',
      reasonCode: 'channelQuota',
      reasonParams: { n: 2, channel: 'chat', week: '2026-W45' },
    };
    expect(samplingReasonText('ko', stored)).toBe('상담사별 주 2건, 채팅 (2026-W45)');
    expect(samplingReasonText('en', stored)).toBe('2 Chat per agent per week (2026-W45)');
    const long = planSample(
      [{ id: 2, kind: 'auto_critical_fail', params: {} }],
      [call(1, { criticalFailed: Array.from({ length: 30 }, (_, i) => `criterion_${i}`) })],
    )[0];
    expect(long.reason.endsWith('…')).toBe(true);
    expect(samplingReasonText('ko', long)).toContain('criterion_29');
  });

  it('keeps the numbers and the week of a quota reason', () => {
    expect(
      samplingReasonText('ko', { reason: '3 random calls per agent per week (2026-W45)' }),
    ).toBe('상담사별 주 3건 무작위 (2026-W45)');
    expect(
      samplingReasonText('ko', { reason: '2 voice calls per agent per week (2026-W45)' }),
    ).toBe('상담사별 주 2건, 음성 (2026-W45)');
    expect(samplingReasonText('ko', { reason: 'CSAT 1 ≤ 2' })).toBe('CSAT 1점 ≤ 2점');
  });

  it('shows a text of unknown shape unchanged', () => {
    expect(samplingReasonText('ko', { reason: 'picked by hand' })).toBe('picked by hand');
  });

  it('labels known metadata keys and yes/no values, and leaves other keys as they are', () => {
    expect(metadataLabel('ko', 'fcr')).toBe('첫 통화 해결');
    expect(metadataLabel('en', 'csat')).toBe('CSAT');
    expect(metadataLabel('ko', 'crm_ticket')).toBe('crm_ticket');
    expect(metadataValue('ko', true)).toBe('예');
    expect(metadataValue('en', false)).toBe('No');
    expect(metadataValue('ko', 4)).toBe('4');
    expect(metadataValue('ko', { a: 1 })).toBe('{"a":1}');
  });
});
