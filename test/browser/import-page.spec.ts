import { signIn } from '../support/auth';
import * as path from 'path';
import type { Browser, ElementHandle, Page } from 'puppeteer';
import { launchBrowser } from '../support/browser';
import { FIXTURES, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(60_000);

describe('importing transcripts on the page', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'en' });
    await signIn(page, base, TEST_USERS.evaluator);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('uploads several files with a progress display and shows the report per file', async () => {
    await page.goto(`${base}/imports`);
    const input = (await page.$('input[name=files]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(
      path.join(FIXTURES, 'transcripts', 'call-ko.json'),
      path.join(FIXTURES, 'transcripts', 'bad-unknown-speaker.vtt'),
    );
    await page.click('#import-submit');
    await page.waitForSelector('#import-report', { timeout: 20_000 });
    const report = await page.$eval('#import-report', (el) => el.textContent ?? '');
    expect(report).toContain('Imported 1 · skipped 0 · failed 1');
    expect(report).toContain('HB-20261102-0042');
    expect(report).toMatch(/line \d+ · unknown speaker/i);
  });
});
