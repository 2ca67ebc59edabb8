/**
 * Sampling rules and the work queue: which hand-made calls each rule queues and why, that a
 * second run picks the same calls and duplicates none, balanced assignment that keeps
 * evaluators off their own team's calls, "start next" opening a draft that closes the item on
 * submit, field-named validation errors, and who may do what.
 */
import type { Agent as TestAgent } from 'supertest';
import { Team } from '../../src/agents/entities/team.entity';
import { AutoQaService } from '../../src/autoqa/autoqa.service';
import { QueueItem } from '../../src/queue/entities/queue-item.entity';
import { SamplingScheduler } from '../../src/queue/sampling.scheduler';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { User } from '../../src/users/entities/user.entity';
import { bestAnswers } from '../support/answers';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(60_000);

const W45 = '2026-11-03T10:00:00+09:00';
const W46 = '2026-11-10T10:00:00+09:00';
const W47 = '2026-11-17T10:00:00+09:00';

interface CallSpec {
  id: string;
  agent: string;
  team: string;
  startedAt: string;
  channel?: 'voice' | 'chat';
  queue?: string;
  csat?: unknown;
  turns?: [string, string][];
}

const PLAIN: [string, string][] = [
  ['agent', '안녕하세요, 한빛통신 고객센터 상담사 김민지입니다. 무엇을 도와드릴까요?'],
  ['customer', '요금제 안내를 받고 싶어요.'],
  ['agent', '네, 요금제 안내해 드리겠습니다. 더 궁금하신 점 있으실까요? 감사합니다.'],
];

function call(spec: CallSpec) {
  return {
    externalId: spec.id,
    source: 'queue-test',
    channel: spec.channel ?? 'voice',
    language: 'ko',
    agent: { externalId: spec.agent, name: `Agent ${spec.agent}`, team: spec.team },
    startedAt: spec.startedAt,
    queue: spec.queue ?? 'general',
    ...(spec.csat === undefined ? {} : { metadata: { csat: spec.csat } }),
    turns: (spec.turns ?? PLAIN).map(([speaker, text], i) => ({
      speaker,
      startMs: i * 4000,
      endMs: i * 4000 + 3500,
      text,
    })),
  };
}

async function importCalls(client: TestAgent, specs: CallSpec[]): Promise<Map<string, number>> {
  const req = client.post('/api/interactions/import');
  for (const spec of specs) {
    req.attach('files', Buffer.from(JSON.stringify(call(spec))), `${spec.id}.json`);
  }
  const res = await req.expect(200);
  const ids = new Map<string, number>();
  for (const r of res.body.results) {
    expect(r.status).toBe('imported');
    ids.set(r.file.replace(/\.json$/, ''), r.interactionId);
  }
  return ids;
}

interface Item {
  id: number;
  interactionId: number;
  externalId: string;
  reason: string;
  reasonCode: string | null;
  reasonParams: Record<string, string | number> | null;
  status: string;
  evaluatorId: number | null;
  evaluationId: number | null;
  dueAt: string;
}

async function allItems(admin: TestAgent): Promise<Item[]> {
  const res = await admin.get('/api/queue?view=all&status=any&pageSize=200').expect(200);
  return res.body.items;
}

/** The admin's "sample now" button. */
async function sampleNow(admin: TestAgent): Promise<string> {
  const res = await admin.post('/queue/sample').set('Accept', 'text/html').expect(303);
  return res.headers.location;
}

async function createRule(admin: TestAgent, rule: object): Promise<number> {
  return (await admin.post('/api/queue/rules').send(rule).expect(201)).body.id;
}

