/**
 * Abusive callers (고객응대근로자 보호): the flag stored at import, the replay and scoring pages
 * reading it, auto-QA answering the protected criteria N/A, the team lead's notice, the protective
 * action record and the /protection report (SQLite, and PostgreSQL with DATABASE_URL).
 */
import type { Agent as TestAgent } from 'supertest';
import { AbuseService } from '../../src/abuse/abuse.service';
import { AnalyticsService } from '../../src/analytics/analytics.service';
import { ABUSE_NA_REASON } from '../../src/autoqa/abuse-protection';
import { AutoQaService } from '../../src/autoqa/autoqa.service';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { bestAnswers } from '../support/answers';
import { startTestApp, TEST_USERS, TestApp } from '../support/test-app';

type Line = [speaker: string, text: string];
const AGENT = { externalId: 'AB-001', name: '김하나', team: 'Alpha' };
const OTHER_AGENT = { externalId: 'AB-002', name: '이두리', team: 'Beta' };
const PROTECTED = [
  'no_interruptions',
  'no_over_apology',
  'positive_language',
  'thanks_for_feedback',
  'no_escape',
  'deescalation',
];
const THREAT: Line[] = [
  ['agent', '안녕하세요, 한빛통신 상담사 김하나입니다. 무엇을 도와드릴까요?'],
  ['customer', '요금 왜 이렇게 나왔어요? 진짜 짜증나네요 불만이에요'],
  ['agent', '확인해 보니 해외 로밍 요금입니다. 안 됩니다, 환불은 불가능합니다.'],
  ['customer', '너 목소리 기억했다, 가만 안 둔다'],
  ['agent', '죄송합니다. 정말 죄송합니다. 그건 다른 부서에 전화하세요.'],
];
/** The same agent, word for word, with a caller who is angry but does not abuse them. */
const CALM: Line[] = THREAT.map(([speaker, text], i) =>
  i === 3 ? [speaker, '정말 화가 나네요. 세 번째 전화하는 거예요.'] : [speaker, text],
);

interface Answer {
  criterionKey: string;
  value: number | null;
  suggestion: string | null;
  evidence: { reason: string } | null;
}

