import * as fs from 'fs';
import type { AutoQaResult } from '../autoqa/autoqa.types';
import { runAutoQa } from '../autoqa/engine';
import { autoQaInput } from '../autoqa/input';
import { detectLanguage } from '../transcripts/detect-language';
import { parseTranscript } from '../transcripts/parse-transcript';
import { loadScorecardFile } from './score-command';

/** `autoqa <transcript> --scorecard <key> [--notes-file f]`: the engine on one file, no database. */
export function autoQaFromFiles(
  scorecardsDir: string,
  transcriptFile: string,
  key: string,
  notesFile?: string,
  names: { agent?: string; company?: string[] } = {},
): AutoQaResult {
  const scorecard = loadScorecardFile(scorecardsDir, key);
  const { meta, turns } = parseTranscript(transcriptFile, fs.readFileSync(transcriptFile));
  return runAutoQa(
    autoQaInput({
      turns,
      channel: meta.channel ?? scorecard.channel,
      language: meta.language ?? detectLanguage(turns),
      notes: notesFile ? fs.readFileSync(notesFile, 'utf8') : (meta.notes ?? null),
      metadata: meta.metadata ?? null,
      agentName: names.agent ?? meta.agentName ?? null,
      companyNames: names.company ?? [],
    }),
    scorecard,
  );
}

/** The JSON the issue promises: criteria with evidence, and the call metrics. */
export function toAutoQaJson(result: AutoQaResult) {
  return {
    criteria: result.criteria.map((c) => ({
      key: c.key,
      result: c.result,
      reason: c.reason,
      reasonCode: c.reasonCode,
      reasonParams: c.reasonParams,
      confidence: c.confidence,
      needsReview: c.needsReview,
      evidence: c.evidence.map((e) => ({
        turn: e.turn,
        startMs: e.startMs,
        text: e.text,
        value: e.value,
      })),
    })),
    metrics: result.metrics,
  };
}

export function formatAutoQa(result: AutoQaResult): string {
  const lines = result.criteria.map(
    (c) =>
      `  ${c.key.padEnd(26)} ${c.result.toUpperCase().padEnd(5)} ${c.needsReview ? 'REVIEW ' : ''}${c.confidence.toFixed(2)}  ${c.reason}`,
  );
  const m = result.metrics;
  lines.push(
    `Metrics: ${m.interruptions} interruptions, longest silence ${(m.longestSilenceMs / 1000).toFixed(1)} s, ` +
      `${m.unannouncedSilences} unannounced silences, agent talk ratio ${m.agentTalkRatio === null ? 'n/a' : `${Math.round(m.agentTalkRatio * 100)}%`}, ` +
      `${m.apologies} apologies, customer negativity ${m.customerNegativity.start}/${m.customerNegativity.peak}/${m.customerNegativity.end}`,
  );
  return lines.join('\n');
}
