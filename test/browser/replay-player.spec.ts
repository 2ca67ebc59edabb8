import * as http from 'http';
import type { AddressInfo } from 'net';
import type { Browser, CDPSession, Page } from 'puppeteer';
import { AutoQaService } from '../../src/autoqa/autoqa.service';
import { EvaluationAnswer } from '../../src/evaluations/entities/evaluation-answer.entity';
import { Evaluation } from '../../src/evaluations/entities/evaluation.entity';
import { ImportService } from '../../src/imports/import.service';
import { ReplayViews } from '../../src/evaluations/replay-views';
import { ScorecardVersion } from '../../src/scorecards/entities/scorecard-version.entity';
import { User } from '../../src/users/entities/user.entity';
import { signIn } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** The policy these pages are served with in production. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' https: http: blob:",
].join('; ');

const EVALUATOR = 'evaluator@demo.local';
const TURNS = 1500;
const STEP_MS = 3600;
const SILENCE_AFTER = 700; // a 20 s unannounced silence after this turn
const FORBIDDEN_TURN = 300; // "규정상 안 됩니다" with no alternative offered
const RUDE_TURN = 900; // "아까 말씀드렸잖아요"
const INTERRUPTED_TURN = 1101; // the agent starts 1 s before this customer turn ends
const SEARCH_TURNS = [121, 821, 1421]; // the customer says "환불계좌"
const COMMENT_TURN = 450;

function startOf(i: number): number {
  const start = i * STEP_MS + (i > SILENCE_AFTER ? 20_000 : 0);
  return i === INTERRUPTED_TURN + 1 ? startOf(INTERRUPTED_TURN) + 2000 : start;
}

/** A 90-minute Korean call of 1,500 turns, with known findings for auto-QA. */
function longCall(externalId: string, recordingUrl?: string, turns = TURNS) {
  const text = (i: number): string => {
    if (i === 0) return '안녕하세요, 한빛통신 고객센터 상담사 김민지입니다. 무엇을 도와드릴까요?';
    if (i === FORBIDDEN_TURN) return '그건 규정상 안 됩니다.';
    if (i === RUDE_TURN) return '그 부분은 아까 말씀드렸잖아요.';
    if (i === 500) return 'Refund 관련해서 한 번 더 여쭤볼게요.';
    if (SEARCH_TURNS.includes(i)) return `제 환불계좌로 넣어 주실 수 있나요? (${i})`;
    if (i === INTERRUPTED_TURN + 1) return '요금 변경 내용을 지금 바로 자세하게 설명드리겠습니다.';
    return i % 2 === 0
      ? `요금제 안내를 계속 이어서 드리겠습니다. 항목 ${i}번입니다.`
      : `네, 알겠습니다. 항목 ${i}번도 설명 부탁드려요.`;
  };
  return {
    externalId,
    source: 'replay-test',
    channel: 'voice',
    language: 'ko',
    agent: { externalId: 'A-900', name: '김민지' },
    startedAt: '2026-11-20T10:00:00+09:00',
    ...(recordingUrl ? { recordingUrl } : {}),
    turns: Array.from({ length: turns }, (_, i) => ({
      speaker: i % 2 === 0 ? 'agent' : 'customer',
      startMs: startOf(i),
      endMs: startOf(i) + 3000,
      text: text(i),
    })),
  };
}

async function importCall(t: TestApp, call: object): Promise<number> {
  const [outcome] = await t.app.get(ImportService).importFile({
    name: 'long-call.json',
    bytes: Buffer.from(JSON.stringify(call)),
  });
  if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
  await t.app.get(AutoQaService).drain();
  return outcome.interactionId;
}