describe('sampling rules applied to hand-made calls', () => {
  let t: TestApp;
  let admin: TestAgent;
  let ids: Map<string, number>;
  const reasons = async () =>
    new Map((await allItems(admin)).map((i) => [i.externalId, i.reason] as const));

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'on' });
    admin = await t.client(TEST_USERS.admin);
    const evaluator = await t.client(TEST_USERS.evaluator);
    const q1 = { agent: 'Q-001', team: 'Gamma' };
    const q2 = { agent: 'Q-002', team: 'Delta' };
    ids = await importCalls(evaluator, [
      { id: 'LOW-1', ...q1, startedAt: W45, csat: 1 },
      { id: 'LOW-2', ...q1, startedAt: W45, csat: '2' },
      { id: 'MID-3', ...q1, startedAt: W45, csat: 3 },
      { id: 'BILL-1', ...q1, startedAt: W45, queue: 'billing', csat: 4 },
      { id: 'BILL-2', ...q2, startedAt: W45, queue: 'billing', csat: ' 5 ' },
      { id: 'CHAT-1', ...q2, startedAt: W46, channel: 'chat' },
      { id: 'CHAT-2', ...q2, startedAt: W46, channel: 'chat', csat: 'n/a' },
      { id: 'CHAT-3', ...q1, startedAt: W46, channel: 'chat' },
      {
        id: 'CRIT-1',
        ...q2,
        startedAt: W46,
        csat: 4,
        turns: [
          ['agent', '안녕하세요, 한빛통신 고객센터 상담사 김민지입니다. 무엇을 도와드릴까요?'],
          ['customer', '계정 비밀번호를 바꾸고 싶어요.'],
          ['agent', '네, 계정 비밀번호를 바로 변경해 드렸습니다. 더 궁금하신 점 있으실까요?'],
        ],
      },
      { id: 'RND-1', ...q1, startedAt: W47 },
      { id: 'RND-2', ...q1, startedAt: W47 },
      { id: 'RND-3', ...q1, startedAt: W47 },
      { id: 'RND-4', ...q2, startedAt: W47 },
      { id: 'RND-5', ...q2, startedAt: W47 },
      { id: 'SCORED-1', ...q1, startedAt: W47, csat: 1 },
    ]);
    // A call a person already scored is never queued, whatever its CSAT.
    const definition = (await t.app.get(ScorecardsService).current('voice-ko')).definition;
    const draft = (
      await evaluator
        .post('/api/evaluations')
        .send({ interactionId: ids.get('SCORED-1'), scorecardKey: 'voice-ko' })
        .expect(201)
    ).body;
    await evaluator
      .post(`/api/evaluations/${draft.id}/submit`)
      .send({ version: draft.version, answers: bestAnswers(definition) })
      .expect(201);
    await t.app.get(AutoQaService).drain();
    await t.app.get(SamplingScheduler).settled();
  });
  afterAll(() => t.close());

  it('queues nothing without rules', async () => {
    await sampleNow(admin);
    expect(await allItems(admin)).toEqual([]);
  });

  it('low CSAT: exactly the calls at or below the limit (number or numeric text), with the CSAT in words', async () => {
    await createRule(admin, { name: 'CSAT ≤ 2', kind: 'low_csat', params: { maxCsat: 2 } });
    await sampleNow(admin);
    expect(Object.fromEntries(await reasons())).toEqual({
      'LOW-1': 'CSAT 1 ≤ 2',
      'LOW-2': 'CSAT 2 ≤ 2',
    });
  });

  it('stores why as a code with its values, and the page says it in its language', async () => {
    const low = (await allItems(admin)).find((i) => i.externalId === 'LOW-1')!;
    expect(low).toMatchObject({ reasonCode: 'lowCsat', reasonParams: { csat: 1, max: 2 } });
    // The page reads the code, not the English words: change the words, the page stays.
    await t.dataSource.getRepository(QueueItem).update(low.id, { reason: 'reworded' });
    const rows = async (lang: string) =>
      (
        await admin
          .get('/queue?view=all&status=any')
          .set('Accept', 'text/html')
          .set('Accept-Language', lang)
          .expect(200)
      ).text;
    expect(await rows('ko')).toContain('CSAT 1점 ≤ 2점');
    expect(await rows('en')).toContain('CSAT 1 ≤ 2');
    expect(await rows('ko')).not.toContain('reworded');
    await t.dataSource.getRepository(QueueItem).update(low.id, { reason: 'CSAT 1 ≤ 2' });
  });

  it('queue: every call of that queue', async () => {
    await createRule(admin, { name: 'Billing', kind: 'queue', params: { queue: 'billing' } });
    await sampleNow(admin);
    const now = await reasons();
    expect(now.get('BILL-1')).toBe('queue billing');
    expect(now.get('BILL-2')).toBe('queue billing');
    expect(now.size).toBe(4);
  });

  it('auto-QA critical failure: the call whose auto evaluation failed a critical criterion, naming it', async () => {
    await createRule(admin, { name: 'Critical', kind: 'auto_critical_fail', params: {} });
    await sampleNow(admin);
    const now = await reasons();
    expect(now.get('CRIT-1')).toBe('auto-QA: critical criterion failed: identity_verification');
    expect(now.size).toBe(5);
    // The page names the criterion by the scorecard's label, not its key, in both languages.
    for (const [lang, words] of [
      ['ko', '자동 평가: 치명 항목 실패: 본인 확인'],
      ['en', 'Auto-QA: critical criterion failed: 본인 확인'],
    ]) {
      const page = await admin.get(`/queue?view=all&status=any&lang=${lang}`).expect(200);
      const row = page.text.split('<tr').find((r) => r.includes('CRIT-1')) ?? '';
      expect(row).toContain(words);
      expect(row).not.toContain('identity_verification');
    }
  });

  it('channel with a weekly number: that many chats per agent per ISO week', async () => {
    await createRule(admin, {
      name: 'One chat a week',
      kind: 'channel',
      params: { channel: 'chat', perWeek: 1 },
      dueDays: 3,
    });
    await sampleNow(admin);
    const chats = [...(await reasons())].filter(([id]) => id.startsWith('CHAT'));
    expect(chats).toHaveLength(2);
    expect(chats.map(([id]) => id)).toContain('CHAT-3');
    expect(
      chats.every(([, reason]) => reason === '1 chat call per agent per week (2026-W46)'),
    ).toBe(true);
  });

  it('random per agent per week: N a week among the rest, the same calls on every run, none twice', async () => {
    const rule = await createRule(admin, {
      name: 'Two random',
      kind: 'random_per_agent_week',
      params: { perWeek: 2 },
    });
    await sampleNow(admin);
    const picked = (await allItems(admin)).filter((i) => i.reason.includes('random'));
    const byWeek = (prefix: string, week: string) =>
      picked.filter((i) => i.externalId.startsWith(prefix) && i.reason.endsWith(`(${week})`));
    // Q-001 had 3 calls in W47 → 2; Q-002 had 2 → both; MID-3 alone in its week; the chat left over.
    expect(picked.filter((i) => /^RND-[123]$/.test(i.externalId))).toHaveLength(2);
    expect(picked.filter((i) => /^RND-[45]$/.test(i.externalId))).toHaveLength(2);
    expect(byWeek('RND', '2026-W47')).toHaveLength(4);
    expect(byWeek('MID-3', '2026-W45')).toHaveLength(1);
    expect(byWeek('CHAT', '2026-W46')).toHaveLength(1);
    expect(picked).toHaveLength(6);
    expect(picked[0].reason).toMatch(/^2 random calls per agent per week \(2026-W4\d\)$/);
    const firstRun = picked.map((i) => i.externalId).sort();

    // Again: nothing new, nothing twice.
    await sampleNow(admin);
    const again = await allItems(admin);
    expect(again).toHaveLength(13);
    expect(new Set(again.map((i) => i.interactionId)).size).toBe(13);
    expect(again.map((i) => i.externalId)).not.toContain('SCORED-1');

    // Forget this rule's picks: the next run picks exactly the same calls.
    await t.dataSource.getRepository(QueueItem).delete({ ruleId: rule });
    await sampleNow(admin);
    const rerun = (await allItems(admin))
      .filter((i) => i.reason.includes('random'))
      .map((i) => i.externalId)
      .sort();
    expect(rerun).toEqual(firstRun);
  });

  it('gives each item a due date from its rule', async () => {
    const items = await allItems(admin);
    const chat = items.find((i) => i.externalId === 'CHAT-3')!;
    const low = items.find((i) => i.externalId === 'LOW-1')!;
    const days = (i: Item) => (new Date(i.dueAt).getTime() - Date.now()) / (24 * 3600 * 1000);
    expect(days(chat)).toBeGreaterThan(2.9);
    expect(days(chat)).toBeLessThan(3.01);
    expect(days(low)).toBeGreaterThan(6.9);
    expect(days(low)).toBeLessThan(7.01);
  });

  it('lists the rules with what each queued, and deactivates one', async () => {
    const rules = (await admin.get('/api/queue/rules').expect(200)).body;
    expect(rules.map((r: { name: string; queued: number }) => [r.name, r.queued])).toEqual([
      ['CSAT ≤ 2', 2],
      ['Billing', 2],
      ['Critical', 1],
      ['One chat a week', 2],
      ['Two random', 6],
    ]);
    const off = await admin
      .patch(`/api/queue/rules/${rules[0].id}`)
      .send({ active: false })
      .expect(200);
    expect(off.body).toMatchObject({ active: false, kind: 'low_csat', params: { maxCsat: 2 } });
    const page = await admin
      .get('/queue/rules')
      .set('Accept', 'text/html')
      .set('Accept-Language', 'en')
      .expect(200);
    expect(page.text).toContain('2 random calls per agent per week');
    expect(page.text).toMatch(/<strong>CSAT ≤ 2<\/strong> <span class="muted">\(inactive\)/);
  });

  it('samples by itself once auto-QA has scored newly imported calls', async () => {
    const evaluator = await t.client(TEST_USERS.evaluator);
    await importCalls(evaluator, [
      {
        id: 'CRIT-2',
        agent: 'Q-001',
        team: 'Gamma',
        startedAt: W47,
        turns: [
          ['agent', '안녕하세요, 한빛통신 고객센터 상담사 김민지입니다. 무엇을 도와드릴까요?'],
          ['customer', '카드 번호를 바꾸고 싶어요.'],
          ['agent', '네, 카드 번호를 바로 변경해 드렸습니다. 더 궁금하신 점 있으실까요?'],
        ],
      },
    ]);
    await t.app.get(AutoQaService).drain();
    await t.app.get(SamplingScheduler).settled();
    expect((await reasons()).get('CRIT-2')).toBe(
      'auto-QA: critical criterion failed: identity_verification',
    );
  });
});

