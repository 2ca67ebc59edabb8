import { signIn } from '../support/auth';
import type { Browser, Page } from 'puppeteer';
import { launchBrowser } from '../support/browser';
import { fixture, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(60_000);

describe('an evaluator scores a call in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let interactionId: number;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    const res = await (
      await t.client()
    )
      .post('/api/interactions/import')
      .attach('files', fixture('transcripts', 'call-ko.json'), 'call-ko.json')
      .expect(200);
    interactionId = res.body.results[0].interactionId;
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'ko-KR,ko;q=0.9' });
    await signIn(page, base, TEST_USERS.evaluator);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const text = (selector: string) => page.$eval(selector, (el) => el.textContent?.trim() ?? '');

  it('opens the call as a replay: speaker lanes, times, agent and notes', async () => {
    await page.goto(`${base}/interactions`);
    await Promise.all([page.waitForNavigation(), page.click('a[href^="/interactions/"]')]);
    expect(page.url()).toBe(`${base}/interactions/${interactionId}`);
    expect(await text('.meta')).toContain('김민지');
    expect(await text('.notes')).toContain('해외 데이터');
    const turns = await page.$$eval('.turn', (els) =>
      els.map((el) => ({ cls: el.className, time: el.querySelector('.time')?.textContent })),
    );
    expect(turns.length).toBeGreaterThan(10);
    expect(turns.some((t) => t.cls.includes('speaker-agent'))).toBe(true);
    expect(turns.some((t) => t.cls.includes('speaker-customer'))).toBe(true);
    expect(turns[0].time).toBe('00:00');
  });

  it('saves a draft and keeps the answers', async () => {
    await Promise.all([page.waitForNavigation(), page.click('#score-call')]);
    expect(page.url()).toMatch(/\/evaluations\/\d+\/edit$/);
    await page.click('input[name="value_greeting"][value="1"]');
    await page.type('textarea[name="comment_greeting"]', '회사명과 본인 이름을 모두 안내함');
    await page.select('select[name="turn_greeting"]', '1');
    // Saved in place (no reload); the answers are on the server and stay after a reload.
    await page.click('#save-draft');
    await page.waitForSelector('#save-status.saved');
    expect(await text('#save-status')).toContain('저장됨');
    await page.reload();
    expect(await page.$eval('input[name="value_greeting"][value="1"]', (el) => el.checked)).toBe(
      true,
    );
    expect(await page.$eval('textarea[name="comment_greeting"]', (el) => el.value)).toContain(
      '본인 이름',
    );
  });

  it('names the missing criteria when submitted too early, in the page, without losing input', async () => {
    const posts: string[] = [];
    const onRequest = (r: { method(): string; url(): string }) => {
      if (r.method() === 'POST') posts.push(r.url());
    };
    page.on('request', onRequest);
    await page.click('#submit-evaluation');
    await page.waitForSelector('#missing-criteria:not([hidden])');
    page.off('request', onRequest);
    const unanswered = await page.$$eval('.criterion:not(:has(input[type=radio]:checked))', (els) =>
      els.map((el) => el.querySelector('.criterion-head strong')!.textContent),
    );
    expect(unanswered.length).toBeGreaterThan(0);
    const message = await text('#missing-criteria');
    expect(message).toContain('남은 항목');
    for (const label of unanswered) expect(message).toContain(label);
    expect(await page.$$eval('.criterion.has-error', (els) => els.length)).toBe(unanswered.length);
    expect(posts).toEqual([]);
    expect(page.url()).toMatch(/\/edit$/);
    expect(await page.$eval('input[name="value_greeting"][value="1"]', (el) => el.checked)).toBe(
      true,
    );
  });

  it('fills the form, submits, and reads the score on the evaluation page', async () => {
    // The best value of every criterion, except one "no" in the notes section.
    await page.$$eval('.scale', (groups) => {
      for (const group of groups) {
        const radios = [...group.querySelectorAll('input[type=radio]')] as HTMLInputElement[];
        const values = radios.filter((r) => r.value !== 'na');
        const best = values.reduce((a, b) => (Number(b.value) > Number(a.value) ? b : a));
        best.click();
      }
    });
    await page.click('input[name="value_notes_quality"][value="0"]');
    await page.type('textarea[name="comment_notes_quality"]', '메모에 처리 결과 시각이 없음');
    await Promise.all([page.waitForNavigation(), page.click('#submit-evaluation')]);
    expect(page.url()).toMatch(/\/evaluations\/\d+$/);

    const evaluationId = Number(page.url().split('/').pop());
    const stored = (await (await t.client()).get(`/api/evaluations/${evaluationId}`)).body;
    expect(stored.status).toBe('submitted');
    // The page shows the score the server computed, with pass/fail and who scored it.
    expect(await text('#overall-score')).toContain(`${stored.overallScore.toFixed(1)}%`);
    expect(stored.overallScore).toBeLessThan(100);
    expect(await text('#pass-fail')).toBe(stored.passed ? '합격' : '불합격');
    expect(await text('#scored-by')).toContain('박평가');
    expect(await text('#answer-notes_quality')).toContain('메모에 처리 결과 시각이 없음');
    expect(await text('#answer-greeting')).toContain('@00:');
  });

  it('switches the page to English', async () => {
    await Promise.all([page.waitForNavigation(), page.click('header .lang')]);
    expect(await text('#scored-by')).toContain('Scored by');
  });
});
