/**
 * Bad input answers 4xx naming what was wrong, never 500 (issue 13, row 7): page numbers out of
 * range on every paginated page and API, impossible dates on the analytics routes, bodies over
 * the size limit, JSON nested thousands deep. Then random bad values for `page`, `from` and `to`
 * on every route that reads them: no 5xx.
 */
import fc from 'fast-check';
import type { Agent as TestAgent } from 'supertest';
import { MAX_PAGE } from '../../src/common/pagination';
import { MAX_JSON_DEPTH } from '../../src/common/request-body';
import { seedTwoTeams, TwoTeams } from '../support/people';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(120_000);

const HUGE_PAGE = '99999999999999999999';
const BAD_PAGES = [HUGE_PAGE, String(MAX_PAGE + 1), '-1', '0', '1.5', 'abc'];

/** Every API route with a page number, and the query value that carries it. */
const PAGED_APIS = ['/api/interactions', '/api/queue', '/api/audit'];

/** Every page with a page number: its path and the query value holding the number. */
const PAGED_PAGES: [path: string, field: string][] = [
  ['/interactions', 'page'],
  ['/admin/users', 'page'],
  ['/admin/audit', 'page'],
  ['/coaching', 'page'],
  ['/calibration', 'open'],
  ['/calibration', 'closed'],
  ['/calibration/history', 'page'],
  ['/disputes', 'page'],
  ['/notifications', 'page'],
  ['/queue', 'page'],
  ['/analytics/agents/P-001/calls', 'page'],
];

/** Every analytics route with a period (the API, the pages, their CSV). */
const PERIOD_APIS = ['/api/analytics/heatmap', '/api/analytics/agents/P-001/profile'];
const PERIOD_PAGES = [
  '/analytics',
  '/analytics.csv',
  '/analytics/agents/P-001',
  '/analytics/agents/P-001.csv',
  '/analytics/agents/P-001/calls',
  '/analytics/agents/P-001/calls.csv',
];

