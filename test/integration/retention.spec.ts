/**
 * Retention that deletes (RETENTION_TRANSCRIPT_DAYS with per-source and per-channel days) and
 * data subject requests: turns, notes and recording links go, the call's details, evaluations
 * and scores stay, evidence quotes keep only their redacted form; an audit entry per run.
 */
import type { Agent as TestAgent } from 'supertest';
import { transaction } from '../../src/database/transaction';
import { EvaluationAnswer } from '../../src/evaluations/entities/evaluation-answer.entity';
import { Evaluation } from '../../src/evaluations/entities/evaluation.entity';
import { EvaluationWriter } from '../../src/evaluations/evaluation-writer';
import { Interaction } from '../../src/interactions/entities/interaction.entity';
import { Turn } from '../../src/interactions/entities/turn.entity';
import { RetentionScheduler } from '../../src/retention/retention.scheduler';
import { RetentionService } from '../../src/retention/retention.service';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { bestAnswers } from '../support/answers';
import { startTestApp, TEST_USERS, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const DAY = 86_400_000;
const VERBATIM_PHONE = '010-2345-6789';

describe('retention and data subject requests', () => {
  let t: TestApp;
  let admin: TestAgent;
  const ids: Record<string, number> = {};

  async function importCall(
    externalId: string,
    source: string,
    channel: 'voice' | 'chat',
    daysAgo: number,
    metadata: Record<string, unknown> = {},
  ): Promise<number> {
    const body = {
      externalId,
      source,
      channel,
      language: 'ko',
      startedAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
      notes: '환불 안내 완료',
      recordingUrl: `https://recordings.example.com/${externalId}.wav`,
      metadata,
      turns: [
        { speaker: 'agent', startMs: 0, endMs: 3000, text: '안녕하세요, 한빛통신입니다.' },
        { speaker: 'customer', startMs: 3200, endMs: 6000, text: '요금 문의 드려요.' },
        { speaker: 'agent', startMs: 6200, endMs: 9000, text: '네, 확인해 드리겠습니다.' },
      ],
    };
    const res = await admin
      .post('/api/interactions/import')
      .attach('files', Buffer.from(JSON.stringify(body)), `${externalId}.json`)
      .expect(200);
    expect(res.body.results[0].status).toBe('imported');
    return res.body.results[0].interactionId as number;
  }

  /** A submitted evaluation whose evidence quotes a phone number verbatim. */
  async function evaluate(interactionId: number): Promise<number> {
    const version = await t.app.get(ScorecardsService).current('voice-ko');
    const answers = bestAnswers(version.definition).map((a, i) =>
      i === 0
        ? {
            ...a,
            evidence: {
              reason: 'quoted',
              items: [{ turn: 1, startMs: 3200, text: `번호는 ${VERBATIM_PHONE} 이에요` }],
            },
          }
        : a,
    );
    const { id } = await transaction(t.dataSource, (manager) =>
      t.app.get(EvaluationWriter).create(manager, {
        interactionId,
        scorecardVersion: version,
        evaluatorId: null,
        kind: 'manual',
        status: 'submitted',
        answers,
      }),
    );
    return id;
  }

  const call = (id: number) => t.dataSource.getRepository(Interaction).findOneByOrFail({ id });
  const turns = (id: number) => t.dataSource.getRepository(Turn).countBy({ interactionId: id });

  beforeAll(async () => {
    t = await startTestApp({
      AUTOQA: 'off',
      RETENTION_TRANSCRIPT_DAYS: '30',
      RETENTION_SOURCE_DAYS: 'archive=off',
      RETENTION_CHANNEL_DAYS: 'chat=7',
    });
    // The start-up run (nothing to delete yet) is over before calls come in.
    await t.app.get(RetentionScheduler).settled();
    admin = (await t.client(TEST_USERS.admin)).set('Accept-Language', 'en');
    ids.old = await importCall('RT-OLD', 'pbx', 'voice', 40, { customerPhone: '010-5555-1234' });
    ids.recent = await importCall('RT-RECENT', 'pbx', 'voice', 10);
    ids.archive = await importCall('RT-ARCHIVE', 'archive', 'voice', 400);
    ids.chat = await importCall('RT-CHAT', 'web', 'chat', 8);
    ids.soon = await importCall('RT-SOON', 'pbx', 'voice', 27.5);
  });
  afterAll(async () => {
    await t.close();
    // Specs run after this one in the same process start without a retention policy.
    for (const name of [
      'RETENTION_TRANSCRIPT_DAYS',
      'RETENTION_SOURCE_DAYS',
      'RETENTION_CHANNEL_DAYS',
    ]) {
      delete process.env[name];
    }
  });

  it('shows the policy and, per source and channel, what the next runs delete', async () => {
    const page = await admin.get('/admin/retention').set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('30 days');
    expect(page.text).toContain('archive');
    // The next run takes the 40-day-old voice call and the 8-day-old chat; a later one the 27.5-day-old call.
    const runs = [...page.text.matchAll(/<td class="upcoming-total">(\d+)<\/td>/g)].map((m) =>
      Number(m[1]),
    );
    expect(runs).toHaveLength(7);
    expect(runs[0]).toBe(2);
    expect(runs.slice(1).reduce((a, b) => a + b, 0)).toBe(1);
    expect(page.text).toMatch(/pbx \/ voice <span class="muted small">\(30 days\)<\/span>: 1/);
    expect(page.text).toMatch(/web \/ chat <span class="muted small">\(7 days\)<\/span>: 1/);
  });

  it('deletes the transcripts past their days, keeps evaluations and scores, trims evidence, audits the run', async () => {
    const evaluationId = await evaluate(ids.old);
    const before = await t.dataSource
      .getRepository(Evaluation)
      .findOneByOrFail({ id: evaluationId });

    const res = await admin.post('/admin/retention/run').set('Accept', 'text/html').expect(303);
    expect(res.headers.location).toBe('/admin/retention?ran=2');

    for (const key of ['old', 'chat']) {
      const row = await call(ids[key]);
      expect(await turns(ids[key])).toBe(0);
      expect(row).toMatchObject({
        notes: null,
        recordingUrl: null,
        transcriptDeletedBy: 'retention',
        turnCount: 3,
      });
      expect(row.transcriptDeletedAt).toBeInstanceOf(Date);
    }
    // The metadata stays with retention (a data request removes the customer's identifiers).
    expect((await call(ids.old)).metadata).toEqual({ customerPhone: '010-5555-1234' });
    for (const key of ['recent', 'archive', 'soon']) {
      expect(await turns(ids[key])).toBe(3);
      expect((await call(ids[key])).transcriptDeletedAt).toBeNull();
    }

    const after = await t.dataSource
      .getRepository(Evaluation)
      .findOneByOrFail({ id: evaluationId });
    expect(after.overallScore).toBe(before.overallScore);
    expect(after.passed).toBe(before.passed);
    const answers = await t.dataSource.getRepository(EvaluationAnswer).findBy({ evaluationId });
    const evidence = answers.filter((a) => a.evidence).map((a) => a.evidence!.items[0].text);
    expect(evidence).toEqual(['번호는 [전화번호] 이에요']);

    const audit = await t.dataSource.query<{ after: string }[]>(
      `SELECT "after" FROM "audit_log" WHERE "action" = 'retention.run' ORDER BY "id" DESC`,
    );
    const counts = JSON.parse(audit[0].after) as Record<string, unknown>;
    expect(counts).toMatchObject({
      calls: 2,
      turns: 6,
      recordings: 2,
      evidence: 1,
      trigger: 'manual',
      perGroup: { 'pbx / voice': 1, 'web / chat': 1 },
    });

    // The replay page says so instead of showing turns.
    const replay = await admin
      .get(`/interactions/${ids.old}`)
      .set('Accept', 'text/html')
      .expect(200);
    expect(replay.text).toContain('id="transcript-deleted"');
    expect(replay.text).toContain('deleted on');
    expect(replay.text).not.toContain('요금 문의 드려요');
    // So does the scoring page of a new evaluation of the call.
    const evaluator = await t.client(TEST_USERS.evaluator);
    const draft = await evaluator
      .post('/api/evaluations')
      .send({ interactionId: ids.old, scorecardKey: 'voice-ko' })
      .expect(201);
    const form = await evaluator
      .get(`/evaluations/${draft.body.id}/edit`)
      .set('Accept', 'text/html')
      .set('Accept-Language', 'en')
      .expect(200);
    expect(form.text).toContain('id="transcript-deleted"');

    // The page lists the run; a second run finds nothing more.
    const page = await admin.get('/admin/retention').set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('class="retention-run"');
    await admin.post('/admin/retention/run').set('Accept', 'text/html').expect(303, /ran=0/);
  });

  it("runs once a day on schedule: the day's run done, the scheduled one does nothing", async () => {
    const retention = t.app.get(RetentionService);
    expect(await retention.due(new Date())).toBe(false);
    expect(await retention.run(new Date(), null, 'schedule')).toBeNull();
  });

  it('runs on one instance at a time on PostgreSQL: while another holds the lock, a run does nothing', async () => {
    if (t.dataSource.options.type !== 'postgres') return;
    const retention = t.app.get(RetentionService);
    // Another instance's session holds the lock (its own connection).
    const other = t.dataSource.createQueryRunner();
    await other.connect();
    try {
      await other.query(
        "SELECT pg_advisory_lock(hashtext('qa-call-monitor'), hashtext('retention'))",
      );
      expect(await retention.run(new Date(), null, 'manual')).toBeNull();
      const busy = await admin.post('/admin/retention/run').set('Accept', 'text/html').expect(409);
      expect(busy.text).toContain('Another instance is running retention');
    } finally {
      await other.query(
        "SELECT pg_advisory_unlock(hashtext('qa-call-monitor'), hashtext('retention'))",
      );
      await other.release();
    }
    expect(await retention.run(new Date(), null, 'manual')).not.toBeNull();
  });

  it('lets no one but an admin see the page or run it', async () => {
    const evaluator = await t.client(TEST_USERS.evaluator);
    await evaluator.get('/admin/retention').set('Accept', 'text/html').expect(403);
    await evaluator.post('/admin/retention/run').set('Accept', 'text/html').expect(403);
    await evaluator.post('/admin/data-requests/delete').type('form').send({}).expect(403);
  });

  it('carries out a data subject request: preview, then transcripts and identifiers deleted, with a report', async () => {
    const first = await importCall('DSR-1', 'pbx', 'voice', 2, {
      customerPhone: '+82 10-7777-1234',
      customerId: 'CUST-77',
      csat: 5,
    });
    const second = await importCall('DSR-2', 'web', 'chat', 1, {
      caller: { phone: '01077771234', name: '홍길동' },
      disposition: 'resolved',
    });
    const other = await importCall('DSR-OTHER', 'pbx', 'voice', 1, {
      customerPhone: '010-7777-9999',
    });
    await evaluate(first);

    const preview = await admin
      .post('/admin/data-requests/preview')
      .type('form')
      .send({ kind: 'phone', value: '010-7777-1234' })
      .set('Accept', 'text/html')
      .expect(200);
    expect(preview.text).toContain('2 calls, 6 turns and 4 identifying fields will be deleted.');
    expect(preview.text).toContain('DSR-1');
    expect(preview.text).toContain('DSR-2');
    expect(preview.text).not.toContain('DSR-OTHER');
    // Nothing is deleted by a preview.
    expect(await turns(first)).toBe(3);

    // Without the confirmation box: refused, nothing deleted.
    await admin
      .post('/admin/data-requests/delete')
      .type('form')
      .send({ kind: 'phone', value: '010-7777-1234' })
      .set('Accept', 'text/html')
      .expect(400);
    expect(await turns(first)).toBe(3);

    const done = await admin
      .post('/admin/data-requests/delete')
      .type('form')
      .send({ kind: 'phone', value: '010-7777-1234', confirm: 'yes' })
      .set('Accept', 'text/html')
      .expect(200);
    expect(done.text).toContain('Calls: 2');
    expect(done.text).toContain('Turns deleted: 6');
    expect(done.text).toContain('Identifying fields removed from call details: 4');
    expect(done.text).not.toContain('7777');

    expect(await turns(first)).toBe(0);
    expect(await turns(second)).toBe(0);
    expect(await turns(other)).toBe(3);
    expect(await call(first)).toMatchObject({
      transcriptDeletedBy: 'request',
      metadata: { csat: 5 },
      notes: null,
      recordingUrl: null,
    });
    expect((await call(second)).metadata).toEqual({ caller: {}, disposition: 'resolved' });
    expect((await call(other)).metadata).toEqual({ customerPhone: '010-7777-9999' });

    const [entry] = await t.dataSource.query<{ after: string; actorName: string }[]>(
      `SELECT "after", "actorName" FROM "audit_log" WHERE "action" = 'data_request.deleted'`,
    );
    expect(entry.actorName).toContain(TEST_USERS.admin);
    expect(entry.after).not.toContain('7777');
    expect(JSON.parse(entry.after)).toMatchObject({
      kind: 'phone',
      calls: 2,
      turns: 6,
      fields: 4,
      callIds: [first, second],
      evidence: 1,
    });
  });

  it('finds calls by customer id and by call id, and refuses a phone number that is not one', async () => {
    await importCall('DSR-CID', 'pbx', 'voice', 1, { customer_id: 'C-9001', plan: 'basic' });
    const byId = await admin
      .post('/admin/data-requests/preview')
      .type('form')
      .send({ kind: 'customer', value: 'C-9001' })
      .set('Accept', 'text/html')
      .expect(200);
    expect(byId.text).toContain('1 calls, 3 turns and 1 identifying fields will be deleted.');
    const byCall = await admin
      .post('/admin/data-requests/preview')
      .type('form')
      .send({ kind: 'call', value: 'RT-RECENT' })
      .set('Accept', 'text/html')
      .expect(200);
    expect(byCall.text).toContain('RT-RECENT');
    const bad = await admin
      .post('/admin/data-requests/preview')
      .type('form')
      .send({ kind: 'phone', value: '12' })
      .set('Accept', 'text/html')
      .expect(400);
    expect(bad.text).toContain('a phone number has 7 to 15 digits');
    await admin
      .post('/admin/data-requests/preview')
      .type('form')
      .send({ kind: 'email', value: 'x' })
      .set('Accept', 'text/html')
      .expect(400);
  });
});
