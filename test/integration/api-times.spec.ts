/**
 * Times in JSON answers are ISO 8601 in UTC with a `Z` (`2026-11-02T00:15:00.000Z`), whichever
 * database gave them: SQLite hands raw queries zone-less text (`2026-11-02 00:15:00`), which a
 * client would read as its own local time. Every GET of the API over the loaded demo, as an
 * admin, is walked for values that look like a time; a call's start in the list and on the call
 * itself must agree.
 */
import { DemoSeeder } from '../../src/cli/demo-seeder';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(300_000);

/** A date and a time of day, in any spelling a database or a serializer might produce. */
const TIME_LIKE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/** Every value that looks like a time but is not ISO UTC, with where it was found. */
function badTimes(value: unknown, where: string, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (TIME_LIKE.test(value) && !ISO_UTC.test(value)) out.push(`${where}: ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => badTimes(v, `${where}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) badTimes(v, `${where}.${k}`, out);
  }
  return out;
}

/** How many time values were seen: the test fails if the answers held none to check. */
function timeCount(value: unknown): number {
  if (typeof value === 'string') return TIME_LIKE.test(value) ? 1 : 0;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + timeCount(v), 0);
  if (value && typeof value === 'object') {
    return Object.values(value).reduce((n: number, v) => n + timeCount(v), 0);
  }
  return 0;
}

describe('API times are ISO 8601 UTC', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    await new DemoSeeder(t.app).seed({ calls: 40 });
  });
  afterAll(() => t.close());

  it('in every GET answer of the API over the demo', async () => {
    const admin = await t.client(TEST_USERS.admin);
    const get = async (url: string) => (await admin.get(url).expect(200)).body as unknown;
    const interactions = (await get('/api/interactions?pageSize=5')) as { items: { id: number }[] };
    const evaluations = await t.dataSource.query<{ id: number; interactionId: number }[]>(
      `SELECT "id", "interactionId" FROM "evaluations" ORDER BY "status" DESC, "id" LIMIT 12`,
    );
    const queue = await get('/api/queue?view=all&status=any');
    const calibration = await get('/api/calibration/history');
    const [agent] = await t.dataSource.query<{ externalId: string }[]>(
      `SELECT "externalId" FROM "agents" ORDER BY "id" LIMIT 1`,
    );
    const sessions = await t.dataSource.query<{ id: number }[]>(
      `SELECT "id" FROM "calibration_sessions" ORDER BY "id" LIMIT 2`,
    );
    const plans = await t.dataSource.query<{ id: number }[]>(
      `SELECT "id" FROM "coaching_plans" ORDER BY "id" LIMIT 2`,
    );
    const answers: Record<string, unknown> = {
      interactions,
      queue,
      calibration,
      rules: await get('/api/queue/rules'),
      audit: await get('/api/audit?limit=200'),
      scorecards: await get('/api/scorecards'),
      versions: await get('/api/scorecards/voice-ko/versions'),
      me: await get('/api/auth/me'),
      agents: await get('/api/agents'),
      heatmap: await get('/api/analytics/heatmap'),
      profile: await get(`/api/analytics/agents/${agent.externalId}/profile`),
    };
    for (const i of interactions.items.slice(0, 3)) {
      const one = (await get(`/api/interactions/${i.id}`)) as { startedAt: string };
      answers[`interaction ${i.id}`] = one;
      expect((i as { startedAt?: string }).startedAt).toBe(one.startedAt);
    }
    for (const e of evaluations) {
      answers[`evaluations of ${e.interactionId}`] = await get(
        `/api/evaluations?interactionId=${e.interactionId}`,
      );
      answers[`evaluation ${e.id}`] = await get(`/api/evaluations/${e.id}`);
      answers[`responses ${e.id}`] = await get(`/api/evaluations/${e.id}/responses`);
    }
    for (const s of sessions)
      answers[`calibration ${s.id}`] = await get(`/api/calibration/${s.id}`);
    for (const p of plans) answers[`plan ${p.id}`] = await get(`/api/coaching/plans/${p.id}`);

    expect(badTimes(answers, 'GET')).toEqual([]);
    // The answers did hold times (created, updated, started, due, scheduled …).
    expect(timeCount(answers)).toBeGreaterThan(50);
  });
});
