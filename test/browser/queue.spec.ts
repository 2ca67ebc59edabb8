/**
 * The evaluator's day in Chromium: sign in, open the work queue (due dates, the overdue one
 * marked), press "start next" and land on the scoring form of the call due first.
 */
import type { Browser, Page } from 'puppeteer';
import { QueueItem } from '../../src/queue/entities/queue-item.entity';
import { SamplingService } from '../../src/queue/sampling.service';
import { User } from '../../src/users/entities/user.entity';
import { signIn } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { testCall } from '../support/people';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(90_000);

const DAY_MS = 24 * 3600 * 1000;

describe('an evaluator works through the queue in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  const ids = new Map<string, number>();

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    const evaluator = await t.client(TEST_USERS.evaluator);
    const agent = { externalId: 'W-001', name: '이서연', team: 'Omega' };
    const req = evaluator.post('/api/interactions/import');
    for (const [id, queue] of [
      ['LATER-1', 'later'],
      ['SOON-1', 'soon'],
      ['MIDDLE-1', 'middle'],
    ]) {
      req.attach(
        'files',
        Buffer.from(JSON.stringify({ ...testCall(id, agent), queue })),
        `${id}.json`,
      );
    }
    for (const r of (await req.expect(200)).body.results) ids.set(r.externalId, r.interactionId);
    // One evaluator on duty, so every call is theirs.
    await t.dataSource
      .getRepository(User)
      .update({ email: TEST_USERS.evaluator2 }, { active: false });
    const admin = await t.client(TEST_USERS.admin);
    for (const [queue, dueDays] of [
      ['later', 9],
      ['soon', 2],
      ['middle', 5],
    ] as const) {
      await admin
        .post('/api/queue/rules')
        .send({ name: `Queue ${queue}`, kind: 'queue', params: { queue }, dueDays })
        .expect(201);
    }
    await t.app.get(SamplingService).sample(new Date());
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'en' });
    await signIn(page, base, TEST_USERS.evaluator);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const setDue = (call: string, days: number) =>
    t.dataSource
      .getRepository(QueueItem)
      .update({ interactionId: ids.get(call) }, { dueAt: new Date(Date.now() + days * DAY_MS) });

  const rows = () =>
    page.$$eval('#queue tbody tr', (trs) =>
      trs.map((tr) => ({
        call: tr.querySelector('td a')?.textContent?.trim(),
        due: tr.querySelector('td.due time')?.textContent?.trim(),
        dueIso: tr.querySelector('td.due time')?.getAttribute('datetime'),
        status: tr.querySelector('.queue-status')?.textContent?.trim(),
        overdue: tr.classList.contains('is-overdue'),
        start: !!tr.querySelector('button.start'),
      })),
    );

  it('shows my queue by due date, with the due dates and a start button on each call', async () => {
    await page.goto(`${base}/interactions`);
    await Promise.all([page.waitForNavigation(), page.click('header.top nav a[href="/queue"]')]);
    expect(new URL(page.url()).pathname).toBe('/queue');
    const listed = await rows();
    expect(listed.map((r) => r.call)).toEqual(['SOON-1', 'MIDDLE-1', 'LATER-1']);
    for (const [i, days] of [2, 5, 9].entries()) {
      const due = new Date(listed[i].dueIso!).getTime() - Date.now();
      expect(Math.round(due / DAY_MS)).toBe(days);
      expect(listed[i].due).toMatch(/2026|2027/);
    }
    expect(listed.every((r) => r.status === 'Open' && r.start && !r.overdue)).toBe(true);
  });

  it('marks an overdue call', async () => {
    await setDue('LATER-1', -1);
    await page.reload();
    const listed = await rows();
    expect(listed[0]).toMatchObject({ call: 'LATER-1', overdue: true });
    expect(await page.$eval('#queue tbody tr .overdue-tag', (el) => el.textContent)).toBe(
      'overdue',
    );
    await setDue('LATER-1', 9);
  });

  it('"start next" opens the scoring form of the call due first, in one click', async () => {
    await page.goto(`${base}/queue`);
    await Promise.all([page.waitForNavigation(), page.click('#start-next')]);
    expect(new URL(page.url()).pathname).toMatch(/^\/evaluations\/\d+\/edit$/);
    expect(await page.$eval('nav.crumbs', (el) => el.textContent)).toContain('SOON-1');
    expect(await page.$('#scoring-form')).not.toBeNull();
    await page.goto(`${base}/queue`);
    const listed = await rows();
    expect(listed[0]).toMatchObject({ call: 'SOON-1', status: 'In progress', start: false });
    expect(await page.$('#queue tbody tr a.continue')).not.toBeNull();
  });

  it('lets an admin add a rule, showing only the fields its kind takes', async () => {
    const admin = await (await browser.createBrowserContext()).newPage();
    await admin.setExtraHTTPHeaders({ 'Accept-Language': 'en' });
    await signIn(admin, base, TEST_USERS.admin);
    await admin.goto(`${base}/queue/rules`);
    expect(await admin.$$eval('#rules tbody tr[id^="rule-"]', (trs) => trs.length)).toBe(3);
    await admin.$eval('#new-rule', (el) => el.setAttribute('open', ''));
    const shown = () =>
      admin.$$eval('#new-rule-form [data-kinds]', (labels) =>
        labels
          .filter((l) => !(l as HTMLElement).hidden)
          .map((l) => l.querySelector('input, select')?.getAttribute('name')),
      );
    expect(await shown()).toEqual(['perWeek']);
    await admin.select('#new-rule-form select[name="kind"]', 'low_csat');
    expect(await shown()).toEqual(['maxCsat']);
    await admin.type('#new-rule-form input[name="name"]', 'Unhappy customers');
    await admin.type('#new-rule-form input[name="maxCsat"]', '2');
    await Promise.all([
      admin.waitForNavigation(),
      admin.click('#new-rule-form button[type=submit]'),
    ]);
    expect(await admin.$eval('#rules', (el) => el.textContent)).toContain('CSAT ≤ 2');
    expect(await admin.$eval('#rules', (el) => el.textContent)).toContain('Unhappy customers');
  });
});
