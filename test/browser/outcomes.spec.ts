/**
 * A team lead in Chromium, in Korean and in English, over the KPI, drivers, experiment and chat
 * pages (issue 17): each shows its numbers, a linked number followed lands on the calls list
 * saying the same count (and listing as many rows), and no page throws a JavaScript error.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'puppeteer';
import type { Agent as TestAgent } from 'supertest';
import { signIn } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(240_000);

const SCORECARD = `
key: outcomes-browser
name: Outcomes browser test
language: ko
channel: voice
sections:
  - key: main
    label: 기본
    criteria:
      - { key: greet, label: 인사, guidance: 인사했는가, scale: yes_no }
      - { key: solve, label: 해결, guidance: 해결했는가, scale: yes_no }
`;

/** Days ago at 01:00 UTC plus `minutes`, inside the pages' default period (the last 8 weeks). */
const daysAgo = (n: number, minutes = 0) =>
  new Date(
    Date.parse(`${new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10)}T01:00:00Z`) +
      minutes * 60_000,
  ).toISOString();

interface Call {
  id: string;
  channel: 'voice' | 'chat';
  agent: 'A-1' | 'A-2';
  at: string;
  csat: number;
  fcr: boolean;
  script: 'A' | 'B';
  answers: [0 | 1, 0 | 1];
}
const CALLS: Call[] = [];
for (let i = 0; i < 12; i++) {
  const greet = i % 3 === 0 ? 0 : 1;
  const solve = i % 4 === 0 ? 0 : 1;
  CALLS.push({
    id: `OB-${i + 1}`,
    channel: i < 8 ? 'voice' : 'chat',
    agent: i % 2 === 0 ? 'A-1' : 'A-2',
    at: daysAgo(2 + (i % 5), i),
    csat: 2 + greet + solve + (i % 2),
    fcr: solve === 1,
    script: i % 2 === 0 ? 'A' : 'B',
    answers: [greet, solve],
  });
}

