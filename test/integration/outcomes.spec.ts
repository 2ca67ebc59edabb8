/**
 * KPIs beside QA and the drivers of CSAT/FCR against a fixture worked out by hand.
 *
 * Scorecard `outcomes-test`: one section, criteria greet and solve (yes/no); score = share passed.
 * Every call: agent turn 0–2 s, customer turn 2.5 s – D, so duration D and 0.5 s of silence.
 *
 * A-1 (team Alpha), 2026-10-05 … 10-13:
 *   a1 D=10 s csat 5 fcr true  acw 20 s           customer C1      greet 1 solve 1 → 100
 *   a2 D=20 s csat 2 fcr false acw 10 s hold 4 s   transferred      greet 0 solve 0 → 0
 *   a3 D=30 s csat 4 fcr true  transferred false                   greet 1 solve 0 → 50
 *   a4 D=40 s csat 3 fcr "no"  disposition transferred (queue tech) greet 0 solve 1 → 50
 *   → calls 4, QA 50, CSAT 3.5, FCR 2/4, AHT (30+30+30+40)/4 = 32.5 s, hold 4/20 = 20 % (1 call),
 *     silence 2/100 = 2 %, transfers 2/3, calls per handled hour 4 / (130 s / 3600) = 110.77
 * B-1 (team Beta), no FCR in the metadata:
 *   b1 10-06 D=10 s csat 4 customer C9   greet 1 solve 1   (C9 again on 10-08: derived FCR no)
 *   b2 10-08 D=10 s csat 5 customer C9   greet 1 solve 1   (no repeat within 7 days: yes)
 *   b3 10-09 D=10 s csat 1 (no customer) greet 0 solve 0   (FCR unknown)
 *   → derived FCR 1/2 (7 days); with 1 day, b1 counts as resolved: 2/2; metadata only: n = 0
 * Drivers, human answers, CSAT over the 7 calls:
 *   greet passed a1 a3 b1 b2 → 5 4 4 5 = 4.5; failed a2 a4 b3 → 2 3 1 = 2.0; difference +2.5
 *   solve passed a1 a4 b1 b2 → 5 3 4 5 = 4.25; failed a2 a3 b3 → 2 4 1 = 2.333…
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Agent as TestAgent } from 'supertest';
import { meanDifference, welchTTest } from '../../src/statistics';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(60_000);

const SCORECARD = `
key: outcomes-test
name: Outcomes test
language: ko
channel: voice
passingScore: 80
sections:
  - key: main
    label: 기본
    weight: 100
    criteria:
      - { key: greet, label: 인사, guidance: 인사했는가, scale: yes_no }
      - { key: solve, label: 해결, guidance: 해결했는가, scale: yes_no }
`;

interface Spec {
  id: string;
  agent: 'A-1' | 'B-1';
  at: string;
  seconds: number;
  queue?: string;
  metadata: Record<string, unknown>;
  answers: [0 | 1, 0 | 1];
}

const AGENTS = {
  'A-1': { name: '김하나', team: 'Alpha' },
  'B-1': { name: '박세나', team: 'Beta' },
};
const CALLS: Spec[] = [
  {
    id: 'a1',
    agent: 'A-1',
    at: '2026-10-05T01:00:00Z',
    seconds: 10,
    metadata: { csat: 5, fcr: true, acwSeconds: 20, customerId: 'C1' },
    answers: [1, 1],
  },
  {
    id: 'a2',
    agent: 'A-1',
    at: '2026-10-06T01:00:00Z',
    seconds: 20,
    metadata: { csat: 2, fcr: false, acwSeconds: 10, holdSeconds: 4, transferred: true },
    answers: [0, 0],
  },
  {
    id: 'a3',
    agent: 'A-1',
    at: '2026-10-07T01:00:00Z',
    seconds: 30,
    metadata: { csat: 4, fcr: true, transferred: false },
    answers: [1, 0],
  },
  {
    id: 'a4',
    agent: 'A-1',
    at: '2026-10-13T01:00:00Z',
    seconds: 40,
    queue: 'tech',
    metadata: { csat: '3', fcr: 'no', disposition: 'transferred' },
    answers: [0, 1],
  },
  {
    id: 'b1',
    agent: 'B-1',
    at: '2026-10-06T02:00:00Z',
    seconds: 10,
    metadata: { csat: 4, customerId: 'C9' },
    answers: [1, 1],
  },
  {
    id: 'b2',
    agent: 'B-1',
    at: '2026-10-08T02:00:00Z',
    seconds: 10,
    metadata: { csat: 5, customerId: 'C9' },
    answers: [1, 1],
  },
  {
    id: 'b3',
    agent: 'B-1',
    at: '2026-10-09T02:00:00Z',
    seconds: 10,
    metadata: { csat: 1 },
    answers: [0, 0],
  },
];

const PERIOD = 'from=2026-10-05&to=2026-10-18';

interface Row {
  key: string;
  calls: number;
  qaScore: { mean: number; n: number };
  csat: { mean: number; n: number; ci: { low: number; high: number } };
  fcr: { rate: number | null; n: number; successes: number };
  ahtSeconds: { mean: number };
  holdShare: number | null;
  holdCalls: number;
  silenceShare: number;
  transfers: { rate: number; n: number };
  contactsPerHandledHour: number;
}

describe('KPIs beside QA and the drivers of CSAT and FCR', () => {
  let t: TestApp;
  let evaluator: TestAgent;

  async function importAndScore(spec: Spec) {
    const call = {
      externalId: spec.id,
      source: 'outcomes-test',
      channel: 'voice',
      language: 'ko',
      agent: { externalId: spec.agent, ...AGENTS[spec.agent] },
      startedAt: spec.at,
      queue: spec.queue ?? 'billing',
      metadata: spec.metadata,
      turns: [
        { speaker: 'agent', startMs: 0, endMs: 2000, text: '안녕하세요, 상담사입니다.' },
        { speaker: 'customer', startMs: 2500, endMs: spec.seconds * 1000, text: '문의입니다.' },
      ],
    };
    const imported = await evaluator
      .post('/api/interactions/import')
      .attach('files', Buffer.from(JSON.stringify(call)), `${spec.id}.json`)
      .expect(200);
    const interactionId = imported.body.results[0].interactionId;
    const draft = (
      await evaluator
        .post('/api/evaluations')
        .send({ interactionId, scorecardKey: 'outcomes-test' })
        .expect(201)
    ).body;
    await evaluator
      .post(`/api/evaluations/${draft.id}/submit`)
      .send({
        version: draft.version,
        answers: [
          { key: 'greet', value: spec.answers[0] },
          { key: 'solve', value: spec.answers[1] },
        ],
      })
      .expect(201);
  }

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    evaluator = await t.client();
    fs.writeFileSync(path.join(t.scorecardsDir, 'outcomes-test.yaml'), SCORECARD);
    await (await t.client(TEST_USERS.admin)).post('/api/scorecards/sync').expect(200);
    for (const spec of CALLS) await importAndScore(spec);
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
    // On PostgreSQL the outcome roll-up the KPIs read is refreshed by jobs: wait for them.
    await t.jobsSettled();
  });
  afterAll(() => t?.close());

  const kpis = async (query: string, who: string = TEST_USERS.evaluator) =>
    (await (await t.client(who)).get(`/api/analytics/kpis?${PERIOD}&${query}`).expect(200))
      .body as {
      rows: Row[];
      total: Row;
    };
  const rowOf = (rows: Row[], key: string) => rows.find((r) => r.key === key)!;

  it('gives each KPI per agent next to the QA score', async () => {
    const { rows, total } = await kpis('by=agent');
    expect(rows.map((r) => r.key)).toEqual(['A-1', 'B-1']);
    const a = rowOf(rows, 'A-1');
    expect(a.calls).toBe(4);
    expect(a.qaScore).toMatchObject({ mean: 50, n: 4 });
    expect(a.csat).toMatchObject({ mean: 3.5, n: 4 });
    expect(a.fcr).toMatchObject({ rate: 0.5, n: 4, successes: 2 });
    expect(a.ahtSeconds.mean).toBeCloseTo(32.5, 9);
    expect(a.holdShare).toBeCloseTo(0.2, 9);
    expect(a.holdCalls).toBe(1);
    expect(a.silenceShare).toBeCloseTo(0.02, 9);
    expect(a.transfers).toMatchObject({ n: 3 });
    expect(a.transfers.rate).toBeCloseTo(2 / 3, 9);
    expect(a.contactsPerHandledHour).toBeCloseTo(4 / (130 / 3600), 6);
    // The CSAT interval is the t interval of 5, 2, 4, 3 (mean 3.5, s = 1.291, t(3) = 3.182).
    expect(a.csat.ci.low).toBeCloseTo(3.5 - 3.182446 * (1.290994 / 2), 4);
    expect(total.calls).toBe(7);
    expect(total.csat.mean).toBeCloseTo(24 / 7, 9);
  });

  it('derives FCR from repeat contacts, with the window configurable, when the metadata has none', async () => {
    expect(rowOf((await kpis('by=agent')).rows, 'B-1').fcr).toMatchObject({ rate: 0.5, n: 2 });
    expect(rowOf((await kpis('by=agent&repeatDays=1')).rows, 'B-1').fcr).toMatchObject({
      rate: 1,
      n: 2,
    });
    expect(rowOf((await kpis('by=agent&fcr=metadata')).rows, 'B-1').fcr).toMatchObject({
      rate: null,
      n: 0,
    });
    // Derived only: A-1's a1 has customer C1 and no repeat; the others have no customer id.
    expect(rowOf((await kpis('by=agent&fcr=derived')).rows, 'A-1').fcr).toMatchObject({
      rate: 1,
      n: 1,
    });
  });

  it('groups by team, queue, channel and week', async () => {
    expect((await kpis('by=team')).rows.map((r) => r.calls).sort()).toEqual([3, 4]);
    expect(rowOf((await kpis('by=queue')).rows, 'tech').calls).toBe(1);
    expect(rowOf((await kpis('by=channel')).rows, 'voice').calls).toBe(7);
    const weeks = (await kpis('by=week')).rows;
    expect(weeks.map((r) => [r.key, r.calls])).toEqual([
      ['2026-W41', 6],
      ['2026-W42', 1],
    ]);
  });

  it('scopes by role: a team lead sees their team, an agent their own calls', async () => {
    expect((await kpis('by=agent', 'lead-beta@test.local')).rows.map((r) => r.key)).toEqual([
      'B-1',
    ]);
    expect((await kpis('by=agent', 'a1@test.local')).rows.map((r) => r.key)).toEqual(['A-1']);
    expect((await kpis('by=agent&agent=B-1', 'a1@test.local')).rows).toEqual([]);
  });

  it('refuses a bad filter with a 400 naming the field', async () => {
    const res = await evaluator.get('/api/analytics/kpis?from=2026-13-01').expect(400);
    expect(JSON.stringify(res.body)).toContain('from');
    await evaluator.get('/api/analytics/kpis?by=month').expect(400);
    await evaluator.get('/api/analytics/kpis?repeatDays=0').expect(400);
  });

  it('shows the KPI page with links to the calls, and the same table as CSV', async () => {
    const page = await evaluator
      .get(`/analytics/kpis?${PERIOD}&lang=en`)
      .set('Accept', 'text/html')
      .expect(200);
    expect(page.text).toContain('KPIs by Agent');
    expect(page.text).toContain(
      'href="/interactions?from&#x3D;2026-10-05&amp;to&#x3D;2026-10-18&amp;agent&#x3D;A-1"',
    );
    const csv = await evaluator.get(`/analytics/kpis.csv?${PERIOD}&lang=en`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0].split(',').slice(0, 4)).toEqual(['Agent', 'Key', 'Calls', 'QA score']);
    expect(lines[1].split(',').slice(0, 4)).toEqual(['김하나', 'A-1', '4', '50']);
    expect(lines).toHaveLength(4);
    const ko = await evaluator
      .get(`/analytics/kpis?${PERIOD}&lang=ko`)
      .set('Accept', 'text/html')
      .expect(200);
    expect(ko.text).toContain('품질 옆의 KPI');
  });

  it("ranks criteria by their CSAT difference, human and auto answers apart, with the library's tests", async () => {
    const body = (
      await evaluator.get(`/api/analytics/drivers?${PERIOD}&scorecard=outcomes-test`).expect(200)
    ).body;
    const human = body.results.csat.human;
    expect(human.calls).toBe(7);
    expect(body.results.csat.auto.calls).toBe(0);
    const greet = human.effects.find((e: { criterionKey: string }) => e.criterionKey === 'greet');
    expect(greet.passed).toMatchObject({ mean: 4.5, n: 4 });
    expect(greet.failed).toMatchObject({ mean: 2, n: 3 });
    const expected = meanDifference([5, 4, 4, 5], [2, 3, 1])!;
    expect(greet.difference.estimate).toBeCloseTo(2.5, 9);
    expect(greet.difference.ci.low).toBeCloseTo(expected.ci.low, 9);
    expect(greet.test.test).toBe('welch_t');
    expect(greet.test.pValue).toBeCloseTo(welchTTest([5, 4, 4, 5], [2, 3, 1])!.pValue, 9);
    expect(human.effects.map((e: { criterionKey: string }) => e.criterionKey)).toEqual([
      'greet',
      'solve',
    ]);
    const solve = human.effects[1];
    expect(solve.passed.mean).toBeCloseTo(4.25, 9);
    expect(solve.failed.mean).toBeCloseTo(7 / 3, 9);
    // FCR: metadata on A-1's four calls, derived on B-1's b1 and b2.
    expect(body.results.fcr.human.calls).toBe(6);
  });

  it('scopes the drivers to a team lead and refuses them to agents', async () => {
    const body = (
      await (
        await t.client('lead-beta@test.local')
      )
        .get(`/api/analytics/drivers?${PERIOD}&scorecard=outcomes-test`)
        .expect(200)
    ).body;
    expect(body.results.csat.human.calls).toBe(3);
    await (await t.client('a1@test.local')).get(`/api/analytics/drivers?${PERIOD}`).expect(403);
    await evaluator.get(`/api/analytics/drivers?${PERIOD}&scorecard=nope`).expect(400);
  });

  it('shows the drivers page with the caveat beside it, in both languages, and as CSV', async () => {
    const en = await evaluator
      .get(`/analytics/drivers?${PERIOD}&scorecard=outcomes-test&lang=en`)
      .set('Accept', 'text/html')
      .expect(200);
    expect(en.text).toContain('Correlation, not cause.');
    expect(en.text).toContain('data-criterion="greet"');
    const ko = await evaluator
      .get(`/analytics/drivers?${PERIOD}&scorecard=outcomes-test&lang=ko`)
      .set('Accept', 'text/html')
      .expect(200);
    expect(ko.text).toContain('상관관계이지 인과관계가 아닙니다.');
    const csv = await evaluator
      .get(`/analytics/drivers.csv?${PERIOD}&scorecard=outcomes-test&outcome=fcr&lang=en`)
      .expect(200);
    expect(csv.text).toContain('human,greet,');
    const bad = await evaluator
      .get(`/analytics/drivers?from=2026-02-31&lang=en`)
      .set('Accept', 'text/html')
      .expect(400);
    expect(bad.text).toContain('field-error');
  });

  it("measures chat concurrency against QA score and response time, and lists the week's best and worst chats", async () => {
    // Two chats of A-1 open at once on 2026-11-02 (outside the KPI fixture's period), one of B-1.
    const chats = [
      { id: 'chat-1', agent: 'A-1', at: '2026-11-02T01:00:00Z', reply: 4000, answers: [1, 1] },
      { id: 'chat-2', agent: 'A-1', at: '2026-11-02T01:00:30Z', reply: 10000, answers: [0, 1] },
      { id: 'chat-3', agent: 'B-1', at: '2026-11-02T03:00:00Z', reply: 2000, answers: [0, 0] },
    ] as const;
    for (const c of chats) {
      const call = {
        externalId: c.id,
        source: 'outcomes-test',
        channel: 'chat',
        language: 'ko',
        agent: { externalId: c.agent, ...AGENTS[c.agent] },
        startedAt: c.at,
        metadata: { csat: 4 },
        turns: [
          { speaker: 'customer', startMs: 0, endMs: 0, text: '문의드립니다.' },
          { speaker: 'agent', startMs: c.reply, endMs: c.reply, text: '네, 확인하겠습니다.' },
          { speaker: 'customer', startMs: 60_000, endMs: 60_000, text: '감사합니다.' },
        ],
      };
      const imported = await evaluator
        .post('/api/interactions/import')
        .attach('files', Buffer.from(JSON.stringify(call)), `${c.id}.json`)
        .expect(200);
      const interactionId = imported.body.results[0].interactionId;
      const draft = (
        await evaluator
          .post('/api/evaluations')
          .send({ interactionId, scorecardKey: 'outcomes-test' })
          .expect(201)
      ).body;
      await evaluator
        .post(`/api/evaluations/${draft.id}/submit`)
        .send({
          version: draft.version,
          answers: [
            { key: 'greet', value: c.answers[0] },
            { key: 'solve', value: c.answers[1] },
          ],
        })
        .expect(201);
    }
    const query = 'from=2026-11-02&to=2026-11-08';
    const body = (await evaluator.get(`/api/analytics/chats?${query}`).expect(200)).body;
    expect(body.chats).toBe(3);
    const a1 = body.agents.find((a: { agentExternalId: string }) => a.agentExternalId === 'A-1');
    expect(a1).toMatchObject({ chats: 2, meanConcurrency: 2, maxConcurrency: 2 });
    expect(a1.qaScore.mean).toBe(75);
    expect(a1.responseSeconds.mean).toBe(7);
    expect(
      body.concurrency.map((l: { level: string; chats: number }) => [l.level, l.chats]),
    ).toEqual([
      ['1', 1],
      ['2', 2],
    ]);
    const alpha = body.weeks.find((w: { team: string }) => w.team === 'Alpha');
    expect(alpha.week).toBe('2026-W45');
    expect(alpha.best.map((c: { externalId: string }) => c.externalId)).toEqual(['chat-1']);
    expect(alpha.worst.map((c: { externalId: string }) => c.externalId)).toEqual(['chat-2']);
    const lead = (
      await (
        await t.client('lead-beta@test.local')
      )
        .get(`/api/analytics/chats?${query}`)
        .expect(200)
    ).body;
    expect(lead.chats).toBe(1);
    await (await t.client('a1@test.local')).get(`/api/analytics/chats?${query}`).expect(403);
    const page = await evaluator
      .get(`/analytics/chats?${query}&lang=en`)
      .set('Accept', 'text/html')
      .expect(200);
    expect(page.text).toContain('Best and worst chats of each week');
    const ko = await evaluator
      .get(`/analytics/chats?${query}&lang=ko`)
      .set('Accept', 'text/html')
      .expect(200);
    expect(ko.text).toContain('채팅: 동시 처리와 주간 베스트/워스트');
  });
});