describe('no 500 on bad input', () => {
  let t: TestApp;
  let seed: TwoTeams;
  let admin: TestAgent;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    seed = await seedTwoTeams(t);
    admin = await t.client(TEST_USERS.admin);
  });
  afterAll(() => t.close());

  describe('page numbers are whole numbers from 1 to MAX_PAGE', () => {
    it.each(PAGED_APIS)('%s answers 400 naming `page`', async (path) => {
      for (const page of BAD_PAGES) {
        const res = await admin.get(`${path}?page=${page}`);
        expect([path, page, res.status]).toEqual([path, page, 400]);
        expect(res.body.message).toMatch(/\bpage\b/);
      }
      await admin.get(`${path}?page=${MAX_PAGE}`).expect(200);
    });

    it.each(PAGED_PAGES)('the page %s answers 400 naming `%s`', async (path, field) => {
      for (const page of BAD_PAGES) {
        const res = await admin.get(`${path}?${field}=${page}`).set('Accept', 'text/html');
        expect([path, field, page, res.status]).toEqual([path, field, page, 400]);
        expect(res.text).toMatch(new RegExp(`\\b${field}\\b`));
      }
      await admin.get(`${path}?${field}=${MAX_PAGE}`).set('Accept', 'text/html').expect(200);
    });

    it("the agent's own evaluations page too", async () => {
      const agent = await t.client(seed.users.agent1);
      const res = await agent.get(`/my/evaluations?page=${HUGE_PAGE}`).set('Accept', 'text/html');
      expect(res.status).toBe(400);
      expect(res.text).toContain('page');
    });

    it("says it in the reader's language", async () => {
      const en = await admin.get('/coaching?page=0').set('Accept-Language', 'en');
      expect(en.status).toBe(400);
      expect(en.body.message).toBe(`page: give a whole number from 1 to ${MAX_PAGE}`);
      const ko = await admin.get('/coaching?page=0').set('Accept-Language', 'ko');
      expect(ko.body.message).toBe(`page: 1부터 ${MAX_PAGE}까지의 정수로 입력하세요`);
    });
  });

  describe('analytics periods are real calendar dates', () => {
    const BAD_DATES: [field: string, value: string][] = [
      ['from', '2026-13-01'],
      ['to', '2026-02-30'],
      ['from', '2026-00-10'],
      ['to', '2025-02-29'],
    ];

    it.each(PERIOD_APIS)('%s answers 400 naming the field', async (path) => {
      for (const [field, value] of BAD_DATES) {
        const res = await admin.get(`${path}?${field}=${value}`);
        expect([path, value, res.status]).toEqual([path, value, 400]);
        expect(res.body.field).toBe(field);
        expect(res.body.message).toMatch(new RegExp(`^${field}:`));
      }
      await admin.get(`${path}?from=2024-02-29&to=2024-03-01`).expect(200);
    });

    it.each(PERIOD_PAGES)('the page %s answers 400 naming the field', async (path) => {
      for (const [field, value] of BAD_DATES) {
        const res = await admin.get(`${path}?${field}=${value}`).set('Accept', 'text/html');
        expect([path, value, res.status]).toEqual([path, value, 400]);
        // A report page shows the refusal beside the field it names, in the page's language;
        // a CSV or a page without the filter form answers with an error page that names it.
        const besideField = new RegExp(
          `name="${field}"[^>]*>\\s*<span class="field-error">[^<]+</span>`,
        ).test(res.text);
        expect({ path, value, named: besideField || res.text.includes(`${field}:`) }).toEqual({
          path,
          value,
          named: true,
        });
      }
    });

    it('the audit log takes real dates only', async () => {
      for (const [field, value] of BAD_DATES) {
        const res = await admin.get(`/api/audit?${field}=${value}`);
        expect([value, res.status]).toEqual([value, 400]);
        expect(res.body.message).toContain(field);
      }
    });
  });

  describe('request bodies', () => {
    it('answers 413 to a JSON body over the limit', async () => {
      const res = await admin
        .post('/api/evaluations')
        .set('Accept-Language', 'en')
        .send({ interactionId: seed.call1, scorecardKey: 'x'.repeat(200_000) });
      expect(res.status).toBe(413);
      expect(res.body.message).toBe('the request body is larger than 100kb');
    });

    it('answers 413 to a form over the limit, on the error page', async () => {
      const res = await admin
        .post('/admin/users')
        .type('form')
        .set('Accept', 'text/html')
        .send({ email: 'big@test.local', name: 'x'.repeat(200_000) });
      expect(res.status).toBe(413);
      expect(res.text).toContain('413');
    });

    it('answers 400 naming the body to JSON nested 15,000 deep (arrays or objects)', async () => {
      for (const deep of [
        `{"answers":${'['.repeat(15_000)}${']'.repeat(15_000)}}`,
        `${'{"a":'.repeat(15_000)}1${'}'.repeat(15_000)}`,
      ]) {
        const res = await admin
          .post('/api/evaluations')
          .set('Content-Type', 'application/json')
          .set('Accept-Language', 'en')
          .send(deep);
        expect(res.status).toBe(400);
        expect(res.body.field).toBe('body');
        expect(res.body.message).toBe(`body: JSON may nest at most ${MAX_JSON_DEPTH} levels deep`);
      }
    });

    it('reads JSON within the depth limit, and brackets inside strings do not count', async () => {
      const res = await admin
        .post('/api/evaluations')
        .send({ interactionId: seed.call1, scorecardKey: `${'['.repeat(500)}"\\` });
      // Past the body parser: the scorecard is unknown, which is the service's 4xx, not "too deep".
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.field).not.toBe('body');
    });

    it('answers 400 to malformed JSON', async () => {
      const res = await admin
        .post('/api/evaluations')
        .set('Content-Type', 'application/json')
        .send('{"interactionId": ');
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/JSON/);
    });
  });

  describe('random bad values never give a 5xx', () => {
    const RUNS = 25;
    // Mostly in the YYYY-MM-DD shape, so that impossible months and days get past the format.
    const dayLike = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 19 }),
        fc.integer({ min: 0, max: 39 }),
      )
      .map(([y, m, d]) => [String(y).padStart(4, '0'), m, d].map((n) => String(n).padStart(2, '0')))
      .map((parts) => parts.join('-'));
    const value = fc.oneof(
      dayLike,
      fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
      fc.double().map(String),
      fc.integer().map(String),
      fc.string({ maxLength: 30 }),
      fc.constantFrom(HUGE_PAGE, '1e400', 'NaN', 'Infinity', '-0', '0x10', ' 1', '１', ''),
    );
    /** A raw query fragment: the value, repeated, or as a nested key. */
    const fragment = (name: string) =>
      fc.oneof(
        value.map((v) => `${name}=${encodeURIComponent(v)}`),
        value.map((v) => `${name}=${encodeURIComponent(v)}&${name}=1`),
        value.map((v) => `${name}[x]=${encodeURIComponent(v)}`),
      );

    const ROUTES: [path: string, fields: string[], html: boolean][] = [
      ...PAGED_APIS.map((p): [string, string[], boolean] => [p, ['page'], false]),
      ['/api/audit', ['from', 'to'], false],
      ...PERIOD_APIS.map((p): [string, string[], boolean] => [p, ['from', 'to'], false]),
      ...PAGED_PAGES.map(([p, f]): [string, string[], boolean] => [p, [f], true]),
      ...PERIOD_PAGES.map((p): [string, string[], boolean] => [p, ['from', 'to', 'page'], true]),
    ];

    it.each(ROUTES)('%s (%s)', async (path, fields, html) => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...fields).chain(fragment), async (query) => {
          const res = await admin
            .get(`${path}?${query}`)
            .set('Accept', html ? 'text/html' : 'application/json');
          if (res.status >= 500) throw new Error(`${path}?${query} answered ${res.status}`);
        }),
        { numRuns: RUNS },
      );
    });
  });
});
