/**
 * Signing in as each role in Chromium: what the navigation offers, what the lists hold and
 * what a forbidden page says. Then hostile content: everything renders as text.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'puppeteer';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { signIn, TEST_PASSWORD } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { seedTwoTeams, testCall, TwoTeams } from '../support/people';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(30_000);

const HOSTILE = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';

describe('each role, signed in through the page, sees only what it may', () => {
  let t: TestApp;
  let seed: TwoTeams;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    seed = await seedTwoTeams(t);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function pageAs(email: string): Promise<Page> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'en' });
    await signIn(page, base, email);
    return page;
  }
  const navLinks = (page: Page) =>
    page.$$eval('header.top nav a', (as) => as.map((a) => a.getAttribute('href')));
  const listed = async (page: Page) => {
    await page.goto(`${base}/interactions`);
    return page.$$eval('table.list tbody tr td:first-child a', (as) =>
      as.map((a) => a.textContent?.trim()),
    );
  };

  it('shows the sign-in page first, refuses a wrong password, and signs out', async () => {
    const page = await (await browser.createBrowserContext()).newPage();
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'en' });
    await page.goto(`${base}/interactions/${seed.call1}`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.type('input[name=email]', TEST_USERS.evaluator);
    await page.type('input[name=password]', 'not the password');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(await page.$eval('#login-error', (el) => el.textContent)).toContain(
      'E-mail or password is incorrect',
    );
    await page.type('input[name=password]', TEST_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    // Back to the page asked for.
    expect(new URL(page.url()).pathname).toBe(`/interactions/${seed.call1}`);
    await Promise.all([page.waitForNavigation(), page.click('#sign-out')]);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.goto(`${base}/interactions`);
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('gives an admin every page, users and the audit log included', async () => {
    const page = await pageAs(seed.users.admin);
    expect(await navLinks(page)).toEqual(
      expect.arrayContaining(['/interactions', '/imports', '/admin/users', '/admin/audit']),
    );
    expect((await listed(page)).sort()).toEqual(['PERM-1', 'PERM-2']);
    await page.goto(`${base}/admin/users`);
    const emails = await page.$$eval('#users td a', (as) => as.map((a) => a.textContent));
    expect(emails).toEqual(expect.arrayContaining(['lead1@test.local', 'agent2@test.local']));
  });

  it('gives an evaluator all interactions and imports, but no user admin', async () => {
    const page = await pageAs(seed.users.evaluator);
    const links = await navLinks(page);
    expect(links).toEqual(expect.arrayContaining(['/interactions', '/imports']));
    expect(links).not.toContain('/admin/users');
    expect((await listed(page)).sort()).toEqual(['PERM-1', 'PERM-2']);
    const res = await page.goto(`${base}/admin/users`);
    expect(res?.status()).toBe(403);
  });

  it("gives a team lead their team's calls only, and a 404 for another team's", async () => {
    const page = await pageAs(seed.users.lead1);
    const links = await navLinks(page);
    expect(links).not.toContain('/imports');
    expect(await listed(page)).toEqual(['PERM-1']);
    const agents = await page.$$eval('select[name=agent] option', (os) =>
      os.map((o) => o.getAttribute('value')).filter(Boolean),
    );
    expect(agents).toEqual(['P-001']);
    const other = await page.goto(`${base}/interactions/${seed.call2}`);
    expect(other?.status()).toBe(404);
  });

  it('gives an agent their own calls and evaluations only', async () => {
    const page = await pageAs(seed.users.agent2);
    expect(await navLinks(page)).not.toContain('/imports');
    expect(await listed(page)).toEqual(['PERM-2']);
    const own = await page.goto(`${base}/evaluations/${seed.evaluation2}`);
    expect(own?.status()).toBe(200);
    const theirs = await page.goto(`${base}/evaluations/${seed.evaluation1}`);
    expect(theirs?.status()).toBe(404);
    // No scoring for agents: the replay page offers no "score this call" form.
    await page.goto(`${base}/interactions/${seed.call2}`);
    expect(await page.$('#score-call')).toBeNull();
  });
});

describe('hostile content renders as text', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('escapes a transcript turn, agent name, notes, comment and scorecard label', async () => {
    // A scorecard label with markup, loaded by the admin's sync.
    const file = path.join(t.scorecardsDir, 'voice-ko.yaml');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('label: 첫인사 및 소개', `label: '첫인사 ${HOSTILE}'`),
    );
    await (await t.client(TEST_USERS.admin)).post('/api/scorecards/sync').expect(200);
    const evaluator = await t.client();
    const call = testCall(
      'XSS-1',
      { externalId: 'X-001', name: `Mallory ${HOSTILE}`, team: 'Red' },
      { agent: `안녕하세요 ${HOSTILE}`, notes: `메모 ${HOSTILE}` },
    );
    const imported = await evaluator
      .post('/api/interactions/import')
      .attach('files', Buffer.from(JSON.stringify(call)), 'xss.json')
      .expect(200);
    const interactionId = imported.body.results[0].interactionId;
    const definition = (await t.app.get(ScorecardsService).current('voice-ko')).definition;
    const draft = (
      await evaluator.post('/api/evaluations').send({ interactionId, scorecardKey: 'voice-ko' })
    ).body;
    const answers = definition.sections
      .flatMap((s) => s.criteria)
      .map((c) => ({
        key: c.key,
        value: c.scale.type === 'points' ? c.scale.max : c.scale.type === 'rating' ? 5 : 1,
        comment: `좋음 ${HOSTILE}`,
      }));
    await evaluator
      .post(`/api/evaluations/${draft.id}/submit`)
      .send({ version: draft.version, answers })
      .expect(201);

    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn(page, base, TEST_USERS.evaluator);
    for (const url of [
      '/interactions',
      `/interactions/${interactionId}`,
      `/evaluations/${draft.id}`,
      '/scorecards/voice-ko',
    ]) {
      await page.goto(`${base}${url}`);
      const xss = await page.evaluate(() => (window as unknown as { __xss?: number }).__xss);
      expect({ url, xss }).toEqual({ url, xss: undefined });
      const text = await page.$eval('main', (m) => m.textContent ?? '');
      expect({ url, shown: text.includes('<script>window.__xss=1</script>') }).toEqual({
        url,
        shown: true,
      });
      expect(await page.$$('main script:not([type="application/json"]):not([src])')).toHaveLength(
        0,
      );
    }
    expect(dialogs).toEqual([]);
  }, 60_000);
});
