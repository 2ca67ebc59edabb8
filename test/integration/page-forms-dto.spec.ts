/**
 * One DTO per edge, the forms moved onto DTOs in issue 12: the user, account, notification,
 * scorecard editor, coaching and calibration forms. A refused form answers 400 on its own page
 * in the page's language, keeps what was typed (passwords excepted) and writes nothing.
 */
import request from 'supertest';
import type { App } from 'supertest/types';
import { User } from '../../src/users/entities/user.entity';
import { CalibrationSession } from '../../src/calibration/entities/calibration-session.entity';
import { CoachingPlan } from '../../src/coaching/entities/coaching-plan.entity';
import { signInThroughForm, TEST_PASSWORD } from '../support/auth';
import { seedTwoTeams, TwoTeams } from '../support/people';
import { startTestApp, TEST_USERS, TestApp } from '../support/test-app';

jest.setTimeout(90_000);

/** A browser signed in with the sign-in form, and the CSRF token its pages carry. */
async function signIn(server: App, email: string, password = TEST_PASSWORD) {
  const { browser, res } = await signInThroughForm(server, email, { password });
  const account = await browser.get('/account');
  const token = /name="_csrf" value="([^"]+)"/.exec(account.text)?.[1] ?? '';
  return { browser, res, csrf: token };
}

