/**
 * The scoring workspace in Chromium: the replay beside the scorecard, evidence that seeks the
 * replay, a comment pinned to the moment the replay is at, the live score from the server's
 * formula, a conflicting save shown rather than overwritten, and the plain form without JavaScript.
 */
import type { Browser, Page } from 'puppeteer';
import { AutoQaService } from '../../src/autoqa/autoqa.service';
import { signIn } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { fixture, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(120_000);

describe('scoring beside the replay', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let evaluationId: number;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    const http = await t.client();
    const res = await http
      .post('/api/interactions/import')
      .attach('files', fixture('transcripts', 'call-ko.json'), 'call-ko.json')
      .expect(200);
    await t.app.get(AutoQaService).drain();
    const draft = await http
      .post('/api/evaluations')
      .send({ interactionId: res.body.results[0].interactionId, scorecardKey: 'voice-ko' })
      .expect(201);
    evaluationId = draft.body.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(javaScript = true): Promise<Page> {
    const page = await (await browser.createBrowserContext()).newPage();
    await page.setJavaScriptEnabled(javaScript);
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'en' });
    await signIn(page, base, TEST_USERS.evaluator);
    await page.goto(`${base}/evaluations/${evaluationId}/edit`);
    return page;
  }
  const current = (page: Page) => page.$eval('li.turn.is-current', (li) => li.id).catch(() => null);

  it('seeks the replay from the evidence, pins a comment to now, and updates the score live', async () => {
    const page = await open();
    await page.waitForSelector('#replay-player:not([hidden])');
    expect(await page.$('.workspace-grid .transcript')).not.toBeNull();
    // Evidence of an auto suggestion seeks the replay beside the form.
    const evidence = await page.$('.evidence a[data-seek-ms]');
    expect(evidence).not.toBeNull();
    const target = await page.$eval('.evidence a[data-seek-ms]', (a) =>
      Number(a.getAttribute('data-seek-ms')),
    );
    await evidence!.click();
    await page.waitForFunction(
      (ms: number) =>
        Math.abs(
          (window as unknown as { qaReplay: { currentMs(): number } }).qaReplay.currentMs() - ms,
        ) < 50,
      {},
      target,
    );
    const turnId = await current(page);
    expect(turnId).toMatch(/^turn-\d+$/);
    // Pin the greeting's comment to the moment the replay is at.
    await page.click('button.pin[data-pin="greeting"]');
    expect(await page.$eval('select[name="turn_greeting"]', (s) => `turn-${s.value}`)).toBe(turnId);
    // Live score: answer "No" on the greeting. While criteria are unanswered it gives no
    // percentage and says how many are open; with every answer it shows the server's score.
    await page.click('input[name="value_greeting"][value="0"]');
    const unanswered = await page.$$eval('.criterion:not(:has(input[type=radio]:checked))', (els) =>
      els.map((el) => el.id),
    );
    if (unanswered.length > 0) {
      expect(await page.$eval('#live-score', (el) => el.textContent ?? '')).toContain('–');
      expect(await page.$eval('#unanswered-count', (el) => el.textContent ?? '')).toMatch(
        new RegExp(`^${unanswered.length} criteri`),
      );
      for (const id of unanswered) await page.click(`#${id} .scale input[type=radio]`);
    }
    await page.waitForFunction(() => document.getElementById('unanswered-count')!.hidden);
    await page.waitForFunction(() =>
      /Overall: \d/.test(document.getElementById('live-score')!.textContent ?? ''),
    );
    const shown = await page.$eval('#live-score', (el) => el.textContent ?? '');
    const answers = await page.$$eval('.scale input[type=radio]:checked', (inputs) =>
      inputs.map((i) => {
        const key = i.name.replace(/^value_/, '');
        return i.value === 'na' ? { key, na: true } : { key, value: Number(i.value) };
      }),
    );
    const api = await (
      await t.client()
    )
      .post(`/api/evaluations/${evaluationId}/preview`)
      .send({ answers })
      .expect(200);
    expect(shown).toContain(`${api.body.overall.toFixed(1)}%`);
    // Its autosave done, the tab is closed so the next test starts from what is saved.
    await page.evaluate(() =>
      (window as unknown as { qaAutosave: { flush(): Promise<void> } }).qaAutosave.flush(),
    );
    await page.close();
  });

  it('shows a conflicting save instead of overwriting it', async () => {
    const first = await open();
    const second = await open();
    await first.click('input[name="value_greeting"][value="1"]');
    await first.click('#save-draft');
    await first.waitForSelector('#save-status.saved');
    // The second tab's autosave meets the newer version: it stops and says so.
    await second.click('input[name="value_greeting"][value="0"]');
    await second.type('textarea[name="comment_greeting"]', 'no greeting');
    await second.waitForSelector('#save-status.conflict');
    expect(await second.$eval('#save-status', (el) => el.textContent ?? '')).toContain(
      'autosave stopped',
    );
    // Save draft then posts the form, and the server shows what is saved now beside it.
    await Promise.all([second.waitForNavigation(), second.click('#save-draft')]);
    expect(await second.$eval('#conflict-note', (el) => el.textContent ?? '')).toContain(
      'saved first',
    );
    expect(await second.$eval('[data-theirs="greeting"]', (el) => el.textContent ?? '')).toContain(
      'Yes',
    );
    // The second tab's answer is still on the form, and nothing was overwritten.
    expect(await second.$eval('input[name="value_greeting"][value="0"]', (i) => i.checked)).toBe(
      true,
    );
    const stored = (await (await t.client()).get(`/api/evaluations/${evaluationId}`).expect(200))
      .body;
    expect(
      stored.answers.find((a: { criterionKey: string }) => a.criterionKey === 'greeting').value,
    ).toBe(1);
  });

  it('works as a plain form without JavaScript (no player)', async () => {
    const page = await open(false);
    expect(await page.$eval('#replay-player', (el) => (el as HTMLElement).hidden)).toBe(true);
    expect(await page.$$('ol.turns > li.turn')).not.toHaveLength(0);
    await page.click('input[name="value_greeting"][value="0"]');
    await Promise.all([page.waitForNavigation(), page.click('#save-draft')]);
    expect(page.url()).toContain('saved=1');
  });

  it('without JavaScript, an early submit names every unanswered criterion in the page language', async () => {
    // Another evaluator's draft of the call: auto-QA answered what it could, the rest is open.
    const http = await t.client(TEST_USERS.evaluator2);
    const interactionId = (await (await t.client()).get(`/api/evaluations/${evaluationId}`)).body
      .interactionId as number;
    const draft = (
      await http
        .post('/api/evaluations')
        .send({ interactionId, scorecardKey: 'voice-ko' })
        .expect(201)
    ).body as { id: number };
    const page = await (await browser.createBrowserContext()).newPage();
    await page.setJavaScriptEnabled(false);
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'en' });
    await signIn(page, base, TEST_USERS.evaluator2);
    await page.goto(`${base}/evaluations/${draft.id}/edit`);
    const unanswered = await page.$$eval('.criterion:not(:has(input[type=radio]:checked))', (els) =>
      els.map((el) => el.querySelector('.criterion-head strong')!.textContent),
    );
    expect(unanswered.length).toBeGreaterThan(0);
    await Promise.all([page.waitForNavigation(), page.click('#submit-evaluation')]);
    const banner = await page.$eval('#form-error', (el) => el.textContent ?? '');
    expect(banner).toContain('Answer every criterion (or mark it N/A) before submitting. Missing:');
    for (const label of unanswered) expect(banner).toContain(label);
    expect(await page.$$eval('.criterion.has-error', (els) => els.length)).toBe(unanswered.length);
    expect(await page.$eval('.criterion.has-error .field-error', (el) => el.textContent)).toBe(
      'Choose an answer or mark it N/A.',
    );
  });
});
