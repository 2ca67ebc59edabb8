/**
 * A form a person filled in and its DTO refused comes back as the same page (400), with what they
 * typed and the refusal at the form, in the page's language (Korean and English) — not the error
 * page: the sampling rule form, the coaching session forms and the scorecard designer.
 */
import type { Agent as TestAgent } from 'supertest';
import { FeedbackSession } from '../../src/coaching/entities/feedback-session.entity';
import { SamplingRule } from '../../src/queue/entities/sampling-rule.entity';
import { seedCoachingTeam } from '../support/people';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(120_000);

describe('refused forms re-render with what was typed and why', () => {
  let t: TestApp;
  let admin: TestAgent;
  let lead: TestAgent;
  let planId: number;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    await seedCoachingTeam(t);
    admin = await t.client(TEST_USERS.admin);
    lead = await t.client('lead@test.local');
    planId = (
      await lead
        .post('/api/coaching/plans')
        .send({ agent: 'P-001', from: '2026-10-01', to: '2026-10-31', scorecard: 'voice-ko' })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  const page = (client: TestAgent, url: string, lang: 'ko' | 'en', form: object) =>
    client
      .post(url)
      .set('Accept', 'text/html')
      .set('Accept-Language', lang)
      .type('form')
      .send(form)
      .expect(400);

  it('the sampling rule form: a count that is not a number, beside its field, name and count kept', async () => {
    const rule = { name: '주간 무작위 표본', kind: 'random_per_agent_week', perWeek: '세 건' };
    const ko = await page(admin, '/queue/rules', 'ko', { ...rule, dueDays: '7' });
    expect(ko.text).toContain('<form');
    expect(ko.text).toContain(
      '<span class="field-error" data-field="perWeek">1부터 1000 사이의 정수로 입력하세요</span>',
    );
    expect(ko.text).toContain('value="주간 무작위 표본"');
    expect(ko.text).toContain('value="세 건"');
    const en = await page(admin, '/queue/rules', 'en', { ...rule, name: 'Weekly', dueDays: '7' });
    expect(en.text).toContain(
      '<span class="field-error" data-field="perWeek">must be a whole number from 1 to 1000</span>',
    );
    expect(en.text).toContain('value="Weekly"');
    expect(await t.dataSource.getRepository(SamplingRule).count()).toBe(0);
  });

  it('the coaching session record: a follow-up that is not a date, in the session form, notes kept', async () => {
    // Held already (scheduled in the past), so its record form is on the plan's page.
    await lead
      .post(`/coaching/${planId}/sessions`)
      .type('form')
      .send({ scheduledAt: '2026-10-20T10:00' })
      .expect(303);
    const session = await t.dataSource
      .getRepository(FeedbackSession)
      .findOneByOrFail({ planId, status: 'scheduled' });
    const record = {
      note_greeting: '첫인사를 스크립트대로',
      commitments: '매 통화 첫 문장 점검',
      followUpDate: '다음 주 금요일',
    };
    const ko = await page(lead, `/coaching/sessions/${session.id}`, 'ko', record);
    const form = (html: string) => html.slice(html.indexOf(`id="session-${session.id}"`));
    expect(form(ko.text)).toMatch(
      new RegExp(
        `id="session-error-${session.id}">후속 점검일은 날짜\\(YYYY-MM-DD\\)로 입력하세요\\.<`,
      ),
    );
    expect(form(ko.text)).toContain('>첫인사를 스크립트대로</textarea>');
    expect(form(ko.text)).toContain('>매 통화 첫 문장 점검</textarea>');
    expect(form(ko.text)).toContain('value="다음 주 금요일"');
    const en = await page(lead, `/coaching/sessions/${session.id}`, 'en', {
      ...record,
      commitments: 'check the first sentence of every call',
    });
    expect(form(en.text)).toContain('Give the follow-up as a date (YYYY-MM-DD).');
    expect(form(en.text)).toContain('>check the first sentence of every call</textarea>');
    const stored = await t.dataSource.getRepository(FeedbackSession).findOneByOrFail({
      id: session.id,
    });
    expect(stored.status).toBe('scheduled');
  });

  it('the coaching session schedule: an empty time is refused in the schedule form, in both languages', async () => {
    const before = await t.dataSource.getRepository(FeedbackSession).count();
    const ko = await page(lead, `/coaching/${planId}/sessions`, 'ko', { scheduledAt: '' });
    expect(ko.text).toContain('id="schedule-error">면담 날짜와 시각을 입력하세요<');
    const en = await page(lead, `/coaching/${planId}/sessions`, 'en', {
      scheduledAt: 'next tuesday',
    });
    // Past the DTO (a string), refused by the service's reading of the time, at the same form.
    expect(en.text).toContain('id="schedule-error">give a date and time for the session<');
    expect(en.text).toContain('name="scheduledAt" value="next tuesday"');
    expect(await t.dataSource.getRepository(FeedbackSession).count()).toBe(before);
  });

  it('the scorecard designer: a description over 8,000 characters is named, the form kept as typed', async () => {
    const form = await admin.get('/scorecards/voice-en/design').set('Accept', 'text/html');
    const baseHash = /name="baseHash" value="([0-9a-f]{64})"/.exec(form.text)![1];
    const typed = {
      baseHash,
      action: 'preview',
      name: 'Voice, typed and kept',
      description: '설명 '.repeat(3000),
      'sections[0][key]': 'opening',
      'sections[0][label]': 'Opening, typed',
    };
    const problem = (html: string) =>
      /<p class="error" role="alert" id="form-problem"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
    const ko = await page(admin, '/scorecards/voice-en/design', 'ko', typed);
    expect(problem(ko.text)).toContain('설명');
    expect(problem(ko.text)).toContain('8000자 이하로 적어 주세요');
    expect(ko.text).toContain('value="Voice, typed and kept"');
    expect(ko.text).toContain('value="Opening, typed"');
    const en = await page(admin, '/scorecards/voice-en/design', 'en', typed);
    expect(problem(en.text)).toContain('Description');
    expect(problem(en.text)).toContain('must be shorter than or equal to 8000 characters');
  });
});
