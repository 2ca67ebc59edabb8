/**
 * Issue 13: no GET route answers 5xx, whatever its path parameters and query string. The routes
 * come from the running app's router (a new route is covered without a line here); `:params` get
 * plausible and implausible values, the query random keys and values (huge, negative, NaN, `%`,
 * unicode, arrays, nested, empty, very long), as an admin and as an agent. Fixed seed, bounded
 * number of cases: the same requests on every run.
 */
import fc from 'fast-check';
import type { Agent as TestAgent } from 'supertest';
import { seedTwoTeams, TwoTeams } from '../support/people';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

const SEED = Number(process.env.PROPERTY_SEED ?? 20261313);
/** Random query strings per route and role. */
const CASES_PER_ROUTE = Number(process.env.PROPERTY_CASES ?? 8);

/** Values that are not what any parameter wants. */
const IMPLAUSIBLE = [
  '0',
  '-1',
  '99999999999999999999',
  '1e309',
  'NaN',
  '1.5',
  'abc',
  '%25',
  '%00',
  '한글',
  '%F0%9F%98%80',
  '..%2F..%2Fetc',
  'x'.repeat(3000),
  '%E2%80%AE',
];

/** Query keys the app reads somewhere, and a few it does not. */
const KEYS = [
  'page',
  'pageSize',
  'limit',
  'from',
  'to',
  'q',
  'interactionId',
  'agent',
  'team',
  'channel',
  'language',
  'scorecard',
  'scorecardKey',
  'status',
  'kind',
  'entityType',
  'entityId',
  'action',
  'actor',
  'open',
  'closed',
  'lang',
  'next',
  'criterion',
  'week',
  'evaluator',
  'call',
  'version',
  'role',
  'saved',
  'sort',
  'zz',
];

const VALUE = fc.oneof(
  fc.constantFrom(...IMPLAUSIBLE, '', '1', '2026-13-01', '2026-02-30', 'true', 'en', 'voice'),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map(String),
  fc.double().map(String),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', maxLength: 10 }).map(encodeURIComponent),
);

/** `k=v`, `k[]=v&k[]=w` (an array), `k[x]=v` (an object) or a bare `k`. */
const PAIR = fc.oneof(
  fc.tuple(fc.constantFrom(...KEYS), VALUE).map(([k, v]) => `${k}=${v}`),
  fc.tuple(fc.constantFrom(...KEYS), VALUE, VALUE).map(([k, a, b]) => `${k}[]=${a}&${k}[]=${b}`),
  fc.tuple(fc.constantFrom(...KEYS), VALUE).map(([k, v]) => `${k}[x]=${v}`),
  fc.constantFrom(...KEYS),
);

const QUERY = fc.array(PAIR, { minLength: 0, maxLength: 5 }).map((pairs) => pairs.join('&'));

describe('no GET route answers 5xx to random parameters', () => {
  let t: TestApp;
  let seed: TwoTeams;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    seed = await seedTwoTeams(t);
  });
  afterAll(() => t.close());

  function getRoutes(): string[] {
    const express = t.app.getHttpAdapter().getInstance();
    const stack = (express.router ?? express._router).stack as {
      route?: { path: string; methods: Record<string, boolean> };
    }[];
    return [
      ...new Set(stack.flatMap((layer) => (layer.route?.methods.get ? [layer.route.path] : []))),
    ];
  }

  /** Values a parameter of this name might well have in the seeded app. */
  function plausible(name: string): string[] {
    switch (name) {
      case 'key':
      case 'scorecardKey':
        return ['voice-ko', 'chat-en'];
      case 'externalId':
        return ['P-001', 'P-002'];
      case 'version':
        return ['1'];
      default:
        return [String(seed.call1), String(seed.evaluation1), String(seed.evaluation2), '1'];
    }
  }

  /** Every route's URLs: plausible values and no query first, then the random cases. */
  function urlsOf(route: string, index: number): string[] {
    const params = [...route.matchAll(/:(\w+)/g)].map((m) => m[1]);
    const cases = fc.sample(
      fc.tuple(
        fc.tuple(...params.map((p) => fc.constantFrom(...plausible(p), ...IMPLAUSIBLE))),
        QUERY,
      ),
      { seed: SEED + index, numRuns: CASES_PER_ROUTE },
    );
    // Then each known key alone given twice (an array) or as an object, so that a key read
    // as text is caught whatever the others do (one key's 400 cannot hide another's 500).
    const first = params.map((p) => plausible(p)[0]);
    const shapes = KEYS.map((k, i) =>
      (index + i) % 2 === 0 ? `${k}[]=1&${k}[]=2` : `${k}[x]=%25`,
    );
    cases.unshift([first, ''], ...shapes.map((q): [string[], string] => [first, q]));
    return cases.map(([values, query]) => {
      let path = route;
      params.forEach((p, i) => (path = path.replace(`:${p}`, values[i])));
      return query ? `${path}?${query}` : path;
    });
  }

  it('as an admin and as an agent', async () => {
    const routes = getRoutes();
    expect(routes.length).toBeGreaterThan(40);
    const clients: [string, TestAgent][] = [
      ['admin', await t.client(TEST_USERS.admin)],
      ['agent', await t.client(seed.users.agent1)],
    ];
    const problems: string[] = [];
    let sent = 0;
    for (const [index, route] of routes.entries()) {
      for (const [n, url] of urlsOf(route, index).entries()) {
        // The one-key shapes as the admin only (who may call every route); the rest as both.
        const shape = n > 0 && n <= KEYS.length;
        for (const [role, client] of shape ? clients.slice(0, 1) : clients) {
          const res = await client
            .get(url)
            .set('Accept', url.startsWith('/api') ? 'application/json' : 'text/html');
          sent++;
          if (res.status >= 500) problems.push(`${role} GET ${url.slice(0, 300)}: ${res.status}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(routes.length * (2 * CASES_PER_ROUTE + KEYS.length));
    if (process.env.PROPERTY_DEBUG) console.log(`${sent} requests over ${routes.length} routes`);
    expect(problems).toEqual([]);
  }, 120_000);

  it('answers 400 naming the field for whole numbers past what the database stores and for NUL characters', async () => {
    const admin = await t.client(TEST_USERS.admin);
    const big = await admin.get('/api/evaluations/99999999999999999999').expect(400);
    expect(big.body.message).toMatch(/^id: /);
    await admin.get('/api/evaluations/2147483648').expect(400);
    await admin.get('/api/evaluations/2147483647').expect(404);
    const nul = await admin.get('/api/scorecards/a%00b').expect(400);
    expect(nul.body.message).toMatch(/^key: .*NUL/);
    const query = await admin.get('/api/interactions?q=a%00b').expect(400);
    expect(query.body.message).toMatch(/q: .*NUL/);
    const body = await admin
      .post('/api/evaluations')
      .send({ interactionId: seed.call1, scorecardKey: 'voice\u0000ko' })
      .expect(400);
    expect(body.body.message).toMatch(/scorecardKey: .*NUL/);
    const id = await admin
      .post('/api/evaluations')
      .send({ interactionId: 1e20, scorecardKey: 'voice-ko' })
      .expect(400);
    expect(id.body.message).toMatch(/^interactionId: must be at most 2147483647/);
    const nested = await admin
      .patch(`/api/evaluations/${seed.evaluation1}`)
      .send({ version: 99999999999, answers: [{ key: 'greeting', value: 1, timeMs: -1e12 }] })
      .expect(400);
    expect(nested.body.message).toMatch(/^(version|answers\.0\.timeMs): /);
  });
});
