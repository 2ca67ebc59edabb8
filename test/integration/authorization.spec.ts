/**
 * The authorisation matrix: every route the app serves × every role and anonymous. The route
 * list comes from the running app's router, so a new route without a line in RULES fails here.
 * Then what each role sees inside: scoping is in the queries, so others' data is 404.
 */
import type { Agent as TestAgent } from 'supertest';
import request from 'supertest';
import type { App } from 'supertest/types';
import { ADMIN, AGENTS, COACHES, EVERYONE, PROTECTORS, QA, STAFF } from '../../src/auth/roles';
import type { Role } from '../../src/auth/roles';
import { seedTwoTeams, TwoTeams } from '../support/people';
import { startTestApp, TestApp } from '../support/test-app';

type Rule = 'public' | readonly Role[];

/** Who may call what. Keep in step with the @Allow/@Public decorators, on purpose by hand. */
const RULES: Record<string, Rule> = {
  'GET /health': 'public',
  'GET /login': 'public',
  'POST /login': 'public',
  'POST /api/auth/login': 'public',
  // The OpenAPI description of the API (no data).
  'GET /api/docs': 'public',
  'GET /api/docs/': 'public',
  'GET /api/docs/index.html': 'public',
  'GET /api/docs/LICENSE': 'public',
  'GET /api/docs/swagger-ui-init.js': 'public',
  'GET /api/docs/docs/swagger-ui-init.js': 'public',
  'GET /api/docs-json': 'public',
  'GET /api/docs-yaml': 'public',

  'POST /api/auth/logout': EVERYONE,
  'GET /api/auth/me': EVERYONE,
  'POST /logout': EVERYONE,
  'GET /account': EVERYONE,
  'POST /account/password': EVERYONE,
  'POST /account/tokens': EVERYONE,
  'POST /account/tokens/:id/revoke': EVERYONE,
  'GET /': EVERYONE,
  'GET /interactions': EVERYONE,
  'GET /interactions/:id': EVERYONE,
  'GET /api/interactions': EVERYONE,
  'GET /api/interactions/:id': EVERYONE,
  'GET /api/evaluations': EVERYONE,
  'GET /api/evaluations/:id': EVERYONE,
  'GET /evaluations/:id': EVERYONE,
  'GET /scorecards': EVERYONE,
  'GET /scorecards/:key': EVERYONE,
  'GET /api/scorecards': EVERYONE,
  'GET /api/scorecards/:key': EVERYONE,
  'GET /api/scorecards/:key/versions': EVERYONE,
  'GET /api/scorecards/:key/versions/:version': EVERYONE,

  'GET /api/agents': STAFF,
  'GET /api/teams': STAFF,
  'GET /api/autoqa/agreement/:scorecardKey': STAFF,
  'GET /scorecards/:key/agreement': STAFF,
  'POST /api/evaluations': STAFF,
  'PATCH /api/evaluations/:id': STAFF,
  'POST /api/evaluations/:id/submit': STAFF,
  'POST /api/evaluations/:id/preview': STAFF,
  'POST /evaluations': STAFF,
  'GET /evaluations/:id/edit': STAFF,
  'POST /evaluations/:id': STAFF,

  'POST /api/interactions/import': QA,
  'GET /imports': QA,
  'POST /imports': QA,
  'POST /api/mystery-shop/import': QA,
  'GET /mystery-shop': QA,
  'POST /mystery-shop': QA,

  'GET /api/audit': ADMIN,
  'GET /admin/audit': ADMIN,
  'GET /admin/jobs': ADMIN,
  'POST /admin/jobs/:id/retry': ADMIN,
  'POST /admin/jobs/queues/:queue/:id/retry': ADMIN,
  'GET /admin/users': ADMIN,
  'GET /admin/users/new': ADMIN,
  'POST /admin/users': ADMIN,
  'GET /admin/users/:id': ADMIN,
  'POST /admin/users/:id': ADMIN,
  'POST /admin/users/:id/password': ADMIN,
  'POST /api/scorecards/sync': ADMIN,
  'POST /scorecards/sync': ADMIN,
  'GET /scorecards/:key/edit': ADMIN,
  'POST /scorecards/:key/edit': ADMIN,
  'GET /scorecards/:key/export': ADMIN,
  'GET /scorecards/:key/design': ADMIN,
  'POST /scorecards/:key/design': ADMIN,
  'GET /api/scorecards/:key/form': ADMIN,
  'POST /api/scorecards/:key/form/preview': ADMIN,
  'POST /api/scorecards/:key/form/trial': ADMIN,
  'POST /api/scorecards/:key/form/publish': ADMIN,
  // retention and data subject requests
  'GET /admin/retention': ADMIN,
  'POST /admin/retention/run': ADMIN,
  'GET /admin/data-requests': ADMIN,
  'POST /admin/data-requests/preview': ADMIN,
  'POST /admin/data-requests/delete': ADMIN,

  // notifications and disputes (acknowledge / dispute / resolve)
  'GET /notifications': EVERYONE,
  'POST /notifications/read': EVERYONE,
  'GET /api/evaluations/:id/responses': EVERYONE,
  'GET /my/evaluations': ['agent'],
  'POST /evaluations/:id/acknowledge': ['agent'],
  'POST /evaluations/:id/dispute': ['agent'],
  'POST /api/evaluations/:id/acknowledge': ['agent'],
  'POST /api/evaluations/:id/dispute': ['agent'],
  'GET /disputes': STAFF,
  'POST /evaluations/:id/resolve': STAFF,
  'POST /api/evaluations/:id/resolve': STAFF,

  // calibration
  'GET /calibration': QA,
  'GET /calibration/new': ADMIN,
  'GET /calibration/history': QA,
  'POST /calibration': ADMIN,
  'GET /calibration/:id': QA,
  'POST /calibration/:id/start': QA,
  'POST /calibration/:id/close': ADMIN,
  'POST /api/calibration': ADMIN,
  'GET /api/calibration/history': QA,
  'GET /api/calibration/:id': QA,
  'POST /api/calibration/:id/start': QA,
  'POST /api/calibration/:id/close': ADMIN,

  // work queue and sampling rules
  'GET /queue': QA,
  'POST /queue/next': QA,
  'POST /queue/:id/start': QA,
  'GET /api/queue': QA,
  'POST /api/queue/next': QA,
  'POST /queue/sample': ADMIN,
  'POST /queue/:id/assign': ADMIN,
  'POST /queue/:id/skip': ADMIN,
  'GET /queue/rules': ADMIN,
  'POST /queue/rules': ADMIN,
  'POST /queue/rules/:id': ADMIN,
  'GET /api/queue/rules': ADMIN,
  'POST /api/queue/rules': ADMIN,
  'PATCH /api/queue/rules/:id': ADMIN,

  // analytics
  'GET /my/profile': AGENTS,
  'GET /analytics': STAFF,
  'GET /analytics.csv': STAFF,
  'GET /api/analytics/heatmap': STAFF,
  // An agent may open their own profile (and the calls behind it); anyone else's is 404.
  'GET /analytics/agents/:externalId': EVERYONE,
  'GET /analytics/agents/:externalId.csv': EVERYONE,
  'GET /analytics/agents/:externalId/calls': EVERYONE,
  'GET /analytics/agents/:externalId/calls.csv': EVERYONE,
  'GET /api/analytics/agents/:externalId/profile': EVERYONE,
  // KPIs, drivers, experiments (issue 17): agents see their own KPIs only (scoped in the SQL).
  'GET /analytics/kpis': EVERYONE,
  'GET /analytics/kpis.csv': EVERYONE,
  'GET /api/analytics/kpis': EVERYONE,
  'GET /analytics/drivers': STAFF,
  'GET /analytics/drivers.csv': STAFF,
  'GET /api/analytics/drivers': STAFF,
  'GET /experiments': STAFF,
  'POST /experiments': QA,
  'GET /experiments/:id': STAFF,
  'GET /api/experiments': STAFF,
  'POST /api/experiments': QA,
  'GET /api/experiments/:id': STAFF,
  'GET /analytics/chats': STAFF,
  'GET /api/analytics/chats': STAFF,
  'GET /api/analytics/team-focus': STAFF,
  'POST /api/analytics/team-focus': COACHES,
  'POST /analytics/chats/focus': COACHES,

  // coaching plans and feedback sessions
  'GET /coaching': EVERYONE,
  'GET /coaching/new': COACHES,
  'POST /coaching': COACHES,
  'GET /coaching/:id': EVERYONE,
  'GET /coaching/:id/edit': COACHES,
  'POST /coaching/:id': COACHES,
  'POST /coaching/:id/share': COACHES,
  'GET /coaching/:id/pdf': EVERYONE,
  'POST /coaching/:id/sessions': COACHES,
  'POST /coaching/sessions/:sid': COACHES,
  'POST /coaching/sessions/:sid/acknowledge': AGENTS,
  'POST /api/coaching/plans': COACHES,
  'GET /api/coaching/plans/:id': EVERYONE,
  'GET /api/coaching/plans/:id/pdf': EVERYONE,
  // agent protection (abusive callers): team leads and admins
  'GET /protection': PROTECTORS,
  'GET /api/protection': PROTECTORS,
  'POST /interactions/:id/protective-actions': PROTECTORS,
  'POST /api/interactions/:id/protective-actions': PROTECTORS,
};

