/**
 * Issue 13 #3: the sign-in limit holds under bursts. An attempt is counted in the database
 * before the slow password check, so parallel attempts cannot all reach it, also when they
 * arrive through different app processes sharing the database.
 */
import request from 'supertest';
import type { App } from 'supertest/types';
import { LoginThrottle } from '../../src/auth/login-throttle';
import * as passwords from '../../src/auth/passwords';
import { SignInAttemptsRepository } from '../../src/auth/sign-in-attempts.repository';
import { APP_CONFIG, AppConfig } from '../../src/config/app-config';
import { TooManyRequestsError } from '../../src/common/errors';
import { openDataSource } from '../../src/database/registry/data-source';
import { signInThroughForm, TEST_PASSWORD } from '../support/auth';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

const LIMIT = 5; // LOGIN_MAX_FAILURES's default

describe(`sign-in limit under bursts (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let server: App;
  let people = 0;
  beforeAll(async () => {
    // TRUST_PROXY: each test picks its client address with X-Forwarded-For.
    t = await startTestApp({ AUTOQA: 'off', TRUST_PROXY: 'loopback' });
    server = t.app.getHttpServer();
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  /** A fresh account for each test, so no test sees another's failures. */
  async function person(): Promise<string> {
    const email = `burst${++people}@demo.local`;
    await t.createUser({ email, name: `Burst ${people}`, role: 'evaluator' });
    return email;
  }

  /** Each client address its own, so only the per-account limit is in play. */
  const attempt = (email: string, password: string, address = `10.0.0.${people}`) =>
    request(server)
      .post('/api/auth/login')
      .set('X-Forwarded-For', address)
      .send({ email, password });

  function countPasswordChecks() {
    const real = jest.spyOn(passwords, 'verifyPassword');
    const dummy = jest.spyOn(passwords, 'verifyAgainstDummy');
    return () => real.mock.calls.length + dummy.mock.calls.length;
  }

  it('lets at most LOGIN_MAX_FAILURES of 50 parallel wrong passwords be checked; the rest get 429', async () => {
    const email = await person();
    const checks = countPasswordChecks();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => attempt(email, 'wrong-password!')),
    );
    const evaluated = answers.filter((res) => res.status !== 429);
    expect(evaluated.length).toBeLessThanOrEqual(LIMIT);
    expect(evaluated.every((res) => res.status === 401)).toBe(true);
    expect(checks()).toBeLessThanOrEqual(LIMIT);
    for (const res of answers.filter((r) => r.status === 429)) {
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('holds for parallel unknown e-mails too (the dummy check is as slow as a real one)', async () => {
    const checks = countPasswordChecks();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => attempt('nobody-here@demo.local', 'wrong-password!')),
    );
    expect(answers.filter((res) => res.status !== 429).length).toBeLessThanOrEqual(LIMIT);
    expect(checks()).toBeLessThanOrEqual(LIMIT);
  });

  it("does not block the right password with its own count, and a success clears the account's failures", async () => {
    const email = await person();
    for (let i = 0; i < LIMIT - 1; i++) {
      expect((await attempt(email, 'wrong-password!')).status).toBe(401);
    }
    expect((await attempt(email, TEST_PASSWORD)).status).toBe(200);
    // Cleared: another LIMIT - 1 failures and the right password still get in.
    for (let i = 0; i < LIMIT - 1; i++) {
      expect((await attempt(email, 'wrong-password!')).status).toBe(401);
    }
    expect((await attempt(email, TEST_PASSWORD)).status).toBe(200);
  });

  it('refuses even the right password once the limit is reached, without checking it', async () => {
    const email = await person();
    for (let i = 0; i < LIMIT; i++) {
      expect((await attempt(email, 'wrong-password!')).status).toBe(401);
    }
    const checks = countPasswordChecks();
    const locked = await attempt(email, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(checks()).toBe(0);
    // Refused attempts are not counted: exactly the LIMIT failures are kept.
    const rows = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM "sign_in_attempts" WHERE "key" = 'account:${email}'`,
    );
    expect(Number(rows[0].n)).toBe(LIMIT);
  });

  it('says so on the sign-in page in the reader’s language', async () => {
    const email = await person();
    for (let i = 0; i < LIMIT; i++) await attempt(email, 'wrong-password!');
    const { res } = await signInThroughForm(server, email, {
      query: '?lang=en',
      headers: { 'X-Forwarded-For': `10.0.0.${people}` },
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.text).toContain('Too many failed sign-ins. Try again in 15 min.');
  });

  it('says so in the JSON answer in the client’s language (Accept-Language), Korean by default', async () => {
    const email = await person();
    for (let i = 0; i < LIMIT; i++) await attempt(email, 'wrong-password!');
    const en = await attempt(email, TEST_PASSWORD).set('Accept-Language', 'en-US,en;q=0.9');
    expect(en.status).toBe(429);
    expect(en.body.message).toBe('Too many failed sign-ins. Try again in 15 min.');
    const ko = await attempt(email, TEST_PASSWORD);
    expect(ko.status).toBe(429);
    expect(ko.body.message).toBe('로그인 실패가 너무 많습니다. 15분 후에 다시 시도하세요.');
  });

  it('lets the window slide: failures older than 15 minutes no longer count', async () => {
    const throttle = t.app.get(LoginThrottle);
    const email = await person();
    const start = new Date(Date.now() - 20 * 60_000);
    for (let i = 0; i < LIMIT; i++) await throttle.reserve(email, '10.9.9.9', start);
    await expect(throttle.reserve(email, '10.9.9.8', start)).rejects.toBeInstanceOf(
      TooManyRequestsError,
    );
    await expect(throttle.reserve(email, '10.9.9.8')).resolves.toBeDefined();
  });

  it('holds across app processes: two connections to the same database reserve at most the limit between them', async () => {
    const config = t.app.get<AppConfig>(APP_CONFIG);
    // A second process's view: its own connection (pool) to the same database.
    const database =
      config.database.type === 'postgres'
        ? config.database
        : { type: 'sqlite' as const, file: `${t.dataDir}/qa.sqlite` };
    const other = await openDataSource({ database });
    try {
      const throttles = [
        t.app.get(LoginThrottle),
        new LoginThrottle(new SignInAttemptsRepository(other), config),
      ];
      const email = await person();
      // Every attempt from a new address, so only the per-account limit is in play.
      const results = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) => throttles[i % 2].reserve(email, `10.1.${i}.1`)),
      );
      const reserved = results.filter((r) => r.status === 'fulfilled').length;
      expect(reserved).toBeLessThanOrEqual(LIMIT);
      for (const r of results) {
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(TooManyRequestsError);
      }
    } finally {
      await other.destroy();
    }
  });

  it('counts an address across accounts (4 × the per-account limit)', async () => {
    const address = '10.200.0.1';
    for (let i = 0; i < 4 * LIMIT; i++) {
      expect((await attempt(`nobody${i}@demo.local`, 'wrong-password!', address)).status).toBe(401);
    }
    expect((await attempt(TEST_USERS.evaluator, TEST_PASSWORD, address)).status).toBe(429);
    expect((await attempt(TEST_USERS.evaluator, TEST_PASSWORD, '10.200.0.2')).status).toBe(200);
  });
});
