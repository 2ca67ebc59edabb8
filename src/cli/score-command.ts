import * as fs from 'fs';
import * as path from 'path';
import { AnswerInput, computeScore, ScoreBreakdown } from '../scoring/score-formula';
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import { readPhraseLibraries } from '../scorecards/phrase-libraries';
import { parseScorecardYaml } from '../scorecards/scorecard-schema';

/** The scorecard with this key among the YAML files (the version a sync would load). */
export function loadScorecardFile(dir: string, key: string): ScorecardDefinition {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)) : [];
  const libraries = readPhraseLibraries(dir);
  for (const name of files.sort()) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const definition = parseScorecardYaml(text, name, libraries);
    if (definition.key === key) return definition;
  }
  throw new Error(`no scorecard with key "${key}" in ${dir}`);
}

/**
 * Reads answers as `{ "greeting": 1, "hold_etiquette": "na", "empathy": { "value": 4 } }`
 * or as `[{ "key": "greeting", "value": 1 }, { "key": "hold_etiquette", "na": true }]`.
 */
export function readAnswersFile(file: string): Record<string, AnswerInput> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.map((a: unknown, i) => {
        const item = a as { key?: unknown };
        if (typeof item?.key !== 'string') throw new Error(`${file}: [${i}].key must be a string`);
        return [item.key, a];
      })
    : typeof raw === 'object' && raw !== null
      ? Object.entries(raw)
      : [];
  if (entries.length === 0) throw new Error(`${file}: expected an object or array of answers`);
  return Object.fromEntries(entries.map(([key, v]) => [key, toAnswer(file, key, v)]));
}

function toAnswer(file: string, key: string, v: unknown): AnswerInput {
  if (v === 'na' || v === null) return { value: null };
  if (typeof v === 'number') return { value: v };
  if (typeof v === 'object' && v !== null) {
    const o = v as { value?: unknown; na?: unknown };
    if (o.na === true) return { value: null };
    if (typeof o.value === 'number') return { value: o.value };
  }
  throw new Error(`${file}: ${key}: expected a number, "na", or { "value": n } / { "na": true }`);
}

export function scoreFromFiles(dir: string, key: string, answersFile: string): ScoreBreakdown {
  return computeScore(loadScorecardFile(dir, key), readAnswersFile(answersFile));
}

export function formatBreakdown(b: ScoreBreakdown): string {
  const pct = (n: number | null) => (n === null ? 'N/A' : `${n.toFixed(2)}%`);
  const lines = b.sections.map(
    (s) =>
      `  ${s.key.padEnd(20)} ${pct(s.score).padStart(8)}  (${s.earned}/${s.possible}, weight ${s.weight})${s.criticalFailed ? '  critical failed' : ''}`,
  );
  return [
    ...lines,
    `Overall ${pct(b.overall)} — ${b.passed ? 'PASS' : 'FAIL'} (passing score ${b.passingScore}%)${b.criticalFailed ? ', a critical criterion failed' : ''}`,
  ].join('\n');
}
