/**
 * Script A/B tests: defining one (API and form), its result per variant with the test suited to
 * each metric, role scoping, and the demo's seeded experiment.
 *
 * Fixture, 2026-10-05 … 10-16, twelve calls: variant A (metadata.script = A, queue qa, the agent
 * says "좋은 하루") and B (script B, queue qb, "행복한 하루"), three of each per agent
 * (A-1 team Alpha, B-1 team Beta). A: CSAT 3 3 4 | 2 3 3, FCR T F T | F T F;
 * B: CSAT 4 5 4 | 4 5 4, FCR T F T | T F T (A-1's first three, B-1's last three).
 */
import type { Agent as TestAgent } from 'supertest';
import { DemoSeeder } from '../../src/cli/demo-seeder';
import { DEMO_EXPERIMENT } from '../../src/demo/demo-data';
import { proportionTest, welchTTest } from '../../src/statistics';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(120_000);

const A_CSAT = [3, 3, 4, 2, 3, 3];
const B_CSAT = [4, 5, 4, 4, 5, 4];
const A_FCR = [true, false, true, false, true, false];
const B_FCR = [true, false, true, true, false, true];

const PERIOD = { from: '2026-10-05', to: '2026-10-16' };
const byMetadata = {
  name: 'Closing script',
  assignment: 'metadata',
  field: 'script',
  variants: [
    { key: 'A', label: 'Current', value: 'A' },
    { key: 'B', label: 'New', value: 'B' },
  ],
  ...PERIOD,
};

