/**
 * The roll-up's refresh per agent-day after many evaluations of one agent-day: on PostgreSQL a
 * pg-boss job coalesced by agent-day (40 auto evaluations → a few refreshes, not 40), on SQLite
 * one refresh per evaluation, in its outbox transaction. Either way the roll-up ends equal to
 * `analytics rebuild`.
 */
import { AnalyticsRepository } from '../../src/analytics/analytics.repository';
import { AnalyticsService } from '../../src/analytics/analytics.service';
import { AutoQaService } from '../../src/autoqa/autoqa.service';
import { fixture, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

const onPg = Boolean(process.env.DATABASE_URL);

describe(`the roll-up after 40 evaluations of one agent-day (${onPg ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'on' });
  });
  afterAll(() => t.close());

  it(onPg ? 'is refreshed a few times, not 40' : 'is refreshed once per evaluation', async () => {
    await t.app.get(AutoQaService).drain();
    const refresh = jest.spyOn(AnalyticsRepository.prototype, 'refresh');
    const admin = await t.client(TEST_USERS.admin);
    const call = JSON.parse(fixture('transcripts', 'call-ko.json').toString('utf8'));
    const upload = admin.post('/api/interactions/import');
    for (let i = 0; i < 40; i++) {
      const bytes = Buffer.from(JSON.stringify({ ...call, externalId: `COALESCE-${i}` }));
      upload.attach('files', bytes, `coalesce-${i}.json`);
    }
    expect((await upload.expect(200)).body.imported).toBe(40);
    await t.app.get(AutoQaService).drain();
    await t.jobsSettled();
    const auto = await t.dataSource.query(
      `SELECT COUNT(*) AS "n" FROM "evaluations" WHERE "kind" = 'auto'`,
    );
    expect(Number(auto[0].n)).toBe(40);
    const days = new Set(refresh.mock.calls.map(([, agentId, day]) => `${agentId}:${day}`));
    expect(days.size).toBe(1);
    // How many depends on how scoring and refreshing interleave on a busy machine (a refresh
    // already running takes no new sends); without coalescing it would be 40.
    if (onPg) expect(refresh.mock.calls.length).toBeLessThanOrEqual(10);
    else expect(refresh.mock.calls).toHaveLength(40);
    refresh.mockRestore();

    const rollUp = async () =>
      (
        await t.dataSource.query(
          `SELECT * FROM "criterion_stats" ORDER BY "agentId", "day", "scorecardKey", "criterionKey", "source"`,
        )
      ).map(({ id: _id, ...row }: Record<string, unknown>) => row);
    const refreshed = await rollUp();
    expect(refreshed.length).toBeGreaterThan(0);
    await t.app.get(AnalyticsService).rebuild();
    expect(await rollUp()).toEqual(refreshed);
  });
});
