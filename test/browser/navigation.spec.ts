/**
 * The header at 1280 × 800 in Chromium, for every role and in both languages: one line, no label
 * wrapped, grouped menus that open inside the window; "API docs" for admins only. Screenshots of
 * the header (a menu open) and of the scoring page go to the test artefacts folder.
 */
import type { Browser, Page } from 'puppeteer';
import { signIn } from '../support/auth';
import { artefactPath } from '../support/artefacts';
import { launchBrowser } from '../support/browser';
import { fixture, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(180_000);

const WIDTH = 1280;
const HEIGHT = 800;

describe('navigation at 1280 px', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let evaluationId: number;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    const evaluator = await t.client(TEST_USERS.evaluator);
    const imported = await evaluator
      .post('/api/interactions/import')
      .attach('files', fixture('transcripts', 'call-ko.json'), 'call-ko.json')
      .expect(200);
    evaluationId = (
      await evaluator
        .post('/api/evaluations')
        .send({ interactionId: imported.body.results[0].interactionId, scorecardKey: 'voice-ko' })
        .expect(201)
    ).body.id;
    // A long name, as people have, beside the role and the language switch.
    await t.createUser({
      email: 'lead@nav.local',
      name: '남궁민수 팀장',
      role: 'team_lead',
      teams: ['요금상담 1팀'],
    });
    await t.createUser({
      email: 'agent@nav.local',
      name: '김민지',
      role: 'agent',
      agentExternalId: 'A-017',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function pageAs(email: string, lang: 'ko' | 'en'): Promise<Page> {
    const page = await (await browser.createBrowserContext()).newPage();
    await page.setViewport({ width: WIDTH, height: HEIGHT });
    await page.setExtraHTTPHeaders({ 'Accept-Language': lang });
    await signIn(page, base, email);
    return page;
  }

  /** Labels in the header that take more than one line, and how wide the header wants to be. */
  const layout = (page: Page) =>
    page.evaluate(() => {
      const header = document.querySelector('header.top')!;
      const lines = (el: Element) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      };
      const labels = [
        ...header.querySelectorAll(
          '.brand, nav > a, nav summary, nav .menu-panel a, .who > a, .who button, .who > span, .lang',
        ),
      ].filter((el) => (el as HTMLElement).offsetParent !== null);
      return {
        wrapped: labels.filter((el) => lines(el) > 1).map((el) => el.textContent.trim()),
        labels: labels.length,
        overflow: header.scrollWidth - header.clientWidth,
        height: header.getBoundingClientRect().height,
        links: [...header.querySelectorAll('nav a')].map((a) => a.getAttribute('href')),
      };
    });

  const roles = [
    ['admin', TEST_USERS.admin],
    ['evaluator', TEST_USERS.evaluator],
    ['team_lead', 'lead@nav.local'],
    ['agent', 'agent@nav.local'],
  ] as const;

  for (const lang of ['ko', 'en'] as const) {
    for (const [role, email] of roles) {
      it(`fits one line for ${role} in ${lang}, menus included, with API docs for admins only`, async () => {
        const page = await pageAs(email, lang);
        await page.goto(`${base}/interactions`);
        const closed = await layout(page);
        expect(closed.wrapped).toEqual([]);
        expect(closed.overflow).toBeLessThanOrEqual(0);
        expect(closed.height).toBeLessThan(60);
        if (role === 'admin') expect(closed.links).toContain('/api/docs');
        else expect(closed.links).not.toContain('/api/docs');
        // Every menu opens inside the window, its labels on one line each.
        const menus = await page.$$eval('header.top details.menu', (ds) => ds.map((d) => d.id));
        if (role !== 'agent') expect(menus.length).toBeGreaterThan(0);
        for (const id of menus) {
          await page.click(`#${id} > summary`);
          const open = await layout(page);
          expect(open.wrapped).toEqual([]);
          const panel = await page.$eval(`#${id} .menu-panel`, (el) => {
            const r = el.getBoundingClientRect();
            return { left: r.left, right: r.right, links: el.querySelectorAll('a').length };
          });
          expect(panel.left).toBeGreaterThanOrEqual(0);
          expect(panel.right).toBeLessThanOrEqual(WIDTH);
          expect(panel.links).toBeGreaterThan(1);
          // Opening another closes it; so does Escape.
          await page.keyboard.press('Escape');
          expect(await page.$eval(`#${id}`, (d) => (d as HTMLDetailsElement).open)).toBe(false);
        }
        if (role === 'admin') {
          await page.click('#menu-scoring > summary');
          await page.screenshot({ path: artefactPath(`navigation-admin-${lang}-1280x800.png`) });
        }
        await page.close();
      });
    }

    it(`shows the scoring page at 1280 × 800 in ${lang} (screenshot)`, async () => {
      const page = await pageAs(TEST_USERS.evaluator, lang);
      await page.goto(`${base}/evaluations/${evaluationId}/edit`);
      const closed = await layout(page);
      expect(closed.wrapped).toEqual([]);
      expect(
        await page.$eval('#score-bar', (el) => el.getBoundingClientRect().bottom),
      ).toBeLessThan(HEIGHT);
      await page.screenshot({ path: artefactPath(`scoring-page-${lang}-1280x800.png`) });
      await page.close();
    });
  }

  it('has a favicon the browser loads', async () => {
    const page = await pageAs('agent@nav.local', 'ko');
    await page.goto(`${base}/interactions`);
    const href = await page.$eval('link[rel=icon]', (l) => l.href);
    const icon = await page.evaluate(async (url) => {
      const res = await fetch(url, { cache: 'no-store' });
      return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
    }, href);
    expect(icon.status).toBe(200);
    expect(icon.type).toContain('image/svg+xml');
    expect(icon.body).toContain('<svg');
    await page.close();
  });

  it('lets anyone who uses API tokens find the docs on their account page', async () => {
    const page = await pageAs('agent@nav.local', 'en');
    await page.goto(`${base}/account`);
    expect(await page.$eval('#api-docs-link', (a) => a.getAttribute('href'))).toBe('/api/docs');
    await page.close();
  });
});
