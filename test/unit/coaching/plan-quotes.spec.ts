import type { Excerpt, FocusItem, PlanContent } from '../../../src/coaching/plan-content';
import { quotesAnyOf, trimPlanQuotes } from '../../../src/coaching/plan-quotes';

const excerpt = (interactionId: number, text: string): Excerpt => ({
  interactionId,
  externalId: `C-${interactionId}`,
  timeMs: 1000,
  speaker: 'customer',
  text,
});

const focus = (excerpts: Excerpt[], exemplar: Excerpt | null): FocusItem => ({
  scorecardKey: 'voice-ko',
  key: 'identity_verification',
  label: '본인 확인',
  guidance: '',
  good: null,
  phrases: [],
  agentRate: 0.5,
  teamRate: 0.8,
  misses: 1,
  excerpts,
  exemplar,
  targetRate: 0.8,
});

const plan = (items: FocusItem[]): PlanContent =>
  ({ focus: items, notes: '제 번호는 010-1111-2222 (리드 메모)' }) as unknown as PlanContent;

const mask = (text: string) => text.replace(/\d{3}-\d{4}-\d{4}/g, '[전화번호]');

describe('coaching plan quotes after retention', () => {
  it("trims only the quotes of the deleted calls, missed moments and exemplars alike; the lead's words stay", () => {
    const content = plan([
      focus(
        [excerpt(1, '제 번호는 010-2345-6789 이에요'), excerpt(2, '010-9999-8888로 주세요')],
        excerpt(1, '다시 010-2345-6789요'),
      ),
    ]);
    const { content: out, changed } = trimPlanQuotes(content, new Set([1]), mask);
    expect(changed).toBe(true);
    expect(out.focus[0].excerpts.map((e) => e.text)).toEqual([
      '제 번호는 [전화번호] 이에요',
      '010-9999-8888로 주세요',
    ]);
    expect(out.focus[0].exemplar?.text).toBe('다시 [전화번호]요');
    expect(out.notes).toBe(content.notes);
    // The stored plan is not changed in place.
    expect(content.focus[0].excerpts[0].text).toBe('제 번호는 010-2345-6789 이에요');
  });

  it('reports no change when the quotes are already redacted or from other calls', () => {
    const content = plan([focus([excerpt(1, '제 번호는 [전화번호] 이에요')], null)]);
    expect(trimPlanQuotes(content, new Set([1]), mask)).toEqual({ content, changed: false });
    expect(quotesAnyOf(content, new Set([1]))).toBe(true);
    expect(quotesAnyOf(content, new Set([7]))).toBe(false);
  });

  it('reads plans from before focus items had excerpts or exemplars', () => {
    const old = { focus: [{ key: 'x' }] } as unknown as PlanContent;
    expect(quotesAnyOf(old, new Set([1]))).toBe(false);
    expect(trimPlanQuotes(old, new Set([1]), mask).changed).toBe(false);
  });
});
