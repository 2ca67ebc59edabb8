/**
 * Issue 13, row 10: imported ids and names and user e-mails and names refuse line breaks,
 * control, bidi and zero-width characters with a located error; `q` searches take `%` and `_`
 * literally; agents see the evaluator's name only; the CSRF token is never read from the query
 * string; the interaction list counts only the viewer's own drafts.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Agent as TestAgent } from 'supertest';
import type { App } from 'supertest/types';
import { strToU8, zipSync } from 'fflate';
import { Agent } from '../../src/agents/entities/agent.entity';
import { InputError } from '../../src/common/errors';
import { Interaction } from '../../src/interactions/entities/interaction.entity';
import { pageCsrf, signedInAgent } from '../support/auth';
import { seedTwoTeams, testCall, TwoTeams } from '../support/people';
import { FIXTURES, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

const AGENT = { externalId: 'P-001', name: 'Agent 1', team: 'Alpha' };
/** One of each refused kind: line breaks, a control character, bidi, zero-width. */
const REFUSED = ['\n', '\r', '\u0007', '\u202e', '\u2066', '\u200b', '\u2060', '\ufeff'];

describe('ids, names, searches, what agents see, CSRF, draft counts', () => {
  let t: TestApp;
  let seed: TwoTeams;
  let server: App;
  let evaluator: TestAgent;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    seed = await seedTwoTeams(t);
    server = t.app.getHttpServer();
    evaluator = await t.client(TEST_USERS.evaluator);
  });
  afterAll(() => t.close());

  const importCall = (name: string, call: object) =>
    evaluator
      .post('/api/interactions/import')
      .attach('files', Buffer.from(JSON.stringify(call)), name)
      .expect(200);

  describe('imported ids and names', () => {
    it.each(REFUSED.map((c) => [`U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`, c]))(
      'a call id holding %s fails that file, naming the file and the field (alone: a 400)',
      async (_, c) => {
        const res = await evaluator
          .post('/api/interactions/import')
          .attach('files', Buffer.from(JSON.stringify(testCall(`ID${c}1`, AGENT))), 'bad-id.json')
          .expect(400);
        expect(res.body).toMatchObject({ statusCode: 400, field: 'files', imported: 0 });
        expect(res.body.message).toContain('bad-id.json');
        expect(res.body.message).toContain('externalId');
        expect(res.body.results).toEqual([
          expect.objectContaining({ file: 'bad-id.json', status: 'failed', field: 'externalId' }),
        ]);
      },
    );

    it("an agent's id or name, a team or a queue with one fails too, and the other files import", async () => {
      const bad = [
        ['agentExternalId', testCall('OK-A', { ...AGENT, externalId: 'P-\u200b001' })],
        ['agentName', testCall('OK-B', { ...AGENT, name: 'Agent\u202e1' })],
        ['teamName', testCall('OK-C', { ...AGENT, team: 'Al\npha' })],
        ['queue', { ...testCall('OK-D', AGENT), queue: 'billing\u2066' }],
      ] as const;
      let req = evaluator.post('/api/interactions/import');
      for (const [field, call] of bad) {
        req = req.attach('files', Buffer.from(JSON.stringify(call)), `${field}.json`);
      }
      req = req.attach('files', Buffer.from(JSON.stringify(testCall('OK-E', AGENT))), 'ok.json');
      const res = await req.expect(200);
      expect(res.body.imported).toBe(1);
      for (const [field] of bad) {
        const result = res.body.results.find((r: { file: string }) => r.file === `${field}.json`);
        expect(result).toMatchObject({ status: 'failed', field });
        expect(result.reason).toMatch(/\(U\+[0-9A-F]{4}\) at character \d+/);
      }
    });

    it('a batch in which every file fails is a 400 naming the first file and field, with the report; nothing is written', async () => {
      const rows = async () => [
        await t.dataSource.getRepository(Interaction).count(),
        await t.dataSource.getRepository(Agent).count(),
      ];
      const before = await rows();
      // A sidecar inside a zip with a bidi override in the call id; a call whose agent id holds
      // a zero-width space (that agent must not be created); a file of two dialogues, the second
      // with a line break in its id (the first must not be written either).
      const zip = Buffer.from(
        zipSync({
          'x.vtt': strToU8('WEBVTT\n\n00:00.000 --> 00:02.000\n<v agent>안녕하세요\n'),
          'x.vtt.meta.json': strToU8(JSON.stringify({ externalId: 'X\u202eY' })),
        }),
      );
      const dialogues = [
        {
          dial_id: 'fine',
          turns: [
            { role: 'user', utterance: '안녕하세요' },
            { role: 'system', utterance: '네' },
          ],
        },
        {
          dial_id: 'bad\nid',
          turns: [
            { role: 'user', utterance: '질문' },
            { role: 'system', utterance: '답' },
          ],
        },
      ];
      const res = await evaluator
        .post('/api/interactions/import')
        .set('Accept-Language', 'en')
        .attach('files', zip, 'batch.zip')
        .attach(
          'files',
          Buffer.from(
            JSON.stringify(testCall('NEW-1', { ...AGENT, externalId: 'NEW\u200bAGENT' })),
          ),
          'agent.json',
        )
        .attach('files', Buffer.from(JSON.stringify(dialogues)), 'two.json')
        .expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        field: 'files',
        imported: 0,
        skipped: 0,
        failed: 3,
      });
      expect(res.body.message).toMatch(
        /^files: batch\.zip\/x\.vtt: externalId contains .*U\+202E.* no file of this upload could be imported \(3 failed\); nothing was written$/,
      );
      expect(res.body.results).toEqual([
        expect.objectContaining({ file: 'batch.zip/x.vtt', status: 'failed', field: 'externalId' }),
        expect.objectContaining({ file: 'agent.json', status: 'failed', field: 'agentExternalId' }),
        expect.objectContaining({
          file: 'two.json',
          status: 'failed',
          field: 'externalId',
          reason: expect.stringContaining('(dialogue 2)'),
        }),
      ]);
      expect(await rows()).toEqual(before);

      // The same upload on the import page: 400, the message in Korean above the report.
      const { browser, csrf } = await signIn(TEST_USERS.evaluator);
      const page = await browser
        .post('/imports')
        .set('Accept', 'text/html')
        .set('Accept-Language', 'ko')
        .field('_csrf', csrf)
        .attach(
          'files',
          Buffer.from(
            JSON.stringify(testCall('NEW-2', { ...AGENT, externalId: 'NEW\u200bAGENT' })),
          ),
          'agent.json',
        )
        .expect(400);
      expect(page.text).toContain('이 업로드의 파일을 하나도 가져오지 못했습니다(실패 1개)');
      expect(page.text).toContain('id="import-report"');
      expect(page.text).toContain('<code>agentExternalId</code>');
      expect(await rows()).toEqual(before);
    });

    it('a call id or agent given with the upload is refused with 400 naming the field', async () => {
      for (const field of ['externalId', 'agent']) {
        const res = await evaluator
          .post('/api/interactions/import')
          .field(field, 'X\u200bY')
          .attach('files', Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\n<v agent>hi\n'), 'a.vtt')
          .expect(400);
        expect(res.body.message).toContain(field);
      }
    });

    it('a mystery-shop row with one in its shop id or agent id is a located row error', async () => {
      const sample = (name: string) => fs.readFileSync(path.join(FIXTURES, 'mystery-shop', name));
      const [header, row] = sample('sample-ko.csv').toString('utf8').split('\n');
      const cells = row.split(',');
      cells[0] = 'MS-\u2066001';
      cells[4] = 'AG-1042\u200b';
      const res = await evaluator
        .post('/api/mystery-shop/import')
        .attach('file', Buffer.from(`${header}\n${cells.join(',')}`), 'shops.csv')
        .attach('mapping', sample('mapping-ko.yaml'), 'mapping-ko.yaml')
        .field('dryRun', 'true')
        .expect(200);
      const errors = res.body.errors as { line: number; column: string; reason: string }[];
      expect(errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            line: 2,
            column: '조사 번호',
            reason: expect.stringMatching(/U\+2066/),
          }),
          expect.objectContaining({
            line: 2,
            column: '상담원 ID',
            reason: expect.stringMatching(/U\+200B/),
          }),
        ]),
      );
    });
  });

  describe('user e-mails and names', () => {
    it('refuses them in the service (CLI, first admin) with an InputError naming the field', async () => {
      await expect(
        t.createUser({ email: 'admin\u200b@demo.local', name: 'Fake', role: 'admin' }),
      ).rejects.toMatchObject({ field: 'email' });
      await expect(
        t.createUser({ email: 'x@demo.local', name: 'Line\nbreak', role: 'evaluator' }),
      ).rejects.toBeInstanceOf(InputError);
    });

    it("refuses them on the admin's form with 400 in the reader's language", async () => {
      const { browser, csrf } = await signIn(TEST_USERS.admin);
      const res = await browser
        .post('/admin/users?lang=en')
        .type('form')
        .send({ email: 'admin\u200b@demo.local', name: 'Fake', role: 'admin', _csrf: csrf })
        .expect(400);
      expect(res.text).toContain('may not hold line breaks, control, bidi or zero-width');
      const again = await browser
        .get('/admin/users?q=demo.local')
        .set('Accept', 'text/html')
        .expect(200);
      expect(again.text).not.toContain('admin\u200b@');
    });
  });

  describe('q takes % and _ literally', () => {
    beforeAll(async () => {
      for (const id of ['LIKE_1', 'LIKEX1', 'LIKE%2', 'LIKE\\3']) {
        await importCall(`${id}.json`, testCall(id, AGENT));
      }
    });
    const ids = async (q: string) =>
      (await evaluator.get(`/api/interactions?q=${encodeURIComponent(q)}`).expect(200)).body.items
        .map((i: { externalId: string }) => i.externalId)
        .sort();

    it('in the interaction list', async () => {
      expect(await ids('LIKE_')).toEqual(['LIKE_1']);
      expect(await ids('LIKE%')).toEqual(['LIKE%2']);
      expect(await ids('LIKE\\')).toEqual(['LIKE\\3']);
      expect(await ids('LIKE')).toHaveLength(4);
    });

    it('in the user list and the audit filters', async () => {
      await t.createUser({ email: 'under_score@test.local', name: 'U', role: 'evaluator' });
      await t.createUser({ email: 'underXscore@test.local', name: 'X', role: 'evaluator' });
      const admin = await t.client(TEST_USERS.admin);
      const users = await admin.get('/admin/users?q=under_').set('Accept', 'text/html').expect(200);
      expect(users.text).toContain('under_score@test.local');
      expect(users.text).not.toContain('underXscore@test.local');
      const audit = await admin.get('/api/audit?actor=_&action=user_').expect(200);
      expect(audit.body.items).toEqual([]);
      const created = await admin.get('/api/audit?action=user.created').expect(200);
      expect(created.body.items.length).toBeGreaterThan(0);
    });
  });

  describe('what an agent sees of the evaluator', () => {
    it('a display name only, in the evaluation and in the list of the call', async () => {
      const agent = await t.client(seed.users.agent1);
      const one = await agent.get(`/api/evaluations/${seed.evaluation1}`).expect(200);
      expect(one.body.evaluator).toEqual({ name: '박평가' });
      const list = await agent.get(`/api/evaluations?interactionId=${seed.call1}`).expect(200);
      expect(list.body.map((e: { evaluator: unknown }) => e.evaluator)).toEqual([
        { name: '박평가' },
      ]);
      for (const body of [one.text, list.text]) {
        expect(body).not.toContain(TEST_USERS.evaluator);
        expect(body).not.toContain('lastLoginAt');
      }
      // Staff still get the e-mail, never the sign-in time.
      const lead = await t.client(seed.users.lead1);
      const seen = await lead.get(`/api/evaluations/${seed.evaluation1}`).expect(200);
      expect(seen.body.evaluator).toMatchObject({ name: '박평가', email: TEST_USERS.evaluator });
      expect(seen.text).not.toContain('lastLoginAt');
    });
  });

  describe('the interaction list counts only the viewer’s own drafts', () => {
    it("another evaluator's open draft is not counted for anyone else", async () => {
      const count = async (client: TestAgent) =>
        (await client.get('/api/interactions?q=PERM-2').expect(200)).body.items[0].evaluations;
      const admin = await t.client(TEST_USERS.admin);
      const other = await t.client(TEST_USERS.evaluator2);
      const before = { admin: await count(admin), other: await count(other) };
      await other
        .post('/api/evaluations')
        .send({ interactionId: seed.call2, scorecardKey: 'voice-ko' })
        .expect(201);
      expect(await count(other)).toBe(before.other + 1);
      expect(await count(admin)).toBe(before.admin);
      expect(await count(evaluator)).toBe(before.admin);
    });
  });

  describe('CSRF token from the form body or the header only', () => {
    it('refuses a token in the query string, for plain and multipart forms', async () => {
      const { browser, csrf } = await signIn(TEST_USERS.evaluator);
      await browser
        .post(`/account/tokens?_csrf=${csrf}`)
        .type('form')
        .send({ name: 'via query' })
        .expect(403);
      await browser
        .post(`/imports?_csrf=${csrf}`)
        .attach('files', Buffer.from(JSON.stringify(testCall('CSRF-1', AGENT))), 'c1.json')
        .expect(403);
      await browser.post(`/mystery-shop?_csrf=${csrf}`).field('token', 'whatever').expect(403);
      expect((await evaluator.get('/api/interactions?q=CSRF-').expect(200)).body.items).toEqual([]);
    });

    it("accepts the upload form's _csrf field, and the header", async () => {
      const { browser, csrf } = await signIn(TEST_USERS.evaluator);
      const page = await browser
        .post('/imports')
        .field('_csrf', csrf)
        .attach('files', Buffer.from(JSON.stringify(testCall('CSRF-2', AGENT))), 'c2.json')
        .set('Accept', 'text/html')
        .expect(201);
      expect(page.text).toContain('import-report');
      await browser
        .post('/imports')
        .field('_csrf', 'not-the-token')
        .attach('files', Buffer.from(JSON.stringify(testCall('CSRF-3', AGENT))), 'c3.json')
        .expect(403);
      // The API has no HTML form: a session there sends the header.
      await browser
        .post('/api/interactions/import')
        .field('_csrf', csrf)
        .attach('files', Buffer.from(JSON.stringify(testCall('CSRF-4', AGENT))), 'c4.json')
        .expect(403);
      await browser
        .post('/api/interactions/import')
        .set('X-CSRF-Token', csrf)
        .attach('files', Buffer.from(JSON.stringify(testCall('CSRF-5', AGENT))), 'c5.json')
        .expect(200);
      const ids = (await evaluator.get('/api/interactions?q=CSRF-').expect(200)).body.items.map(
        (i: { externalId: string }) => i.externalId,
      );
      expect(ids.sort()).toEqual(['CSRF-2', 'CSRF-5']);
    });

    it('no page puts the token in a URL', async () => {
      const { browser } = await signIn(TEST_USERS.evaluator);
      for (const url of ['/imports', '/mystery-shop', '/account']) {
        const page = await browser.get(url).set('Accept', 'text/html').expect(200);
        expect([url, page.text.includes('_csrf=')]).toEqual([url, false]);
        expect(page.text).toMatch(/name="_csrf" value="[^"]+"/);
      }
    });
  });

  async function signIn(email: string) {
    const browser = await signedInAgent(server, email);
    return { browser, csrf: await pageCsrf(browser) };
  }
});
