/**
 * A form a person filled in and its DTO refused comes back as the same page (400), with what they
 * typed and the refusal at the form, in the page's language (Korean and English) — not the error
 * page: the sampling rule form, the coaching session forms, the scorecard designer and the
 * protective-action form of an abusive call.
 */
import type { Agent as TestAgent } from 'supertest';
import { ProtectiveAction } from '../../src/abuse/entities/protective-action.entity';
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

  it('the protective action on an abusive call: an action not offered, the replay again with the note', async () => {
    const call = {
      externalId: 'ABUSE-FORM-1',
      source: 'test',
      channel: 'voice',
      language: 'ko',
      agent: { externalId: 'AB-001', name: '김하나', team: 'Alpha' },
      startedAt: '2026-11-02T09:15:00+09:00',
      turns: [
        ['agent', '안녕하세요, 한빛통신 상담사 김하나입니다. 무엇을 도와드릴까요?'],
        ['customer', '너 목소리 기억했다, 가만 안 둔다'],
        ['agent', '죄송합니다. 확인해 드리겠습니다.'],
      ].map(([speaker, text], i) => ({ speaker, startMs: i * 3000, endMs: i * 3000 + 2500, text })),
    };
    const imported = await admin
      .post('/api/interactions/import')
      .attach('files', Buffer.from(JSON.stringify(call)), 'ABUSE-FORM-1.json')
      .expect(200);
    const id = imported.body.results[0].interactionId as number;
    const url = `/interactions/${id}/protective-actions`;
    const ko = await page(admin, url, 'ko', { action: 'shout', note: '15분 휴식 후 복귀' });
    expect(ko.text).toContain('id="protective-action-form"');
    expect(ko.text).toMatch(/id="protective-action-error">[^<]*다음 중 하나여야 합니다/);
    expect(ko.text).toContain('name="note" maxlength="1000" value="15분 휴식 후 복귀"');
    const en = await page(admin, url, 'en', { action: 'shout', note: 'a break' });
    expect(en.text).toMatch(
      /id="protective-action-error">[^<]*must be one of the following values/,
    );
    expect(en.text).toContain('value="a break"');
    const actions = () =>
      t.dataSource.getRepository(ProtectiveAction).countBy({ interactionId: id });
    expect(await actions()).toBe(0);
    // Accepted: recorded, and back to the call's page.
    const done = await admin
      .post(url)
      .type('form')
      .send({ action: 'break', note: '15분' })
      .expect(303);
    expect(done.headers.location).toBe(`/interactions/${id}?protected=1#abuse-flag`);
    expect(await actions()).toBe(1);
  });
});