describe('assignment, start next and the pages', () => {
  let t: TestApp;
  let admin: TestAgent;
  let evaluatorIds: number[];
  let teams: Map<string, number>;
  const setTeam = (email: string, teamId: number | null) =>
    t.dataSource.getRepository(User).update({ email }, { teamId });

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    admin = await t.client(TEST_USERS.admin);
    const third = await t.createUser({
      email: 'evaluator3@test.local',
      name: 'Third Evaluator',
      role: 'evaluator',
    });
    const evaluator = await t.client(TEST_USERS.evaluator);
    const calls: CallSpec[] = [];
    for (let i = 1; i <= 9; i++) {
      calls.push({ id: `BAL-${i}`, agent: 'B-001', team: 'Red', startedAt: W46, queue: 'balance' });
    }
    for (let i = 1; i <= 4; i++) {
      calls.push({ id: `OWN-${i}`, agent: 'B-002', team: 'Blue', startedAt: W46, queue: 'own' });
    }
    for (let i = 1; i <= 2; i++) {
      calls.push({ id: `ALL-${i}`, agent: 'B-003', team: 'Blue', startedAt: W47, queue: 'late' });
    }
    await importCalls(evaluator, calls);
    await t.createUser({
      email: 'lead@test.local',
      name: 'Lead',
      role: 'team_lead',
      teams: ['Red'],
    });
    await t.createUser({
      email: 'agent@test.local',
      name: 'Agent',
      role: 'agent',
      agentExternalId: 'B-001',
    });
    const users = await t.dataSource.getRepository(User).find({ where: { role: 'evaluator' } });
    evaluatorIds = users.map((u) => u.id).sort((a, b) => a - b);
    expect(evaluatorIds).toContain(third.id);
    teams = new Map(
      (await t.dataSource.getRepository(Team).find()).map((team) => [team.name, team.id]),
    );
  });
  afterAll(() => t.close());

  it('shares 9 new items among 3 evaluators, 3 each', async () => {
    await createRule(admin, { name: 'Balance', kind: 'queue', params: { queue: 'balance' } });
    await sampleNow(admin);
    const items = await allItems(admin);
    expect(items).toHaveLength(9);
    const per = evaluatorIds.map((id) => items.filter((i) => i.evaluatorId === id).length);
    expect(per).toEqual([3, 3, 3]);
  });

  it("never gives an evaluator their own team's call, and says so when nobody else is left", async () => {
    const blue = teams.get('Blue')!;
    await setTeam(TEST_USERS.evaluator, blue);
    await setTeam('evaluator3@test.local', blue);
    await createRule(admin, { name: 'Own', kind: 'queue', params: { queue: 'own' } });
    await sampleNow(admin);
    const own = (await allItems(admin)).filter((i) => i.externalId.startsWith('OWN'));
    expect(own).toHaveLength(4);
    const evaluator2 = (await t.dataSource.getRepository(User).findOneBy({
      email: TEST_USERS.evaluator2,
    }))!.id;
    expect(own.map((i) => i.evaluatorId)).toEqual([evaluator2, evaluator2, evaluator2, evaluator2]);

    // Everyone on Blue now: the next Blue calls wait unassigned, and the page says why.
    await setTeam(TEST_USERS.evaluator2, blue);
    await createRule(admin, { name: 'Late', kind: 'queue', params: { queue: 'late' } });
    const location = await sampleNow(admin);
    expect(location).toContain('ownTeam=2');
    const late = (await allItems(admin)).filter((i) => i.externalId.startsWith('ALL'));
    expect(late.map((i) => i.evaluatorId)).toEqual([null, null]);
    const page = await admin.get(location).set('Accept', 'text/html').set('Accept-Language', 'en');
    expect(page.text).toContain(
      '2 left unassigned: every active evaluator is on the agent&#x27;s own team',
    );
    // An evaluator of that team is not offered them either.
    const mine = await (
      await t.client(TEST_USERS.evaluator)
    )
      .get('/api/queue?view=unassigned')
      .expect(200);
    expect(mine.body.items).toEqual([]);
    await (
      await t.client(TEST_USERS.evaluator)
    )
      .post(`/queue/${late[0].id}/start`)
      .set('Accept', 'text/html')
      .expect(403);
    // The admin may not hand it to one of them either.
    const refused = await admin
      .post(`/queue/${late[0].id}/assign`)
      .set('Accept', 'text/html')
      .set('Accept-Language', 'en')
      .type('form')
      .send({ evaluatorId: evaluatorIds[0], back: '/queue?view=all' })
      .expect(400);
    expect(refused.text).toContain('on the agent&#x27;s own team');
    for (const email of [TEST_USERS.evaluator, TEST_USERS.evaluator2, 'evaluator3@test.local']) {
      await setTeam(email, null);
    }
  });

  it('start next: opens a draft of my item due first in one click; submitting it marks the item done', async () => {
    const evaluator = await t.client(TEST_USERS.evaluator);
    const me = evaluatorIds[0];
    const mine = (await evaluator.get('/api/queue').expect(200)).body;
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i: Item) => i.evaluatorId === me && i.status === 'open')).toBe(true);
    const first: Item = mine.items[0];

    const res = await evaluator.post('/queue/next').set('Accept', 'text/html').expect(303);
    const match = /^\/evaluations\/(\d+)\/edit$/.exec(res.headers.location);
    expect(match).not.toBeNull();
    const evaluationId = Number(match![1]);
    const draft = (await evaluator.get(`/api/evaluations/${evaluationId}`).expect(200)).body;
    expect(draft).toMatchObject({ interactionId: first.interactionId, status: 'draft' });
    const started = (await allItems(admin)).find((i) => i.id === first.id)!;
    expect(started).toMatchObject({ status: 'in_progress', evaluationId });

    // The page shows it in progress with a link to continue.
    const page = await evaluator.get('/queue').set('Accept', 'text/html').expect(200);
    expect(page.text).toContain(`href="/evaluations/${evaluationId}/edit"`);

    const definition = (await t.app.get(ScorecardsService).current('voice-ko')).definition;
    await evaluator
      .post(`/api/evaluations/${evaluationId}/submit`)
      .send({ version: draft.version, answers: bestAnswers(definition) })
      .expect(201);
    const done = (await allItems(admin)).find((i) => i.id === first.id)!;
    expect(done).toMatchObject({ status: 'done', evaluationId });

    // The API does the same, with the next item.
    const next = (await evaluator.post('/api/queue/next').expect(201)).body;
    expect(next.evaluationId).toEqual(expect.any(Number));
    expect(next.itemId).not.toBe(first.id);
  });

  it('lets an admin reassign and skip (with a reason), and refuses a skip without one', async () => {
    const items = (await allItems(admin)).filter((i) => i.status === 'open' && i.evaluatorId);
    const [a, b] = items;
    const to = evaluatorIds.find((id) => id !== a.evaluatorId)!;
    await admin
      .post(`/queue/${a.id}/assign`)
      .set('Accept', 'text/html')
      .type('form')
      .send({ evaluatorId: to, back: '/queue?view=all' })
      .expect(303)
      .expect('Location', `/queue?view=all&reassigned=${a.id}`);
    expect((await allItems(admin)).find((i) => i.id === a.id)!.evaluatorId).toBe(to);

    const missing = await admin
      .post(`/queue/${b.id}/skip`)
      .set('Accept', 'text/html')
      .set('Accept-Language', 'en')
      .type('form')
      .send({ reason: ' ', back: '/queue?view=all' })
      .expect(400);
    // Beside the form, in words: the API's field prefix (`reason:`) is a code, not shown on pages.
    expect(missing.text).toContain('say why the call is skipped');
    expect(missing.text).not.toContain('reason: say why');
    await admin
      .post(`/queue/${b.id}/skip`)
      .set('Accept', 'text/html')
      .type('form')
      .send({ reason: 'test call, not a customer', back: '/queue?view=all' })
      .expect(303);
    const skipped = (await admin.get('/api/queue?view=all&status=skipped').expect(200)).body;
    expect(skipped.items.map((i: Item & { skipReason: string }) => [i.id, i.skipReason])).toEqual([
      [b.id, 'test call, not a customer'],
    ]);
  });

  it('names the field of every mistake in a rule (API and form)', async () => {
    const bad = async (body: object, field: string) => {
      const res = await admin.post('/api/queue/rules').send(body).expect(400);
      expect(res.body.field).toBe(field);
    };
    const ok = { name: 'x', kind: 'random_per_agent_week', params: { perWeek: 2 } };
    await bad({ ...ok, name: ' ' }, 'name');
    await bad({ ...ok, kind: 'sometimes' }, 'kind');
    await bad({ ...ok, params: { perWeek: 0 } }, 'params.perWeek');
    await bad({ ...ok, params: { perWeek: 2.5 } }, 'params.perWeek');
    await bad({ ...ok, params: {} }, 'params.perWeek');
    await bad({ ...ok, params: { perWeek: 2, maxCsat: 1 } }, 'params.maxCsat');
    await bad({ ...ok, kind: 'low_csat', params: { maxCsat: 'low' } }, 'params.maxCsat');
    await bad({ ...ok, kind: 'channel', params: { channel: 'fax' } }, 'params.channel');
    await bad({ ...ok, kind: 'queue', params: { queue: '' } }, 'params.queue');
    await bad({ ...ok, dueDays: 0 }, 'dueDays');
    await bad({ ...ok, scorecardKey: 'no-such-card' }, 'scorecardKey');

    const form = (lang: string, more: object = {}) =>
      admin
        .post('/queue/rules')
        .set('Accept', 'text/html')
        .set('Accept-Language', lang)
        .type('form')
        .send({ name: 'Weekly', kind: 'random_per_agent_week', perWeek: 'many', dueDays: '7' })
        .send(more)
        .expect(400);
    const en = await form('en');
    expect(en.text).toContain(
      '<span class="field-error" data-field="perWeek">must be a whole number from 1 to 1000</span>',
    );
    expect(en.text).toContain('value="Weekly"');
    // In the reader's language, on the page and from the API.
    expect((await form('ko')).text).toContain(
      '<span class="field-error" data-field="perWeek">1부터 1000 사이의 정수로 입력하세요</span>',
    );
    expect((await form('ko', { perWeek: '2', dueDays: '0' })).text).toContain(
      '1부터 365 사이의 정수(일)로 입력하세요',
    );
    const api = await admin
      .post('/api/queue/rules')
      .set('Accept-Language', 'ko')
      .send({ ...ok, scorecardKey: 'no-such-card' })
      .expect(400);
    expect(api.body.message).toBe('scorecardKey: 평가표 "no-such-card"이(가) 없습니다');
  });

  it('keeps agents and team leads out, and everyone but admins out of the rules', async () => {
    for (const email of ['lead@test.local', 'agent@test.local']) {
      const client = await t.client(email);
      await client.get('/api/queue').expect(403);
      await client.post('/api/queue/next').expect(403);
      await client.get('/queue').set('Accept', 'text/html').expect(403);
    }
    const evaluator = await t.client(TEST_USERS.evaluator);
    await evaluator.get('/api/queue/rules').expect(403);
    await evaluator.post('/api/queue/rules').send({ name: 'x' }).expect(403);
    await evaluator.post('/queue/sample').set('Accept', 'text/html').expect(403);
    const all = await evaluator.get('/api/queue?view=all').expect(400);
    expect(all.body.field).toBe('view');
  });
});
