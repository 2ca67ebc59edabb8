/**
 * bench/replay: the replay page of a 90-minute call of 1,500 turns (auto-QA marks included).
 * 1. Server time: p50/p95 of the page over ~50 loads through the app's HTTP server (request to
 *    last byte over loopback), one at a time after a warm-up. Target: < 300 ms.
 * 2. Playback smoothness in Chromium: the player at 4× for ~5 s, every requestAnimationFrame
 *    interval recorded; frames, p95 interval, and intervals over 50 ms counted as dropped.
 *   npm run bench:replay [-- --turns 1500 --loads 50 --seconds 5]
 */
import 'reflect-metadata';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'puppeteer';
import { AutoQaService } from '../src/autoqa/autoqa.service';
import { ImportService } from '../src/imports/import.service';
import { signIn, TEST_PASSWORD } from '../test/support/auth';
import { launchBrowser } from '../test/support/browser';

const TARGET_MS = 300;
const DROPPED_MS = 50;
const BENCH_USER = 'replay-bench@bench.local';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** A Korean call of `n` turns, 3.6 s apart (1,500 turns ≈ 90 min), with findings for auto-QA. */
function longCall(n: number) {
  const text = (i: number): string => {
    if (i === 0) return '안녕하세요, 한빛통신 고객센터 상담사 김민지입니다. 무엇을 도와드릴까요?';
    if (i % 300 === 100) return '그건 규정상 안 됩니다.';
    if (i % 500 === 250) return '그 부분은 아까 말씀드렸잖아요.';
    return i % 2 === 0
      ? `요금제 안내를 계속 이어서 드리겠습니다. 항목 ${i}번입니다.`
      : `네, 알겠습니다. 항목 ${i}번도 설명 부탁드려요.`;
  };
  let at = 0;
  const turns = Array.from({ length: n }, (_, i) => {
    // A 20 s unannounced silence every 400 turns, an interruption every 250.
    const start = i % 250 === 126 ? at - 1500 : at + (i > 0 && i % 400 === 0 ? 20_000 : 0);
    at = start + 3600;
    return {
      speaker: i % 2 === 0 ? 'agent' : 'customer',
      startMs: start,
      endMs: start + 3000,
      text: text(i),
    };
  });
  return {
    externalId: `BENCH-REPLAY-${n}`,
    source: 'bench',
    channel: 'voice',
    language: 'ko',
    agent: { externalId: 'A-BENCH', name: '김민지' },
    startedAt: '2026-11-20T10:00:00+09:00',
    turns,
  };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

async function serverTime(url: string, cookie: string, loads: number) {
  const load = async () => {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { accept: 'text/html', cookie }, redirect: 'manual' });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    return { ms: performance.now() - t0, bytes: Buffer.byteLength(body) };
  };
  for (let i = 0; i < 5; i++) await load(); // warm-up: templates compiled, statements prepared
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < loads; i++) {
    const r = await load();
    samples.push(r.ms);
    bytes = r.bytes;
  }
  return { samples, bytes };
}

/** Every requestAnimationFrame interval (ms) over `seconds`. */
async function frameIntervals(page: Page, seconds: number): Promise<number[]> {
  const intervals = await page.evaluate(
    (ms) =>
      new Promise<number[]>((resolve) => {
        const out: number[] = [];
        let last = performance.now();
        const end = last + ms;
        const step = (now: number) => {
          out.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(step);
          else resolve(out);
        };
        requestAnimationFrame(step);
      }),
    seconds * 1000,
  );
  return intervals.slice(1);
}

function frames(intervals: number[]) {
  return {
    count: intervals.length,
    p95: percentile(intervals, 0.95),
    max: Math.max(...intervals),
    dropped: intervals.filter((ms) => ms > DROPPED_MS).length,
  };
}

