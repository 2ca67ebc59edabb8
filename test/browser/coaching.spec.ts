/** In Chromium: a team lead generates a plan, edits it, shares it; the agent reads it and the PDF. */
import type { Browser, Page } from 'puppeteer';
import { signIn } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { seedCoachingTeam } from '../support/people';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

describe('coaching plan: generate → edit → share → the agent reads it', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    await seedCoachingTeam(t);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function pageAs(email: string): Promise<Page> {
    const page = await (await browser.createBrowserContext()).newPage();
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'ko' });
    await signIn(page, base, email);
    return page;
  }
  const text = (page: Page, selector: string) =>
    page.$eval(selector, (el) => (el as HTMLElement).innerText);

  it('works end to end in the browser', async () => {
    const lead = await pageAs('lead@test.local');
    await lead.goto(`${base}/coaching`);
    await Promise.all([lead.waitForNavigation(), lead.click('#new-plan')]);
    await lead.select('select[name=agent]', 'P-001');
    await lead.select('select[name=scorecard]', 'voice-ko');
    await lead.$eval('input[name=from]', (el) => (el.value = '2026-10-01'));
    await lead.$eval('input[name=to]', (el) => (el.value = '2026-10-31'));
    await Promise.all([lead.waitForNavigation(), lead.click('#generate-form button[type=submit]')]);
    expect(new URL(lead.url()).pathname).toMatch(/^\/coaching\/\d+\/edit$/);
    const planUrl = lead.url().replace(/\/edit$/, '');
    // The generated plan: the greeting is the focus, with the agent's own moment quoted.
    expect(await text(lead, '#plan-focus')).toContain('첫인사');
    expect(await text(lead, '#plan-focus')).toContain('이바다');

    // Edit: a target and an action of the lead's own.
    await lead.$eval('input[name=target_greeting]', (el) => (el.value = '75'));
    await lead.$eval(
      '#plan-actions-input',
      (el) => ((el as HTMLTextAreaElement).value = '매일 아침 인사 스크립트 소리 내어 읽기'),
    );
    await Promise.all([lead.waitForNavigation(), lead.click('#save-plan')]);
    expect(await text(lead, '.notice')).toContain('저장했습니다');
    expect(await text(lead, '#plan-actions')).toContain('매일 아침 인사 스크립트 소리 내어 읽기');
    expect(await text(lead, '#plan-focus')).toContain('75%');

    // Share; the agent is told and reads it.
    await lead.goto(planUrl);
    await Promise.all([lead.waitForNavigation({ timeout: 90_000 }), lead.click('#share-plan')]);
    expect(await text(lead, '#plan-status')).toContain('공유됨');

    const agent = await pageAs('p1@test.local');
    expect(await text(agent, '#unread-count').catch(() => '')).not.toBe('');
    await agent.goto(`${base}/coaching`);
    const links = await agent.$$eval('#plans a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain(new URL(planUrl).pathname);
    await agent.goto(planUrl);
    expect(await text(agent, '#plan-actions')).toContain('매일 아침 인사 스크립트 소리 내어 읽기');
    expect(await agent.$('#edit-plan')).toBeNull();
    const pdf = await agent.evaluate(async (url) => {
      const res = await fetch(url);
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        size: (await res.arrayBuffer()).byteLength,
      };
    }, `${planUrl}/pdf`);
    expect(pdf).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(pdf.size).toBeGreaterThan(10_000);
    // The other agent of the team cannot open it.
    const other = await pageAs('p3@test.local');
    expect((await other.goto(planUrl))?.status()).toBe(404);
  });
});
