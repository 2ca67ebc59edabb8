/**
 * Agent patterns and the team heat map against a fixture worked out by hand.
 *
 * Scorecard `analytics-test` (yes/no criteria; N/A allowed on verify and hold):
 *   opening (weight 50): greet, verify      closing (weight 50): wrap, hold
 *   overall = (50 × opening ratio + 50 × closing ratio) / 100 × 100
 *
 * Team Alpha: A-1 (김하나) and A-2 (이두리); team Beta: B-1 (박세나). Period 2026-10-05 (Mon,
 * 2026-W41) … 2026-10-18 (Sun, 2026-W42). Times are UTC; the hour dimension reads Korea time (+9).
 *
 * A-1's calls and human answers (g v w h; 1 pass, 0 fail, - N/A) → score:
 *   A1-1 10-05 01:00Z (10 KST) voice billing, metadata.escalated  0 1 0 0 → (25+0)   = 25
 *   A1-2 10-06 01:30Z (10 KST) voice billing                      0 - 1 - → (0+50)   = 50
 *   A1-3 10-07 05:00Z (14 KST) voice tech                         1 1 1 - → 100
 *   A1-4 10-12 01:00Z (10 KST) voice billing, auto peak 7          0 1 1 0 → (25+25)  = 50
 *   A1-5 10-13 05:00Z (14 KST) chat  tech                         1 - 1 - → 100
 *   A1-6 10-14 05:30Z (14 KST) voice tech                         0 0 1 - → (0+50)   = 50
 *   human: greet 2/6, verify 3/4, wrap 5/6, hold 0/2; average 375/6 = 62.5
 *   weeks: W41 (25+50+100)/3 = 58.33, W42 (50+100+50)/3 = 66.67 → slope +8.33 per week
 * A-1's auto evaluations (g v w h) and metrics (interruptions, longest silence, talk ratio, peak):
 *   A1-1 0 1 1 - → 75   2, 12 s, 0.6, 3       A1-2 1 - 1 - → 100  0, 4 s, 0.5, 1
 *   A1-4 0 1 1 0 → 50   1,  8 s, 0.7, 7       A1-6 0 0 1 - → 50   0, 20 s, 0.4, 0
 *   auto: greet 1/4, verify 2/3, wrap 4/4, hold 0/1; average 275/4 = 68.75
 *   metrics over the 4 voice calls: 3/4 = 0.75 interruptions per call (2 calls with one or more),
 *   mean longest silence 44/4 = 11 s (max 20 s), talk ratio 2.2/4 = 0.55
 *   agreement (both answered): A1-1 3 compared/2 agreed (wrap differs), A1-2 2/1 (greet differs),
 *   A1-4 4/4, A1-6 3/3 → 10 of 12
 * A-2 (human only): A2-1 10-06 billing 1 1 1 1; A2-2 10-13 tech 1 1 1 1; A2-3 10-14 tech 1 1 0 1
 *   → greet 3/3, verify 3/3, wrap 2/3, hold 3/3
 * Team Alpha (human): greet 5/9, verify 6/7, wrap 7/9, hold 3/5; overall 21/30.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Agent as TestAgent } from 'supertest';
import { AnalyticsService } from '../../src/analytics/analytics.service';
import { EvaluationWriter } from '../../src/evaluations/evaluation-writer';
import { transaction } from '../../src/database/transaction';
import { EvaluationEvents } from '../../src/events/evaluation-events';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(60_000);

const SCORECARD = `
key: analytics-test
name: Analytics test
language: ko
channel: voice
passingScore: 80
sections:
  - key: opening
    label: 첫인사
    weight: 50
    criteria:
      - { key: greet, label: 인사, guidance: 인사했는가, scale: yes_no }
      - { key: verify, label: 본인 확인, guidance: 본인 확인을 했는가, scale: yes_no, na: true }
  - key: closing
    label: 마무리
    weight: 50
    criteria:
      - { key: wrap, label: 요약, guidance: 요약했는가, scale: yes_no }
      - { key: hold, label: 보류 안내, guidance: 보류를 안내했는가, scale: yes_no, na: true }
`;

type Answer = 0 | 1 | null;
const KEYS = ['greet', 'verify', 'wrap', 'hold'] as const;

interface CallSpec {
  id: string;
  agent: 'A-1' | 'A-2' | 'B-1';
  at: string;
  channel?: 'voice' | 'chat';
  queue: string;
  escalated?: boolean;
  human: Answer[];
  auto?: {
    answers: Answer[];
    interruptions: number;
    silenceMs: number;
    talk: number;
    peak: number;
  };
}

const AGENTS = {
  'A-1': { name: '김하나', team: 'Alpha' },
  // A comma and quotes in a name: the CSV must quote it.
  'A-2': { name: '이두리, "Dory"', team: 'Alpha' },
  'B-1': { name: '박세나', team: 'Beta' },
};

const CALLS: CallSpec[] = [
  {
    id: 'A1-1',
    agent: 'A-1',
    at: '2026-10-05T01:00:00Z',
    queue: 'billing',
    escalated: true,
    human: [0, 1, 0, 0],
    auto: { answers: [0, 1, 1, null], interruptions: 2, silenceMs: 12_000, talk: 0.6, peak: 3 },
  },
  {
    id: 'A1-2',
    agent: 'A-1',
    at: '2026-10-06T01:30:00Z',
    queue: 'billing',
    human: [0, null, 1, null],
    auto: { answers: [1, null, 1, null], interruptions: 0, silenceMs: 4_000, talk: 0.5, peak: 1 },
  },
  { id: 'A1-3', agent: 'A-1', at: '2026-10-07T05:00:00Z', queue: 'tech', human: [1, 1, 1, null] },
  {
    id: 'A1-4',
    agent: 'A-1',
    at: '2026-10-12T01:00:00Z',
    queue: 'billing',
    human: [0, 1, 1, 0],
    auto: { answers: [0, 1, 1, 0], interruptions: 1, silenceMs: 8_000, talk: 0.7, peak: 7 },
  },
  {
    id: 'A1-5',
    agent: 'A-1',
    at: '2026-10-13T05:00:00Z',
    channel: 'chat',
    queue: 'tech',
    human: [1, null, 1, null],
  },
  {
    id: 'A1-6',
    agent: 'A-1',
    at: '2026-10-14T05:30:00Z',
    queue: 'tech',
    human: [0, 0, 1, null],
    auto: { answers: [0, 0, 1, null], interruptions: 0, silenceMs: 20_000, talk: 0.4, peak: 0 },
  },
  { id: 'A2-1', agent: 'A-2', at: '2026-10-06T02:00:00Z', queue: 'billing', human: [1, 1, 1, 1] },
  { id: 'A2-2', agent: 'A-2', at: '2026-10-13T02:00:00Z', queue: 'tech', human: [1, 1, 1, 1] },
  { id: 'A2-3', agent: 'A-2', at: '2026-10-14T02:00:00Z', queue: 'tech', human: [1, 1, 0, 1] },
  { id: 'B1-1', agent: 'B-1', at: '2026-10-07T03:00:00Z', queue: 'tech', human: [1, 1, 1, 1] },
];

const PERIOD = 'from=2026-10-05&to=2026-10-18&scorecard=analytics-test';
const close = (n: number) => expect.closeTo(n, 6);
/** An attribute as the browser reads it (Handlebars writes `=` as `&#x3D;`). */
const unescapeHtml = (text: string) =>
  text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&amp;/g, '&');

