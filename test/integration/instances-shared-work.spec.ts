import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { AnalyticsService } from '../../src/analytics/analytics.service';
import { AutoQaService } from '../../src/autoqa/autoqa.service';
import { createApp } from '../../src/app.factory';
import { JOB_QUEUE, type JobQueue } from '../../src/events/job-queue';
import { SAMPLE_CRON, SAMPLE_JOB } from '../../src/queue/sampling.scheduler';
import { SamplingService } from '../../src/queue/sampling.service';
import { ApiTokensService } from '../../src/auth/api-tokens.service';
import { UsersService } from '../../src/users/users.service';
import { fixture, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

/**
 * Work two app instances may do at the same moment on one database: the analytics roll-up
 * refresh and "Sample now". On PostgreSQL the second instance is a second app (its own
 * connection pool); on SQLite, where one app process uses the file, the same app twice.
 */
describe(`two instances doing the same work at once (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let second: NestExpressApplication | null = null;
  let apps: NestExpressApplication[];

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'on' });
    if (process.env.DATABASE_URL) {
      second = await createApp();
      await second.init();
    }
    apps = [t.app, second ?? t.app];
    const admin = await t.client(TEST_USERS.admin);
    const call = JSON.parse(fixture('transcripts', 'call-ko.json').toString('utf8'));
    const upload = admin.post('/api/interactions/import');
    for (let i = 0; i < 40; i++) {
      const bytes = Buffer.from(JSON.stringify({ ...call, externalId: `SHARED-${i}` }));
      upload.attach('files', bytes, `shared-${i}.json`);
    }
    expect((await upload.expect(200)).body.imported).toBe(40);
    await t.app.get(AutoQaService).drain();
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  const count = async (sql: string) => Number((await t.dataSource.query(sql))[0].n);

  it('refreshing the same agent-day and rebuilding from both at once: no error, the roll-up equals a rebuild', async () => {
    const [{ agentId, day }] = await t.dataSource.query(
      `SELECT "agentId", "day" FROM "criterion_stats" LIMIT 1`,
    );
    const work = apps.flatMap((app) => [
      ...Array.from({ length: 6 }, () => app.get(AnalyticsService).refresh(agentId, day)),
      app.get(AnalyticsService).rebuild(),
    ]);
    const results = await Promise.allSettled(work);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    // Every row but its id (a rebuild numbers them anew).
    const snapshot = async () =>
      (
        await t.dataSource.query(
          `SELECT * FROM "criterion_stats" ORDER BY "agentId", "day", "scorecardKey", "criterionKey", "source"`,
        )
      ).map(({ id: _id, ...row }: Record<string, unknown>) => row);
    const after = await snapshot();
    await t.app.get(AnalyticsService).rebuild();
    expect(after.length).toBeGreaterThan(0);
    expect(after).toEqual(await snapshot());
  });

  it('"Sample now" on both at once: each call queued once, one audit entry reporting them', async () => {
    const admin = await t.client(TEST_USERS.admin);
    await admin
      .post('/api/queue/rules')
      .send({ name: 'Billing', kind: 'queue', params: { queue: 'billing' } })
      .expect(201);
    const row = await apps[1].get(UsersService).findByEmail(TEST_USERS.admin);
    const actor = (await apps[1].get(UsersService).actorFor(row!.id))!;
    const token = (await apps[1].get(ApiTokensService).create(actor, 'second')).token;
    const clients = [
      admin,
      request.agent(apps[1].getHttpServer()).set('Authorization', `Bearer ${token}`),
    ];
    await Promise.all(
      [...clients, ...clients].map((c) =>
        c.post('/queue/sample').set('Accept', 'text/html').expect(303),
      ),
    );
    expect(await count(`SELECT COUNT(*) AS "n" FROM "queue_items"`)).toBe(40);
    const audits = await t.dataSource.query(
      `SELECT "after" FROM "audit_log" WHERE "action" = 'queue.sampled'`,
    );
    expect(audits).toHaveLength(1);
    const after =
      typeof audits[0].after === 'string' ? JSON.parse(audits[0].after) : audits[0].after;
    expect(after.queued).toBe(40);
  });

  (process.env.DATABASE_URL ? it : it.skip)(
    'the automatic sampling: one pg-boss schedule for both, and runs asked for at once coalesce',
    async () => {
      expect(await t.dataSource.query(`SELECT name, cron FROM pgboss.schedule`)).toEqual([
        { name: SAMPLE_JOB, cron: SAMPLE_CRON },
      ]);
      const sample = jest.spyOn(SamplingService.prototype, 'sample');
      const queues = apps.map((app) => app.get<JobQueue>(JOB_QUEUE));
      await Promise.all([...queues, ...queues, ...queues].map((q) => q.send(SAMPLE_JOB, {})));
      await Promise.all(queues.map((q) => q.settled([SAMPLE_JOB])));
      // Six asks: one run waiting at a time (a second may wait while the first runs).
      expect(sample.mock.calls.length).toBeGreaterThanOrEqual(1);
      expect(sample.mock.calls.length).toBeLessThanOrEqual(2);
      sample.mockRestore();
    },
  );
});