describe('script A/B tests', () => {
  let t: TestApp;
  let evaluator: TestAgent;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    evaluator = await t.client();
    for (let i = 0; i < 12; i++) {
      const variant = i % 2 === 0 ? 'A' : 'B';
      const k = Math.floor(i / 2);
      const agent =
        k < 3
          ? { externalId: 'A-1', name: '김하나', team: 'Alpha' }
          : { externalId: 'B-1', name: '박세나', team: 'Beta' };
      const call = {
        externalId: `x${i}`,
        source: 'experiments-test',
        channel: 'voice',
        language: 'ko',
        agent,
        startedAt: `2026-10-${String(5 + k).padStart(2, '0')}T0${i % 2}:00:00Z`,
        queue: variant === 'A' ? 'qa' : 'qb',
        metadata: {
          script: variant,
          csat: (variant === 'A' ? A_CSAT : B_CSAT)[k],
          fcr: (variant === 'A' ? A_FCR : B_FCR)[k],
        },
        turns: [
          {
            speaker: 'agent',
            startMs: 0,
            endMs: 2000,
            text:
              variant === 'A' ? '안녕하세요, 좋은 하루입니다.' : '안녕하세요, 행복한 하루입니다.',
          },
          { speaker: 'customer', startMs: 2500, endMs: 10_000 + i * 1000, text: '문의입니다.' },
        ],
      };
      await evaluator
        .post('/api/interactions/import')
        .attach('files', Buffer.from(JSON.stringify(call)), `x${i}.json`)
        .expect(200);
    }
    await t.createUser({
      email: 'lead-beta@test.local',
      name: 'Lead Beta',
      role: 'team_lead',
      teams: ['Beta'],
    });
    await t.createUser({
      email: 'a1@test.local',
      name: '김하나',
      role: 'agent',
      agentExternalId: 'A-1',
    });
  });
  afterAll(() => t?.close());

  it('defines an experiment and compares the variants with the test suited to each metric', async () => {
    const created = (await evaluator.post('/api/experiments').send(byMetadata).expect(201)).body;
    const report = (await evaluator.get(`/api/experiments/${created.id}`).expect(200)).body;
    expect(
      report.result.variants.map((v: { key: string; calls: number }) => [v.key, v.calls]),
    ).toEqual([
      ['A', 6],
      ['B', 6],
    ]);
    const csat = report.result.comparisons.find((c: { metric: string }) => c.metric === 'csat');
    expect(csat.variant).toBe('B');
    expect(csat.test).toEqual(welchTTest(B_CSAT, A_CSAT));
    expect(csat.smallSample).toBe(true);
    const fcr = report.result.comparisons.find((c: { metric: string }) => c.metric === 'fcr');
    const expected = proportionTest({ successes: 4, n: 6 }, { successes: 3, n: 6 })!;
    expect(fcr.test).toEqual(expected);
    expect(fcr.test.test).toBe('fisher_exact');
    const list = (await evaluator.get('/api/experiments').expect(200)).body;
    expect(list.map((e: { name: string }) => e.name)).toContain('Closing script');
  });

  it('assigns by queue and by a phrase the agent said', async () => {
    for (const [name, assignment, a, b] of [
      ['By queue', 'queue', 'qa', 'qb'],
      ['By phrase', 'phrase', '좋은 하루', '행복한 하루'],
    ]) {
      const created = (
        await evaluator
          .post('/api/experiments')
          .send({
            ...byMetadata,
            name,
            assignment,
            field: undefined,
            variants: [
              { key: 'A', label: 'A', value: a },
              { key: 'B', label: 'B', value: b },
            ],
          })
          .expect(201)
      ).body;
      const report = (await evaluator.get(`/api/experiments/${created.id}`).expect(200)).body;
      expect(report.result.variants.map((v: { calls: number }) => v.calls)).toEqual([6, 6]);
    }
  });

  it('refuses a bad definition with a 400 naming the field', async () => {
    const refuse = async (body: object, field: string) => {
      const res = await evaluator
        .post('/api/experiments')
        .send({ ...byMetadata, name: `bad ${field}`, ...body })
        .expect(400);
      expect(JSON.stringify(res.body)).toContain(field);
    };
    await refuse({ variants: [{ key: 'A', label: 'A', value: 'A' }] }, 'variants');
    await refuse(
      {
        variants: [
          { key: 'A', label: 'A', value: 'A' },
          { key: 'A', label: 'B', value: 'B' },
        ],
      },
      'variants.1.key',
    );
    await refuse({ field: undefined }, 'field');
    await refuse({ from: '2026-02-30' }, 'from');
    await refuse({ criteria: ['greet'] }, 'scorecard');
    await refuse({ name: 'Closing script' }, 'name');
    await evaluator.get('/api/experiments/999999').expect(404);
  });

  it('scopes the result to the calls one may see, and keeps agents out', async () => {
    const [experiment] = (await evaluator.get('/api/experiments').expect(200)).body.filter(
      (e: { name: string }) => e.name === 'Closing script',
    );
    const lead = await t.client('lead-beta@test.local');
    const report = (await lead.get(`/api/experiments/${experiment.id}`).expect(200)).body;
    expect(report.result.variants.map((v: { calls: number }) => v.calls)).toEqual([3, 3]);
    await lead
      .post('/api/experiments')
      .send({ ...byMetadata, name: 'lead' })
      .expect(403);
    await (await t.client('a1@test.local')).get('/api/experiments').expect(403);
  });

  it('shows the list, the form (re-shown with the error beside the field) and the result page', async () => {
    const list = await evaluator.get('/experiments?lang=en').set('Accept', 'text/html').expect(200);
    expect(list.text).toContain('Script A/B tests');
    expect(list.text).toContain('id="experiment-form"');
    const bad = await evaluator
      .post('/experiments?lang=en')
      .type('form')
      .send({
        name: 'Form test',
        assignment: 'metadata',
        field: 'script',
        variants: 'A | Current | A',
        from: '2026-10-05',
        to: '2026-10-16',
      })
      .expect(400);
    expect(bad.text).toContain('class="field-error"');
    expect(bad.text).toContain('value="Form test"');
    const good = await evaluator
      .post('/experiments?lang=en')
      .type('form')
      .send({
        name: 'Form test',
        assignment: 'metadata',
        field: 'script',
        variants: 'A | Current | A\nB | New | B',
        from: '2026-10-05',
        to: '2026-10-16',
      })
      .expect(303);
    const page = await evaluator
      .get(`${good.headers.location}?lang=ko`)
      .set('Accept', 'text/html')
      .expect(200);
    expect(page.text).toContain('Welch t 검정');
    expect(page.text).toContain('Fisher 정확 검정');
    expect(page.text).toContain('data-metric="csat"');
    const lead = await (
      await t.client('lead-beta@test.local')
    )
      .get('/experiments')
      .set('Accept', 'text/html')
      .expect(200);
    expect(lead.text).not.toContain('id="experiment-form"');
  });
});

/** Its own app, started after the one above is closed (on PostgreSQL both use one database). */
describe('the quick-start demo', () => {
  it('seeds the demo experiment with its data', async () => {
    const app = await startTestApp({ AUTOQA: 'off' });
    try {
      await new DemoSeeder(app.app).seed({ calls: 40 });
      const admin = await app.client(TEST_USERS.admin);
      const [experiment] = (await admin.get('/api/experiments').expect(200)).body;
      expect(experiment.name).toBe(DEMO_EXPERIMENT.name);
      const report = (await admin.get(`/api/experiments/${experiment.id}`).expect(200)).body;
      const calls = report.result.variants.map((v: { calls: number }) => v.calls);
      expect(calls[0]).toBeGreaterThan(3);
      expect(Math.abs(calls[0] - calls[1])).toBeLessThanOrEqual(1);
    } finally {
      await app.close();
    }
  }, 300_000);
});