/**
 * Only with a browser session (@SessionOnly): the clients here use API tokens, so even the
 * roles the rule allows get 403. test/security/sessions.spec.ts signs in for them.
 */
const SESSION_ONLY = new Set([
  'POST /account/password',
  'POST /account/tokens',
  'POST /admin/users/:id/password',
]);

const ROLE_USERS: Record<Role, keyof TwoTeams['users']> = {
  admin: 'admin',
  evaluator: 'evaluator',
  team_lead: 'lead1',
  agent: 'agent1',
};

describe('who may call what', () => {
  let t: TestApp;
  let seed: TwoTeams;
  let server: App;
  const clients = new Map<Role, TestAgent>();

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    server = t.app.getHttpServer();
    seed = await seedTwoTeams(t);
    for (const [role, user] of Object.entries(ROLE_USERS)) {
      clients.set(role as Role, await t.client(seed.users[user]));
    }
  });
  afterAll(() => t.close());

  function routes(): string[] {
    const express = t.app.getHttpAdapter().getInstance();
    const stack = (express.router ?? express._router).stack as {
      route?: { path: string; methods: Record<string, boolean> };
    }[];
    return stack.flatMap((layer) =>
      layer.route
        ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path}`)
        : [],
    );
  }

  /** A concrete URL: ids of things the role-1 users may see (team Alpha's call). */
  function url(path: string): string {
    return path
      .replace('/evaluations/:id', `/evaluations/${seed.evaluation1}`)
      .replace('/interactions/:id', `/interactions/${seed.call1}`)
      .replace('/admin/users/:id', '/admin/users/3') // evaluator2, never the admin themself
      .replace('/tokens/:id', '/tokens/999999')
      .replace(':scorecardKey', 'voice-ko')
      .replace(':key', 'voice-ko')
      .replace(':version', '1');
  }

  it('has a rule for every route the app serves, and no rule for a route that is gone', () => {
    const served = routes();
    expect(served.filter((r) => !(r in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((r) => !served.includes(r))).toEqual([]);
  });

  it('answers every route × role as the rules say', async () => {
    const problems: string[] = [];
    // Anonymous form posts carry a valid sign-in form token, so only the rule decides.
    const anonymous = request.agent(server);
    const form = await anonymous.get('/login');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    for (const route of routes()) {
      const [method, path] = route.split(' ');
      const rule = RULES[route];
      const send = (client: TestAgent) =>
        client[method.toLowerCase() as 'get' | 'post' | 'patch'](url(path))
          .set('Accept', 'text/html')
          .set('X-CSRF-Token', csrf);
      for (const role of [...Object.keys(ROLE_USERS), 'anonymous'] as (Role | 'anonymous')[]) {
        const res = await send(role === 'anonymous' ? anonymous : clients.get(role)!);
        const allowed = rule === 'public' || (role !== 'anonymous' && rule.includes(role));
        let ok: boolean;
        if (rule === 'public') ok = res.status !== 403 && res.status < 500;
        else if (allowed && SESSION_ONLY.has(route)) ok = res.status === 403;
        else if (allowed) ok = ![401, 403].includes(res.status) && res.status < 500;
        else if (role !== 'anonymous') ok = res.status === 403;
        else if (path.startsWith('/api')) ok = res.status === 401;
        else ok = res.status === 303 && /^\/login\?next=/.test(res.headers.location ?? '');
        if (!ok)
          problems.push(`${route} as ${role}: ${res.status} (${allowed ? 'allowed' : 'denied'})`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('what each role sees inside (scoped in the queries)', () => {
  let t: TestApp;
  let seed: TwoTeams;
  const as = (who: keyof TwoTeams['users']) => t.client(seed.users[who]);

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    seed = await seedTwoTeams(t);
  });
  afterAll(() => t.close());

  const externalIds = (res: { body: { items: { externalId: string }[] } }) =>
    res.body.items.map((i) => i.externalId).sort();

  it('gives an agent only their own interactions and evaluations; anything else is 404', async () => {
    const agent1 = await as('agent1');
    expect(externalIds(await agent1.get('/api/interactions').expect(200))).toEqual(['PERM-1']);
    await agent1.get(`/api/interactions/${seed.call1}`).expect(200);
    await agent1.get(`/api/interactions/${seed.call2}`).expect(404);
    await agent1.get(`/api/evaluations/${seed.evaluation1}`).expect(200);
    await agent1.get(`/api/evaluations/${seed.evaluation2}`).expect(404);
    await agent1.get(`/evaluations/${seed.evaluation2}`).set('Accept', 'text/html').expect(404);
    await agent1.get(`/interactions/${seed.call2}`).set('Accept', 'text/html').expect(404);
    const list = await agent1.get(`/api/evaluations?interactionId=${seed.call2}`).expect(200);
    expect(list.body).toEqual([]);
  });

  it('sends an agent to their own patterns page', async () => {
    const res = await (
      await as('agent1')
    )
      .get('/my/profile')
      .set('Accept', 'text/html')
      .expect(303);
    expect(res.headers.location).toBe('/analytics/agents/P-001');
    await (
      await as('agent1')
    )
      .get('/analytics/agents/P-002')
      .set('Accept', 'text/html')
      .expect(404);
  });

  it("gives a team lead their teams' agents only; another team's agent is 404", async () => {
    const lead1 = await as('lead1');
    expect(externalIds(await lead1.get('/api/interactions').expect(200))).toEqual(['PERM-1']);
    await lead1.get(`/api/interactions/${seed.call2}`).expect(404);
    await lead1.get(`/api/evaluations/${seed.evaluation2}`).expect(404);
    await lead1.get(`/api/evaluations/${seed.evaluation1}`).expect(200);
    const agents = (await lead1.get('/api/agents').expect(200)).body;
    expect(agents.map((a: { externalId: string }) => a.externalId)).toEqual(['P-001']);
    const lead2 = await as('lead2');
    expect(externalIds(await lead2.get('/api/interactions').expect(200))).toEqual(['PERM-2']);
    await lead2.get(`/interactions/${seed.call1}`).set('Accept', 'text/html').expect(404);
  });

  it("keeps drafts to their evaluator, and one evaluator's evaluations from another", async () => {
    const evaluator = await as('evaluator');
    const draft = (
      await evaluator
        .post('/api/evaluations')
        .send({ interactionId: seed.call1, scorecardKey: 'voice-ko' })
        .expect(201)
    ).body;
    await (await as('agent1')).get(`/api/evaluations/${draft.id}`).expect(404);
    await (await as('lead1')).get(`/api/evaluations/${draft.id}`).expect(404);
    const other = await t.client('evaluator2@demo.local');
    await other.get(`/api/evaluations/${draft.id}`).expect(404);
    await other.patch(`/api/evaluations/${draft.id}`).send({ version: 1, answers: [] }).expect(404);
    await other.get(`/api/evaluations/${seed.evaluation1}`).expect(404);
    // The admin sees it but cannot write into someone else's draft.
    const admin = await as('admin');
    await admin.get(`/api/evaluations/${draft.id}`).expect(200);
    await admin.patch(`/api/evaluations/${draft.id}`).send({ version: 1, answers: [] }).expect(403);
  });

  it('lets no agent or team lead import, and no one but admins manage users or read the audit log', async () => {
    await (await as('agent1')).post('/api/evaluations').send({}).expect(403);
    await (
      await as('lead1')
    )
      .post('/api/interactions/import')
      .attach('files', Buffer.from('{}'), 'x.json')
      .expect(403);
    await (await as('evaluator')).get('/api/audit').expect(403);
    await (await as('lead1')).get('/admin/users').set('Accept', 'text/html').expect(403);
  });
});
