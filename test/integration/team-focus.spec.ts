/**
 * A team's weekly focus (issue 17; the weekly chat review of seed 004): the chats page suggests
 * the criterion failed in the most of the week's worst chats, shown with those chats; the team's
 * lead (or an admin) confirms or changes it — stored once per team and week, audited — and the
 * team view lists it.
 *
 * Fixture: agent A-1 (team Alpha), four chats in ISO week 2026-W41 scored on greet/solve:
 * c1 1/1 (100), c2 1/0 (50), c3 0/0 (0), c4 0/1 (50). Best: c1, c2; worst: c3, c4 — greet failed
 * in both, solve in c3 only → suggested focus: greet (인사), 2 of 2.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Agent as TestAgent } from 'supertest';
import { signedInAgent } from '../support/auth';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(120_000);

const SCORECARD = `
key: focus-test
name: Focus test
language: ko
channel: chat
passingScore: 80
sections:
  - key: main
    label: 기본
    weight: 100
    criteria:
      - { key: greet, label: 인사, guidance: 인사했는가, scale: yes_no }
      - { key: solve, label: 해결, guidance: 해결했는가, scale: yes_no }
`;
const CHATS: [string, string, 0 | 1, 0 | 1][] = [
  ['c1', '2026-10-05T03:00:00Z', 1, 1],
  ['c2', '2026-10-06T03:00:00Z', 1, 0],
  ['c3', '2026-10-07T03:00:00Z', 0, 0],
  ['c4', '2026-10-08T03:00:00Z', 0, 1],
];
const PERIOD = 'from=2026-10-05&to=2026-10-11';

describe('weekly team focus from the worst chats', () => {
  let t: TestApp;
  let evaluator: TestAgent;
  let lead: TestAgent;
  let alpha: number;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    evaluator = await t.client();
    fs.writeFileSync(path.join(t.scorecardsDir, 'focus-test.yaml'), SCORECARD);
    await (await t.client(TEST_USERS.admin)).post('/api/scorecards/sync').expect(200);
    for (const [id, at, greet, solve] of CHATS) {
      const chat = {
        externalId: id,
        source: 'focus-test',
        channel: 'chat',
        language: 'ko',
        agent: { externalId: 'A-1', name: '김하나', team: 'Alpha' },
        startedAt: at,
        turns: [
          { speaker: 'customer', startMs: 0, endMs: 1000, text: '문의가 있어요.' },
          { speaker: 'agent', startMs: 20_000, endMs: 21_000, text: '네, 도와드리겠습니다.' },
        ],
      };
      const imported = await evaluator
        .post('/api/interactions/import')
        .attach('files', Buffer.from(JSON.stringify(chat)), `${id}.json`)
        .expect(200);
      const draft = (
        await evaluator
          .post('/api/evaluations')
          .send({
            interactionId: imported.body.results[0].interactionId,
            scorecardKey: 'focus-test',
          })
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
    await (
      await t.client(TEST_USERS.admin)
    )
      .post('/api/interactions/import')
      .attach(
        'files',
        Buffer.from(
          JSON.stringify({
            externalId: 'b1',
            source: 'focus-test',
            channel: 'chat',
            language: 'ko',
            agent: { externalId: 'B-1', name: '박세나', team: 'Beta' },
            startedAt: '2026-10-05T03:00:00Z',
            turns: [{ speaker: 'agent', startMs: 0, endMs: 1000, text: '안녕하세요.' }],
          }),
        ),
        'b1.json',
      )
      .expect(200);
    const teams = await t.dataSource.query<{ id: number }[]>(
      `SELECT "id" FROM "teams" WHERE "name" = 'Alpha'`,
    );
    alpha = Number(teams[0].id);
    for (const [email, team] of [
      ['lead-alpha@test.local', 'Alpha'],
      ['lead-beta@test.local', 'Beta'],
    ]) {
      await t.createUser({ email, name: `Lead ${team}`, role: 'team_lead', teams: [team] });
    }
    lead = await t.client('lead-alpha@test.local');
  });
  afterAll(() => t?.close());

  const chatsPage = async (client: TestAgent) =>
    (await client.get(`/analytics/chats?${PERIOD}&lang=en`).set('Accept', 'text/html').expect(200))
      .text;
  const focusBlock = (html: string) => {
    const start = html.indexOf(`id="focus-${alpha}-2026-W41"`);
    expect(start).toBeGreaterThan(-1);
    return html.slice(start, html.indexOf('</form>', start) + 7 || start + 3000);
  };

  it('suggests the criterion failed in the most worst chats, with a link to those chats', async () => {
    const block = focusBlock(await chatsPage(lead));
    expect(block).toContain('Suggested: 인사 — failed in 2 of the 2 worst chats');
    expect(block).toContain('Not confirmed yet.');
    const href = /href="([^"]+)" class="calls-link focus-chats" data-n="2"/.exec(block)![1];
    const list = await lead
      .get(
        href
          .replace(/&amp;/g, '&')
          .replace(/&#x3D;/g, '=')
          .replace('/interactions', '/api/interactions'),
      )
      .expect(200);
    expect(list.body.items.map((i: { externalId: string }) => i.externalId).sort()).toEqual([
      'c3',
      'c4',
    ]);
    // The lead may confirm (the form is there); an evaluator sees the suggestion without it.
    expect(block).toContain('action="/analytics/chats/focus"');
    expect(focusBlock(await chatsPage(evaluator))).not.toContain('action="/analytics/chats/focus"');
  });

  it('a lead confirms it (API), then changes it (the page form); both audited, one row', async () => {
    const body = {
      team: alpha,
      week: '2026-W41',
      scorecard: 'focus-test',
      criterion: 'greet',
      suggested: 'greet',
    };
    await lead.post('/api/analytics/team-focus').send(body).expect(201);
    expect(focusBlock(await chatsPage(lead))).toContain('Confirmed by Lead Alpha: 인사');

    const browser = await signedInAgent(t.app.getHttpServer(), 'lead-alpha@test.local');
    const page = await browser.get(`/analytics/chats?${PERIOD}`).expect(200);
    const posted = await browser
      .post('/analytics/chats/focus')
      .type('form')
      .send({
        _csrf: /name="_csrf" value="([^"]+)"/.exec(page.text)![1],
        team: alpha,
        week: '2026-W41',
        scorecard: 'focus-test',
        criterion: 'solve',
        suggested: 'greet',
        from: '2026-10-05',
        to: '2026-10-11',
      })
      .expect(303);
    expect(posted.headers.location).toBe(
      `/analytics/chats?team=${alpha}&from=2026-10-05&to=2026-10-11#focus-${alpha}-2026-W41`,
    );
    expect(focusBlock(await chatsPage(lead))).toContain(
      'Set by Lead Alpha: 해결 (suggested: 인사)',
    );

    const stored = (await lead.get('/api/analytics/team-focus').expect(200)).body;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      week: '2026-W41',
      criterionKey: 'solve',
      suggestedCriterionKey: 'greet',
    });
    const audit = (
      await (await t.client(TEST_USERS.admin)).get('/api/audit?entityType=team_focus').expect(200)
    ).body.items as { action: string; before: unknown; after: { criterion: string } }[];
    expect(audit.map((a) => [a.action, a.after.criterion])).toEqual([
      ['team_focus.set', 'solve'],
      ['team_focus.set', 'greet'],
    ]);
    expect(audit[1].before).toBeNull();
  });

  it('the team view lists the confirmed focus', async () => {
    const html = (
      await lead.get(`/analytics?team=${alpha}&lang=en`).set('Accept', 'text/html').expect(200)
    ).text;
    expect(html).toContain('id="team-focus-list"');
    expect(html).toMatch(/data-week="2026-W41" data-criterion="solve"/);
  });

  it("refuses another team's lead, an evaluator, and a wrong criterion or week", async () => {
    const body = { team: alpha, week: '2026-W41', scorecard: 'focus-test', criterion: 'greet' };
    await (
      await t.client('lead-beta@test.local')
    )
      .post('/api/analytics/team-focus')
      .send(body)
      .expect(403);
    await evaluator.post('/api/analytics/team-focus').send(body).expect(403);
    const bad = async (change: object, field: string) => {
      const res = await lead
        .post('/api/analytics/team-focus')
        .send({ ...body, ...change })
        .expect(400);
      expect(JSON.stringify(res.body)).toContain(field);
    };
    await bad({ criterion: 'nope' }, 'criterion');
    await bad({ scorecard: 'nope' }, 'scorecard');
    await bad({ week: '2026-W60' }, 'week');
    await bad({ week: 'last week' }, 'week');
    await bad({ team: 999 }, 'team');
    // Beta's lead sees only Beta's focus (none).
    expect(
      (await (await t.client('lead-beta@test.local')).get('/api/analytics/team-focus').expect(200))
        .body,
    ).toEqual([]);
  });
});
