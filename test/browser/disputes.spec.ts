/**
 * A dispute from start to end in Chromium: the agent sees the new evaluation (badge and "new"),
 * disputes one criterion with a reason; the team lead finds it under Disputes and changes the
 * answer with a reason; the agent reads the resolution, the new score and the notification.
 */
import type { Browser, Page } from 'puppeteer';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { computeScore } from '../../src/scoring/score-formula';
import { bestAnswers } from '../support/answers';
import { signIn } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { seedTwoTeams, TwoTeams } from '../support/people';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(90_000);

describe('an agent disputes a criterion and the team lead changes it', () => {
  let t: TestApp;
  let seed: TwoTeams;
  let browser: Browser;
  let base: string;
  let evaluationId: number;
  let expectedScore: string;
  let agent: Page;
  let lead: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    seed = await seedTwoTeams(t);
    // A new evaluation of agent 1's call with the greeting scored "no".
    const definition = (await t.app.get(ScorecardsService).current('voice-ko')).definition;
    const evaluator = await t.client(seed.users.evaluator);
    const draft = (
      await evaluator
        .post('/api/evaluations')
        .send({ interactionId: seed.call1, scorecardKey: 'voice-ko' })
        .expect(201)
    ).body;
    const answers = bestAnswers(definition).map((a) =>
      a.key === 'greeting' ? { key: a.key, value: 0 } : a,
    );
    await evaluator
      .post(`/api/evaluations/${draft.id}/submit`)
      .send({ version: draft.version, answers })
      .expect(201);
    evaluationId = draft.id;
    const after = computeScore(
      definition,
      Object.fromEntries(
        answers.map((a) => [a.key, { value: a.key === 'greeting' ? 1 : a.value }]),
      ),
    );
    expectedScore = `${after.overall!.toFixed(1)}%`;
    browser = await launchBrowser();
    agent = await pageAs(seed.users.agent1);
    lead = await pageAs(seed.users.lead1);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function pageAs(email: string): Promise<Page> {
    const page = await (await browser.createBrowserContext()).newPage();
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'en' });
    // Scripts and styles load under the strict CSP, and nothing the pages ask for is missing.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.location().url?.endsWith('/favicon.ico')) {
        problems.push(`${m.text()} ${m.location().url ?? ''}`);
      }
    });
    await signIn(page, base, email);
    return page;
  }
  const text = (page: Page, selector: string) =>
    page.$eval(selector, (el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  const click = (page: Page, selector: string) =>
    Promise.all([page.waitForNavigation(), page.click(selector)]);

  it('shows the agent the new evaluation with the unread badge, and takes a dispute', async () => {
    await agent.goto(`${base}/my/evaluations`);
    // The seed's evaluation of this call and the new one: two unread notices.
    expect(await text(agent, '#unread-count')).toBe('2');
    const row = `#my-evaluations tr[data-evaluation="${evaluationId}"]`;
    expect(await text(agent, `${row} .status`)).toBe('Submitted New');
    expect(await text(agent, `${row} .window`)).toBe('Days left: 7');

    await click(agent, `${row} a[href="/evaluations/${evaluationId}"]`);
    expect(await text(agent, '#window-left')).toContain('days left: 7');
    // Opening the evaluation read its notice.
    expect(await text(agent, '#unread-count')).toBe('1');
    await agent.click('#dispute-form input[name="criteria"][value="greeting"]');
    await agent.type('#dispute-reason', 'I said the company name and my name at 00:01.');
    await click(agent, '#dispute');

    expect(new URL(agent.url()).pathname).toBe(`/evaluations/${evaluationId}`);
    expect(await text(agent, '#scored-by')).toContain('Disputed');
    const entry = await text(agent, '#response-history li[data-kind="disputed"]');
    expect(entry).toContain('Agent One');
    expect(entry).toContain('첫인사 및 소개');
    expect(entry).toContain('I said the company name and my name at 00:01.');
    expect(await agent.$('#dispute-form')).toBeNull();
  });

  it('lets the team lead find it under Disputes and change the answer with a reason', async () => {
    await lead.goto(`${base}/disputes`);
    const row = `#open-disputes tr[data-evaluation="${evaluationId}"]`;
    expect(await text(lead, row)).toContain('I said the company name and my name at 00:01.');
    expect(await text(lead, '#unread-count')).toBe('1');
    await click(lead, `${row} a.button`);
    expect(new URL(lead.url()).pathname).toBe(`/evaluations/${evaluationId}`);

    // "Upheld" keeps every answer: the new values are off until "changed" is chosen.
    await lead.click('#resolve-form input[name="outcome"][value="upheld"]');
    expect(await lead.$eval('select[name="value_greeting"]', (s) => s.disabled)).toBe(true);
    await lead.click('#resolve-form input[name="outcome"][value="changed"]');
    expect(await lead.$eval('select[name="value_greeting"]', (s) => s.disabled)).toBe(false);
    await lead.select('select[name="value_greeting"]', '1');
    await lead.type('#resolve-reason', 'The recording confirms the greeting.');
    await click(lead, '#resolve');

    expect(await text(lead, '#overall-score')).toContain(expectedScore);
    const resolved = await text(lead, '#response-history li[data-kind="resolved"]');
    expect(resolved).toContain('Changed');
    expect(resolved).toContain('The recording confirms the greeting.');
    expect(resolved).toContain('No → Yes');
    await lead.goto(`${base}/disputes`);
    expect(await lead.$(`#open-disputes tr[data-evaluation="${evaluationId}"]`)).toBeNull();
  });

  it('shows the agent the resolution, the new score and a notification', async () => {
    await agent.goto(`${base}/notifications`);
    // The resolution, and the seed's evaluation still unread.
    expect(await text(agent, '#unread-count')).toBe('2');
    const notice = await text(agent, '#notifications li.unread');
    expect(notice).toContain(
      `Your dispute of evaluation #${evaluationId} (call PERM-1) was resolved`,
    );
    expect(notice).toContain(`→ ${expectedScore}`);
    await click(agent, '#notifications li.unread a');

    expect(new URL(agent.url()).pathname).toBe(`/evaluations/${evaluationId}`);
    expect(await text(agent, '#overall-score')).toContain(expectedScore);
    expect(await text(agent, '#scored-by')).toContain('Resolved');
    const resolved = await text(agent, '#response-history li[data-kind="resolved"]');
    expect(resolved).toContain('Lead One');
    expect(resolved).toContain('The recording confirms the greeting.');
    expect(resolved).toContain(`→ ${expectedScore}`);
    expect(await text(agent, '#unread-count')).toBe('1');
    expect(problems).toEqual([]);
  });
});