/** Serves this page's responses with the strict policy, as production will. */
async function enforceCsp(page: Page): Promise<CDPSession> {
  const cdp = await page.createCDPSession();
  await cdp.send('Fetch.enable', {
    patterns: [
      { urlPattern: '*/interactions/*', resourceType: 'Document', requestStage: 'Response' },
    ],
  });
  cdp.on('Fetch.requestPaused', (e) => {
    // Replaces any policy the app sent; the body is passed on as it came.
    const headers = (e.responseHeaders ?? []).filter(
      (h) => !/^(content-security-policy|content-length|transfer-encoding)$/i.test(h.name),
    );
    headers.push({ name: 'Content-Security-Policy', value: CSP });
    void cdp
      .send('Fetch.getResponseBody', { requestId: e.requestId })
      .then(({ body, base64Encoded }) =>
        cdp.send('Fetch.fulfillRequest', {
          requestId: e.requestId,
          responseCode: e.responseStatusCode ?? 200,
          responseHeaders: headers,
          body: base64Encoded ? body : Buffer.from(body).toString('base64'),
        }),
      )
      .catch(() => cdp.send('Fetch.continueRequest', { requestId: e.requestId }));
  });
  await page.evaluateOnNewDocument(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return cdp;
}

/** "1:02:03" or "4:05" → seconds. */
function seconds(label: string): number {
  return label.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

describe('replaying a 90-minute call in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let interactionId: number;
  let commentEvaluationId: number;
  let commentAuthor: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    interactionId = await importCall(t, longCall('REPLAY-LONG-1'));
    ({ id: commentEvaluationId, author: commentAuthor } = await addComment(
      t,
      interactionId,
      COMMENT_TURN,
    ));
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'ko-KR,ko;q=0.9' });
    await signIn(page, base, EVALUATOR);
    await enforceCsp(page);
    await page.goto(`${base}/interactions/${interactionId}`);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const text = (selector: string) => page.$eval(selector, (el) => el.textContent?.trim() ?? '');
  const currentTurn = () =>
    page.$$eval('li.turn.is-current', (els) =>
      els.map((el) => ({ id: el.id, current: el.getAttribute('aria-current') })),
    );
  const elapsed = async () => seconds(await text('#player-elapsed'));
  const inView = (id: string) =>
    page.$eval(`#${id}`, (el) => {
      const box = el.closest('.transcript')!.getBoundingClientRect();
      const head = el.closest('.transcript')!.querySelector('.transcript-head')!;
      const r = el.getBoundingClientRect();
      return (
        r.top >= box.top + head.getBoundingClientRect().height - 1 && r.bottom <= box.bottom + 1
      );
    });
  const blur = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  it('shows the player, under the strict content security policy, with the call length', async () => {
    expect(await page.$eval('#replay-player', (el) => (el as HTMLElement).hidden)).toBe(false);
    expect(await page.$$eval('li.turn', (els) => els.length)).toBe(TURNS);
    expect(await text('#player-elapsed')).toBe('0:00');
    expect(await text('#player-total')).toBe('1:30:19');
    expect(await currentTurn()).toEqual([{ id: 'turn-0', current: 'time' }]);
    const violations = () =>
      page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(await violations()).toEqual([]);
    // The policy is really on: inline code is refused.
    const ranInline = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.ranInline = true';
      document.body.appendChild(script);
      return (window as unknown as { ranInline?: boolean }).ranInline ?? false;
    });
    expect(ranInline).toBe(false);
    await page.waitForFunction(() =>
      (window as unknown as { cspViolations: string[] }).cspViolations.some((v) =>
        v.startsWith('script-src'),
      ),
    );
  });

  it('plays: the time advances and the highlighted turn moves on', async () => {
    await page.click('#player-play');
    expect(await page.$eval('#player-play', (el) => el.getAttribute('aria-label'))).toBe(
      '일시정지',
    );
    await page.waitForSelector('#turn-1.is-current', { timeout: 10_000 });
    expect(await elapsed()).toBeGreaterThanOrEqual(3);
    expect(await page.$('#turn-0.is-current')).toBeNull();
  });

  it('plays four times as fast at 4×', async () => {
    await page.click('[data-rate="4"]');
    expect(await page.$eval('[data-rate="4"]', (el) => el.getAttribute('aria-pressed'))).toBe(
      'true',
    );
    expect(await page.$eval('[data-rate="1"]', (el) => el.getAttribute('aria-pressed'))).toBe(
      'false',
    );
    const from = await elapsed();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const advanced = (await elapsed()) - from;
    expect(advanced).toBeGreaterThanOrEqual(6);
    expect(advanced).toBeLessThanOrEqual(10);
  });

  it('leaves the transcript where the user scrolled it for a few seconds', async () => {
    // At 4× a turn starts every 0.9 s; after the user scrolls away, playback must not pull back.
    const transcript = (await page.$('.transcript'))!;
    const box = (await transcript.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel({ deltaY: 4000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const scrolled = await page.$eval('.transcript', (el) => el.scrollTop);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await page.$eval('.transcript', (el) => el.scrollTop)).toBe(scrolled);
    // ... and after the grace period it follows the playback again.
    await page.waitForFunction(
      () => {
        const el = document.querySelector('li.turn.is-current')!;
        const box = el.closest('.transcript')!.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return r.top >= box.top && r.bottom <= box.bottom;
      },
      { timeout: 5000 },
    );
    await page.click('#player-play'); // pause
    expect(await page.$eval('#player-play', (el) => el.getAttribute('aria-label'))).toBe('재생');
  });

  it('marks what auto-QA found and the comments, and a mark seeks to its moment', async () => {
    const marks = await page.$$eval('.marker', (els) =>
      els.map((el) => ({
        kind: el.getAttribute('data-kind'),
        ms: Number(el.getAttribute('data-seek-ms')),
        title: el.getAttribute('title') ?? '',
      })),
    );
    const forbidden = marks.find((m) => m.ms === startOf(FORBIDDEN_TURN) && m.kind === 'forbidden');
    expect(forbidden).toBeDefined();
    expect(forbidden!.title).toContain('긍정적 표현');
    expect(forbidden!.title).toContain('규정상 안 됩니다');
    expect(marks).toContainEqual(
      expect.objectContaining({ kind: 'forbidden', ms: startOf(RUDE_TURN) }),
    );
    // The same refusal is where options_offered failed (one refusal, no alternative): auto-QA's
    // answer quotes the turn that made it apply, and the player marks it there too.
    const noOptions = marks.find((m) => m.ms === startOf(FORBIDDEN_TURN) && m.kind === 'finding');
    expect(noOptions?.title).toContain('선택지 제시');
    expect(marks).toContainEqual(
      expect.objectContaining({ kind: 'silence', ms: startOf(SILENCE_AFTER) + 3000 }),
    );
    expect(marks).toContainEqual(
      expect.objectContaining({ kind: 'interruption', ms: startOf(INTERRUPTED_TURN + 1) }),
    );
    const comment = marks.find((m) => m.kind === 'comment');
    expect(comment).toMatchObject({ ms: startOf(COMMENT_TURN) });
    // The comment went through the page's JSON block intact, markup and all.
    expect(comment!.title).toContain('고객 말을 끝까지 듣지 않음 </script><b>x</b>');
    expect(comment!.title).toContain('말 끊지 않기'); // the criterion
    expect(comment!.title).toContain(`(${commentAuthor})`); // who said it
    expect(
      await page.$$eval('.player-legend li', (els) => els.map((el) => el.textContent)),
    ).toEqual(expect.arrayContaining(['금지 표현', '긴 침묵', '말 끊기', '평가자 코멘트']));

    await page.click(`.marker[data-seek-ms="${startOf(FORBIDDEN_TURN)}"]`);
    expect(await currentTurn()).toEqual([{ id: `turn-${FORBIDDEN_TURN}`, current: 'time' }]);
    expect(await text('#player-elapsed')).toBe('18:00');
    expect(await inView(`turn-${FORBIDDEN_TURN}`)).toBe(true);
  });

  it('seeks with a turn time and with any [data-seek-ms] element', async () => {
    await page.click(`#turn-${RUDE_TURN} .time`);
    expect(await currentTurn()).toEqual([{ id: `turn-${RUDE_TURN}`, current: 'time' }]);
    expect(page.url()).toBe(`${base}/interactions/${interactionId}`);
    await page.evaluate((ms) => {
      const b = document.createElement('button');
      b.id = 'outside';
      b.setAttribute('data-seek-ms', String(ms));
      b.textContent = 'go';
      document.querySelector('.meta')!.appendChild(b);
    }, startOf(FORBIDDEN_TURN));
    await page.click('#outside');
    expect(await currentTurn()).toEqual([{ id: `turn-${FORBIDDEN_TURN}`, current: 'time' }]);
    expect(
      await page.evaluate(() =>
        (window as unknown as { qaReplay: { currentMs(): number } }).qaReplay.currentMs(),
      ),
    ).toBe(startOf(FORBIDDEN_TURN));
  });

  it('moves turn by turn with j and k, and 5 s with the arrow keys', async () => {
    await blur();
    await page.keyboard.press('j');
    expect(await currentTurn()).toEqual([{ id: `turn-${FORBIDDEN_TURN + 1}`, current: 'time' }]);
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    expect(await currentTurn()).toEqual([{ id: `turn-${FORBIDDEN_TURN - 1}`, current: 'time' }]);
    expect(await text('#player-elapsed')).toBe('17:56');
    await page.keyboard.press('ArrowRight');
    expect(await text('#player-elapsed')).toBe('18:01');
    await page.keyboard.press('ArrowLeft');
    expect(await text('#player-elapsed')).toBe('17:56');
  });

  it('finds words in the transcript and seeks to the next and previous match', async () => {
    await page.type('#player-search', '환불계좌');
    await page.waitForFunction(
      () => document.querySelector('#player-search-count')?.textContent === '– / 3',
    );
    expect(await page.$$eval('li.turn.is-match', (els) => els.map((el) => el.id))).toEqual(
      SEARCH_TURNS.map((i) => `turn-${i}`),
    );
    expect(await text(`#turn-${SEARCH_TURNS[0]} mark`)).toBe('환불계좌');
    // The first match after the current turn (299) is the second one.
    await page.click('#player-search-next');
    expect(await text('#player-search-count')).toBe('2 / 3');
    expect(await currentTurn()).toEqual([{ id: `turn-${SEARCH_TURNS[1]}`, current: 'time' }]);
    expect(await inView(`turn-${SEARCH_TURNS[1]}`)).toBe(true);
    await page.click('#player-search-next');
    expect(await text('#player-search-count')).toBe('3 / 3');
    expect(await currentTurn()).toEqual([{ id: `turn-${SEARCH_TURNS[2]}`, current: 'time' }]);
    await page.click('#player-search-prev');
    expect(await text('#player-search-count')).toBe('2 / 3');
    expect(await currentTurn()).toEqual([{ id: `turn-${SEARCH_TURNS[1]}`, current: 'time' }]);
    // Keys typed into the search box are words, not player commands.
    expect(await page.$eval('#player-play', (el) => el.getAttribute('aria-label'))).toBe('재생');

    // Case-insensitive, and clearing the box clears the highlights.
    await page.click('#player-search', { clickCount: 3 });
    await page.type('#player-search', 'REFUND');
    await page.waitForFunction(
      () => document.querySelector('#player-search-count')?.textContent === '– / 1',
    );
    expect(await text('#turn-500 mark')).toBe('Refund');
    await page.keyboard.press('Escape');
    expect(await page.$$('li.turn.is-match')).toHaveLength(0);
    expect(await text('#turn-500 .text')).toBe('Refund 관련해서 한 번 더 여쭤볼게요.');
  });

  it('plays and pauses with the space bar, also right after a click on a mark', async () => {
    await page.click(`.marker[data-seek-ms="${startOf(FORBIDDEN_TURN)}"]`);
    await page.keyboard.press('Space');
    expect(await page.$eval('#player-play', (el) => el.getAttribute('aria-label'))).toBe(
      '일시정지',
    );
    const from = await text('#player-elapsed');
    await page.waitForFunction(
      (label) => document.querySelector('#player-elapsed')?.textContent !== label,
      { timeout: 5000 },
      from,
    );
    await page.keyboard.press('Space');
    expect(await page.$eval('#player-play', (el) => el.getAttribute('aria-label'))).toBe('재생');
    const stopped = await text('#player-elapsed');
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await text('#player-elapsed')).toBe(stopped);
  });

  it('still shows the whole transcript without JavaScript, and no player', async () => {
    const plain = await browser.newPage();
    await plain.setJavaScriptEnabled(false);
    await plain.goto(`${base}/interactions/${interactionId}`);
    expect(await plain.$$eval('li.turn', (els) => els.length)).toBe(TURNS);
    expect(await plain.$eval('#replay-player', (el) => el.hasAttribute('hidden'))).toBe(true);
    expect(await plain.$eval('#replay-player', (el) => (el as HTMLElement).offsetHeight)).toBe(0);
    await plain.close();
  });

  it('gives marks only from the evaluations it is told the user may see', async () => {
    const all = await page.evaluate(() => document.querySelectorAll('.marker').length);
    const auto = await t.dataSource
      .getRepository(Evaluation)
      .findOneByOrFail({ interactionId, kind: 'auto' });
    const replay = t.app.get(ReplayViews);
    const onlyAuto = await replay.markers(interactionId, [auto.id]);
    expect(onlyAuto.some((m) => m.kind === 'comment')).toBe(false);
    expect(onlyAuto).toHaveLength(all - 1);
    const onlyComment = await replay.markers(interactionId, [commentEvaluationId]);
    expect(onlyComment.map((m) => m.kind)).toEqual(['comment']);
    expect(await replay.markers(interactionId, [])).toEqual([]);
    // An id of another interaction's evaluation gives nothing here.
    expect(await replay.markers(interactionId + 1, [auto.id])).toEqual([]);
  });
});

