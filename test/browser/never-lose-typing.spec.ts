/**
 * Nothing typed is lost, in Chromium: "start next" resumes the open draft instead of taking new
 * work; the scoring page shows the call (agent, team, date, queue, channel, duration, CSAT,
 * notes) and how many criteria are unanswered; Save draft keeps the replay's time, speed and
 * scroll; autosave survives a network failure and says when it saved; leaving with unsaved text
 * asks first.
 */
import type { Browser, HTTPRequest, Page } from 'puppeteer';
import { QueueItem } from '../../src/queue/entities/queue-item.entity';
import { SamplingService } from '../../src/queue/sampling.service';
import { User } from '../../src/users/entities/user.entity';
import { signIn } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { testCall } from '../support/people';
import { fixture, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(120_000);

type Replay = { seek(ms: number): void; pause(): void; currentMs(): number };

describe('never lose typing: drafts, autosave and the leave warning', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let evaluationId: number;
  /** While true, the page's saves fail as if the network were down. */
  let offline = false;
  const dialogs: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    const evaluator = await t.client(TEST_USERS.evaluator);
    // The fixture call first (it has notes, a queue and a CSAT), then two more of its queue.
    await evaluator
      .post('/api/interactions/import')
      .attach('files', fixture('transcripts', 'call-ko.json'), 'call-ko.json')
      .expect(200);
    const agent = { externalId: 'A-017', name: '김민지', team: '요금상담 1팀' };
    for (const id of ['NEXT-1', 'NEXT-2']) {
      await evaluator
        .post('/api/interactions/import')
        .attach(
          'files',
          Buffer.from(JSON.stringify({ ...testCall(id, agent), queue: 'billing' })),
          `${id}.json`,
        )
        .expect(200);
    }
    // One evaluator on duty: every queued call is theirs.
    await t.dataSource
      .getRepository(User)
      .update({ email: TEST_USERS.evaluator2 }, { active: false });
    await (
      await t.client(TEST_USERS.admin)
    )
      .post('/api/queue/rules')
      .send({ name: 'Billing', kind: 'queue', params: { queue: 'billing' }, dueDays: 3 })
      .expect(201);
    await t.app.get(SamplingService).sample(new Date());

    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'ko-KR,ko;q=0.9' });
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const url = request.url();
      // The recording lives elsewhere: the replay runs on its own clock.
      if (!url.startsWith(base)) return void request.abort('failed');
      if (offline && request.method() === 'PATCH' && url.includes('/api/evaluations/')) {
        return void request.abort('internetdisconnected');
      }
      return void request.continue();
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await signIn(page, base, TEST_USERS.evaluator);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const text = (selector: string) =>
    page.$eval(selector, (el) => (el as HTMLElement).innerText.trim());
  const stored = async () =>
    (await (await t.client()).get(`/api/evaluations/${evaluationId}`).expect(200)).body as {
      version: number;
      answers: { criterionKey: string; value: number | null; comment: string | null }[];
    };
  const startNext = async () => {
    await page.goto(`${base}/queue`);
    await Promise.all([page.waitForNavigation(), page.click('#start-next')]);
    return page.url();
  };

  it('"start next" resumes my open draft instead of taking a new call', async () => {
    const first = await startNext();
    expect(first).toMatch(/\/evaluations\/\d+\/edit$/);
    evaluationId = Number(first.split('/').at(-2));
    // Again, and again: the same draft, no new call taken.
    expect(await startNext()).toBe(first);
    expect(await startNext()).toBe(first);
    const items = await t.dataSource.getRepository(QueueItem).find();
    expect(items.filter((i) => i.status === 'in_progress')).toHaveLength(1);
    expect(items.filter((i) => i.status === 'open')).toHaveLength(2);
  });

  it('shows the call above the scorecard and counts the unanswered criteria', async () => {
    expect(await text('#call-agent')).toContain('김민지');
    expect(await text('#call-team')).toBe('요금상담 1팀');
    expect(await text('#call-queue')).toBe('billing');
    expect(await text('#call-channel')).toBe('음성');
    expect(await text('#call-csat')).toBe('5');
    expect(await text('#call-duration')).toMatch(/^\d{2}:\d{2}$/);
    expect(await text('#call-date')).toContain('2026. 11. 2.');
    expect(await text('#call-notes')).toContain('해외 데이터 차단');
    // Auto-QA pre-filled what it could; the rest is open: no percentage, the count of it.
    const open = await page.$$eval('.criterion:not(:has(input[type=radio]:checked))', (els) =>
      els.map((el) => el.id.replace(/^criterion-/, '')),
    );
    expect(open.length).toBeGreaterThan(1);
    expect(await text('#unanswered-count')).toBe(`미응답 항목 ${open.length}개`);
    expect(await text('#live-score')).toBe('총점: –');
    expect(await text('#overall-score')).not.toMatch(/\d%/);
    await page.click(`input[name="value_${open[0]}"]`);
    expect(await text('#unanswered-count')).toBe(`미응답 항목 ${open.length - 1}개`);
    expect(await text('#live-score')).toBe('총점: –');
    // The bar stays in view at the bottom of a long scorecard.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const bar = await page.$eval('#score-bar', (el) => el.getBoundingClientRect().top);
    expect(bar).toBeGreaterThanOrEqual(0);
    expect(bar).toBeLessThan(50);
    await page.waitForSelector('#save-status.saved');
  });

  it('Save draft keeps the replay where it was: time, speed and scroll', async () => {
    await page.waitForSelector('#replay-player:not([hidden])');
    await page.click('.player-rates [data-rate="2"]');
    await page.click('input[name="value_notes_quality"][value="0"]');
    await page.evaluate(() => {
      const replay = (window as unknown as { qaReplay: Replay }).qaReplay;
      replay.seek(20_000);
      replay.pause();
      (window as unknown as { marker: string }).marker = 'same page';
      window.scrollTo(0, 400);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await page.evaluate(() => {
      document.querySelector('.transcript')!.scrollTop = 120;
    });
    const before = await page.evaluate(() => ({
      ms: (window as unknown as { qaReplay: Replay }).qaReplay.currentMs(),
      y: window.scrollY,
      transcript: document.querySelector('.transcript')!.scrollTop,
    }));
    expect(before.transcript).toBe(120);
    await page.click('#save-draft');
    await page.waitForFunction(
      () => document.getElementById('save-status')!.className.includes('saved'),
      { timeout: 10_000 },
    );
    const after = await page.evaluate(() => ({
      marker: (window as unknown as { marker?: string }).marker,
      ms: (window as unknown as { qaReplay: Replay }).qaReplay.currentMs(),
      y: window.scrollY,
      transcript: document.querySelector('.transcript')!.scrollTop,
      rate: document
        .querySelector('.player-rates [aria-pressed="true"]')!
        .getAttribute('data-rate'),
    }));
    expect(after).toEqual({ ...before, marker: 'same page', rate: '2' });
    expect(before.ms).toBe(20_000);
    const saved = await stored();
    expect(saved.answers.find((a) => a.criterionKey === 'notes_quality')?.value).toBe(0);
  });

  it('autosaves after a network failure, says so while it fails, and tells when it saved', async () => {
    offline = true;
    await page.type('textarea[name="comment_notes_quality"]', '처리 결과가 메모에 없음');
    // Read while it fails (a keystroke still being delivered on a busy machine may show
    // "unsaved" for a moment between two failed tries).
    await page.waitForFunction(
      () =>
        document.getElementById('save-status')!.className.includes('failed') &&
        /저장하지 못했습니다. \d+초 후 다시 시도합니다./.test(
          document.getElementById('save-status')!.textContent ?? '',
        ),
      { timeout: 20_000 },
    );
    expect((await stored()).answers.find((a) => a.criterionKey === 'notes_quality')?.comment).toBe(
      null,
    );
    // The network is back: the retry saves it, with no click.
    offline = false;
    await page.waitForSelector('#save-status.saved', { timeout: 20_000 });
    expect((await stored()).answers.find((a) => a.criterionKey === 'notes_quality')?.comment).toBe(
      '처리 결과가 메모에 없음',
    );
    await page.waitForFunction(
      () => /\d+초 전 저장됨/.test(document.getElementById('save-status')!.textContent ?? ''),
      { timeout: 10_000 },
    );
  });

  it('asks before leaving with unsaved text, and not once it is saved', async () => {
    offline = true;
    await page.type('textarea[name="comment_greeting"]', '회사명 안내');
    await page.click('a.brand');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(dialogs).toEqual(['beforeunload']);
    expect(page.url()).toBe(`${base}/evaluations/${evaluationId}/edit`);
    expect(await page.$eval('textarea[name="comment_greeting"]', (el) => el.value)).toBe(
      '회사명 안내',
    );
    offline = false;
    await page.waitForSelector('#save-status.saved', { timeout: 20_000 });
    await Promise.all([page.waitForNavigation(), page.click('a.brand')]);
    expect(dialogs).toEqual(['beforeunload']);
    expect((await stored()).answers.find((a) => a.criterionKey === 'greeting')?.comment).toBe(
      '회사명 안내',
    );
  });
});
