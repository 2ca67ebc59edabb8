/**
 * bench/pdf: coaching-plan PDFs (the real template, a realistic Korean plan with chart, three
 * focus criteria and quotes) through the app's warm PdfRenderer, against launching a browser per
 * PDF (the obvious way).
 * 1. Warm renderer: p50/p95 of one plan after a warm-up. Target p50 < 500 ms.
 * 2. 50 plans through the warm renderer (2 at a time, as the pool allows on 2 cores) with peak
 *    memory of node + every Chromium process (PSS from /proc, sampled every 50 ms). Target < 1 GB.
 * 3. Baseline: a fresh Chromium launched, used and closed per PDF; p50; ratio to (1).
 *   npm run bench:pdf [-- --plans 50 --warm 20 --baseline 10]
 */
import * as fs from 'fs';
import type { AgentProfile } from '../src/analytics/profile.types';
import { selectFocus } from '../src/coaching/focus-selection';
import { generatePlan } from '../src/coaching/plan-content';
import { renderPlanHtml } from '../src/coaching/plan-pdf';
import { translate } from '../src/common/i18n/i18n';
import { launchChromium } from '../src/pdf/chromium';
import { PdfRenderer } from '../src/pdf/pdf-renderer';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

function profile(n: number): AgentProfile {
  const row = (key: string, label: string, rate: number, team: number) => ({
    scorecardKey: 'voice-ko',
    key,
    label,
    section: 'script',
    agentPassed: Math.round(rate * 40),
    agentTotal: 40,
    agentRate: rate,
    teamPassed: Math.round(team * 400),
    teamTotal: 400,
    teamRate: team,
    autoPassed: Math.round(rate * 180),
    autoTotal: 180,
    autoRate: rate,
  });
  const weak = [
    { ...row('greeting', '첫인사 및 소개', 0.55, 0.9), gap: 0.35, misses: 18, weight: 6.3 },
    { ...row('empathy', '공감 표현', 0.6, 0.85), gap: 0.25, misses: 16, weight: 4 },
    { ...row('notes_quality', '상담 메모 품질', 0.7, 0.88), gap: 0.18, misses: 12, weight: 2.2 },
  ];
  const strong = [
    row('identity_verification', '본인 확인', 1, 0.92),
    row('hold_etiquette', '보류 안내', 0.95, 0.85),
  ];
  return {
    agent: {
      id: n,
      externalId: `A-${String(n).padStart(3, '0')}`,
      name: `상담사 ${n}호 김민지`,
      teamId: 1,
      teamName: '상담 1팀',
    },
    period: { from: '2026-09-01', to: '2026-10-31' },
    scorecardKey: 'voice-ko',
    evaluations: { human: 40, auto: 180 },
    averageScore: { human: 78.4, auto: 80.1 },
    trend: {
      weeks: Array.from({ length: 9 }, (_, i) => ({
        week: `2026-W${36 + i}`,
        count: 4,
        average: 70 + i * 1.5 + (i % 2) * 3,
      })),
      slope: 1.6,
    },
    sections: [
      {
        key: 'script',
        label: '스크립트 준수',
        average: 78,
        teamAverage: 86,
        agentPassed: 156,
        agentTotal: 200,
        teamPassed: 1720,
        teamTotal: 2000,
      },
    ],
    criteria: [...weak, ...strong],
    weakest: weak,
    strongest: strong,
    minSample: 5,
    clusters: [],
    metrics: {
      calls: 180,
      interruptionsPerCall: 0.8,
      longestSilenceMs: 42_000,
      talkRatio: 0.55,
      maxSilenceMs: 90_000,
      callsWithInterruptions: 60,
    },
    agreement: { compared: 400, agreed: 352, rate: 0.88, byCriterion: [] },
    comparedWith: 'team',
  };
}

