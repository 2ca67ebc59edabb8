/**
 * Issue 15 item 6, refusals: the 403 and 404 pages, a role's refusal, and the queue filters',
 * users' and background jobs' refusals read in the reader's language. A Korean page or API
 * answer has no English sentence left; the English one keeps the words it had.
 */
import type { Agent as TestAgent } from 'supertest';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(120_000);

/** Latin words of a Korean text, leaving out codes (field names, values in a list, settings). */
function english(text: string): string[] {
  const stripped = text
    .replace(/<code[^>]*>[\s\S]*?<\/code>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\b[A-Z_]+=\w+/g, ' ')
    .replace(/^[\w.]+:/, ' ')
    .replace(/\b(?:mine|unassigned|all|pending|open|in_progress|done|skipped|any)\b/g, ' ')
    .replace(/[\w.+-]+@[\w.-]+/g, ' ');
  const allowed = new Set(['ID', 'UUID', 'CSRF', 'QA', 'API']);
  return (stripped.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed.has(w));
}

/** The refusal a page shows: its heading and its message. */
function errorPage(html: string): { heading: string; message: string } {
  const heading = /<h1>([\s\S]*?)<\/h1>/.exec(html.slice(html.indexOf('error-page')))?.[1] ?? '';
  const message = /<p class="error" role="alert">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
  return { heading: heading.trim(), message: message.trim() };
}

describe('refusals in the reader language', () => {
  let t: TestApp;
  let admin: TestAgent;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    admin = await t.client(TEST_USERS.admin);
  });
  afterAll(() => t?.close());

  it('shows the 403 page and a role refusal in Korean, and in English', async () => {
    const lead = await t.createUser({ email: 'lead@r.local', name: 'Lead', role: 'team_lead' });
    expect(lead.role).toBe('team_lead');
    const client = await t.client('lead@r.local');
    const ko = await client.get('/queue/rules?lang=ko').set('Accept', 'text/html').expect(403);
    const page = errorPage(ko.text);
    expect(page.heading).toBe('403 · 권한 없음');
    expect(page.message).toBe('팀장 역할로는 할 수 없는 일입니다');
    expect(english(page.heading + ' ' + page.message)).toEqual([]);
    const en = await client.get('/queue/rules?lang=en').set('Accept', 'text/html').expect(403);
    expect(errorPage(en.text)).toEqual({
      heading: '403 · Forbidden',
      message: 'your role (Team lead) does not allow this',
    });
    // The API answers in the reader's language too; its error code stays HTTP's.
    const api = await client.get('/api/queue/rules?lang=ko').expect(403);
    expect(api.body.message).toBe('팀장 역할로는 할 수 없는 일입니다');
  });

  it('shows a missing evaluation as a 404 page in Korean', async () => {
    const res = await admin
      .get('/evaluations/99999?lang=ko')
      .set('Accept', 'text/html')
      .expect(404);
    const page = errorPage(res.text);
    expect(page.heading).toBe('404 · 찾을 수 없음');
    expect(page.message).toBe('평가 99999을(를) 찾을 수 없습니다');
    const rule = await admin
      .patch('/api/queue/rules/99999')
      .set('Accept-Language', 'ko')
      .send({ active: false });
    expect(rule.status).toBe(404);
    expect(rule.body.message).toBe('샘플링 규칙 99999을(를) 찾을 수 없습니다');
  });

  it("refuses the queue's filters in Korean, naming the field and the values", async () => {
    const evaluator = await t.client(TEST_USERS.evaluator);
    const ko = await evaluator
      .get('/api/queue?view=bogus')
      .set('Accept-Language', 'ko')
      .expect(400);
    expect(ko.body.field).toBe('view');
    expect(ko.body.message).toBe('view: 다음 중 하나여야 합니다: mine, unassigned, all');
    const all = await evaluator.get('/api/queue?view=all').set('Accept-Language', 'ko').expect(400);
    expect(all.body.message).toBe('view: 모든 사람의 항목은 관리자만 봅니다');
    expect(english(all.body.message)).toEqual([]);
    const en = await evaluator
      .get('/api/queue?view=bogus')
      .set('Accept-Language', 'en')
      .expect(400);
    expect(en.body.message).toBe('view: must be one of mine, unassigned, all');
  });

  it("refuses a background job's retry in Korean", async () => {
    const res = await admin
      .post('/admin/jobs/queues/autoqa/not-a-uuid/retry?lang=ko')
      .set('Accept', 'text/html');
    expect(res.status).toBe(400);
    expect(res.text).toContain('대기열 작업의 ID(UUID)여야 합니다');
    expect(res.text).not.toContain('must be the id of a queue job');
  });

  it("refuses an A/B test's definition in Korean, and in English", async () => {
    const body = {
      name: 'Refusal test',
      assignment: 'metadata',
      field: 'script',
      variants: [
        { key: 'A', label: 'Current', value: 'A' },
        { key: 'A', label: 'New', value: 'B' },
      ],
      from: '2026-10-16',
      to: '2026-10-05',
    };
    const ko = await admin.post('/api/experiments?lang=ko').send(body).expect(400);
    expect(ko.body.field).toBe('from');
    expect(ko.body.message).toBe('from: 시작일 2026-10-16이(가) 종료일 2026-10-05보다 늦습니다');
    const twice = await admin
      .post('/api/experiments?lang=ko')
      .send({ ...body, from: '2026-10-05', to: '2026-10-16' })
      .expect(400);
    expect(twice.body.message).toBe('variants.1.key: 변형 키 "A"이(가) 두 번 쓰였습니다');
    expect(english(twice.body.message)).toEqual([]);
    const en = await admin
      .post('/api/experiments?lang=en')
      .send({ ...body, from: '2026-10-05', to: '2026-10-16' })
      .expect(400);
    expect(en.body.message).toBe('variants.1.key: The variant key "A" is used twice');
  });

  it("refuses a user form's mistakes in Korean beside the form", async () => {
    const res = await admin
      .post('/admin/users?lang=ko')
      .type('form')
      .set('Accept', 'text/html')
      .send({
        email: 'not-an-address',
        name: 'X',
        role: 'evaluator',
        password: 'long enough pass 1',
      });
    expect(res.status).toBe(400);
    expect(res.text).toContain('이메일 주소가 아닙니다');
    expect(res.text).not.toContain('is not an e-mail address');
  });
});