describe('KPIs, drivers, an experiment and chats in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let page: Page;
  let experimentId: number;
  const errors: string[] = [];

  async function seed(evaluator: TestAgent) {
    for (const c of CALLS) {
      const call = {
        externalId: c.id,
        source: 'outcomes-browser',
        channel: c.channel,
        language: 'ko',
        agent: {
          externalId: c.agent,
          name: c.agent === 'A-1' ? '김하나' : '이두리',
          team: 'Alpha',
        },
        startedAt: c.at,
        queue: 'billing',
        metadata: { csat: c.csat, fcr: c.fcr, script: c.script },
        turns: [
          { speaker: 'customer', startMs: 0, endMs: 2000, text: '요금이 잘못 나왔어요.' },
          { speaker: 'agent', startMs: 4000, endMs: 9000, text: '네, 확인해 드리겠습니다.' },
        ],
      };
      const imported = await evaluator
        .post('/api/interactions/import')
        .attach('files', Buffer.from(JSON.stringify(call)), `${c.id}.json`)
        .expect(200);
      const draft = (
        await evaluator
          .post('/api/evaluations')
          .send({
            interactionId: imported.body.results[0].interactionId,
            scorecardKey: 'outcomes-browser',
          })
          .expect(201)
      ).body;
      await evaluator
        .post(`/api/evaluations/${draft.id}/submit`)
        .send({
          version: draft.version,
          answers: [
            { key: 'greet', value: c.answers[0] },
            { key: 'solve', value: c.answers[1] },
          ],
        })
        .expect(201);
    }
    experimentId = (
      await evaluator
        .post('/api/experiments')
        .send({
          name: 'Closing script',
          assignment: 'metadata',
          field: 'script',
          variants: [
            { key: 'A', label: 'Script A', value: 'A' },
            { key: 'B', label: 'Script B', value: 'B' },
          ],
          from: daysAgo(30).slice(0, 10),
          to: daysAgo(0).slice(0, 10),
        })
        .expect(201)
    ).body.id;
  }

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    fs.writeFileSync(path.join(t.scorecardsDir, 'outcomes-browser.yaml'), SCORECARD);
    await (await t.client(TEST_USERS.admin)).post('/api/scorecards/sync').expect(200);
    await seed(await t.client());
    // On PostgreSQL the roll-ups these pages read are refreshed by jobs: wait for them.
    await t.jobsSettled();
    await t.createUser({
      email: 'lead@test.local',
      name: 'Lead Alpha',
      role: 'team_lead',
      teams: ['Alpha'],
    });
    browser = await launchBrowser();
    page = await (await browser.createBrowserContext()).newPage();
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${String(e)}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${page.url()}: console: ${m.text()}`);
    });
    await signIn(page, base, 'lead@test.local');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The linked numbers on the page: [selector-unique index, the number it shows]. */
  const linkedNumbers = () =>
    page.$$eval('a[href^="/interactions?"]', (as) =>
      as.map((a) => ({
        href: a.getAttribute('href') ?? '',
        n: Number(a.getAttribute('data-n') ?? a.textContent?.replace(/^n=/, '').trim()),
      })),
    );

  /** Follows the i-th linked number; the calls list must say (and show) as many calls. */
  async function follow(url: string, index: number) {
    await page.goto(url);
    const links = await linkedNumbers();
    const link = links[index];
    expect(Number.isFinite(link.n)).toBe(true);
    await Promise.all([
      page.waitForNavigation(),
      page.$$eval('a[href^="/interactions?"]', (as, i) => as[i].click(), index),
    ]);
    expect(new URL(page.url()).pathname).toBe('/interactions');
    const total = await page.$eval('#list-scope', (p) => Number(p.getAttribute('data-total')));
    expect(total).toBe(link.n);
    const rows = await page.$$eval('table.list tbody tr', (r) => r.length);
    expect(rows).toBe(Math.min(link.n, 25));
    return link.n;
  }

  for (const lang of ['ko', 'en'] as const) {
    it(`${lang}: every page shows its numbers and a number opens as many calls`, async () => {
      await page.setExtraHTTPHeaders({ 'Accept-Language': lang });
      const q = `lang=${lang}`;

      // KPIs: one row per agent with its calls, CSAT and FCR; the total row counts every call.
      await page.goto(`${base}/analytics/kpis?${q}`);
      expect(await page.$eval('html', (h) => h.getAttribute('lang'))).toBe(lang);
      const kpiRows = await page.$$eval('#kpis tbody tr', (r) =>
        r.map((x) => x.getAttribute('data-key')),
      );
      expect(kpiRows).toEqual(['A-1', 'A-2']);
      expect(await page.$eval('#kpis tfoot tr td.num a', (a) => a.textContent)).toBe('12');
      expect(await follow(`${base}/analytics/kpis?${q}`, 0)).toBe(6);
      // The total row's link (the last one on the page).
      const kpiLinks = await (async () => {
        await page.goto(`${base}/analytics/kpis?${q}`);
        return linkedNumbers();
      })();
      expect(await follow(`${base}/analytics/kpis?${q}`, kpiLinks.length - 1)).toBe(12);

      // Drivers: each criterion's passed and failed groups, with their n linked.
      await page.goto(`${base}/analytics/drivers?scorecard=outcomes-browser&${q}`);
      expect(await page.$$eval('#drivers-human tr[data-criterion]', (r) => r.length)).toBe(2);
      const driverLinks = await linkedNumbers();
      expect(driverLinks.length).toBe(4);
      await follow(`${base}/analytics/drivers?scorecard=outcomes-browser&${q}`, 1);

      // The experiment: each variant's call count linked.
      await page.goto(`${base}/experiments/${experimentId}?${q}`);
      expect(await page.$$eval('#variants tbody tr', (r) => r.length)).toBe(2);
      expect(await page.$$eval('#comparisons tbody tr', (r) => r.length)).toBeGreaterThan(0);
      expect(await follow(`${base}/experiments/${experimentId}?${q}`, 1)).toBe(6);

      // Chats: concurrency levels, agents, the weekly best and worst with the suggested focus.
      await page.goto(`${base}/analytics/chats?${q}`);
      expect(await page.$$eval('#chat-agents tbody tr', (r) => r.length)).toBe(2);
      expect(await page.$$eval('#best-worst .focus', (f) => f.length)).toBeGreaterThan(0);
      const chatLinks = await linkedNumbers();
      expect(chatLinks.length).toBeGreaterThanOrEqual(3);
      await follow(`${base}/analytics/chats?${q}`, chatLinks.length - 1);

      expect(errors).toEqual([]);
    });
  }
});