describe('replaying a call with its recording', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let server: http.Server;

  beforeAll(async () => {
    server = await serveSilence(60);
    const { port } = server.address() as AddressInfo;
    t = await startTestApp({ AUTOQA: 'off' });
    await t.app.listen(0, '127.0.0.1');
    const base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    const id = await importCall(
      t,
      longCall('REPLAY-AUDIO-1', `http://127.0.0.1:${port}/call.wav`, 16),
    );
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'en' });
    await signIn(page, base, EVALUATOR);
    // No policy swap here: Chromium loads no media at all into a document that DevTools'
    // Fetch domain fulfilled (seen with 156), with or without the header.
    await page.goto(`${base}/interactions/${id}`);
    await page.waitForFunction(
      () => (document.querySelector('#replay-audio') as HTMLAudioElement).readyState >= 1,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const audio = () =>
    page.$eval('#replay-audio', (el) => {
      const a = el as HTMLAudioElement;
      return { time: a.currentTime, rate: a.playbackRate, paused: a.paused };
    });

  it('lets the recording drive the clock: play, speed, seek and pause go through it', async () => {
    // The recording (60 s) is longer than the transcript (57.6 s): the player shows its length.
    expect(await page.$eval('#player-total', (el) => el.textContent)).toBe('1:00');
    await page.click('[data-rate="2"]');
    await page.click('#player-play');
    await page.waitForSelector('#turn-1.is-current', { timeout: 10_000 });
    const playing = await audio();
    expect(playing).toMatchObject({ rate: 2, paused: false });
    expect(playing.time).toBeGreaterThan(3);
    await page.click('#player-play');
    expect((await audio()).paused).toBe(true);

    await page.click('#turn-10 .time');
    expect((await audio()).time).toBeCloseTo(startOf(10) / 1000, 1);
    expect(await page.$eval('#player-elapsed', (el) => el.textContent)).toBe('0:36');
    expect(await page.$$eval('li.turn.is-current', (els) => els.map((el) => el.id))).toEqual([
      'turn-10',
    ]);
    expect(await page.$('#player-audio-failed:not([hidden])')).toBeNull();
  });
});