function planHtml(n: number): string {
  const excerpt = (i: number) => ({
    interactionId: i,
    externalId: `HB-20261002-${String(i).padStart(4, '0')}`,
    timeMs: 3000 + i * 1000,
    speaker: 'agent',
    text: '네, 말씀하세요. 요금 관련 문의이신가요? 확인해 보겠습니다.',
  });
  const p = profile(n);
  const content = generatePlan({
    profile: p,
    focus: selectFocus(p.criteria, p.minSample),
    criteria: new Map(
      p.weakest.map((w) => [
        `voice-ko:${w.key}`,
        {
          key: w.key,
          label: w.label,
          guidance: '통화 시작 10초 안에 회사명, 본인 이름, 도움 의사를 밝혔는가.',
          scale: { type: 'yes_no' as const },
          weight: 1,
          naAllowed: false,
          coaching: {
            good: '“안녕하세요, 한빛통신 김민지입니다. 무엇을 도와드릴까요?”처럼 세 요소를 한 문장에 담는다.',
            phrases: ['안녕하세요, 한빛통신 ○○○입니다.', '무엇을 도와드릴까요?'],
          },
        },
      ]),
    ),
    excerpts: new Map(
      p.weakest.map((w, i) => [`voice-ko:${w.key}`, [excerpt(i * 3 + 1), excerpt(i * 3 + 2)]]),
    ),
    exemplars: new Map(
      p.weakest.map((w, i) => [
        `voice-ko:${w.key}`,
        {
          ...excerpt(100 + i),
          agentName: '이바다',
          text: '안녕하세요, 한빛통신 이바다입니다. 무엇을 도와드릴까요?',
        },
      ]),
    ),
    previous: null,
    say: (key, params) => translate('ko', key, params),
  });
  return renderPlanHtml(content, 'ko');
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/** PSS (kB) of a process and all its descendants, from /proc. */
function treePssKb(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      total += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      /* gone */
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

async function main() {
  const plans = arg('plans', 50);
  const warmRuns = arg('warm', 20);
  const baselineRuns = arg('baseline', 10);
  const html = Array.from({ length: plans }, (_, i) => planHtml(i + 1));
  const renderer = new PdfRenderer();

  // 1. Warm renderer, one plan at a time.
  for (let i = 0; i < 3; i++) await renderer.render(html[i]);
  const warm: number[] = [];
  let bytes = 0;
  for (let i = 0; i < warmRuns; i++) {
    const t0 = performance.now();
    bytes = (await renderer.render(html[i % plans])).length;
    warm.push(performance.now() - t0);
  }

  // 2. 50 plans, two at a time, with peak memory of node + Chromium.
  let peakKb = 0;
  const sampler = setInterval(() => {
    peakKb = Math.max(peakKb, treePssKb(process.pid));
  }, 50);
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < plans) await renderer.render(html[next++]);
    }),
  );
  const batchMs = performance.now() - t0;
  clearInterval(sampler);
  peakKb = Math.max(peakKb, treePssKb(process.pid));
  await renderer.close();

  // 3. Baseline: a browser per PDF.
  const baseline: number[] = [];
  for (let i = 0; i < baselineRuns; i++) {
    const t = performance.now();
    const browser = await launchChromium();
    const page = await browser.newPage();
    await page.setContent(html[i % plans], { waitUntil: 'load' });
    await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      footerTemplate: '<span></span>',
    });
    await browser.close();
    baseline.push(performance.now() - t);
  }

  const p50 = percentile(warm, 0.5);
  const base50 = percentile(baseline, 0.5);
  const peakMb = peakKb / 1024;
  console.log(`coaching plan PDF, ${(bytes / 1024).toFixed(0)} KB each`);
  console.log(
    `warm renderer      p50 ${p50.toFixed(0)} ms  p95 ${percentile(warm, 0.95).toFixed(0)} ms  (target p50 < 500 ms: ${p50 < 500 ? 'met' : 'NOT met'}, ${(p50 / 500).toFixed(2)}× of it)`,
  );
  console.log(
    `${plans} plans           ${(batchMs / 1000).toFixed(1)} s (${(batchMs / plans).toFixed(0)} ms/plan), peak memory node + Chromium ${peakMb.toFixed(0)} MB PSS (target < 1024 MB: ${peakMb < 1024 ? 'met' : 'NOT met'})`,
  );
  console.log(
    `baseline: browser per PDF  p50 ${base50.toFixed(0)} ms  →  warm renderer is ${(base50 / p50).toFixed(1)}× faster`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
