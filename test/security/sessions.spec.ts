/**
 * Issue 13 #4 and #6: deactivation and a password reset end a user's sessions and API tokens
 * for good, and an API token can neither mint tokens nor change a password.
 */
import request from 'supertest';
import type { App } from 'supertest/types';
import { signInThroughForm, TEST_PASSWORD } from '../support/auth';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

type Browser = ReturnType<typeof request.agent>;

describe(`access ends when it should (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let server: App;
  let admin: Browser;
  let people = 0;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    server = t.app.getHttpServer();
    admin = (await signIn(TEST_USERS.admin)).browser;
  });
  afterAll(() => t.close());

  /** Signs in through the page, as a browser does. */
  const signIn = (email: string, password = TEST_PASSWORD) =>
    signInThroughForm(server, email, { password });

  async function pageToken(browser: Browser): Promise<string> {
    const page = await browser.get('/account').expect(200);
    return /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
  }

  /** A fresh evaluator, signed in twice (two browsers) and holding an API token. */
  async function personWithAccess() {
    const email = `person${++people}@demo.local`;
    const actor = await t.createUser({ email, name: `Person ${people}`, role: 'evaluator' });
    const first = (await signIn(email)).browser;
    const second = (await signIn(email)).browser;
    const created = await first
      .post('/account/tokens')
      .type('form')
      .send({ name: 'integration', _csrf: await pageToken(first) })
      .expect(201);
    const token = /id="new-token">([^<]+)</.exec(created.text)![1];
    const bearer = () =>
      request(server).get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    await first.get('/api/auth/me').expect(200);
    await second.get('/api/auth/me').expect(200);
    await bearer().expect(200);
    return { id: actor.id, email, first, second, token, bearer };
  }

  async function setActive(id: number, name: string, active: boolean) {
    await admin
      .post(`/admin/users/${id}`)
      .type('form')
      .send({
        name,
        role: 'evaluator',
        ...(active ? { active: 'on' } : {}),
        _csrf: await pageToken(admin),
      })
      .expect(303);
  }

  it('deactivation ends sessions and tokens for good: re-activating brings none back', async () => {
    const p = await personWithAccess();
    await setActive(p.id, `Person ${people}`, false);
    await p.first.get('/api/auth/me').expect(401);
    await p.bearer().expect(401);

    await setActive(p.id, `Person ${people}`, true);
    await p.first.get('/api/auth/me').expect(401);
    await p.second.get('/api/auth/me').expect(401);
    await p.bearer().expect(401);
    // The person signs in again and gets on with a new session.
    const again = await signIn(p.email);
    expect(again.res.status).toBe(303);
    await again.browser.get('/api/auth/me').expect(200);

    const audit = await (
      await t.client(TEST_USERS.admin)
    )
      .get(`/api/audit?entityType=user&entityId=${p.id}&action=user.deactivated`)
      .expect(200);
    expect(audit.body.items[0].after).toMatchObject({ sessionsEnded: 2, tokensRevoked: 1 });
  });

  it("an admin's password reset ends every session and API token of that user", async () => {
    const p = await personWithAccess();
    await admin
      .post(`/admin/users/${p.id}/password`)
      .type('form')
      .send({ password: 'a-brand-new-password', _csrf: await pageToken(admin) })
      .expect(303);
    await p.first.get('/api/auth/me').expect(401);
    await p.second.get('/api/auth/me').expect(401);
    await p.bearer().expect(401);
    const rows = await t.dataSource.query(
      `SELECT "revokedAt" FROM "api_tokens" WHERE "userId" = ${p.id}`,
    );
    expect(rows.length).toBe(1);
    expect(rows[0].revokedAt).not.toBeNull();
  });

  it("the user's own password change ends their other sessions and their API tokens", async () => {
    const p = await personWithAccess();
    await p.first
      .post('/account/password')
      .type('form')
      .send({
        current: TEST_PASSWORD,
        password: 'my-own-new-password',
        confirm: 'my-own-new-password',
        _csrf: await pageToken(p.first),
      })
      .expect(303);
    await p.second.get('/api/auth/me').expect(401);
    await p.bearer().expect(401);
    expect((await signIn(p.email, 'my-own-new-password')).res.status).toBe(303);
  });

  it('refuses an API token that tries to mint another token: 403, and no token is made', async () => {
    const p = await personWithAccess();
    const res = await request(server)
      .post('/account/tokens')
      .set('Authorization', `Bearer ${p.token}`)
      .set('Accept-Language', 'en')
      .type('form')
      .send({ name: 'minted by a token' })
      .expect(403);
    expect(res.body.message).toBe(
      'An API token cannot do this: sign in in a browser and do it on the page (API tokens cannot create tokens or change passwords).',
    );
    const ko = await request(server)
      .post('/account/tokens')
      .set('Authorization', `Bearer ${p.token}`)
      .type('form')
      .send({ name: 'minted by a token' })
      .expect(403);
    expect(ko.body.message).toContain('API 토큰으로는 할 수 없습니다');
    const rows = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM "api_tokens" WHERE "userId" = ${p.id}`,
    );
    expect(Number(rows[0].n)).toBe(1);
  });

  it('refuses an API token that tries to change a password, its own or (as admin) anyone’s', async () => {
    const p = await personWithAccess();
    await request(server)
      .post('/account/password')
      .set('Authorization', `Bearer ${p.token}`)
      .type('form')
      .send({ current: TEST_PASSWORD, password: 'token-chosen-pw', confirm: 'token-chosen-pw' })
      .expect(403);
    const asAdmin = await t.client(TEST_USERS.admin);
    const page = await asAdmin
      .post(`/admin/users/${p.id}/password`)
      .set('Accept', 'text/html')
      .set('Accept-Language', 'en')
      .type('form')
      .send({ password: 'admin-token-chosen-pw' })
      .expect(403);
    expect(page.text).toContain('An API token cannot do this');
    // Nothing changed: the old password still signs in, and the token still works.
    expect((await signIn(p.email)).res.status).toBe(303);
    await p.bearer().expect(200);
  });
});
