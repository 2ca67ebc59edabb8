import { signIn } from '../support/auth';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, ElementHandle, Page } from 'puppeteer';
import { launchBrowser } from '../support/browser';
import { FIXTURES, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(60_000);

describe('a QA manager imports mystery-shopper results on the page', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  const csv = path.join(FIXTURES, 'mystery-shop', 'sample-ko.csv');
  const mapping = path.join(FIXTURES, 'mystery-shop', 'mapping-ko.yaml');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-ms-'));

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
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const upload = async (file: string) => {
    await page.goto(`${base}/mystery-shop`);
    await ((await page.$('input[name=file]')) as ElementHandle<HTMLInputElement>).uploadFile(file);
    await ((await page.$('input[name=mapping]')) as ElementHandle<HTMLInputElement>).uploadFile(
      mapping,
    );
    await Promise.all([page.waitForNavigation(), page.click('#dry-run')]);
  };

  it('shows the rows to fix after the dry run and offers no import', async () => {
    await upload(csv);
    const errors = await page.$$eval('#row-errors tbody tr', (rows) =>
      rows.map((r) => r.textContent ?? ''),
    );
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('value 5 is outside the scale 0-3');
    expect(await page.$('#commit')).toBeNull();
  });

  it('imports a clean file after its dry run, and says how many', async () => {
    const clean = path.join(tmp, 'clean.csv');
    const lines = fs.readFileSync(csv, 'utf8').split('\n');
    fs.writeFileSync(clean, lines.filter((l) => !/^MS-2603-006|^MS-2603-010/.test(l)).join('\n'));
    await upload(clean);
    const toCreate = await page.$$eval('#to-create tbody tr', (rows) => rows.length);
    expect(toCreate).toBeGreaterThan(0);
    await Promise.all([page.waitForNavigation(), page.click('#commit')]);
    expect(await page.$eval('.notice', (el) => el.textContent)).toContain(`Imported ${toCreate}`);
    const rows = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM evaluations WHERE kind = 'mystery_shop'`,
    );
    expect(Number(rows[0].n)).toBe(toCreate);
  });
});
