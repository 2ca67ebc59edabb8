/**
 * A folder of calls labelled by people (test/fixtures/autoqa-corpus/<split>): `<group>/labels.json`
 * beside the call files. Read here for `npm run autoqa:accuracy`, the accuracy test and
 * `autoqa suggest-rules`; the figures themselves are computed by the pure `src/autoqa` code.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { AutoQaInput } from '../autoqa/autoqa.types';
import { autoQaInput } from '../autoqa/input';
import type { LabelledCall, Verdict } from '../autoqa/suggest-rules';
import { detectLanguage } from '../transcripts/detect-language';
import { parseTranscript } from '../transcripts/parse-transcript';
import {
  IMPORT_REDACTION,
  redactForImport,
  type ImportRedactionSettings,
} from '../redaction/redact-import';

export interface CorpusLabel {
  scorecard: string;
  style: 'stt' | 'clean';
  company?: string[];
  expected: Record<string, Verdict>;
  metrics?: { interruptions?: number; longestSilenceMs?: number };
}

export interface CorpusFile {
  /** `<group>/<file>` */
  file: string;
  full: string;
  label: CorpusLabel;
}

/** Every labelled call under `root` (`<group>/labels.json`), in a stable order. */
export function listLabelledCalls(root: string): CorpusFile[] {
  if (!fs.existsSync(root)) return [];
  const out: CorpusFile[] = [];
  for (const group of fs.readdirSync(root).sort()) {
    const labelsFile = path.join(root, group, 'labels.json');
    if (!fs.existsSync(labelsFile)) continue;
    const labels = JSON.parse(fs.readFileSync(labelsFile, 'utf8')) as Record<string, CorpusLabel>;
    for (const [file, label] of Object.entries(labels)) {
      out.push({ file: `${group}/${file}`, full: path.join(root, group, file), label });
    }
  }
  return out;
}

/** The engine's input for a labelled call; `names: false` as the CLI on a bare file would. */
export function corpusInput(
  call: CorpusFile,
  scorecard: { channel: 'voice' | 'chat' },
  names = true,
  redaction: ImportRedactionSettings = IMPORT_REDACTION,
): AutoQaInput {
  const parsed = parseTranscript(call.full, fs.readFileSync(call.full));
  const language = parsed.meta.language ?? detectLanguage(parsed.turns);
  // Scored as the import stores it: redacted, unless the caller says otherwise.
  const { meta, turns } = redactForImport(
    { meta: { ...parsed.meta, language }, turns: parsed.turns },
    redaction,
  ).transcript;
  return autoQaInput({
    turns,
    channel: meta.channel ?? scorecard.channel,
    language,
    notes: meta.notes ?? null,
    metadata: meta.metadata ?? null,
    agentName: names ? (meta.agentName ?? null) : null,
    companyNames: names ? (call.label.company ?? []) : [],
  });
}

/** The labelled calls of one scorecard, ready for the engine. */
export function loadLabelledCalls(
  root: string,
  scorecardKey: string,
  channel: 'voice' | 'chat',
): LabelledCall[] {
  return listLabelledCalls(root)
    .filter((c) => c.label.scorecard === scorecardKey)
    .map((c) => ({ name: c.file, input: corpusInput(c, { channel }), expected: c.label.expected }));
}