describe('agent patterns and the team heat map', () => {
  let t: TestApp;
  let evaluator: TestAgent;
  const interactionIds = new Map<string, number>();

  async function importCall(spec: Omit<CallSpec, 'human'>): Promise<number> {
    const call = {
      externalId: spec.id,
      source: 'analytics-test',
      channel: spec.channel ?? 'voice',
      language: 'ko',
      agent: { externalId: spec.agent, ...AGENTS[spec.agent] },
      startedAt: spec.at,
      queue: spec.queue,
      ...(spec.escalated ? { metadata: { escalated: true } } : {}),
      turns: [
        { speaker: 'agent', startMs: 0, endMs: 2000, text: '안녕하세요, 상담사입니다.' },
        { speaker: 'customer', startMs: 2500, endMs: 5000, text: '요금 문의입니다.' },
      ],
    };
    const res = await evaluator
      .post('/api/interactions/import')
      .attach('files', Buffer.from(JSON.stringify(call)), `${spec.id}.json`)
      .expect(200);
    return res.body.results[0].interactionId;
  }

  async function scoreByHand(interactionId: number, answers: Answer[]) {
    const draft = (
      await evaluator
        .post('/api/evaluations')
        .send({ interactionId, scorecardKey: 'analytics-test' })
        .expect(201)
    ).body;
    await evaluator
      .post(`/api/evaluations/${draft.id}/submit`)
      .send({
        version: draft.version,
        answers: KEYS.map((key, i) =>
          answers[i] === null ? { key, na: true } : { key, value: answers[i] },
        ),
      })
      .expect(201);
  }

  /** Auto-QA's evaluation with chosen answers and metrics, stored the way auto-QA stores it. */
  async function scoreByMachine(interactionId: number, auto: NonNullable<CallSpec['auto']>) {
    const version = await t.app.get(ScorecardsService).current('analytics-test');
    const answers = KEYS.map((key, i) => ({
      key,
      value: auto.answers[i],
      suggestion:
        auto.answers[i] === null
          ? ('na' as const)
          : auto.answers[i] === 1
            ? ('pass' as const)
            : ('fail' as const),
      evidence: { reason: 'fixture', items: [] },
    }));
    const events = t.app.get(EvaluationEvents);
    const outbox = await transaction(t.dataSource, async (manager) => {
      const evaluationId = await t.app.get(EvaluationWriter).createUnlessScored(manager, {
        interactionId,
        scorecardVersion: version,
        evaluatorId: null,
        kind: 'auto',
        status: 'submitted',
        metrics: {
          interruptions: auto.interruptions,
          longestSilenceMs: auto.silenceMs,
          unannouncedSilences: 0,
          agentTalkRatio: auto.talk,
          apologies: 0,
          customerNegativity: { start: 0, peak: auto.peak, end: 0 },
        },
        answers,
      });
      const event = { evaluationId: evaluationId!, interactionId };
      return events.record(manager, { ...event, kind: 'auto', reason: 'auto' });
    });
    await events.deliver([outbox]);
  }

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    evaluator = await t.client();
    fs.writeFileSync(path.join(t.scorecardsDir, 'analytics-test.yaml'), SCORECARD);
    const synced = await (
      await t.client(TEST_USERS.admin)
    )
      .post('/api/scorecards/sync')
      .expect(200);
    expect(synced.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'analytics-test', result: 'created' }),
      ]),
    );
    for (const spec of CALLS) {
      const id = await importCall(spec);
      interactionIds.set(spec.id, id);
      await scoreByHand(id, spec.human);
      if (spec.auto) await scoreByMachine(id, spec.auto);
    }
    // The roll-up's refreshes (jobs on PostgreSQL) are done.
    await t.jobsSettled();
    await t.createUser({
      email: 'lead-alpha@test.local',
      name: 'Lead Alpha',
      role: 'team_lead',
      teams: ['Alpha'],
    });
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

  const profileOf = async (who: string, query = PERIOD) =>
    (await (await t.client(who)).get(`/api/analytics/agents/A-1/profile?${query}`).expect(200))
      .body;
  const callIds = async (query: string, who = 'lead-alpha@test.local') => {
    const res = await (
      await t.client(who)
    )
      .get(`/analytics/agents/A-1/calls?${query}`)
      .set('Accept', 'text/html')
      .expect(200);
    return [...res.text.matchAll(/class="call-link">([^<]+)</g)].map((m) => m[1]);
  };

  it("gives each criterion's pass rate beside the team's, human and auto apart", async () => {
    const p = await profileOf('lead-alpha@test.local', `${PERIOD}&minSample=3`);
    expect(p.agent).toMatchObject({ externalId: 'A-1', name: '김하나', teamName: 'Alpha' });
    expect(p.evaluations).toEqual({ human: 6, auto: 4 });
    expect(p.averageScore.human).toBeCloseTo(62.5, 6);
    expect(p.averageScore.auto).toBeCloseTo(68.75, 6);
    const rows = Object.fromEntries(p.criteria.map((r: { key: string }) => [r.key, r]));
    expect(p.criteria.map((r: { key: string }) => r.key)).toEqual([
      'greet',
      'verify',
      'wrap',
      'hold',
    ]);
    expect(rows.greet).toMatchObject({
      agentPassed: 2,
      agentTotal: 6,
      teamPassed: 5,
      teamTotal: 9,
      autoPassed: 1,
      autoTotal: 4,
    });
    expect(rows.greet.agentRate).toBeCloseTo(1 / 3, 6);
    expect(rows.greet.teamRate).toBeCloseTo(5 / 9, 6);
    expect(rows.greet.autoRate).toBeCloseTo(0.25, 6);
    expect(rows.verify).toMatchObject({
      agentPassed: 3,
      agentTotal: 4,
      teamPassed: 6,
      teamTotal: 7,
      autoPassed: 2,
      autoTotal: 3,
    });
    expect(rows.wrap).toMatchObject({
      agentPassed: 5,
      agentTotal: 6,
      teamPassed: 7,
      teamTotal: 9,
      autoPassed: 4,
      autoTotal: 4,
    });
    expect(rows.hold).toMatchObject({
      agentPassed: 0,
      agentTotal: 2,
      teamPassed: 3,
      teamTotal: 5,
      autoPassed: 0,
      autoTotal: 1,
    });
    // Sections: opening = greet + verify: agent 5/10, team 11/16; closing = wrap + hold: 5/8, 10/14.
    expect(p.sections).toEqual([
      expect.objectContaining({
        key: 'opening',
        agentPassed: 5,
        agentTotal: 10,
        teamPassed: 11,
        teamTotal: 16,
        average: 50,
        teamAverage: 68.75,
      }),
      expect.objectContaining({
        key: 'closing',
        agentPassed: 5,
        agentTotal: 8,
        teamPassed: 10,
        teamTotal: 14,
        average: 62.5,
        teamAverage: close((10 / 14) * 100),
      }),
    ]);
  });

  it('averages the human scores per ISO week and gives the slope', async () => {
    const p = await profileOf('lead-alpha@test.local');
    expect(p.trend.weeks).toEqual([
      { week: '2026-W41', count: 3, average: close(175 / 3) },
      { week: '2026-W42', count: 3, average: close(200 / 3) },
    ]);
    expect(p.trend.slope).toBeCloseTo(25 / 3, 6);
  });

  it('ranks the weakest criteria by gap × misses, leaving out those with too few answers', async () => {
    // minSample 3: greet gap 5/9 − 1/3 = 2/9, 4 misses → 0.889; verify 6/7 − 3/4 = 3/28, 1 miss
    // → 0.107; wrap is above the team; hold (gap 0.6, 2 misses → 1.2) has only 2 answers.
    const p = await profileOf('lead-alpha@test.local', `${PERIOD}&minSample=3`);
    expect(p.weakest.map((w: { key: string }) => w.key)).toEqual(['greet', 'verify']);
    expect(p.weakest[0]).toMatchObject({ misses: 4, gap: close(2 / 9), weight: close(8 / 9) });
    expect(p.weakest[1]).toMatchObject({ misses: 1, gap: close(3 / 28), weight: close(3 / 28) });
    expect(p.strongest.map((s: { key: string }) => s.key)).toEqual(['wrap']);
    // The default minimum of 5 answers leaves verify (4 answers) out as well.
    const byDefault = await profileOf('lead-alpha@test.local');
    expect(byDefault.minSample).toBe(5);
    expect(byDefault.weakest.map((w: { key: string }) => w.key)).toEqual(['greet']);
  });

  it('finds where the misses cluster, by channel, queue, escalation and hour', async () => {
    // 18 human answers, 8 misses: overall 8/18. Per call (answers, misses): A1-1 4/3, A1-2 2/1,
    // A1-3 3/0, A1-4 4/2, A1-5 2/0, A1-6 3/2.
    const p = await profileOf('lead-alpha@test.local', `${PERIOD}&minSample=3`);
    const dim = (d: string) =>
      p.clusters.find((c: { dimension: string }) => c.dimension === d).values;
    const overall = 8 / 18;
    expect(dim('queue')).toEqual([
      {
        value: 'billing',
        total: 10,
        misses: 6,
        missRate: close(0.6),
        lift: close(0.6 / overall),
        calls: 3,
        enough: true,
      },
      {
        value: 'tech',
        total: 8,
        misses: 2,
        missRate: close(0.25),
        lift: close(0.25 / overall),
        calls: 3,
        enough: true,
      },
    ]);
    expect(dim('channel')).toEqual([
      {
        value: 'voice',
        total: 16,
        misses: 8,
        missRate: close(0.5),
        lift: close(0.5 / overall),
        calls: 5,
        enough: true,
      },
      // One chat call: listed, but not a pattern.
      { value: 'chat', total: 2, misses: 0, missRate: 0, lift: 0, calls: 1, enough: false },
    ]);
    // Escalated: A1-1 by its metadata, A1-4 by auto-QA's negativity peak of 7 (≥ 6); A1-2's 1 is not.
    expect(dim('escalated')).toEqual([
      {
        value: 'no',
        total: 10,
        misses: 3,
        missRate: close(0.3),
        lift: close(0.3 / overall),
        calls: 4,
        enough: true,
      },
      {
        value: 'yes',
        total: 8,
        misses: 5,
        missRate: close(0.625),
        lift: close(0.625 / overall),
        calls: 2,
        enough: false,
      },
    ]);
    expect(dim('hour').map((v: { value: string; misses: number }) => [v.value, v.misses])).toEqual([
      ['10', 6],
      ['14', 2],
    ]);
  });

  it('reports call metrics and auto-vs-human agreement', async () => {
    const p = await profileOf('lead-alpha@test.local');
    expect(p.metrics).toEqual({
      calls: 4,
      interruptionsPerCall: close(0.75),
      longestSilenceMs: close(11_000),
      talkRatio: close(0.55),
      maxSilenceMs: 20_000,
      callsWithInterruptions: 2,
    });
    expect(p.agreement).toMatchObject({ compared: 12, agreed: 10, rate: close(10 / 12) });
    expect(p.agreement.byCriterion).toEqual([
      { scorecardKey: 'analytics-test', key: 'greet', compared: 4, agreed: 3, rate: close(0.75) },
      { scorecardKey: 'analytics-test', key: 'hold', compared: 1, agreed: 1, rate: 1 },
      { scorecardKey: 'analytics-test', key: 'verify', compared: 3, agreed: 3, rate: 1 },
      { scorecardKey: 'analytics-test', key: 'wrap', compared: 4, agreed: 3, rate: close(0.75) },
    ]);
  });

  it('lists the calls behind a number, with links to them, paginated', async () => {
    expect(await callIds(`${PERIOD}&criterion=greet&result=fail`)).toEqual([
      'A1-6',
      'A1-4',
      'A1-2',
      'A1-1',
    ]);
    expect(await callIds(`${PERIOD}&dimension=queue&value=billing&result=fail`)).toEqual([
      'A1-4',
      'A1-2',
      'A1-1',
    ]);
    expect(await callIds(`${PERIOD}&dimension=escalated&value=yes`)).toEqual(['A1-4', 'A1-1']);
    expect(await callIds(`${PERIOD}&result=disagree`)).toEqual(['A1-2', 'A1-1']);
    expect(await callIds(`${PERIOD}&metric=interruptions`)).toEqual(['A1-1', 'A1-4']);
    expect(await callIds(`${PERIOD}&source=auto`)).toEqual(['A1-6', 'A1-4', 'A1-2', 'A1-1']);
    expect(await callIds(`${PERIOD}&section=closing&result=fail`)).toEqual(['A1-4', 'A1-1']);
    const page = await (
      await t.client('lead-alpha@test.local')
    )
      .get(`/analytics/agents/A-1/calls?${PERIOD}&criterion=greet&result=fail&pageSize=3&page=2`)
      .set('Accept', 'text/html')
      .expect(200);
    expect([...page.text.matchAll(/class="call-link">([^<]+)</g)].map((m) => m[1])).toEqual([
      'A1-1',
    ]);
    expect(page.text).toContain(`href="/interactions/${interactionIds.get('A1-1')}"`);
  });

  it('links every number of the profile page to the calls behind it', async () => {
    const res = await (
      await t.client('lead-alpha@test.local')
    )
      .get(`/analytics/agents/A-1?${PERIOD}&lang=en`)
      .set('Accept', 'text/html')
      .expect(200);
    const row = /<tr id="criterion-analytics-test-greet"[\s\S]*?<\/tr>/.exec(res.text)![0];
    expect(row).toContain('>33%</a>');
    expect(row).toMatch(/<a class="misses" href="([^"]+)">4<\/a>/);
    const href = unescapeHtml(/<a class="misses" href="([^"]+)">4<\/a>/.exec(row)![1]);
    const listed = await (
      await t.client('lead-alpha@test.local')
    )
      .get(href)
      .set('Accept', 'text/html')
      .expect(200);
    expect([...listed.text.matchAll(/class="call-link">([^<]+)</g)]).toHaveLength(4);
    expect(res.text).toContain('id="count-human"');
    expect(unescapeHtml(res.text)).toMatch(/id="count-human" href="[^"]*source=human[^"]*">6</);
    expect(res.text).toContain('id="min-sample-note"');
    expect(res.text).not.toMatch(/style=/);
  });

  it('builds the heat map from the roll-up: cells, team row, trend and common misses', async () => {
    const alpha = (
      await (
        await t.client('lead-alpha@test.local')
      )
        .get('/api/analytics/heatmap?from=2026-10-05&to=2026-10-18')
        .expect(200)
    ).body;
    // The lead's only team; the scorecard with the most human answers.
    expect(alpha.teams.map((x: { name: string }) => x.name)).toEqual(['Alpha']);
    expect(alpha.scorecardKey).toBe('analytics-test');
    expect(alpha.criteria.map((c: { key: string }) => c.key)).toEqual([
      'greet',
      'verify',
      'wrap',
      'hold',
    ]);
    const cells = (r: { cells: { passed: number; total: number; colour: string }[] }) =>
      r.cells.map((c) => `${c.passed}/${c.total} ${c.colour}`);
    expect(alpha.rows.map((r: { agent: { externalId: string } }) => r.agent.externalId)).toEqual([
      'A-1',
      'A-2',
    ]);
    expect(cells(alpha.rows[0])).toEqual(['2/6 heat-0', '3/4 heat-2', '5/6 heat-3', '0/2 heat-0']);
    expect(alpha.rows[0].overall).toMatchObject({ passed: 10, total: 18, colour: 'heat-1' });
    expect(cells(alpha.rows[1])).toEqual(['3/3 heat-4', '3/3 heat-4', '2/3 heat-1', '3/3 heat-4']);
    expect(cells(alpha.team)).toEqual(['5/9 heat-1', '6/7 heat-3', '7/9 heat-2', '3/5 heat-1']);
    expect(alpha.team.overall).toMatchObject({ passed: 21, total: 30, colour: 'heat-2' });
    // W41: A-1 5 of 9 + A2-1 4 of 4 = 9/13; W42: A-1 5 of 9 + A2-2 4/4 + A2-3 3/4 = 12/17.
    // Auto W41: A1-1 2/3 + A1-2 2/2 = 4/5; W42: A1-4 2/4 + A1-6 1/3 = 3/7.
    expect(
      alpha.trend.weeks.map(
        (w: {
          week: string;
          human: { passed: number; total: number };
          auto: { passed: number; total: number };
        }) => [w.week, `${w.human.passed}/${w.human.total}`, `${w.auto.passed}/${w.auto.total}`],
      ),
    ).toEqual([
      ['2026-W41', '9/13', '4/5'],
      ['2026-W42', '12/17', '3/7'],
    ]);
    expect(alpha.trend.slope).toBeCloseTo((12 / 17 - 9 / 13) * 100, 6);
    expect(
      alpha.misses.map(
        (m: { key: string; misses: number; total: number }) => `${m.key} ${m.misses}/${m.total}`,
      ),
    ).toEqual(['greet 4/9', 'hold 2/5', 'wrap 2/9', 'verify 1/7']);
    expect(
      alpha.misses[2].agents.map(
        (a: { externalId: string; misses: number }) => `${a.externalId}:${a.misses}`,
      ),
    ).toEqual(['A-1:1', 'A-2:1']);
    // Sorted by a criterion, lowest first; the admin sees both teams.
    const sorted = (
      await (
        await t.client(TEST_USERS.admin)
      )
        .get(`/api/analytics/heatmap?${PERIOD}&sort=wrap&dir=asc`)
        .expect(200)
    ).body;
    expect(sorted.rows.map((r: { agent: { externalId: string } }) => r.agent.externalId)).toEqual([
      'A-2',
      'A-1',
      'B-1',
    ]);
    // The page sorts the same way without JavaScript (?sort= links in the headers), and colours
    // cells by class only.
    const page = await (
      await t.client('lead-alpha@test.local')
    )
      .get(`/analytics?${PERIOD}&sort=wrap&dir=asc`)
      .set('Accept', 'text/html')
      .expect(200);
    expect([...page.text.matchAll(/<tr data-agent="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'A-2',
      'A-1',
    ]);
    expect(page.text).toMatch(
      /<th aria-sort="ascending" data-sort="wrap"[^>]*><a href="[^"]*sort&#x3D;wrap&amp;dir&#x3D;desc"/,
    );
    expect(page.text).toContain('<td class="heat heat-0" data-value="0.3333333333333333"><a href=');
    expect(page.text).not.toMatch(/style=/);
  });

  it('exports each table as CSV for Excel: BOM, escaping, the same numbers', async () => {
    const lead = await t.client('lead-alpha@test.local');
    const res = await lead
      .get(`/analytics.csv?${PERIOD}&lang=en`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="analytics-team-analytics-test-2026-10-05-2026-10-18-heatmap\.csv"/,
    );
    const body = (res.body as Buffer).toString('utf8');
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const lines = body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Agent id,Agent name,Team,Overall %,Overall n,greet %,greet n,verify %,verify n,wrap %,wrap n,hold %,hold n',
    );
    expect(lines[1]).toBe('A-1,김하나,Alpha,55.6,18,33.3,6,75,4,83.3,6,0,2');
    expect(lines[2]).toBe('A-2,"이두리, ""Dory""",Alpha,91.7,12,100,3,100,3,66.7,3,100,3');
    expect(lines[3]).toBe(',Team,,70,30,55.6,9,85.7,7,77.8,9,60,5');
    // ?format=csv is the same export; a profile table by name.
    const criteria = await lead
      .get(`/analytics/agents/A-1?${PERIOD}&format=csv&table=criteria&lang=en`)
      .expect(200);
    expect(criteria.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(criteria.text).toContain(
      'analytics-test,opening,greet,인사,2,6,33.3,5,9,55.6,1,4,25\r\n',
    );
    const misses = await lead.get(`/analytics.csv?${PERIOD}&table=misses&lang=en`).expect(200);
    expect(misses.text).toContain('\r\nwrap,요약,2,9,22.2,A-1 (1); A-2 (1)\r\n');
    const calls = await lead
      .get(`/analytics/agents/A-1/calls.csv?${PERIOD}&criterion=greet&result=fail&lang=en`)
      .expect(200);
    const callLines = calls.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(callLines).toHaveLength(5);
    expect(callLines[1]).toMatch(
      // The start in the installation zone (TZ_DISPLAY, Asia/Seoul) with its offset.
      /^\d+,A1-6,2026-10-14T14:30:00\+09:00,voice,tech,no,50,50,0,1,0,0,20,40$/,
    );
  });

  it('refreshes the roll-up when a new evaluation is submitted', async () => {
    // A1-7 on 10-15: greet, verify and wrap passed, hold N/A → greet 3/7, verify 4/5, wrap 6/7.
    const id = await importCall({
      id: 'A1-7',
      agent: 'A-1',
      at: '2026-10-15T02:00:00Z',
      queue: 'tech',
    });
    await scoreByHand(id, [1, 1, 1, null]);
    // On PostgreSQL the refresh is a job (coalesced per agent-day) that follows within a second.
    await t.jobsSettled();
    const p = await profileOf('lead-alpha@test.local');
    const greet = p.criteria.find((r: { key: string }) => r.key === 'greet');
    expect(greet).toMatchObject({ agentPassed: 3, agentTotal: 7, teamPassed: 6, teamTotal: 10 });
    expect(p.evaluations.human).toBe(7);
    const heat = (
      await (
        await t.client('lead-alpha@test.local')
      )
        .get(`/api/analytics/heatmap?${PERIOD}`)
        .expect(200)
    ).body;
    expect(heat.rows[0].cells[0]).toMatchObject({ passed: 3, total: 7 });
    // And `analytics rebuild` (the whole roll-up from the answers) gives the same numbers.
    await t.app.get(AnalyticsService).rebuild();
    const rebuilt = (
      await (
        await t.client('lead-alpha@test.local')
      )
        .get(`/api/analytics/heatmap?${PERIOD}`)
        .expect(200)
    ).body;
    expect(rebuilt.rows).toEqual(heat.rows);
    expect(rebuilt.team).toEqual(heat.team);
  });

  it('counts a committed mystery shop as a human evaluation at once', async () => {
    const admin = await t.client(TEST_USERS.admin);
    const before = (await admin.get(`/api/analytics/agents/B-1/profile?${PERIOD}`).expect(200))
      .body;
    expect(before.evaluations.human).toBe(1);
    const csv =
      'shop_id,date,agent_external_id,scorecard_key,greet,verify,wrap,hold\n' +
      'MS-1,2026-10-08,B-1,analytics-test,no,yes,yes,N/A\n';
    const report = await evaluator
      .post('/api/mystery-shop/import')
      .field('dryRun', 'false')
      .attach('file', Buffer.from(csv), 'shops.csv')
      .expect(200);
    expect(report.body.committed).toBe(true);
    await t.jobsSettled();
    // B1-1 passed everything; the shopper says no greeting: greet 1 of 2, wrap 2 of 2.
    const after = (await admin.get(`/api/analytics/agents/B-1/profile?${PERIOD}`).expect(200)).body;
    expect(after.evaluations.human).toBe(2);
    const rows = Object.fromEntries(
      after.criteria.map((r: { key: string; agentPassed: number; agentTotal: number }) => [
        r.key,
        `${r.agentPassed}/${r.agentTotal}`,
      ]),
    );
    expect(rows).toEqual({ greet: '1/2', verify: '2/2', wrap: '2/2', hold: '1/1' });
  });

  it("keeps other teams' agents from a team lead, and other agents from an agent (404)", async () => {
    const beta = await t.client('lead-beta@test.local');
    await beta.get(`/api/analytics/agents/A-1/profile?${PERIOD}`).expect(404);
    await beta.get(`/analytics/agents/A-1?${PERIOD}`).set('Accept', 'text/html').expect(404);
    await beta.get(`/analytics/agents/A-1/calls?${PERIOD}`).set('Accept', 'text/html').expect(404);
    await beta.get(`/analytics/agents/A-1.csv?${PERIOD}`).expect(404);
    const alphaTeam = (
      await (await t.client('lead-alpha@test.local')).get('/api/analytics/heatmap').expect(200)
    ).body.teams[0].id;
    await beta.get(`/api/analytics/heatmap?team=${alphaTeam}`).expect(404);
    const betaMap = (await beta.get(`/api/analytics/heatmap?${PERIOD}`).expect(200)).body;
    expect(betaMap.rows.map((r: { agent: { externalId: string } }) => r.agent.externalId)).toEqual([
      'B-1',
    ]);

    const agent = await t.client('a1@test.local');
    const own = (await agent.get(`/api/analytics/agents/A-1/profile?${PERIOD}`).expect(200)).body;
    expect(own.criteria.find((r: { key: string }) => r.key === 'greet').agentTotal).toBe(7);
    await agent.get(`/analytics/agents/A-1?${PERIOD}`).set('Accept', 'text/html').expect(200);
    await agent.get(`/api/analytics/agents/A-2/profile?${PERIOD}`).expect(404);
    await agent.get(`/analytics/agents/A-2/calls?${PERIOD}`).set('Accept', 'text/html').expect(404);
    await agent.get('/api/analytics/heatmap').expect(403);
    await agent.get('/analytics').set('Accept', 'text/html').expect(403);
  });
});
