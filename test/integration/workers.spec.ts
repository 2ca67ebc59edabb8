/**
 * WORKERS=off and `npm run worker`: a web instance with workers off scores nothing in the
 * background and leaves the outbox to the workers; a worker process (the app context src/worker.ts
 * starts, no HTTP) scores the calls that instance imported and delivers what it left.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import { WORKER_PROCESS_ENV } from '../../src/events/background';
import { OutboxEvent } from '../../src/events/entities/outbox-event.entity';
import { OutboxDispatcher } from '../../src/events/outbox-dispatcher';
import { QueueItem } from '../../src/queue/entities/queue-item.entity';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { User } from '../../src/users/entities/user.entity';
import { bestAnswers } from '../support/answers';
import { testCall } from '../support/people';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(90_000);

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
}

describe(`web instances with WORKERS=off and a worker (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let worker: INestApplicationContext | null = null;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'on', WORKERS: 'off' });
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  const autoEvaluations = async () =>
    Number(
      (
        await t.dataSource.query(`SELECT COUNT(*) AS "n" FROM "evaluations" WHERE "kind" = 'auto'`)
      )[0].n,
    );

  it('the web instance leaves imports unscored and the outbox pending; the worker does both', async () => {
    const evaluator = await t.client(TEST_USERS.evaluator);
    const upload = evaluator.post('/api/interactions/import');
    for (let i = 1; i <= 3; i++) {
      const call = testCall(`WORK-${i}`, { externalId: 'W-001', name: 'Agent W', team: 'Wolf' });
      upload.attach('files', Buffer.from(JSON.stringify(call)), `work-${i}.json`);
    }
    const imported = (await upload.expect(200)).body.results as { interactionId: number }[];
    // A manual evaluation of a queued call, committed while its delivery does not happen
    // (as if this instance died right after the commit).
    const interactionId = imported[0].interactionId;
    const me = await t.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: TEST_USERS.evaluator });
    const item = await t.dataSource.getRepository(QueueItem).save({
      interactionId,
      ruleId: null,
      reason: 'workers test',
      scorecardKey: 'voice-ko',
      evaluatorId: me.id,
      status: 'open',
      dueAt: new Date(Date.now() + 86_400_000),
      evaluationId: null,
      completedAt: null,
    });
    const draft = (
      await evaluator
        .post('/api/evaluations')
        .send({ interactionId, scorecardKey: 'voice-ko' })
        .expect(201)
    ).body;
    await t.app.get(OutboxDispatcher).stop();
    const definition = (await t.app.get(ScorecardsService).current('voice-ko')).definition;
    await evaluator
      .post(`/api/evaluations/${draft.id}/submit`)
      .send({ version: draft.version, answers: bestAnswers(definition) })
      .expect(201);

    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await autoEvaluations()).toBe(0);
    const pending = await t.dataSource.getRepository(OutboxEvent).findBy({ status: 'pending' });
    expect(pending.map((r) => r.payload.evaluationId)).toEqual([draft.id]);

    process.env[WORKER_PROCESS_ENV] = '1';
    try {
      worker = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
    } finally {
      delete process.env[WORKER_PROCESS_ENV];
    }
    expect(await until(async () => (await autoEvaluations()) === 3, 30_000)).toBe(true);
    const outboxDone = async () =>
      (await t.dataSource.getRepository(OutboxEvent).countBy({ status: 'pending' })) === 0;
    expect(await until(outboxDone, 15_000)).toBe(true);
    const closed = await t.dataSource.getRepository(QueueItem).findOneByOrFail({ id: item.id });
    expect(closed).toMatchObject({ status: 'done', evaluationId: draft.id });
  });
});