describe('page forms on their DTOs (issue 12)', () => {
  let t: TestApp;
  let seed: TwoTeams;
  let server: App;
  const admin = async () => (await t.client(TEST_USERS.admin)).set('Accept', 'text/html');
  const users = () => t.dataSource.getRepository(User);

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    seed = await seedTwoTeams(t);
    server = t.app.getHttpServer();
  });
  afterAll(() => t.close());

  it('sign-in: an empty password is refused by LoginDto in the page language, the e-mail kept', async () => {
    const browser = request.agent(server);
    const form = await browser.get('/login?lang=en').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const res = await browser
      .post('/login?lang=en')
      .type('form')
      .send({ email: TEST_USERS.evaluator, password: '', _csrf: csrf })
      .expect(400);
    expect(res.text).toContain('Give your password.');
    expect(res.text).toContain(`value="${TEST_USERS.evaluator}"`);
    expect(String(res.headers['set-cookie'] ?? '')).not.toContain('qa_session=');
  });

  it("the admin's new-user form: a missing name comes back in Korean with everything typed, nobody created", async () => {
    const http = await admin();
    const res = await http
      .post('/admin/users?lang=ko')
      .type('form')
      .send({
        email: 'new.one@test.local',
        name: '  ',
        role: 'evaluator',
        password: 'a-good-password',
      })
      .expect(400);
    expect(res.text).toContain('사용자 이름을 입력하세요');
    expect(res.text).toContain('value="new.one@test.local"');
    expect(res.text).toMatch(/<option value="evaluator" selected>/);
    expect(await users().countBy({ email: 'new.one@test.local' })).toBe(0);

    const role = await http
      .post('/admin/users?lang=en')
      .type('form')
      .send({ email: 'new.one@test.local', name: 'New One', role: 'boss', password: 'a-good-pw-1' })
      .expect(400);
    expect(role.text).toContain('choose the user&#x27;s role');
    expect(role.text).toContain('value="New One"');

    // The password policy (the service's) is translated too.
    const short = await http
      .post('/admin/users?lang=ko')
      .type('form')
      .send({ email: 'new.one@test.local', name: 'New One', role: 'evaluator', password: 'short' })
      .expect(400);
    expect(short.text).toContain('비밀번호는 10자 이상이어야 합니다');
    expect(await users().countBy({ email: 'new.one@test.local' })).toBe(0);
  });

  it("the admin's edit form: refused in the page's language, the user unchanged", async () => {
    const http = await admin();
    const target = await users().findOneByOrFail({ email: TEST_USERS.evaluator2 });
    const res = await http
      .post(`/admin/users/${target.id}?lang=en`)
      .type('form')
      .send({ name: '', role: 'evaluator', active: 'on' })
      .expect(400);
    expect(res.text).toContain('give the user&#x27;s name');
    expect((await users().findOneByOrFail({ id: target.id })).name).toBe(target.name);
    await http
      .post(`/admin/users/${target.id}`)
      .type('form')
      .send({ name: 'Emma E.', role: 'evaluator', active: 'on' })
      .expect(303);
    expect((await users().findOneByOrFail({ id: target.id })).name).toBe('Emma E.');
  });

  it('the account page: two different new passwords, a wrong current one, an empty token name', async () => {
    const { browser, csrf } = await signIn(server, seed.users.lead1);
    const differ = await browser
      .post('/account/password?lang=ko')
      .type('form')
      .send({
        current: TEST_PASSWORD,
        password: 'new-password-1',
        confirm: 'new-password-2',
        _csrf: csrf,
      })
      .expect(400);
    expect(differ.text).toContain('새 비밀번호 두 개가 서로 다릅니다');
    const wrong = await browser
      .post('/account/password?lang=en')
      .type('form')
      .send({
        current: 'not my password',
        password: 'new-password-1',
        confirm: 'new-password-1',
        _csrf: csrf,
      })
      .expect(400);
    expect(wrong.text).toContain('the current password is wrong');
    const token = await browser
      .post('/account/tokens?lang=ko')
      .type('form')
      .send({ name: '   ', _csrf: csrf })
      .expect(400);
    expect(token.text).toContain('토큰 이름(어디에 쓰는지)을 입력하세요');
    // Nothing changed: the old password still signs in.
    const again = await signIn(server, seed.users.lead1);
    expect(again.res.status).toBe(303);
  });

  it('notifications: an id that is not a number is a 400 naming why; no id marks all read', async () => {
    const http = (await t.client(seed.users.agent1)).set('Accept', 'text/html');
    const refused = await http
      .post('/notifications/read?lang=en')
      .type('form')
      .send({ id: 'abc' })
      .expect(400);
    expect(refused.text).toContain('a notification id is a whole number');
    await http.post('/notifications/read').type('form').send({ id: '' }).expect(303);
  });

  it('the scorecard editor: a form without the file fingerprint says so, nothing published', async () => {
    const http = await admin();
    const before = await http.get('/scorecards/voice-ko/edit').expect(200);
    const yaml = /<textarea[^>]*name="yaml"[^>]*>\n?([\s\S]*?)<\/textarea>/.exec(before.text)![1];
    const res = await http
      .post('/scorecards/voice-ko/edit?lang=ko')
      .type('form')
      .send({ yaml: 'x', action: 'publish' })
      .expect(400);
    expect(res.text).toContain('id="edit-error"');
    expect(res.text).toContain('양식에 파일 지문이 없습니다');
    const after = await http.get('/scorecards/voice-ko/edit').expect(200);
    expect(after.text).toContain(yaml.slice(0, 200));
  });

  it('a new coaching plan: no agent chosen is refused in Korean, the period kept, no plan written', async () => {
    const http = await admin();
    const res = await http
      .post('/coaching?lang=ko')
      .type('form')
      .send({ agent: '', from: '2026-10-01', to: '2026-10-31', scorecard: '' })
      .expect(400);
    expect(res.text).toContain('상담원을 고르세요');
    expect(res.text).toContain('value="2026-10-01"');
    expect(res.text).toContain('value="2026-10-31"');
    expect(await t.dataSource.getRepository(CoachingPlan).count()).toBe(0);
  });

  it('a new calibration session: one evaluator is refused beside the field, in the page language', async () => {
    const http = await admin();
    const evaluator = await users().findOneByOrFail({ email: TEST_USERS.evaluator });
    const res = await http
      .post('/calibration?lang=ko')
      .type('form')
      .send({
        call: String(seed.call1),
        scorecardKey: 'voice-ko',
        participantIds: String(evaluator.id),
        expertId: String(evaluator.id),
        note: '첫 세션',
      })
      .expect(400);
    expect(res.text).toMatch(/id="error-participantIds">평가자를 두 명 이상 고르세요</);
    expect(res.text).toContain('첫 세션');
    expect(await t.dataSource.getRepository(CalibrationSession).count()).toBe(0);
  });

  it('a report with a bad day (the common DateRangeDto, resolvePeriod) says why beside the field, in Korean', async () => {
    const http = await admin();
    for (const url of ['/analytics/kpis', '/analytics?scorecard=voice-ko']) {
      const sep = url.includes('?') ? '&' : '?';
      const res = await http.get(`${url}${sep}from=2026-13-01&lang=ko`).expect(400);
      expect(res.text).toContain('날짜를 YYYY-MM-DD 형식으로 입력하세요');
      expect(res.text).not.toContain('give a date as YYYY-MM-DD');
    }
  });
});
