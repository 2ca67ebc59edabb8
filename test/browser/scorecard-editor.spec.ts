/**
 * An admin edits a scorecard's YAML in Chromium: sync, preview (an error with its path, then
 * the score on samples), publish as v2. The forms carry the CSRF token of the session.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'puppeteer';
import { signIn } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(60_000);

describe('editing a scorecard in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    browser = await launchBrowser();
    page = await (await browser.createBrowserContext()).newPage();
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'ko' });
    await signIn(page, base, TEST_USERS.admin);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const submit = (selector: string) =>
    Promise.all([page.waitForNavigation(), page.click(selector)]);
  const setYaml = (text: string) =>
    page.$eval('#scorecard-yaml', (el, value) => ((el as HTMLTextAreaElement).value = value), text);
  const text = (selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

  it('syncs, previews an error and the sample scores, then publishes v2', async () => {
    await page.goto(`${base}/scorecards`);
    await submit('#scorecards-sync button');
    expect(await text('#sync-results')).toContain('변경 없음');

    await page.goto(`${base}/scorecards/voice-ko`);
    await submit('#edit-yaml');
    const original = await page.$eval('#scorecard-yaml', (el) => (el as HTMLTextAreaElement).value);
    expect(original).toBe(fs.readFileSync(path.join(t.scorecardsDir, 'voice-ko.yaml'), 'utf8'));

    await setYaml(original.replace(/^passingScore: 80$/m, 'passingScore: 180'));
    await submit('#preview-button');
    expect(await text('#preview-error-path')).toBe('passingScore');

    // A broken auto block: the criterion's key, the field and why, all in Korean.
    await setYaml(original.replace("anyOf: ['@empathy']", "anyOf: ['@empathy', '']"));
    await submit('#preview-button');
    expect(await text('#preview-error-path')).toBe('sections[0].criteria[2].auto.anyOf[1]');
    expect(await text('#preview-error-where')).toBe('항목 empathy의 auto.anyOf[1]');
    expect(await text('#preview-error-reason')).toBe('빈 문구는 쓸 수 없습니다 (입력: "")');

    await setYaml(original.replace(/^name: (.*)$/m, 'name: $1 (개정)'));
    await submit('#preview-button');
    expect(await text('#preview-ok tr[data-sample="best"]')).toContain('100%');
    expect(await text('#preview-ok tr[data-sample="best"]')).toContain('합격');

    await submit('#publish-button');
    expect(new URL(page.url()).pathname).toBe('/scorecards/voice-ko');
    expect(await text('#published-notice')).toContain('새 버전');
    expect(await text('h1')).toContain('(개정)');
    expect(await text('h1')).toContain('v2');
    expect(fs.readFileSync(path.join(t.scorecardsDir, 'voice-ko.yaml'), 'utf8')).toContain(
      '(개정)',
    );
  });
});
