/**
 * The outbox: an evaluation's side effects (its queue item closed, the agent-day's roll-up
 * refreshed, the agent's notice) are owed by a row written in the evaluation's own transaction.
 * The process "dies" right after the commit (the dispatcher stopped: nothing delivered), a
 * handler fails on the first try, and still every side effect happens exactly once when the
 * dispatcher runs again; a row that keeps failing ends `failed` and can be retried.
 */
import type { Agent as TestAgent } from 'supertest';
import { AnalyticsRepository } from '../../src/analytics/analytics.repository';
import { AnalyticsService } from '../../src/analytics/analytics.service';
import { OutboxEvent } from '../../src/events/entities/outbox-event.entity';
import { MAX_ATTEMPTS, OutboxDispatcher } from '../../src/events/outbox-dispatcher';
import { OutboxRepository } from '../../src/events/outbox.repository';
import { Notification } from '../../src/notifications/entities/notification.entity';
import { QueueItem } from '../../src/queue/entities/queue-item.entity';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { User } from '../../src/users/entities/user.entity';
import { bestAnswers } from '../support/answers';
import { seedTwoTeams, testCall, TwoTeams } from '../support/people';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(90_000);

const HOUR = 3_600_000;

describe(`the outbox of evaluation side effects (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let seed: TwoTeams;
  let evaluator: TestAgent;
  let dispatcher: OutboxDispatcher;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    seed = await seedTwoTeams(t);
    evaluator = await t.client(seed.users.evaluator);
    dispatcher = t.app.get(OutboxDispatcher);
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  /** A new call of agent 1, queued for the evaluator, and a draft of it. */
  async function queuedDraft(externalId: string) {
    const call = testCall(externalId, { externalId: 'P-001', name: 'Agent 1', team: 'Alpha' });
    const imported = await evaluator
      .post('/api/interactions/import')
      .attach('files', Buffer.from(JSON.stringify(call)), `${externalId}.json`)
      .expect(200);
    const interactionId: number = imported.body.results[0].interactionId;
    const me = await t.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: seed.users.evaluator });
    const item = await t.dataSource.getRepository(QueueItem).save({
      interactionId,
      ruleId: null,
      reason: 'outbox test',
      scorecardKey: 'voice-ko',
      evaluatorId: me.id,
      status: 'open',
      dueAt: new Date(Date.now() + 24 * HOUR),
      evaluationId: null,
      completedAt: null,
    });
    const draft = (
      await evaluator
        .post('/api/evaluations')
        .send({ interactionId, scorecardKey: 'voice-ko' })
        .expect(201)
    ).body;
    return { interactionId, itemId: item.id, draft };
  }

  async function submit(draft: { id: number; version: number }) {
    const definition = (await t.app.get(ScorecardsService).current('voice-ko')).definition;
    await evaluator
      .post(`/api/evaluations/${draft.id}/submit`)
      .send({ version: draft.version, answers: bestAnswers(definition) })
      .expect(201);
  }

  const rollUp = async () =>
    (
      await t.dataSource.query(
        `SELECT * FROM "criterion_stats" ORDER BY "agentId", "day", "scorecardKey", "criterionKey", "source"`,
      )
    ).map(({ id: _id, ...row }: Record<string, unknown>) => row);

  /**
   * The roll-up once it equals `want`, or as it stands after 15 s: on PostgreSQL the refresh is a
   * pg-boss job that follows the delivery (jobsSettled waits for the jobs this app knows of).
   */
  async function rollUpOnceItIs(want: unknown[]): Promise<unknown[]> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      await t.jobsSettled();
      const now = await rollUp();
      if (JSON.stringify(now) === JSON.stringify(want) || Date.now() > deadline) return now;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** The roll-up as `analytics rebuild` makes it; the roll-up is put back as it was. */
  async function rebuilt(): Promise<unknown[]> {
    const before = await rollUp();
    await t.app.get(AnalyticsService).rebuild();
    const after = await rollUp();
    // A rebuild is what delivery must reach, not what we test: undo it by hand.
    await t.dataSource.query(`DELETE FROM "criterion_stats"`);
    for (const row of before) {
      await t.dataSource
        .createQueryBuilder()
        .insert()
        .into('criterion_stats')
        .values(row)
        .execute();
    }
    return after;
  }

  const noticesOf = async (evaluationId: number) => {
    const agent = await t.dataSource.getRepository(User).findOneByOrFail({
      email: seed.users.agent1,
    });
    const rows = await t.dataSource
      .getRepository(Notification)
      .findBy({ userId: agent.id, kind: 'evaluation_submitted' });
    return rows.filter((r) => r.params?.evaluationId === evaluationId).length;
  };
  const doneAudits = async (itemId: number) =>
    Number(
      (
        await t.dataSource.query(
          `SELECT COUNT(*) AS "n" FROM "audit_log" WHERE "action" = 'queue_item.done' AND "entityId" = '${itemId}'`,
        )
      )[0].n,
    );
  const rowsOf = (evaluationId: number) =>
    t.dataSource
      .getRepository(OutboxEvent)
      .find({ order: { id: 'ASC' } })
      .then((rows) => rows.filter((r) => r.payload.evaluationId === evaluationId));

  it('the process dies after the commit and a handler fails once: every side effect happens exactly once', async () => {
    const { itemId, draft } = await queuedDraft('OUTBOX-1');
    // The seed's own roll-up refreshes (jobs on PostgreSQL) land first: a late one for the same
    // agent-day would otherwise take in this evaluation and look like a delivery.
    await t.jobsSettled();
    // "Dies" right after its commits: nothing is delivered from now on.
    await dispatcher.stop();
    await submit(draft);

    const [row] = await rowsOf(draft.id);
    expect(row).toMatchObject({ topic: 'evaluation.scored', status: 'pending', attempts: 0 });
    expect(row.payload).toMatchObject({ reason: 'submitted', kind: 'manual' });
    let item = await t.dataSource.getRepository(QueueItem).findOneByOrFail({ id: itemId });
    expect(item.status).toBe('open');
    expect(await noticesOf(draft.id)).toBe(0);
    const expected = await rebuilt();
    expect(await rollUp()).not.toEqual(expected);

    // Started again, the roll-up's listener (it finds the agent-day to refresh) fails on the
    // first try: the other side effects of that delivery are rolled back with it, the row
    // keeps the error and waits its backoff.
    jest
      .spyOn(AnalyticsRepository.prototype, 'agentDayOf')
      .mockRejectedValueOnce(new Error('disk full'));
    dispatcher.start(false);
    await dispatcher.drain();
    const [failed] = await rowsOf(draft.id);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(failed.lastError).toContain('disk full');
    expect(failed.availableAt.getTime()).toBeGreaterThan(Date.now());
    item = await t.dataSource.getRepository(QueueItem).findOneByOrFail({ id: itemId });
    expect(item.status).toBe('open');
    expect(await noticesOf(draft.id)).toBe(0);
    expect(await doneAudits(itemId)).toBe(0);

    // After the backoff: done, and each side effect once.
    expect(await dispatcher.drain(new Date(Date.now() + HOUR))).toBeGreaterThanOrEqual(1);
    const [done] = await rowsOf(draft.id);
    expect(done).toMatchObject({ status: 'done', attempts: 1 });
    expect(done.doneAt).toBeInstanceOf(Date);
    item = await t.dataSource.getRepository(QueueItem).findOneByOrFail({ id: itemId });
    expect(item).toMatchObject({ status: 'done', evaluationId: draft.id });
    expect(await doneAudits(itemId)).toBe(1);
    expect(await noticesOf(draft.id)).toBe(1);
    // The refresh itself: a job on PostgreSQL (it follows within a second), at once on SQLite.
    expect(await rollUpOnceItIs(expected)).toEqual(expected);

    // Draining again changes nothing.
    expect(await dispatcher.drain(new Date(Date.now() + 2 * HOUR))).toBe(0);
    expect(await doneAudits(itemId)).toBe(1);
    expect(await noticesOf(draft.id)).toBe(1);
  });

  it('delivered at once while running; a row that keeps failing ends failed with its error, and a retry delivers it', async () => {
    dispatcher.start(false);
    const first = await queuedDraft('OUTBOX-2');
    await submit(first.draft);
    expect((await rowsOf(first.draft.id))[0]).toMatchObject({ status: 'done', attempts: 0 });
    expect(await noticesOf(first.draft.id)).toBe(1);

    const { itemId, draft } = await queuedDraft('OUTBOX-3');
    jest
      .spyOn(AnalyticsRepository.prototype, 'agentDayOf')
      .mockRejectedValue(new Error('roll-up table missing'));
    await submit(draft);
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      await dispatcher.drain(new Date(Date.now() + i * 24 * HOUR));
    }
    const [failed] = await rowsOf(draft.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(failed.lastError).toContain('roll-up table missing');
    expect(await dispatcher.drain(new Date(Date.now() + 365 * 24 * HOUR))).toBe(0);
    expect(await noticesOf(draft.id)).toBe(0);

    jest.restoreAllMocks();
    expect(await t.app.get(OutboxRepository).retry(t.dataSource.manager, failed.id)).toBe(true);
    await dispatcher.drain();
    expect((await rowsOf(draft.id))[0]).toMatchObject({ status: 'done' });
    const item = await t.dataSource.getRepository(QueueItem).findOneByOrFail({ id: itemId });
    expect(item).toMatchObject({ status: 'done', evaluationId: draft.id });
    expect(await noticesOf(draft.id)).toBe(1);
    await t.jobsSettled();
    const want = await rebuilt();
    expect(await rollUpOnceItIs(want)).toEqual(want);
  });

  it('forgets done rows after a week; failed and pending rows stay', async () => {
    const rows = t.dataSource.getRepository(OutboxEvent);
    const done = await rows.find({ where: { status: 'done' }, order: { id: 'ASC' } });
    expect(done.length).toBeGreaterThanOrEqual(2);
    const now = Date.now();
    await rows.update(done[0].id, { doneAt: new Date(now - 8 * 24 * HOUR) });
    await rows.update(done[1].id, { doneAt: new Date(now - 6 * 24 * HOUR) });
    const kept = await rows.save(
      rows.create({
        topic: 'test.kept',
        payload: {},
        status: 'failed',
        attempts: MAX_ATTEMPTS,
        lastError: 'kept',
        availableAt: new Date(now - 30 * 24 * HOUR),
        doneAt: null,
      }),
    );
    expect(await dispatcher.prune(new Date(now))).toBe(1);
    expect(await rows.findOneBy({ id: done[0].id })).toBeNull();
    expect(await rows.findOneBy({ id: done[1].id })).not.toBeNull();
    expect(await rows.findOneBy({ id: kept.id })).not.toBeNull();
  });
});