describe('abusive callers', () => {
  let t: TestApp;
  let http: TestAgent;
  let lead: TestAgent;
  let calm: number;
  let threat: number;

  async function importCall(
    externalId: string,
    lines: Line[],
    agent = AGENT,
    startedAt = '2026-11-02T09:15:00+09:00',
  ): Promise<number> {
    const call = {
      externalId,
      source: 'test',
      channel: 'voice',
      language: 'ko',
      agent,
      startedAt,
      turns: lines.map(([speaker, text], i) => ({
        speaker,
        startMs: i * 3000,
        endMs: i * 3000 + 2500,
        text,
      })),
    };
    const res = await http
      .post('/api/interactions/import')
      .attach('files', Buffer.from(JSON.stringify(call)), `${externalId}.json`)
      .expect(200);
    expect(res.body.results[0].status).toBe('imported');
    return res.body.results[0].interactionId as number;
  }

  const html = async (client: TestAgent, url: string) =>
    (await client.get(url).set('Accept', 'text/html').expect(200)).text;

  async function autoAnswers(interactionId: number): Promise<Map<string, Answer>> {
    const list = (await http.get(`/api/evaluations?interactionId=${interactionId}`).expect(200))
      .body as { id: number; kind: string }[];
    const auto = list.find((e) => e.kind === 'auto');
    expect(auto).toBeDefined();
    const full = (await http.get(`/api/evaluations/${auto!.id}`).expect(200)).body as {
      answers: Answer[];
    };
    return new Map(full.answers.map((a) => [a.criterionKey, a]));
  }

  beforeAll(async () => {
    t = await startTestApp();
    http = await t.client();
    // The team exists once its first call is imported; then its lead can be made.
    calm = await importCall('CALM-1', CALM);
    await importCall('OTHER-1', CALM, OTHER_AGENT);
    await t.createUser({
      email: 'lead@test.local',
      name: 'Lead Alpha',
      role: 'team_lead',
      teams: ['Alpha'],
    });
    await t.createUser({
      email: 'lead2@test.local',
      name: 'Lead Beta',
      role: 'team_lead',
      teams: ['Beta'],
    });
    await t.createUser({
      email: 'agent@test.local',
      name: '김하나',
      role: 'agent',
      agentExternalId: 'AB-001',
    });
    lead = await t.client('lead@test.local');
    threat = await importCall('ABUSE-1', THREAT);
    await t.app.get(AutoQaService).drain();
  }, 60_000);
  afterAll(() => t.close());

  it('stores the flag at import: the kinds and turns, not the words', async () => {
    type Row = {
      interactionId: number;
      flagged: boolean | number;
      categories: string;
      turns: string;
    };
    const rows = await t.dataSource.query<Row[]>(
      'SELECT "interactionId", "flagged", "categories", "turns" FROM "abuse_flags" ORDER BY "interactionId"',
    );
    const byCall = new Map(rows.map((r) => [Number(r.interactionId), r]));
    expect(Boolean(byCall.get(calm)?.flagged)).toBe(false);
    const flag = byCall.get(threat)!;
    expect(Boolean(flag.flagged)).toBe(true);
    expect(JSON.parse(flag.categories)).toEqual(['threat']);
    expect(JSON.parse(flag.turns)).toEqual([{ seq: 3, category: 'threat' }]);
    expect(JSON.stringify(rows)).not.toContain('가만');
  });

  it('shows the stored flag on the replay page, linking the turn; nothing on a calm call', async () => {
    const page = await html(http, `/interactions/${threat}`);
    expect(page).toContain('id="abuse-flag"');
    expect(page).toContain('고객 폭언·위협이 감지된 통화입니다.');
    expect(page).toContain('<a href="#turn-3">4번째 발화</a> · 위협');
    // Only leads and admins get the record form; the evaluator sees the banner without it.
    expect(page).not.toContain('id="protective-action-form"');
    expect(await html(http, `/interactions/${calm}`)).not.toContain('id="abuse-flag"');
    // The banner reads the stored flag: a call whose flag is gone shows none.
    const other = await importCall('ABUSE-UNSTORED', THREAT);
    await t.dataSource.query(`DELETE FROM "abuse_flags" WHERE "interactionId" = ${other}`);
    expect(await html(http, `/interactions/${other}`)).not.toContain('id="abuse-flag"');
    // …until the backfill computes it for calls imported before flags were stored.
    expect(await t.app.get(AbuseService).backfill()).toEqual({ checked: 1, flagged: 1 });
    expect(await html(http, `/interactions/${other}`)).toContain('id="abuse-flag"');
    expect(await t.app.get(AbuseService).backfill()).toEqual({ checked: 0, flagged: 0 });
  });

  it("auto-QA answers the scorecard's protected criteria N/A with the reason on the abusive call only", async () => {
    const abusive = await autoAnswers(threat);
    for (const key of PROTECTED) {
      expect({ key, ...abusive.get(key) }).toMatchObject({
        key,
        value: null,
        suggestion: 'na',
        evidence: expect.objectContaining({ reason: ABUSE_NA_REASON }),
      });
    }
    // Criteria the abuse does not affect are scored as usual (the greeting is there).
    expect(abusive.get('greeting')).toMatchObject({ suggestion: 'pass', value: 1 });
    expect(abusive.get('no_rude_language')?.evidence?.reason).not.toBe(ABUSE_NA_REASON);
    // The same agent words on a calm call are held against the agent.
    const usual = await autoAnswers(calm);
    for (const key of ['thanks_for_feedback', 'no_escape', 'deescalation']) {
      expect({ key, ...usual.get(key) }).toMatchObject({ key, suggestion: 'fail', value: 0 });
    }
    for (const key of PROTECTED) expect(usual.get(key)?.evidence?.reason).not.toBe(ABUSE_NA_REASON);
  });

  it('pre-marks the protected criteria N/A on the scoring form, with the banner; the evaluator may override', async () => {
    const draft = (
      await http
        .post('/api/evaluations')
        .send({ interactionId: threat, scorecardKey: 'voice-ko' })
        .expect(201)
    ).body as { id: number; version: number; answers: Answer[] };
    const positive = draft.answers.find((a) => a.criterionKey === 'positive_language');
    expect(positive).toMatchObject({ value: null, evidence: { reason: ABUSE_NA_REASON } });
    const form = await html(http, `/evaluations/${draft.id}/edit`);
    expect(form).toContain('id="abuse-flag"');
    expect(form).toContain('고객 폭언: 상담사에게 불리하게 반영하지 않음');
    const en = await html(http, `/evaluations/${draft.id}/edit?lang=en`);
    expect(en).toContain('Customer abuse: not held against the agent');
    // The evaluator decides otherwise: a value replaces the N/A.
    const saved = (
      await http
        .patch(`/api/evaluations/${draft.id}`)
        .send({ version: draft.version, answers: [{ key: 'positive_language', value: 0 }] })
        .expect(200)
    ).body as { answers: Answer[] };
    expect(saved.answers.find((a) => a.criterionKey === 'positive_language')?.value).toBe(0);
  });

  it("tells the agent's team lead, and only them", async () => {
    const notices = await html(lead, '/notifications');
    expect(notices).toContain('ABUSE-1 통화: 고객이 김하나 상담사에게 폭언·위협을 했습니다.');
    expect(notices).toContain(`/interactions/${threat}`);
    const other = await html(await t.client('lead2@test.local'), '/notifications');
    expect(other).not.toContain('ABUSE-1');
    expect(notices).not.toContain('CALM-1');
  });

  it('lets the lead record a protective action in one click, audited; refuses others and bad input', async () => {
    expect(await html(lead, `/interactions/${threat}`)).toContain('id="protective-action-form"');
    const res = await lead
      .post(`/api/interactions/${threat}/protective-actions`)
      .send({ action: 'break', note: '15분 휴식' })
      .expect(201);
    expect(res.body.actions).toEqual([
      expect.objectContaining({ action: 'break', note: '15분 휴식', interactionId: threat }),
    ]);
    const page = await html(lead, `/interactions/${threat}`);
    expect(page).toContain('휴식 부여: 15분 휴식 (Lead Alpha');
    const bad = await lead
      .post(`/api/interactions/${threat}/protective-actions`)
      .send({ action: 'shout' })
      .expect(400);
    // The refusal names the field (its wording is the validation messages' business).
    expect(bad.body).toMatchObject({ message: expect.stringMatching(/^action\b/) });
    await lead
      .post(`/api/interactions/${calm}/protective-actions`)
      .send({ action: 'break' })
      .expect(400);
    await (
      await t.client('lead2@test.local')
    )
      .post(`/api/interactions/${threat}/protective-actions`)
      .send({ action: 'break' })
      .expect(404);
    await http
      .post(`/api/interactions/${threat}/protective-actions`)
      .send({ action: 'break' })
      .expect(403);
    await (
      await t.client('agent@test.local')
    )
      .post(`/api/interactions/${threat}/protective-actions`)
      .send({ action: 'break' })
      .expect(403);
    const audit = (
      await (
        await t.client(TEST_USERS.admin)
      )
        .get(`/api/audit?entityType=interaction&entityId=${threat}`)
        .expect(200)
    ).body as { items: { action: string; after: unknown }[] };
    expect(audit.items).toEqual([
      expect.objectContaining({
        action: 'interaction.protective_action',
        after: expect.objectContaining({ action: 'break', note: '15분 휴식' }),
      }),
    ]);
  });

  it('lists flagged calls of a period with the action or "no action yet", as a page and a CSV', async () => {
    const second = await importCall('ABUSE-2', THREAT, AGENT, '2026-11-03T10:00:00+09:00');
    await importCall('ABUSE-BETA', THREAT, OTHER_AGENT, '2026-11-04T10:00:00+09:00');
    const period = 'from=2026-11-01&to=2026-11-30';
    const page = await html(lead, `/protection?${period}`);
    expect(page).toContain('data-call="ABUSE-1"');
    expect(page).toContain('data-call="ABUSE-2"');
    expect(page).toContain('휴식 부여: 15분 휴식');
    expect(page).toContain('아직 조치 없음');
    // A lead sees their own team's calls; an admin sees all; calm calls are not listed.
    expect(page).not.toContain('ABUSE-BETA');
    expect(page).not.toContain('CALM-1');
    const admin = await t.client(TEST_USERS.admin);
    expect(await html(admin, `/protection?${period}&lang=en`)).toMatch(
      /data-call="ABUSE-BETA"[\s\S]*No action yet/,
    );
    const csv = await lead.get(`/protection?${period}&format=csv`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('protection-2026-11-01-2026-11-30.csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('상담,일시,상담사,팀,유형,취한 조치');
    expect(lines).toHaveLength(1 + 3); // ABUSE-1, ABUSE-2, and ABUSE-UNSTORED (backfilled)
    expect(lines.find((l) => l.startsWith('ABUSE-2,'))).toContain('아직 조치 없음');
    // Empty period, a page past the end, a bad date.
    expect(await html(lead, '/protection?from=2025-01-01&to=2025-01-31')).toContain(
      'id="protection-empty"',
    );
    const api = (await lead.get(`/api/protection?${period}&page=2`).expect(200)).body;
    expect(api).toMatchObject({ items: [], total: 3, page: 2, pages: 1 });
    const refused = await lead.get('/api/protection?from=2026-13-01').expect(400);
    expect(JSON.stringify(refused.body)).toContain('YYYY-MM-DD');
    // Agents and evaluators have no protection page.
    await (await t.client('agent@test.local')).get('/protection').expect(403);
    await http.get('/api/protection').expect(403);
    expect(second).toBeGreaterThan(threat);
  });

  it("leaves abusive calls out of the agent's patterns unless the reader includes them", async () => {
    await t.app.get(AutoQaService).drain();
    await t.app.get(AnalyticsService).rebuild();
    const period = 'from=2026-11-01&to=2026-11-30';
    const profile = async (query: string) =>
      (await lead.get(`/api/analytics/agents/AB-001/profile?${period}${query}`).expect(200))
        .body as {
        evaluations: { auto: number };
        includeAbusive: boolean;
        criteria: { key: string; autoTotal: number }[];
      };
    // AB-001's calls: CALM-1, and ABUSE-1, ABUSE-UNSTORED, ABUSE-2 (flagged), each auto-scored.
    const without = await profile('');
    expect(without).toMatchObject({ includeAbusive: false, evaluations: { auto: 1 } });
    const greeting = (p: typeof without) => p.criteria.find((c) => c.key === 'greeting')?.autoTotal;
    expect(greeting(without)).toBe(1);
    const withAbusive = await profile('&abusive=include');
    expect(withAbusive).toMatchObject({ includeAbusive: true, evaluations: { auto: 4 } });
    expect(greeting(withAbusive)).toBe(4);
    const page = await html(lead, `/analytics/agents/AB-001?${period}`);
    expect(page).toContain('id="include-abusive"');
    expect(page).toContain('id="abusive-excluded"');
    const included = await html(lead, `/analytics/agents/AB-001?${period}&abusive=include`);
    expect(included).not.toContain('id="abusive-excluded"');
    // The calls behind the numbers follow the same choice.
    const calls = async (query: string) =>
      (await html(lead, `/analytics/agents/AB-001/calls?${period}&source=auto${query}`)).match(
        /ABUSE-/g,
      )?.length ?? 0;
    expect(await calls('')).toBe(0);
    expect(await calls('&abusive=include')).toBeGreaterThan(0);
    await lead.get(`/api/analytics/agents/AB-001/profile?abusive=yes`).expect(400);
  });

  it('leaves abusive calls out of the team heat map unless the lead ticks "include", in Korean and English', async () => {
    // A third agent of team Alpha, scored by hand on a calm call and on an abusive one.
    const heatAgent = { externalId: 'AB-003', name: '박세나', team: 'Alpha' };
    const calmCall = await importCall('HEAT-CALM', CALM, heatAgent);
    const abusiveCall = await importCall('HEAT-ABUSE', THREAT, heatAgent);
    const { definition } = await t.app.get(ScorecardsService).current('voice-ko');
    for (const interactionId of [calmCall, abusiveCall]) {
      const draft = (
        await http.post('/api/evaluations').send({ interactionId, scorecardKey: 'voice-ko' })
      ).body as { id: number; version: number };
      await http
        .post(`/api/evaluations/${draft.id}/submit`)
        .send({ version: draft.version, answers: bestAnswers(definition) })
        .expect(201);
    }
    await t.app.get(AutoQaService).drain();
    await t.app.get(AnalyticsService).rebuild();
    const period = 'from=2026-11-01&to=2026-11-30&scorecard=voice-ko';
    type Heat = {
      rows: { agent: { externalId: string }; overall: { total: number } }[];
      trend: { weeks: { human: { total: number } }[] };
    };
    const heat = async (query: string) =>
      (await lead.get(`/api/analytics/heatmap?${period}${query}`).expect(200)).body as Heat;
    const answers = (h: Heat) => h.rows.find((r) => r.agent.externalId === 'AB-003')?.overall.total;
    const humanInTrend = (h: Heat) => h.trend.weeks.reduce((n, w) => n + w.human.total, 0);
    const criteria = bestAnswers(definition).length;
    const without = await heat('');
    const withAbusive = await heat('&abusive=include');
    // Every criterion answered on each call (none N/A): one call's answers, then both calls'.
    expect(answers(without)).toBe(criteria);
    expect(answers(withAbusive)).toBe(2 * criteria);
    expect(humanInTrend(withAbusive) - humanInTrend(without)).toBe(criteria);

    // The page: the toggle unticked with the note, ticked without it; links keep the choice.
    const page = await html(lead, `/analytics?${period}`);
    expect(page).toContain('id="include-abusive"');
    expect(page).not.toMatch(/id="include-abusive"[^>]*checked/);
    expect(page).toContain('고객 폭언 통화 포함');
    expect(page).toContain('고객이 상담사에게 폭언·위협한 통화는 빠져 있습니다.');
    const included = await html(lead, `/analytics?${period}&abusive=include&lang=en`);
    expect(included).toMatch(/id="include-abusive"[^>]*checked/);
    expect(included).toContain('Include calls where the customer abused the agent');
    expect(included).not.toContain('id="abusive-excluded"');
    // (Handlebars writes "=" in an attribute as &#x3D;.)
    expect(included).toMatch(/href="\/analytics\/agents\/AB-003\?[^"]*abusive&#x3D;include/);
    expect(included).toMatch(/href="\/analytics\.csv\?[^"]*abusive&#x3D;include/);
    await lead.get(`/analytics?${period}&abusive=yes`).set('Accept', 'text/html').expect(400);

    // The calls behind a number carry the same toggle, keeping the rest of the query.
    const calls = await html(lead, `/analytics/agents/AB-003/calls?${period}&source=human`);
    expect(calls).toContain('id="calls-filter"');
    expect(calls).toContain('<input type="hidden" name="source" value="human">');
    expect(calls).toContain('HEAT-CALM');
    expect(calls).not.toContain('HEAT-ABUSE');
    const callsIncluded = await html(
      lead,
      `/analytics/agents/AB-003/calls?${period}&source=human&abusive=include`,
    );
    expect(callsIncluded).toContain('HEAT-ABUSE');
    expect(callsIncluded).toMatch(/id="include-abusive"[^>]*checked/);
  });
});
