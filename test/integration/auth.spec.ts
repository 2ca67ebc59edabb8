/** Sign-in, sessions, CSRF, rate limits, API tokens, user administration and security headers. */
import request from 'supertest';
import type { App } from 'supertest/types';
import { signInThroughForm, TEST_PASSWORD } from '../support/auth';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

const cookieOf = (res: request.Response, name: string): string | undefined =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`));

/** The CSRF token the pages give a signed-in browser. */
async function pageToken(browser: ReturnType<typeof request.agent>): Promise<string> {
  const page = await browser.get('/account').expect(200);
  return /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
}

describe('sign-in and sessions', () => {
  let t: TestApp;
  let server: App;
  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off', LOGIN_MAX_FAILURES: '3' });
    server = t.app.getHttpServer();
  });
  afterAll(() => t.close());

  it('sends anonymous pages to the sign-in page and anonymous API calls a 401', async () => {
    const page = await request(server).get('/interactions?agent=A-1').expect(303);
    expect(page.headers.location).toBe('/login?next=%2Finteractions%3Fagent%3DA-1');
    const api = await request(server).get('/api/interactions').expect(401);
    expect(api.body.message).toContain('sign in');
  });

  it('signs in on the page with an httpOnly, SameSite session cookie and goes back where it was', async () => {
    const { browser, res } = await signInThroughForm(server, TEST_USERS.evaluator);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = cookieOf(res, 'qa_session')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const list = await browser.get('/interactions').set('Accept', 'text/html').expect(200);
    expect(list.text).toContain('박평가');
  });

  it('never sends a visitor off-site after sign-in', async () => {
    const browser = request.agent(server);
    const form = await browser.get('/login?next=//evil.example/x').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    expect(form.text).toContain('<input type="hidden" name="next" value="/">');
    const res = await browser.post('/login').type('form').send({
      email: TEST_USERS.evaluator,
      password: TEST_PASSWORD,
      next: 'https://evil.example/',
      _csrf: csrf,
    });
    expect(res.headers.location).toBe('/');
  });

  it('gives one message for an unknown e-mail, a wrong password and a deactivated user', async () => {
    const unknown = await request(server)
      .post('/api/auth/login')
      .send({ email: 'nobody@demo.local', password: 'whatever-it-is' })
      .expect(401);
    const wrong = await request(server)
      .post('/api/auth/login')
      .send({ email: TEST_USERS.evaluator2, password: 'not-the-password' })
      .expect(401);
    expect(unknown.body.message).toBe(wrong.body.message);
    expect(unknown.body.message).toBe('e-mail or password is incorrect');
  });

  it('signs in over the JSON API; the session then needs its CSRF token for changes', async () => {
    const client = request.agent(server);
    const login = await client
      .post('/api/auth/login')
      .send({ email: TEST_USERS.evaluator, password: TEST_PASSWORD })
      .expect(200);
    const me = (await client.get('/api/auth/me').expect(200)).body;
    expect(me).toMatchObject({ email: TEST_USERS.evaluator, role: 'evaluator' });
    const refused = await client.post('/api/evaluations').send({}).expect(403);
    expect(refused.body.message).toContain('CSRF');
    await client
      .post('/api/evaluations')
      .set('X-CSRF-Token', login.body.csrfToken)
      .send({ interactionId: 999, scorecardKey: 'voice-ko' })
      .expect(400);
    await client.post('/api/auth/logout').set('X-CSRF-Token', login.body.csrfToken).expect(204);
    await client.get('/api/auth/me').expect(401);
  });

  it('refuses a form post without its CSRF token, and the sign-in form without its own', async () => {
    const { browser } = await signInThroughForm(server, TEST_USERS.evaluator);
    const res = await browser
      .post('/account/tokens')
      .type('form')
      .set('Accept', 'text/html')
      .send({ name: 'no token' })
      .expect(403);
    expect(res.text).toContain('CSRF');
    await browser
      .post('/account/tokens')
      .type('form')
      .send({ name: 'wrong token', _csrf: 'x'.repeat(43) })
      .expect(403);
    // Signing in from another site: no sign-in form token.
    await request(server)
      .post('/login')
      .type('form')
      .send({ email: TEST_USERS.evaluator, password: TEST_PASSWORD })
      .expect(403);
  });

  it('ends a session after the idle time and after its lifetime', async () => {
    const { browser } = await signInThroughForm(server, TEST_USERS.evaluator2);
    await browser.get('/api/auth/me').expect(200);
    await t.dataSource.query(
      `UPDATE "sessions" SET "lastSeenAt" = $1`.replace('$1', "'2000-01-01 00:00:00'"),
    );
    await browser.get('/api/auth/me').expect(401);
    const second = await signInThroughForm(server, TEST_USERS.evaluator2);
    await t.dataSource.query(`UPDATE "sessions" SET "expiresAt" = '2000-01-01 00:00:00'`);
    await second.browser.get('/api/auth/me').expect(401);
  });

  it('locks an account after too many failures (even for the right password), and an address too', async () => {
    const attempt = (email: string, password: string) =>
      request(server).post('/api/auth/login').send({ email, password });
    for (let i = 0; i < 3; i++) {
      expect((await attempt(TEST_USERS.admin, 'wrong-password!')).status).toBe(401);
    }
    const locked = await attempt(TEST_USERS.admin, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Korean unless the client asks otherwise (test/security/signin.spec.ts reads it in English).
    expect(locked.body.message).toContain('로그인 실패가 너무 많습니다');
    // Another account is not locked by the first one's failures...
    expect((await attempt(TEST_USERS.evaluator, TEST_PASSWORD)).status).toBe(200);
    // ...but one address failing on many accounts is (4 × the per-account limit).
    let last = 0;
    for (let i = 0; i < 13; i++) {
      last = (await attempt(`nobody${i}@demo.local`, 'wrong-password!')).status;
    }
    expect(last).toBe(429);
  });
});

describe('API tokens, user administration, the first admin and the headers', () => {
  let t: TestApp;
  let server: App;
  beforeAll(async () => {
    t = await startTestApp({
      AUTOQA: 'off',
      ADMIN_EMAIL: 'First.Admin@Example.com',
      ADMIN_PASSWORD: 'first-admin-password',
    });
    server = t.app.getHttpServer();
  });
  afterAll(() => t.close());

  it('creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD', async () => {
    const { res } = await signInThroughForm(server, 'first.admin@example.com', {
      password: 'first-admin-password',
    });
    expect(res.status).toBe(303);
  });

  it('creates a token once on the page, stores only its hash, accepts it as Bearer, and revokes it', async () => {
    const { browser } = await signInThroughForm(server, TEST_USERS.evaluator);
    const created = await browser
      .post('/account/tokens')
      .type('form')
      .send({ name: 'CRM sync', _csrf: await pageToken(browser) })
      .expect(201);
    const token = /id="new-token">([^<]+)</.exec(created.text)![1];
    expect(token).toMatch(/^qa_/);
    const stored = await t.dataSource.query(`SELECT * FROM "api_tokens" WHERE "name" = 'CRM sync'`);
    expect(JSON.stringify(stored)).not.toContain(token);
    const me = await request(server).get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    expect(me.body.email).toBe(TEST_USERS.evaluator);
    // A token needs no CSRF token: a browser never sends it on its own.
    await request(server)
      .post('/api/evaluations')
      .set('Authorization', `Bearer ${token}`)
      .send({ interactionId: 999, scorecardKey: 'voice-ko' })
      .expect(400);
    const account = await browser.get('/account').expect(200);
    expect(account.text).toContain('CRM sync');
    expect(account.text).not.toContain(token);
    const id = stored[0].id as number;
    await browser
      .post(`/account/tokens/${id}/revoke`)
      .type('form')
      .send({ _csrf: await pageToken(browser) })
      .expect(303);
    await request(server).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('lets an admin create a user, reset the password and deactivate them, ending their sessions', async () => {
    const { browser: admin } = await signInThroughForm(server, TEST_USERS.admin);
    const bad = await admin
      .post('/admin/users')
      .type('form')
      .send({
        email: 'not-an-email',
        name: 'X',
        role: 'evaluator',
        password: 'long-enough-pw',
        _csrf: await pageToken(admin),
      })
      .expect(400);
    expect(bad.text).toContain('이메일 주소가 아닙니다');
    const created = await admin
      .post('/admin/users')
      .type('form')
      .send({
        email: 'new.person@demo.local',
        name: '신입 평가자',
        role: 'evaluator',
        password: 'a-good-password',
        _csrf: await pageToken(admin),
      })
      .expect(303);
    const id = Number(/\/admin\/users\/(\d+)/.exec(created.headers.location)![1]);
    const person = await signInThroughForm(server, 'new.person@demo.local', {
      password: 'a-good-password',
    });
    await person.browser.get('/api/auth/me').expect(200);

    await admin
      .post(`/admin/users/${id}/password`)
      .type('form')
      .send({ password: 'another-password', _csrf: await pageToken(admin) })
      .expect(303);
    await person.browser.get('/api/auth/me').expect(401); // reset ends every session
    const again = await signInThroughForm(server, 'new.person@demo.local', {
      password: 'another-password',
    });
    await again.browser.get('/api/auth/me').expect(200);

    await admin
      .post(`/admin/users/${id}`)
      .type('form')
      .send({ name: '신입 평가자', role: 'evaluator', _csrf: await pageToken(admin) }) // active unticked
      .expect(303);
    await again.browser.get('/api/auth/me').expect(401);
    const refused = await signInThroughForm(server, 'new.person@demo.local', {
      password: 'another-password',
    });
    expect(refused.res.status).toBe(401);
    expect(refused.res.text).toContain('이메일 또는 비밀번호가 올바르지 않습니다.');

    const audit = (
      await (
        await t.client(TEST_USERS.admin)
      )
        .get(`/api/audit?entityType=user&entityId=${id}`)
        .expect(200)
    ).body.items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual([
      'user.deactivated',
      'user.password_reset',
      'user.created',
    ]);
    expect(JSON.stringify(audit)).not.toContain('another-password');
  });

  it('filters the audit page by who, what and when', async () => {
    const admin = await t.client(TEST_USERS.admin);
    const page = await admin
      .get('/admin/audit?action=user.created&actor=system')
      .set('Accept', 'text/html')
      .expect(200);
    expect(page.text).toContain('user.created');
    expect(page.text).not.toContain('user.password_reset');
    const none = await admin
      .get('/admin/audit?from=2099-01-01')
      .set('Accept', 'text/html')
      .expect(200);
    expect(none.text).toContain('감사 로그');
    expect(none.text).not.toContain('user.created');
    await admin.get('/api/audit?from=yesterday').expect(400);
  });

  it('sends helmet headers with a strict Content-Security-Policy and no stack traces', async () => {
    const res = await request(server).get('/login').expect(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    const broken = await request(server)
      .get('/api/interactions/not-a-number')
      .set('Authorization', 'Bearer qa_nope');
    expect(broken.status).toBe(401);
    expect(broken.text).not.toMatch(/at \w+ \(|SELECT|node_modules/);
  });
});
