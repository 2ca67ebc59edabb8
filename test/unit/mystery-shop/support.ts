import { readFileSync } from 'fs';
import { join } from 'path';
import { Workbook } from 'exceljs';
import { readPhraseLibraries } from '../../../src/scorecards/phrase-libraries';
import type { ScorecardDefinition } from '../../../src/scorecards/scorecard-definition';
import { parseScorecardYaml } from '../../../src/scorecards/scorecard-schema';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'mystery-shop');
const SCORECARDS = join(__dirname, '..', '..', '..', 'scorecards');

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

export function loadScorecard(key: string): ScorecardDefinition {
  const text = readFileSync(join(SCORECARDS, `${key}.yaml`), 'utf8');
  return parseScorecardYaml(text, `${key}.yaml`, readPhraseLibraries(SCORECARDS));
}

export const mysteryShop = loadScorecard('mystery-shop-ko');

export function scorecardMap(...defs: ScorecardDefinition[]): Map<string, ScorecardDefinition> {
  return new Map(defs.map((d) => [d.key, d]));
}

export function criteriaOf(def: ScorecardDefinition) {
  return def.sections.flatMap((s) => s.criteria);
}

/** A CSV cell, quoted when needed. */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: string[][]): Buffer {
  return Buffer.from(rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n', 'utf8');
}

/** Writes one worksheet; `cell` may turn a text into a typed value (number, Date …). */
export async function toXlsx(
  rows: string[][],
  cell: (text: string, column: number) => string | number | Date | null = (t) => t,
): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('결과');
  for (const row of rows) sheet.addRow(row.map((t, i) => cell(t, i)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A row of default-named columns answering every criterion of the mystery-shop card. */
export const DEFAULT_HEADER = [
  'shop_id',
  'date',
  'channel',
  'agent_external_id',
  'scorecard_key',
  ...criteriaOf(mysteryShop).map((c) => c.key),
  'overall_comment',
  'transcript_file',
];

export function goodAnswers(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of criteriaOf(mysteryShop)) {
    out[c.key] = c.scale.type === 'yes_no' ? 'yes' : String(c.scale.max);
  }
  return out;
}

export function defaultRow(shopId: string, overrides: Record<string, string> = {}): string[] {
  const base: Record<string, string> = {
    shop_id: shopId,
    date: '2026-03-02',
    channel: 'voice',
    agent_external_id: 'AG-1',
    scorecard_key: 'mystery-shop-ko',
    ...goodAnswers(),
    overall_comment: '',
    transcript_file: '',
    ...overrides,
  };
  return DEFAULT_HEADER.map((h) => base[h] ?? '');
}
