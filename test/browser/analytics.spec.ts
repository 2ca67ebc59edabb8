/**
 * A team lead in Chromium: the team heat map, sorted by a criterion with a click on its header,
 * a cell → that agent's profile → a number → the calls behind it → one of those calls.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'puppeteer';
import type { Agent as TestAgent } from 'supertest';
import { signIn } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(90_000);

const SCORECARD = `
key: analytics-browser
name: Analytics browser test
language: en
channel: voice
sections:
  - key: opening
    label: Opening
    criteria:
      - { key: greet, label: Greeting, guidance: Greets the customer, scale: yes_no }
  - key: closing
    label: Closing
    criteria:
      - { key: wrap, label: Summary, guidance: Sums up the call, scale: yes_no }
`;

/** Days ago at 01:00 UTC, inside the default period (the last 8 weeks). */
const daysAgo = (n: number) => {
  const d = new Date(Date.now() - n * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T01:00:00Z`;
};

// A-1 greets on both calls but never sums up; A-2 sums up but never greets.
const CALLS = [
  { id: 'BR-1', agent: 'A-1', name: 'Ann Alder', at: daysAgo(3), greet: 1, wrap: 0 },
  { id: 'BR-2', agent: 'A-1', name: 'Ann Alder', at: daysAgo(2), greet: 1, wrap: 0 },
  { id: 'BR-3', agent: 'A-2', name: 'Ben Birch', at: daysAgo(3), greet: 0, wrap: 1 },
  { id: 'BR-4', agent: 'A-2', name: 'Ben Birch', at: daysAgo(1), greet: 0, wrap: 1 },
];

describe('the team heat map in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let page: Page;

  async function seed(evaluator: TestAgent) {
    for (const c of CALLS) {
      const call = {
        externalId: c.id,
        source: 'browser-test',
        channel: 'voice',
        language: 'en',
        agent: { externalId: c.agent, name: c.name, team: 'Alpha' },
        startedAt: c.at,
        queue: 'billing',
        turns: [
          { speaker: 'agent', startMs: 0, endMs: 2000, text: 'Hello, this is support.' },
          { speaker: 'customer', startMs: 2500, endMs: 5000, text: 'My bill is wrong.' },
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
            scorecardKey: 'analytics-browser',
          })
          .expect(201)
      ).body;
      await evaluator
        .post(`/api/evaluations/${draft.id}/submit`)
        .send({
          version: draft.version,
          answers: [
            { key: 'greet', value: c.greet },
            { key: 'wrap', value: c.wrap },
          ],
        })
        .expect(201);
    }
  }

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    fs.writeFileSync(path.join(t.scorecardsDir, 'analytics-browser.yaml'), SCORECARD);
    await (await t.client(TEST_USERS.admin)).post('/api/scorecards/sync').expect(200);
    await seed(await t.client());
    await t.createUser({
      email: 'lead@test.local',
      name: 'Lead Alpha',
      role: 'team_lead',
      teams: ['Alpha'],
    });
    browser = await launchBrowser();
    page = await (await browser.createBrowserContext()).newPage();
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'en' });
    await signIn(page, base, 'lead@test.local');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const agentsInOrder = () =>
    page.$$eval('#heatmap tbody tr', (rows) => rows.map((r) => r.getAttribute('data-agent')));

  it('sorts the heat map by a criterion, then follows a cell to the calls behind a number', async () => {
    await page.goto(`${base}/analytics?scorecard=analytics-browser`);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Team view');
    expect(await agentsInOrder()).toEqual(['A-1', 'A-2']);
    // The cells show the rate and the counts, coloured by class (no inline style).
    const greetCells = await page.$$eval('#heatmap tbody tr', (rows) =>
      rows.map((r) => {
        const cell = r.children[2];
        return `${cell.querySelector('a')?.textContent} ${cell.className}`;
      }),
    );
    expect(greetCells).toEqual(['100% heat heat-4', '0% heat heat-0']);

    // Sort by Greeting: lowest first, then the other way round.
    await page.click('#heatmap th[data-sort="greet"] a');
    expect(await agentsInOrder()).toEqual(['A-2', 'A-1']);
    expect(
      await page.$eval('#heatmap th[data-sort="greet"]', (th) => th.getAttribute('aria-sort')),
    ).toBe('ascending');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('greet');
    await page.click('#heatmap th[data-sort="greet"] a');
    expect(await agentsInOrder()).toEqual(['A-1', 'A-2']);
    await page.click('#heatmap th[data-sort="wrap"] a');
    expect(await agentsInOrder()).toEqual(['A-1', 'A-2']);
    await page.click('#heatmap th[data-sort="greet"] a');
    expect(await agentsInOrder()).toEqual(['A-2', 'A-1']);

    // A-2's Greeting cell → A-2's profile, at that criterion.
    await Promise.all([
      page.waitForNavigation(),
      page.click('#heatmap tbody tr[data-agent="A-2"] td:nth-child(3) a'),
    ]);
    expect(new URL(page.url()).pathname).toBe('/analytics/agents/A-2');
    expect(new URL(page.url()).hash).toBe('#criterion-analytics-browser-greet');
    expect(await page.$eval('#profile-title', (h) => h.textContent)).toContain('Ben Birch');
    const greetRow = '#criterion-analytics-browser-greet';
    expect(await page.$eval(`${greetRow} .agent-rate`, (a) => a.textContent)).toBe('0%');
    expect(await page.$eval(`${greetRow} a.misses`, (a) => a.textContent)).toBe('2');
    expect(await page.$eval('#count-human', (a) => a.textContent)).toBe('2');

    // The number of misses → the calls behind it.
    await Promise.all([page.waitForNavigation(), page.click(`${greetRow} a.misses`)]);
    expect(new URL(page.url()).pathname).toBe('/analytics/agents/A-2/calls');
    expect(new URL(page.url()).searchParams.get('criterion')).toBe('greet');
    const listed = await page.$$eval('#calls a.call-link', (as) => as.map((a) => a.textContent));
    expect(listed).toEqual(['BR-4', 'BR-3']);
    expect(await page.$eval('#calls-totals', (p) => p.textContent)).toContain(
      '0 passed · 2 failed',
    );

    // And one of them opens on the replay page.
    await Promise.all([page.waitForNavigation(), page.click('#calls a.call-link')]);
    expect(new URL(page.url()).pathname).toMatch(/^\/interactions\/\d+$/);
    expect(await page.content()).toContain('BR-4');
  });
});
