/**
 * An admin edits a scorecard in the form editor in Chromium (Korean page): changes a weight,
 * adds a criterion and moves it, previews the score on a sample answer, tests the draft on the
 * recent calls, is refused with the criterion and field named (nothing typed lost), then
 * publishes v2 — and the YAML file holds the change.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'puppeteer';
import { AutoQaService } from '../../src/autoqa/autoqa.service';
import { signIn } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { fixture, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(180_000);

describe('the scorecard form editor in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    const evaluator = await t.client(TEST_USERS.evaluator);
    await evaluator
      .post('/api/interactions/import')
      .attach('files', fixture('transcripts', 'call-en.vtt'), 'call-en.vtt')
      .expect(200);
    await t.app.get(AutoQaService).drain();
    browser = await launchBrowser();
    page = await (await browser.createBrowserContext()).newPage();
    page.setDefaultTimeout(60_000);
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'ko' });
    await signIn(page, base, TEST_USERS.admin);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const submit = (selector: string) =>
    Promise.all([page.waitForNavigation(), page.click(selector)]);
  const text = (selector: string) => page.$eval(selector, (el) => el.textContent ?? '');
  const value = (selector: string) => page.$eval(selector, (el) => (el as HTMLInputElement).value);
  const retype = async (selector: string, typed: string) => {
    await page.click(selector, { count: 3 });
    await page.keyboard.press('Backspace');
    await page.type(selector, typed);
  };
  const lastNotes = '[data-section]:nth-of-type(5) [data-criterion]:last-of-type';

  it('edits a weight, adds a criterion, previews, tests on recent calls and publishes v2', async () => {
    await page.goto(`${base}/scorecards/voice-en`);
    await submit('#edit-form');
    expect(new URL(page.url()).pathname).toBe('/scorecards/voice-en/design');

    // A weight, typed.
    const empathyWeight = 'input[name="sections[0][criteria][2][weight]"]';
    expect(await value(empathyWeight)).toBe('0.4');
    await retype(empathyWeight, 'abc');

    // A new criterion at the end of the notes section, then moved one place up.
    const notes = '[data-section]:nth-of-type(5)';
    const before = (await page.$$(`${notes} [data-criterion]`)).length;
    await page.click(`${notes} [data-action="criterion-add"]`);
    expect((await page.$$(`${notes} [data-criterion]`)).length).toBe(before + 1);
    await page.type(`${lastNotes} [data-field="label"]`, 'Next steps logged');
    await page.type(`${lastNotes} [data-field="key"]`, 'next_steps_logged');
    await page.type(`${lastNotes} [data-field="guidance"]`, 'The notes say what happens next.');
    await page.click(`${lastNotes} [data-action="criterion-up"]`);
    const moved = `${notes} [data-criterion]:nth-last-of-type(2)`;
    expect(await value(`${moved} [data-field="key"]`)).toBe('next_steps_logged');
    expect(
      await page.$eval(`${moved} [data-field="key"]`, (el) => (el as HTMLInputElement).name),
    ).toBe(`sections[4][criteria][${before - 1}][key]`);

    // The greeting without its auto block; a sample answer for it.
    await page.$eval('[name="sections[0][criteria][0][auto]"]', (el) => {
      (el as HTMLTextAreaElement).value = '';
    });
    await page.type('[name="sections[0][criteria][0][sample]"]', '1');

    // Publish is refused: the criterion and the field are named in Korean, nothing typed is lost.
    await submit('#form-publish-button');
    expect(new URL(page.url()).pathname).toBe('/scorecards/voice-en/design');
    const problem = await text('#form-problem');
    expect(problem).toContain('가중치');
    expect(problem).toContain('0보다 큰 숫자');
    expect(await text('[data-criterion].has-problem .sc-problem')).toContain('가중치');
    expect(await value(`${moved} [data-field="key"]`)).toBe('next_steps_logged');
    expect(await value('[name="sections[0][criteria][0][sample]"]')).toBe('1');
    expect(fs.readFileSync(path.join(t.scorecardsDir, 'voice-en.yaml'), 'utf8')).not.toContain(
      'next_steps_logged',
    );

    // Preview: the score formula on the one sample answer.
    await retype(empathyWeight, '0.5');
    await submit('#form-preview-button');
    expect(await text('#sample-score strong')).toBe('100%');
    expect(await text('#sample-score')).toContain('합격');

    // Test on recent calls: the greeting's machine answer goes away on the imported call.
    await submit('#form-trial-button');
    expect(await text('#trial')).toContain('1건');
    expect(
      await page.$eval('#trial-criteria tr[data-criterion="greeting"]', (el) =>
        el.getAttribute('data-changed'),
      ),
    ).toBe('1');
    expect(await text('#trial-calls li[data-call] [data-change="greeting"]')).toContain('답 없음');
    expect(
      await page.$eval('#trial-calls li[data-call] a', (el) => el.getAttribute('href')),
    ).toMatch(/^\/interactions\/\d+$/);
    expect(await value(empathyWeight)).toBe('0.5');

    await submit('#form-publish-button');
    expect(new URL(page.url()).pathname).toBe('/scorecards/voice-en');
    expect(await text('#published-notice')).toContain('새 버전');
    expect(await text('h1')).toContain('v2');
    expect(await text('main')).toContain('Next steps logged');
    const file = fs.readFileSync(path.join(t.scorecardsDir, 'voice-en.yaml'), 'utf8');
    expect(file).toContain('key: next_steps_logged');
    expect(file).toMatch(/key: empathy[\s\S]*?weight: 0\.5/);
    expect(errors).toEqual([]);
  });
});
