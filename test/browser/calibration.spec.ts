/**
 * A calibration session in Chromium: the admin opens it from the form, two evaluators each sign
 * in and score the call blind on the normal scoring form, and the results page shows both
 * scores, the deviation from the expert and the kappa.
 */
import type { Browser, Page } from 'puppeteer';
import { signIn } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { fixture, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(90_000);

describe('a calibration session in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const userIds: Record<string, number> = {};
  let sessionUrl: string;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    await (
      await t.client()
    )
      .post('/api/interactions/import')
      .attach('files', fixture('transcripts', 'call-ko.json'), 'call-ko.json')
      .expect(200);
    for (const email of [TEST_USERS.evaluator, TEST_USERS.evaluator2]) {
      userIds[email] = (await (await t.client(email)).get('/api/auth/me').expect(200)).body.id;
    }
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
  const text = (page: Page, selector: string) =>
    page.$eval(selector, (el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '');

  /** Picks the best value of every criterion, then the given exceptions, and submits. */
  async function scoreAndSubmit(page: Page, exceptions: Record<string, string>) {
    await page.$$eval('.scale', (groups) => {
      for (const group of groups) {
        const radios = [...group.querySelectorAll('input[type=radio]')] as HTMLInputElement[];
        const values = radios.filter((r) => r.value !== 'na');
        values.reduce((a, b) => (Number(b.value) > Number(a.value) ? b : a)).click();
      }
    });
    for (const [key, value] of Object.entries(exceptions)) {
      await page.click(`input[name="value_${key}"][value="${value}"]`);
    }
    await Promise.all([page.waitForNavigation(), page.click('#submit-evaluation')]);
    expect(page.url()).toMatch(/\/evaluations\/\d+$/);
  }

  async function startScoring(page: Page) {
    await page.goto(`${base}/calibration`);
    await Promise.all([page.waitForNavigation(), page.click('#open-sessions .score-it')]);
    expect(page.url()).toMatch(/\/evaluations\/\d+\/edit$/);
  }

  it('lets the admin open a session for two evaluators from the form', async () => {
    const admin = await pageAs(TEST_USERS.admin);
    await admin.goto(`${base}/calibration`);
    await Promise.all([admin.waitForNavigation(), admin.click('#new-calibration')]);
    await admin.type('input[name=call]', 'HB-20261102-0042');
    await admin.select('select[name=scorecardKey]', 'voice-ko');
    await admin.select(
      'select[name=participantIds]',
      String(userIds[TEST_USERS.evaluator]),
      String(userIds[TEST_USERS.evaluator2]),
    );
    await admin.select('select[name=expertId]', String(userIds[TEST_USERS.evaluator]));
    await admin.type('textarea[name=note]', 'Greeting: company and own name both needed');
    await Promise.all([admin.waitForNavigation(), admin.click('#open-session')]);
    expect(admin.url()).toMatch(/\/calibration\/\d+$/);
    sessionUrl = admin.url();
    expect(await text(admin, '#session-status')).toBe('open');
    expect(await text(admin, '#session-expert')).toContain('박평가');
    expect(await text(admin, '#participants')).toContain('not started');
  });

  it('has each evaluator score it blind on the normal form', async () => {
    const first = await pageAs(TEST_USERS.evaluator);
    await startScoring(first);
    await scoreAndSubmit(first, {});

    const second = await pageAs(TEST_USERS.evaluator2);
    // Before scoring: who has submitted, never a score.
    await second.goto(sessionUrl);
    expect(await text(second, '#not-yet')).toContain('once every participant has submitted');
    expect(await text(second, '#participant-' + userIds[TEST_USERS.evaluator])).toContain(
      'submitted',
    );
    expect(await second.$('#evaluator-scores')).toBeNull();
    await startScoring(second);
    await scoreAndSubmit(second, { greeting: '0', notes_quality: '0' });
  });

  it('shows both scores, the deviation from the expert and the kappa once the last one submitted', async () => {
    const admin = await pageAs(TEST_USERS.admin);
    await admin.goto(sessionUrl);
    expect(await text(admin, '#session-status')).toBe('closed');
    const rows = await admin.$$eval('#evaluator-scores tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
    );
    expect(rows).toHaveLength(2);
    const [expert, other] = rows;
    expect(expert[0]).toContain('박평가');
    expect(expert[0]).toContain('expert');
    expect(expert[1]).toBe('100.0%');
    expect(other[0]).toContain('Emma Evans');
    const otherScore = Number(other[1].replace('%', ''));
    expect(otherScore).toBeLessThan(100);
    // Deviation = Emma's score − the expert's 100, shown with its sign.
    const id = Number(sessionUrl.split('/').pop());
    const stored = (await (await t.client(TEST_USERS.admin)).get(`/api/calibration/${id}`)).body;
    const emma = stored.results.evaluators[1];
    expect(emma.deviation).toBeCloseTo(emma.overallScore - 100, 2);
    expect(other[1]).toBe(`${emma.overallScore.toFixed(1)}%`);
    expect(other[2]).toBe(`−${Math.abs(emma.deviation).toFixed(1)}`);
    expect(await text(admin, '#kappa-value')).toMatch(/^-?\d\.\d\d$/);
    expect(await text(admin, '#kappa-reading')).not.toBe('');
    expect(await text(admin, '#most-disagreement')).toContain('greeting');
    const greeting = await admin.$$eval('#criterion-greeting td.answer', (tds) =>
      tds.map((td) => td.textContent?.trim()),
    );
    expect(greeting).toEqual(['Yes', 'No']);
  });
});
