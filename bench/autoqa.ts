/**
 * bench/autoqa, two measurements:
 * 1. Engine speed: 60-turn Korean calls on voice-ko, calls/s on one core, against a baseline
 *    doing only the unavoidable work: normalise every turn once and run one precompiled
 *    alternation of all the scorecard's phrases over it. Target ≥ 2,000 calls/s, within 3×.
 * 2. Pages while 10,000 imported calls are auto-scored in the background: p95 of page loads
 *    (interaction list and replay pages) during the scoring, beside the p95 once it is done.
 *    Target: < 100 ms p95 meanwhile.
 *   npm run bench:autoqa [-- --calls 5000 --background 10000]
 */
import 'reflect-metadata';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runAutoQa } from '../src/autoqa/engine';
import { AutoQaService } from '../src/autoqa/autoqa.service';
import { normalizeText } from '../src/autoqa/text-match';
import { loadScorecardFile } from '../src/cli/score-command';
import { generateDemoContactCenter } from '../src/demo/demo-data';
import { ImportService } from '../src/imports/import.service';
import type { ScorecardDefinition } from '../src/scorecards/scorecard-definition';
import type { ParsedTranscript } from '../src/transcripts/transcript';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

function koreanCalls(n: number, seed: number): ParsedTranscript[] {
  const calls: ParsedTranscript[] = [];
  for (let s = seed; calls.length < n; s++) {
    const center = generateDemoContactCenter({
      calls: Math.max(n, 200),
      turnsPerCall: 60,
      seed: s,
    });
    for (const c of center.calls) {
      if (c.transcript.meta.language === 'ko' && c.transcript.meta.channel === 'voice') {
        calls.push(c.transcript);
      }
    }
  }
  return calls.slice(0, n);
}

/**
 * Every literal phrase of every auto block and phrase family (`@family` references stand for
 * the family's own phrases, collected once; `re:` entries are left out, which only makes the
 * baseline cheaper).
 */
function allPhrases(scorecard: ScorecardDefinition): string[] {
  const phrases = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (!v.startsWith('re:') && !v.startsWith('@')) phrases.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const c of scorecard.sections.flatMap((s) => s.criteria)) if (c.auto) walk(c.auto);
  walk(scorecard.autoQa?.phraseFamilies ?? {});
  return [...phrases];
}

function engineSpeed(calls: ParsedTranscript[], scorecard: ScorecardDefinition) {
  const input = (t: ParsedTranscript) => ({
    turns: t.turns,
    channel: 'voice' as const,
    language: 'ko',
    notes: t.meta.notes ?? null,
  });
  runAutoQa(input(calls[0]), scorecard); // compile once, as the app does per version
  let t0 = process.hrtime.bigint();
  for (const c of calls) runAutoQa(input(c), scorecard);
  const ours = Number(process.hrtime.bigint() - t0) / 1e9;

  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const phrases = allPhrases(scorecard)
    .map((p) => normalizeText(p, 'ko'))
    .filter((p) => p.length > 0)
    .sort((a, b) => b.length - a.length);
  const alternation = new RegExp(phrases.map(escape).join('|'), 'gu');
  let matches = 0;
  t0 = process.hrtime.bigint();
  for (const c of calls) {
    for (const turn of c.turns) {
      const text = normalizeText(turn.text, 'ko');
      alternation.lastIndex = 0;
      while (alternation.exec(text)) matches++;
    }
    if (c.meta.notes) matches += normalizeText(c.meta.notes, 'ko').match(alternation)?.length ?? 0;
  }
  const baseline = Number(process.hrtime.bigint() - t0) / 1e9;
  return {
    ours: calls.length / ours,
    baseline: calls.length / baseline,
    phrases: phrases.length,
    matches,
  };
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
}

async function timePages(base: string, ids: number[], until: () => boolean, max: number) {
  const samples: number[] = [];
  for (let i = 0; samples.length < max && until(); i++) {
    const url =
      i % 2 === 0
        ? `${base}/interactions?page=${1 + (i % 20)}`
        : `${base}/interactions/${ids[i % ids.length]}`;
    const t0 = performance.now();
    const res = await fetch(url, { headers: { accept: 'text/html' } });
    await res.text();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    samples.push(performance.now() - t0);
  }
  return samples;
}

async function pagesDuringScoring(n: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-bench-autoqa-'));
  Object.assign(process.env, { DATA_DIR: dir, LOG_LEVEL: 'error', AUTOQA: 'off' });
  const { createApp } = await import('../src/app.factory');
  const calls = koreanCalls(n, 11);
  let app = await createApp();
  await app.init();
  const importer = app.get(ImportService);
  const ids: number[] = [];
  for (const [i, t] of calls.entries()) {
    const outcome = await importer.store(`b${i}.json`, {
      ...t,
      meta: { ...t.meta, externalId: `B-${i}` },
    });
    if (outcome.status === 'imported') ids.push(outcome.interactionId);
  }
  await app.close();

  process.env.AUTOQA = 'on';
  app = await createApp();
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const autoQa = app.get(AutoQaService);
  let scoring = true;
  const started = performance.now();
  const done = autoQa.drain().then(() => (scoring = false));
  const during = await timePages(base, ids, () => scoring, 100_000);
  await done;
  const scoringSeconds = (performance.now() - started) / 1000;
  const idle = await timePages(base, ids, () => true, Math.max(200, Math.min(during.length, 1000)));
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { during, idle, scoringSeconds };
}

async function main() {
  const scorecard = loadScorecardFile(path.resolve(__dirname, '..', 'scorecards'), 'voice-ko');
  const autoCriteria = scorecard.sections.flatMap((s) => s.criteria).filter((c) => c.auto).length;
  const n = arg('calls', 5000);
  const speed = engineSpeed(koreanCalls(n, 3), scorecard);
  console.log(
    `bench/autoqa 1: ${n} Korean voice calls × 60 turns on voice-ko (${autoCriteria} auto criteria, ${speed.phrases} phrases), one core, node ${process.version}`,
  );
  console.log(
    `  ours:     runAutoQa                                  ${Math.round(speed.ours).toLocaleString('en')} calls/s`,
  );
  console.log(
    `  baseline: normalise once + one phrase alternation    ${Math.round(speed.baseline).toLocaleString('en')} calls/s`,
  );
  console.log(
    `  ratio (baseline/ours): ${(speed.baseline / speed.ours).toFixed(2)}× — targets ≥ 2,000 calls/s (${speed.ours >= 2000 ? 'met' : 'NOT met'}), ≤ 3× (${speed.baseline / speed.ours <= 3 ? 'met' : 'NOT met'})`,
  );

  const background = arg('background', 10000);
  const pages = await pagesDuringScoring(background);
  console.log(
    `bench/autoqa 2: page loads while ${background} imported calls are auto-scored in the background (SQLite)`,
  );
  console.log(
    `  scoring took ${pages.scoringSeconds.toFixed(1)} s (${Math.round(background / pages.scoringSeconds)} calls/s in the background)`,
  );
  console.log(
    `  during: ${pages.during.length} page loads, p95 ${p95(pages.during).toFixed(1)} ms`,
  );
  console.log(
    `  idle baseline: ${pages.idle.length} page loads, p95 ${p95(pages.idle).toFixed(1)} ms`,
  );
  console.log(
    `  ratio (during/idle): ${(p95(pages.during) / p95(pages.idle)).toFixed(2)}× — target p95 < 100 ms during scoring: ${p95(pages.during) < 100 ? 'met' : 'NOT met'}`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