/**
 * The signed-in evaluator's own draft, whose one answer comments on the moment a turn starts
 * (before sign-in existed, the app's default evaluator).
 */
async function addComment(
  t: TestApp,
  interactionId: number,
  turn: number,
): Promise<{ id: number; author: string }> {
  const users = t.dataSource.getRepository(User);
  const evaluator =
    (await users.findOneBy({ email: EVALUATOR })) ?? (await users.findOneBy({ role: 'evaluator' }));
  const version = await t.dataSource
    .getRepository(ScorecardVersion)
    .createQueryBuilder('v')
    .innerJoin('scorecards', 's', 's.id = v.scorecardId')
    .where("s.key = 'voice-ko'")
    .orderBy('v.version', 'DESC')
    .getOneOrFail();
  const evaluation = await t.dataSource.getRepository(Evaluation).save({
    interactionId,
    scorecardVersionId: version.id,
    evaluatorId: evaluator?.id ?? null,
    kind: 'manual',
    status: 'draft',
    overallScore: null,
    passed: null,
    breakdown: null,
    metrics: null,
    version: 1,
    submittedAt: null,
  });
  await t.dataSource.getRepository(EvaluationAnswer).save({
    evaluationId: evaluation.id,
    criterionKey: 'no_interruptions',
    value: 0,
    comment: '고객 말을 끝까지 듣지 않음 </script><b>x</b>',
    turnIndex: turn,
    timeMs: startOf(turn),
    suggestion: null,
    evidence: null,
  });
  return { id: evaluation.id, author: evaluator?.name ?? '' };
}

/** An HTTP server of one silent WAV file (8 kHz, 8-bit mono), with byte ranges for seeking. */
function serveSilence(durationSeconds: number): Promise<http.Server> {
  const rate = 8000;
  const data = Buffer.alloc(rate * durationSeconds, 128);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28); // bytes per second
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  const wav = Buffer.concat([header, data]);
  const server = http.createServer((req, res) => {
    const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const end = range && range[2] ? Math.min(Number(range[2]), wav.length - 1) : wav.length - 1;
    res.writeHead(range ? 206 : 200, {
      'Content-Type': 'audio/wav',
      'Accept-Ranges': 'bytes',
      'Content-Length': end - start + 1,
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${wav.length}` } : {}),
    });
    res.end(wav.subarray(start, end + 1));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