async function playback(base: string, id: number, seconds: number) {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await signIn(page, base, BENCH_USER);
    const cookie = (await page.cookies(base)).map((c) => `${c.name}=${c.value}`).join('; ');
    await page.goto(`${base}/interactions/${id}`, { waitUntil: 'load' });
    await page.waitForSelector('#replay-player:not([hidden])');
    const ready = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return nav.domContentLoadedEventEnd;
    });
    // The baseline: the same page, the player paused, for as long.
    const idle = await frameIntervals(page, seconds);
    await page.click('[data-rate="4"]');
    const firstTurn = await page.$eval('li.turn.is-current', (el) => el.id);
    await page.click('#player-play');
    const intervals = await frameIntervals(page, seconds);
    await page.click('#player-play');
    const lastTurn = await page.$eval('li.turn.is-current', (el) => el.id);
    const played = await page.$eval('#player-elapsed', (el) => el.textContent ?? '');
    return { intervals, idle, ready, firstTurn, lastTurn, played, cookie };
  } finally {
    await browser.close();
  }
}

async function main() {
  const turns = arg('turns', 1500);
  const loads = arg('loads', 50);
  const seconds = arg('seconds', 5);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-bench-replay-'));
  // The first admin is created at start where sign-in exists; elsewhere these are ignored.
  Object.assign(process.env, {
    DATA_DIR: dir,
    LOG_LEVEL: 'error',
    ADMIN_EMAIL: BENCH_USER,
    ADMIN_PASSWORD: TEST_PASSWORD,
  });
  const { createApp } = await import('../src/app.factory');
  const app = await createApp();
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  try {
    const call = longCall(turns);
    const [outcome] = await app.get(ImportService).importFile({
      name: 'bench-replay.json',
      bytes: Buffer.from(JSON.stringify(call)),
    });
    if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
    await app.get(AutoQaService).drain();
    const id = outcome.interactionId;
    const minutes = (call.turns[call.turns.length - 1].endMs / 60_000).toFixed(1);

    const play = await playback(base, id, seconds);
    const server = await serverTime(`${base}/interactions/${id}`, play.cookie, loads);
    const p50 = percentile(server.samples, 0.5);
    const p95 = percentile(server.samples, 0.95);
    const ours = frames(play.intervals);
    const idle = frames(play.idle);
    const markers = (
      await (await fetch(`${base}/interactions/${id}`, { headers: { cookie: play.cookie } })).text()
    ).match(/"kind":"/g)?.length;

    console.log(
      `bench/replay: one ${minutes}-minute Korean call of ${turns} turns (${markers ?? 0} seek-bar marks), SQLite, ${os.cpus().length} cores, node ${process.version}`,
    );
    console.log(
      `1. server time of GET /interactions/:id over ${loads} loads (${(server.bytes / 1024).toFixed(0)} KB of HTML)`,
    );
    console.log(`  ours:   p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
    console.log(`  target: p95 < ${TARGET_MS} ms`);
    console.log(
      `  ratio (ours/target): ${(p95 / TARGET_MS).toFixed(2)}× — ${p95 < TARGET_MS ? 'met' : 'NOT met'}`,
    );
    console.log(
      `2. Chromium (headless), playing at 4× for ${seconds} s: ${play.firstTurn} → ${play.lastTurn}, clock at ${play.played}; DOMContentLoaded at ${play.ready.toFixed(0)} ms`,
    );
    const row = (name: string, f: ReturnType<typeof frames>) =>
      `  ${name.padEnd(26)} frames ${f.count} (${(f.count / seconds).toFixed(1)}/s), p95 interval ${f.p95.toFixed(1)} ms, max ${f.max.toFixed(1)} ms, dropped (> ${DROPPED_MS} ms) ${f.dropped}`;
    console.log(row('ours: playing at 4×', ours));
    console.log(row('baseline: same page, paused', idle));
    console.log(
      `  ratio (ours/baseline): p95 ${(ours.p95 / idle.p95).toFixed(2)}×, dropped ${ours.dropped} vs ${idle.dropped}`,
    );
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
