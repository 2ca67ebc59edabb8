/**
 * Every number links to its calls: on the KPI, drivers, experiment and chat pages each linked
 * count opens the calls list (/interactions) narrowed to exactly the calls behind it, and the
 * list says as many. The calls list's new filters (team, queue, week, period, a criterion's
 * latest answer, ids) are checked on their own, and refuse bad input with a 400 naming the field.
 *
 * Fixture: 6 voice calls of two agents (teams Alpha and Beta) over two ISO weeks with CSAT, FCR
 * and a `script` field, 4 chats of Alpha, all scored by an evaluator on a two-criterion
 * scorecard; call v2 is scored twice (greet failed, then passed: the later answer counts).
 */
import type { Agent as TestAgent } from 'supertest';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(120_000);

const SCORECARD = `
key: links-test
name: Links test
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
  channel: 'voice' | 'chat';
  queue: string;
  metadata: Record<string, unknown>;
  answers: [0 | 1, 0 | 1][];
}

const AGENTS = {
  'A-1': { name: '김하나', team: 'Alpha' },
  'B-1': { name: '박세나', team: 'Beta' },
};
const voice = (
  id: string,
  agent: 'A-1' | 'B-1',
  at: string,
  queue: string,
  metadata: Record<string, unknown>,
  ...answers: [0 | 1, 0 | 1][]
): Spec => ({ id, agent, at, channel: 'voice', queue, metadata, answers });
const chat = (id: string, at: string, csat: number, answers: [0 | 1, 0 | 1]): Spec => ({
  id,
  agent: 'A-1',
  at,
  channel: 'chat',
  queue: 'web',
  metadata: { csat },
  answers: [answers],
});

const CALLS: Spec[] = [
  voice(
    'v1',
    'A-1',
    '2026-10-05T01:00:00Z',
    'billing',
    { csat: 5, fcr: true, script: 'A' },
    [1, 1],
  ),
  voice(
    'v2',
    'A-1',
    '2026-10-06T01:00:00Z',
    'billing',
    { csat: 2, fcr: false, script: 'B' },
    [0, 0],
    [1, 0],
  ),
  voice('v3', 'A-1', '2026-10-13T01:00:00Z', 'tech', { csat: 4, script: 'A' }, [1, 0]),
  voice('v4', 'B-1', '2026-10-07T02:00:00Z', 'tech', { fcr: true, script: 'B' }, [0, 1]),
  voice(
    'v5',
    'B-1',
    '2026-10-14T02:00:00Z',
    'billing',
    { csat: 3, fcr: 'no', script: 'A' },
    [0, 0],
  ),
  voice('v6', 'B-1', '2026-10-15T02:00:00Z', 'billing', { csat: 1 }),
  chat('c1', '2026-10-05T03:00:00Z', 5, [1, 1]),
  chat('c2', '2026-10-05T03:01:00Z', 4, [1, 0]),
  chat('c3', '2026-10-06T03:00:00Z', 2, [0, 0]),
  chat('c4', '2026-10-07T03:00:00Z', 3, [0, 1]),
];
const PERIOD = 'from=2026-10-05&to=2026-10-18';

/** The links to the calls list on a page: [href, the number shown] (data-n, else the text). */
function callLinks(html: string): { href: string; n: number }[] {
  const out: { href: string; n: number }[] = [];
  const re = /<a href="(\/interactions\?[^"]*)"([^>]*)>([^<]*)<\/a>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const dataN = /data-n="(\d+)"/.exec(m[2]);
    const text = /^\s*(?:n=)?(\d+)\s*$/.exec(m[3]);
    const n = dataN ? Number(dataN[1]) : text ? Number(text[1]) : NaN;
    out.push({ href: decode(m[1]), n });
  }
  return out;
}
const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&#x3D;/g, '=')
    .replace(/&#x27;/g, "'");

describe('every number links to its calls', () => {
  let t: TestApp;
  let evaluator: TestAgent;
  const idOf = new Map<string, number>();

  async function importAndScore(spec: Spec) {
    const speech =
      spec.channel === 'chat'
        ? [
            { speaker: 'customer', startMs: 0, endMs: 1000, text: '문의가 있어요.' },
            { speaker: 'agent', startMs: 30_000, endMs: 31_000, text: '네, 도와드리겠습니다.' },
            { speaker: 'customer', startMs: 60_000, endMs: 61_000, text: '감사합니다.' },
          ]
        : [
            { speaker: 'agent', startMs: 0, endMs: 2000, text: '안녕하세요, 상담사입니다.' },
            { speaker: 'customer', startMs: 2500, endMs: 20_000, text: '문의입니다.' },
          ];
    const call = {
      externalId: spec.id,
      source: 'links-test',
      channel: spec.channel,
      language: 'ko',
      agent: { externalId: spec.agent, ...AGENTS[spec.agent] },
      startedAt: spec.at,
      queue: spec.queue,
      metadata: spec.metadata,
      turns: speech,
    };
    const imported = await evaluator
      .post('/api/interactions/import')
      .attach('files', Buffer.from(JSON.stringify(call)), `${spec.id}.json`)
      .expect(200);
    const interactionId = imported.body.results[0].interactionId as number;
    idOf.set(spec.id, interactionId);
    for (const [greet, solve] of spec.answers) {
      const draft = (
        await evaluator
          .post('/api/evaluations')
          .send({ interactionId, scorecardKey: 'links-test' })
          .expect(201)
      ).body;
      await evaluator
        .post(`/api/evaluations/${draft.id}/submit`)
        .send({
          version: draft.version,
          answers: [
            { key: 'greet', value: greet },
            { key: 'solve', value: solve },
          ],
        })
        .expect(201);
    }
  }

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    evaluator = await t.client();
    const fs = await import('fs');
    const path = await import('path');
    fs.writeFileSync(path.join(t.scorecardsDir, 'links-test.yaml'), SCORECARD);
    await (await t.client(TEST_USERS.admin)).post('/api/scorecards/sync').expect(200);
    for (const spec of CALLS) await importAndScore(spec);
    // On PostgreSQL the roll-ups these pages read are refreshed by jobs: wait for them.
    await t.jobsSettled();
    await t.createUser({
      email: 'lead-alpha@test.local',
      name: 'Lead Alpha',
      role: 'team_lead',
      teams: ['Alpha'],
    });
    await t.createUser({
      email: 'a1@test.local',
      name: '김하나',
      role: 'agent',
      agentExternalId: 'A-1',
    });
  });
  afterAll(() => t?.close());

  /** The calls list for a link: how many it says it lists, and their external ids. */
  async function listed(client: TestAgent, href: string) {
    const res = await client.get(href).set('Accept', 'text/html').expect(200);
    const total = /id="list-scope" data-total="(\d+)"/.exec(res.text);
    const api = await client.get(href.replace('/interactions', '/api/interactions')).expect(200);
    const ids = (api.body.items as { externalId: string }[]).map((i) => i.externalId).sort();
    expect(total).not.toBeNull();
    expect(Number(total![1])).toBe(api.body.total);
    return { total: api.body.total as number, ids };
  }

  async function expectLinksMatch(client: TestAgent, page: string, minLinks: number) {
    const res = await client.get(page).set('Accept', 'text/html').expect(200);
    const links = callLinks(res.text);
    expect(links.length).toBeGreaterThanOrEqual(minLinks);
    for (const link of links) {
      expect(Number.isNaN(link.n)).toBe(false);
      const { total } = await listed(client, link.href);
      expect({ href: link.href, n: total }).toEqual({ href: link.href, n: link.n });
    }
    return links;
  }

  it('KPI rows: each row count (per agent, team, queue, channel, week, total) opens as many calls', async () => {
    for (const by of ['agent', 'team', 'queue', 'channel', 'week']) {
      const links = await expectLinksMatch(evaluator, `/analytics/kpis?${PERIOD}&by=${by}`, 2);
      // The total row links too, and lists every call of the period.
      expect(links.some((l) => l.n === CALLS.length)).toBe(true);
    }
    const week = await listed(evaluator, `/interactions?week=2026-W42&${PERIOD}`);
    expect(week.ids).toEqual(['v3', 'v5', 'v6']);
    // As a team lead (only Alpha's calls) and as the agent (their own).
    const lead = await t.client('lead-alpha@test.local');
    await expectLinksMatch(lead, `/analytics/kpis?${PERIOD}&by=queue`, 2);
    const agent = await t.client('a1@test.local');
    await expectLinksMatch(agent, `/analytics/kpis?${PERIOD}&by=week&agent=A-1`, 2);
  });

  it('drivers: the passed and failed groups of each criterion open exactly their calls', async () => {
    for (const outcome of ['csat', 'fcr']) {
      const links = await expectLinksMatch(
        evaluator,
        `/analytics/drivers?${PERIOD}&scorecard=links-test&outcome=${outcome}`,
        4,
      );
      for (const l of links) expect(l.href).toContain('criterion=');
    }
    // CSAT, greet: v2's later answer (passed) counts; v4 has no CSAT, v6 no answer.
    const res = await evaluator
      .get(`/analytics/drivers?${PERIOD}&scorecard=links-test&outcome=csat`)
      .set('Accept', 'text/html')
      .expect(200);
    const greetPassed = callLinks(res.text).find(
      (l) => l.href.includes('criterion=greet') && l.href.includes('result=pass'),
    )!;
    expect((await listed(evaluator, greetPassed.href)).ids).toEqual(['c1', 'c2', 'v1', 'v2', 'v3']);
  });

  it('the criterion filter reads the latest counted answer, by source', async () => {
    const q = `/interactions?scorecard=links-test&criterion=greet&${PERIOD}`;
    expect((await listed(evaluator, `${q}&result=pass`)).ids).toEqual([
      'c1',
      'c2',
      'v1',
      'v2',
      'v3',
    ]);
    expect((await listed(evaluator, `${q}&result=fail`)).ids).toEqual(['c3', 'c4', 'v4', 'v5']);
    // No auto-QA ran: no call has an auto answer.
    expect((await listed(evaluator, `${q}&result=fail&source=auto`)).total).toBe(0);
  });

  it('experiment variants open their calls', async () => {
    const created = (
      await evaluator
        .post('/api/experiments')
        .send({
          name: 'Links script',
          assignment: 'metadata',
          field: 'script',
          variants: [
            { key: 'A', label: 'Script A', value: 'A' },
            { key: 'B', label: 'Script B', value: 'B' },
          ],
          from: '2026-10-05',
          to: '2026-10-18',
        })
        .expect(201)
    ).body;
    const links = await expectLinksMatch(evaluator, `/experiments/${created.id}`, 2);
    expect(links.map((l) => l.n)).toEqual([3, 2]);
    expect((await listed(evaluator, links[1].href)).ids).toEqual(['v2', 'v4']);
  });

  it("chats: each week's best and worst, each concurrency level and agent open their chats", async () => {
    const links = await expectLinksMatch(evaluator, `/analytics/chats?${PERIOD}`, 3);
    const res = await evaluator
      .get(`/analytics/chats?${PERIOD}`)
      .set('Accept', 'text/html')
      .expect(200);
    const best = /class="calls-link best-link" data-n="(\d+)"/.exec(res.text);
    expect(best).not.toBeNull();
    expect(links.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses a bad filter with a 400 naming the field', async () => {
    const bad = async (query: string, field: string) => {
      const res = await evaluator.get(`/api/interactions?${query}`).expect(400);
      expect(JSON.stringify(res.body)).toContain(field);
    };
    await bad('week=2026-W60', 'week');
    await bad('week=2026-42', 'week');
    await bad('from=2026-02-30', 'from');
    await bad('ids=1,x', 'ids');
    await bad(`ids=${Array.from({ length: 1001 }, (_, i) => i + 1).join(',')}`, 'ids');
    await bad('result=pass', 'criterion');
    await bad('criterion=greet&result=pass', 'scorecard');
    await bad('scorecard=links-test&criterion=greet', 'result');
    await bad('team=0', 'team');
    const agent = await t.client('a1@test.local');
    await agent
      .get('/api/interactions?scorecard=links-test&criterion=greet&result=pass')
      .expect(400);
    // A page shows the refusal too, not a 500.
    await evaluator.get('/interactions?week=2026-W60').set('Accept', 'text/html').expect(400);
  });

  it('ids list only the calls one may see', async () => {
    const all = [...idOf.values()].join(',');
    expect((await listed(evaluator, `/interactions?ids=${all}`)).total).toBe(CALLS.length);
    const lead = await t.client('lead-alpha@test.local');
    // Alpha: A-1's 3 voice calls and 4 chats.
    expect((await listed(lead, `/interactions?ids=${all}`)).total).toBe(7);
  });
});
