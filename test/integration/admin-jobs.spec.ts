/**
 * /admin/jobs: the outbox as an admin sees it — counts per state, the empty state, a failed
 * job with its error, Retry (a signed-in browser's form, with its CSRF token) that delivers it,
 * both languages, and admins only.
 */
import request from 'supertest';
import { AnalyticsRepository } from '../../src/analytics/analytics.repository';
import { OutboxEvent } from '../../src/events/entities/outbox-event.entity';
import { MAX_ATTEMPTS, OutboxDispatcher } from '../../src/events/outbox-dispatcher';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { bestAnswers } from '../support/answers';
import { signedInAgent } from '../support/auth';
import { testCall } from '../support/people';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(90_000);

const DAY = 24 * 3_600_000;

describe(`/admin/jobs (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let browser: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    browser = await signedInAgent(t.app.getHttpServer(), TEST_USERS.admin);
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const page = (lang: 'en' | 'ko', query = '') =>
    browser.get(`/admin/jobs${query}`).set('Accept-Language', lang).expect(200);
  const count = (html: string, state: string) =>
    Number(new RegExp(`id="count-${state}">[^<]*<strong>(\\d+)</strong>`).exec(html)![1]);

  it('an empty outbox: zero counts and the empty state, in both languages', async () => {
    const en = (await page('en')).text;
    expect(en).toContain('Background jobs');
    expect(en).toContain('No background jobs yet.');
    expect(count(en, 'failed')).toBe(0);
    const ko = (await page('ko')).text;
    expect(ko).toContain('백그라운드 작업');
    expect(ko).toContain('아직 백그라운드 작업이 없습니다.');
  });

  it('a job that keeps failing is listed with its error; Retry (with CSRF) delivers it', async () => {
    const evaluator = await t.client(TEST_USERS.evaluator);
    const call = testCall('JOBS-1', { externalId: 'J-001', name: 'Agent J', team: 'Jay' });
    const imported = await evaluator
      .post('/api/interactions/import')
      .attach('files', Buffer.from(JSON.stringify(call)), 'jobs-1.json')
      .expect(200);
    const draft = (
      await evaluator
        .post('/api/evaluations')
        .send({ interactionId: imported.body.results[0].interactionId, scorecardKey: 'voice-ko' })
        .expect(201)
    ).body;
    // The outbox's analytics listener (it finds the agent-day to refresh) keeps failing.
    const refresh = jest
      .spyOn(AnalyticsRepository.prototype, 'agentDayOf')
      .mockRejectedValue(new Error('criterion_stats is locked by a backup'));
    const definition = (await t.app.get(ScorecardsService).current('voice-ko')).definition;
    await evaluator
      .post(`/api/evaluations/${draft.id}/submit`)
      .send({ version: draft.version, answers: bestAnswers(definition) })
      .expect(201);
    const dispatcher = t.app.get(OutboxDispatcher);
    for (let i = 1; i < MAX_ATTEMPTS; i++) await dispatcher.drain(new Date(Date.now() + i * DAY));
    const row = await t.dataSource.getRepository(OutboxEvent).findOneByOrFail({ status: 'failed' });
    expect(row.payload.evaluationId).toBe(draft.id);

    const failed = (await page('en', '?status=failed')).text;
    expect(count(failed, 'failed')).toBe(1);
    expect(failed).toContain(`id="job-${row.id}"`);
    expect(failed).toContain('criterion_stats is locked by a backup');
    expect(failed).toContain(`href="/evaluations/${draft.id}"`);
    expect(failed).toContain(`action="/admin/jobs/${row.id}/retry"`);
    const ko = (await page('ko', '?status=failed')).text;
    expect(ko).toContain('실패');
    expect(ko).toContain('다시 시도');

    // Without the form's token: refused, nothing changes.
    await browser.post(`/admin/jobs/${row.id}/retry`).type('form').send({}).expect(403);
    expect(
      (await t.dataSource.getRepository(OutboxEvent).findOneByOrFail({ id: row.id })).status,
    ).toBe('failed');

    refresh.mockRestore();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(failed)![1];
    const res = await browser
      .post(`/admin/jobs/${row.id}/retry`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(303);
    expect(res.headers.location).toBe(`/admin/jobs?retried=${row.id}`);
    const after = await t.dataSource.getRepository(OutboxEvent).findOneByOrFail({ id: row.id });
    expect(after).toMatchObject({ status: 'done', attempts: 0 });
    const done = (await page('en', `?retried=${row.id}`)).text;
    expect(done).toContain(`Job #${row.id} was tried again`);
    expect(count(done, 'failed')).toBe(0);
    expect(count(done, 'done')).toBeGreaterThanOrEqual(1);
    const audit = await t.dataSource.query(
      `SELECT COUNT(*) AS "n" FROM "audit_log" WHERE "action" = 'job.retried' AND "entityId" = '${row.id}'`,
    );
    expect(Number(audit[0].n)).toBe(1);

    // A done job: nothing to retry (400 naming the id); an unknown one: 404; a bad filter: 400.
    const again = await browser
      .post(`/admin/jobs/${row.id}/retry`)
      .set('Accept', 'application/json')
      .set('Accept-Language', 'en')
      .type('form')
      .send({ _csrf: csrf })
      .expect(400);
    expect(JSON.stringify(again.body)).toContain('nothing to retry');
    await browser
      .post('/admin/jobs/999999/retry')
      .set('Accept', 'application/json')
      .type('form')
      .send({ _csrf: csrf })
      .expect(404);
    await browser.get('/admin/jobs?status=exploded').expect(400);
  });

  it('lists the job queues: pg-boss counts and a failed job with its error and Retry (PostgreSQL); in process on SQLite', async () => {
    if (!process.env.DATABASE_URL) {
      const en = (await page('en')).text;
      expect(en).toContain('Job queues');
      expect(en).toContain('On SQLite the background jobs run inside the app process');
      expect(en).not.toContain('id="job-queues"');
      const ko = (await page('ko')).text;
      expect(ko).toContain('작업 큐');
      expect(ko).toContain('앱 프로세스 안에서 바로 실행됩니다');
      return;
    }
    const evaluator = await t.client(TEST_USERS.evaluator);
    const call = testCall('JOBS-2', { externalId: 'J-002', name: 'Agent K', team: 'Kay' });
    const imported = await evaluator
      .post('/api/interactions/import')
      .attach('files', Buffer.from(JSON.stringify(call)), 'jobs-2.json')
      .expect(200);
    const draft = (
      await evaluator
        .post('/api/evaluations')
        .send({ interactionId: imported.body.results[0].interactionId, scorecardKey: 'voice-ko' })
        .expect(201)
    ).body;
    // The refresh jobs of the test before are done; from now on every refresh fails.
    await t.jobsSettled();
    const refresh = jest
      .spyOn(AnalyticsRepository.prototype, 'refresh')
      .mockRejectedValue(new Error('criterion_stats is locked by a backup'));
    const definition = (await t.app.get(ScorecardsService).current('voice-ko')).definition;
    await evaluator
      .post(`/api/evaluations/${draft.id}/submit`)
      .send({ version: draft.version, answers: bestAnswers(definition) })
      .expect(201);
    // Each retry waits its backoff (2, 4, 8 … s): make the waiting one due at once, until
    // pg-boss gives up on it.
    const failedJobs = () =>
      t.dataSource.query<{ id: string }[]>(
        `SELECT id FROM pgboss.job WHERE name = 'analytics.refresh' AND state = 'failed'`,
      );
    for (const end = Date.now() + 60_000; (await failedJobs()).length === 0;) {
      if (Date.now() > end) throw new Error('the refresh job never failed');
      await t.dataSource.query(
        `UPDATE pgboss.job SET start_after = now() WHERE name = 'analytics.refresh' AND state = 'retry'`,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const [{ id }] = await failedJobs();
    const queueCell = (html: string, state: string) =>
      Number(
        new RegExp(`id="queue-analytics.refresh"[\\s\\S]*?class="queue-${state}">(\\d+)<`).exec(
          html,
        )![1],
      );
    const en = (await page('en')).text;
    expect(en).toContain('Analytics roll-up refresh (one agent-day)');
    expect(queueCell(en, 'failed')).toBe(1);
    expect(en).toContain(`id="queue-job-${id}"`);
    expect(en).toContain('criterion_stats is locked by a backup');
    expect(en).toContain(`action="/admin/jobs/queues/analytics.refresh/${id}/retry"`);
    expect(refresh.mock.calls.length).toBe(8);
    const ko = (await page('ko')).text;
    expect(ko).toContain('실패한 작업');
    expect(ko).toContain('분석 집계 갱신');

    const retryUrl = `/admin/jobs/queues/analytics.refresh/${id}/retry`;
    await browser.post(retryUrl).type('form').send({}).expect(403);
    refresh.mockRestore();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(en)![1];
    const res = await browser.post(retryUrl).type('form').send({ _csrf: csrf }).expect(303);
    expect(res.headers.location).toBe(`/admin/jobs?retriedJob=${id}`);
    await t.jobsSettled();
    const after = (await page('en', `?retriedJob=${id}`)).text;
    expect(after).toContain('The job is queued again');
    expect(queueCell(after, 'failed')).toBe(0);
    expect(after).toContain('No failed jobs.');
    const rollUp = await t.dataSource.query(
      `SELECT COUNT(*) AS "n" FROM "criterion_stats" "c" JOIN "agents" "a" ON "a"."id" = "c"."agentId" WHERE "a"."externalId" = 'J-002'`,
    );
    expect(Number(rollUp[0].n)).toBeGreaterThan(0);
    const audit = await t.dataSource.query(
      `SELECT COUNT(*) AS "n" FROM "audit_log" WHERE "action" = 'job.retried' AND "entityId" = '${id}'`,
    );
    expect(Number(audit[0].n)).toBe(1);

    // Nothing failed to retry: 400 naming the id; a bad id: 400; an unknown queue: 404.
    const json = (url: string) =>
      browser
        .post(url)
        .set('Accept', 'application/json')
        .set('Accept-Language', 'en')
        .type('form')
        .send({ _csrf: csrf });
    expect(JSON.stringify((await json(retryUrl).expect(400)).body)).toContain('nothing to retry');
    expect(
      JSON.stringify(
        (await json('/admin/jobs/queues/analytics.refresh/42/retry').expect(400)).body,
      ),
    ).toContain('id');
    await json(`/admin/jobs/queues/no.such.queue/${id}/retry`).expect(404);
  });

  it('is for admins only', async () => {
    const evaluator = await t.client(TEST_USERS.evaluator);
    await evaluator.get('/admin/jobs').expect(403);
    await evaluator.post('/admin/jobs/1/retry').expect(403);
    await evaluator
      .post('/admin/jobs/queues/analytics.refresh/00000000-0000-0000-0000-000000000000/retry')
      .expect(403);
  });
});
