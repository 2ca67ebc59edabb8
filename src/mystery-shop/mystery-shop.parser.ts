/**
 * Mystery-shopper results in: reads a vendor's CSV or XLSX file, adapts its column names and
 * answer words through an optional mapping file, and validates every row against the scorecards.
 *
 * Pure: no framework, no database, no file system (bytes and a file name in, plain data out), so
 * the import service, the dry run and the tests share it. The format is documented in
 * `src/mystery-shop/README.md`.
 */
import type { CsvError } from 'csv-parse';
import { parse as parseCsv } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { strFromU8, Unzip, UnzipInflate } from 'fflate';
import type { CellValue } from 'exceljs';
import { parseDocument } from 'yaml';
import type { CriterionDefinition, ScorecardDefinition } from '../scorecards/scorecard-definition';
import { plainTextProblem } from '../common/plain-text';
import { scaleRange } from '../scoring/score-formula';

// ---------------------------------------------------------------------------------------------
// Types

export interface SheetRow {
  /** Spreadsheet row number (the header is row 1). */
  line: number;
  /** Cell text by column name (header text, trimmed). Cells under a blank header are dropped. */
  cells: Record<string, string>;
  /** Number of non-blank cells to the right of the last header column (reported as an error). */
  extraCells?: number;
}

export interface SheetRows {
  headers: string[];
  rows: SheetRow[];
}

/** The mapping file: every field optional; absent fields fall back to the default names/words. */
export interface Mapping {
  columns?: {
    shop_id?: string;
    date?: string;
    channel?: string;
    agent?: string;
    scorecard?: string;
    comment?: string;
    transcript?: string;
    /** criterion key → column name */
    criteria?: Record<string, string>;
    /** criterion key → comment column name */
    comments?: Record<string, string>;
  };
  /** Answer words; a list given here replaces the default list of that kind. */
  values?: { yes?: string[]; no?: string[]; na?: string[] };
  /** Columns to ignore even though their name looks like a criterion key. */
  ignore?: string[];
  /** Scorecard key for rows without a scorecard column or with a blank scorecard cell. */
  scorecard?: string;
  /** The vendor / program; the import is idempotent on (source, shop id). */
  source?: string;
}

export interface ShopAnswer {
  key: string;
  /** A value on the criterion's scale, or null for N/A. */
  value: number | null;
  comment?: string;
}

export interface ShopResult {
  line: number;
  shopId: string;
  /** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm:ss` (plus the offset when the file gave one). */
  date: string;
  channel: 'voice' | 'chat';
  agentExternalId: string;
  scorecardKey: string;
  /** One answer per criterion of the scorecard, in scorecard order. */
  answers: ShopAnswer[];
  overallComment?: string;
  transcriptFile?: string;
}

export interface ShopError {
  /** Spreadsheet row number; 1 = the header. */
  line: number;
  /** The column name as it appears in the file (or the expected name of a missing column). */
  column: string;
  reason: string;
}

export interface ValidateOptions {
  /** Scorecard for rows without one; wins over the mapping's `scorecard`. */
  defaultScorecard?: string;
}

export interface ValidationResult {
  valid: ShopResult[];
  errors: ShopError[];
}

/** The file cannot be read at all (not UTF-8, not a workbook, broken quoting …). */
export class MysteryShopFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    /** Spreadsheet row where reading failed, when known. */
    readonly line?: number,
  ) {
    super(`${file}: ${line === undefined ? '' : `row ${line}: `}${reason}`);
    this.name = 'MysteryShopFileError';
  }
}

/** The mapping file is invalid; `path` names the field (`columns.criteria.greeting`). */
export class MysteryShopMappingError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${file}: ${path}: ${reason}`);
    this.name = 'MysteryShopMappingError';
  }
}

// ---------------------------------------------------------------------------------------------
// Defaults

export const DEFAULT_COLUMNS = {
  shop_id: 'shop_id',
  date: 'date',
  channel: 'channel',
  agent: 'agent_external_id',
  scorecard: 'scorecard_key',
  comment: 'overall_comment',
  transcript: 'transcript_file',
} as const;

/** Default answer words, compared trimmed, case-insensitively and NFC-normalised. */
export const DEFAULT_VALUE_WORDS = {
  yes: ['yes', 'y', '예', '네', 'o', 'pass', '1', 'true'],
  no: ['no', 'n', '아니오', '아니요', 'x', 'fail', '0', 'false'],
  na: ['N/A', 'na', '해당 없음', '해당없음', '-'],
} as const;

const CHANNEL_WORDS: Record<string, 'voice' | 'chat'> = {
  voice: 'voice',
  phone: 'voice',
  call: 'voice',
  전화: 'voice',
  음성: 'voice',
  콜: 'voice',
  통화: 'voice',
  chat: 'chat',
  채팅: 'chat',
  톡: 'chat',
  메신저: 'chat',
  'live chat': 'chat',
};

const KEY_SHAPE = /^[a-z][a-z0-9_]*$/;

// ---------------------------------------------------------------------------------------------
// Reading CSV / XLSX

/** Rows (after the header) one upload may hold: more is refused before it is read whole. */
export const MAX_ROWS = 10_000;
/** How much of a cell an error message quotes. */
const QUOTE_MAX = 200;

function shortQuote(text: string): string {
  return text.length > QUOTE_MAX
    ? `${text.slice(0, QUOTE_MAX)}… (${text.length} characters)`
    : text;
}

/** Every "quoted" part of a message cut to QUOTE_MAX characters. */
function shortQuotes(message: string): string {
  return message.replace(/"([^"]*)"/g, (_all, inner: string) => `"${shortQuote(inner)}"`);
}

function tooManyRows(file: string): MysteryShopFileError {
  return new MysteryShopFileError(
    file,
    `more than ${MAX_ROWS.toLocaleString('en')} rows: split the results into several files`,
    MAX_ROWS + 2,
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function fold(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

function clean(text: string): string {
  return text.normalize('NFC').trim();
}

/**
 * Reads the first worksheet of an XLSX file or a CSV file (UTF-8, with or without BOM; comma,
 * semicolon or tab separated). Rejects with `MysteryShopFileError` when the file cannot be read.
 * Completely blank rows are skipped (their row numbers are not reused).
 */
export async function readRows(file: string, bytes: Buffer): Promise<SheetRows> {
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';
  const zip = bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304;
  const ole = bytes.length >= 4 && bytes.readUInt32BE(0) === 0xd0cf11e0;
  if (ole || ext === 'xls') {
    throw new MysteryShopFileError(
      file,
      'the old Excel .xls format is not supported: save the file as .xlsx or CSV UTF-8',
    );
  }
  if (zip || ext === 'xlsx' || ext === 'xlsm') return readXlsx(file, bytes);
  return Promise.resolve(readCsv(file, bytes));
}

function decodeUtf8(file: string, bytes: Buffer): string {
  if (bytes.length === 0) throw new MysteryShopFileError(file, 'the file is empty');
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    throw new MysteryShopFileError(
      file,
      'the file is UTF-16 text: save it as "CSV UTF-8 (comma delimited)" or XLSX',
    );
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new MysteryShopFileError(
      file,
      'the file is not UTF-8 text (CP949/EUC-KR files are not supported): save it as ' +
        '"CSV UTF-8 (comma delimited)" or XLSX',
      lineOfFirstInvalidByte(bytes),
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) {
    throw new MysteryShopFileError(file, 'the file is not a text file (it contains NUL bytes)');
  }
  return text;
}

/** Line (1-based, by newline count) of the first byte that breaks UTF-8, for the message. */
function lineOfFirstInvalidByte(bytes: Buffer): number | undefined {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : 3;
    if (b >= 0x80 && (b < 0xc2 || b > 0xf4)) return line;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return line;
    }
    if (b === 0x0a) line++;
    i += need + 1;
  }
  return undefined;
}

/** Picks the separator that occurs most often in the header line (outside quotes). */
function sniffDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  return Object.entries(counts).reduce((best, cur) => (cur[1] > best[1] ? cur : best))[0];
}

function readCsv(file: string, bytes: Buffer): SheetRows {
  const text = decodeUtf8(file, bytes);
  let records: string[][];
  try {
    const parsed: unknown = parseCsv(text, {
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // Stop reading past the limit: a huge file is refused without parsing it whole.
      to: MAX_ROWS + 2,
    });
    records = parsed as string[][];
  } catch (err) {
    // csv-parse's sync build has its own CsvError class: recognise it by its code.
    if (err instanceof Error && /^CSV_/.test(String((err as CsvError).code))) {
      const records = (err as CsvError & { records?: unknown }).records;
      const line = typeof records === 'number' ? records + 1 : undefined;
      throw new MysteryShopFileError(
        file,
        `the CSV cannot be read: ${csvReason(err as CsvError)}`,
        line,
      );
    }
    throw err;
  }
  if (records.length > MAX_ROWS + 1) throw tooManyRows(file);
  return toSheet(
    file,
    records.map((cells, i) => ({ line: i + 1, cells })),
  );
}

function csvReason(err: CsvError): string {
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted cell is never closed (a " is missing)';
  if (err.code === 'CSV_INVALID_CLOSING_QUOTE') {
    return 'a quoted cell is followed by text after its closing "';
  }
  return err.message;
}

/** Shared by CSV and XLSX: header from row 1, cells by header, blank rows dropped. */
function toSheet(file: string, raw: { line: number; cells: string[] }[]): SheetRows {
  const first = raw[0];
  if (!first || first.line !== 1 || first.cells.every((c) => c.trim() === '')) {
    throw new MysteryShopFileError(file, 'the first row must hold the column names', 1);
  }
  const headers = first.cells.map(clean);
  const rows: SheetRow[] = [];
  for (const { line, cells } of raw.slice(1)) {
    if (cells.every((c) => c.trim() === '')) continue;
    const record: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (h !== '' && !(h in record)) record[h] = cells[i] ?? '';
    });
    const extra = cells.slice(headers.length).filter((c) => c.trim() !== '').length;
    rows.push(extra > 0 ? { line, cells: record, extraCells: extra } : { line, cells: record });
  }
  return { headers, rows };
}

async function readXlsx(file: string, bytes: Buffer): Promise<SheetRows> {
  const workbook = new Workbook();
  // A worksheet declaring more rows than allowed is refused before it is loaded.
  if ((declaredRows(bytes) ?? 0) > MAX_ROWS + 1) throw tooManyRows(file);
  try {
    // exceljs' typing wants its own Buffer flavour; the runtime accepts any Node buffer.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new MysteryShopFileError(file, 'not a readable XLSX workbook (damaged or not .xlsx)');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new MysteryShopFileError(file, 'the workbook has no worksheet');
  const raw: { line: number; cells: string[] }[] = [];
  try {
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        while (cells.length < col - 1) cells.push('');
        cells[col - 1] = cellText(cell.value);
      });
      raw.push({ line: rowNumber, cells });
    });
  } catch {
    throw new MysteryShopFileError(file, 'not a readable XLSX workbook (damaged worksheet)');
  }
  if (raw.length > MAX_ROWS + 1) throw tooManyRows(file);
  return toSheet(file, raw);
}

/**
 * The last row a workbook's first worksheet declares (`<dimension ref="A1:F1500000"/>`), read by
 * inflating only the start of that sheet; null when the file does not say (then it is counted
 * after loading).
 */
function declaredRows(bytes: Buffer): number | null {
  let found: number | null = null;
  try {
    const unzip = new Unzip();
    unzip.register(UnzipInflate);
    let seen = false;
    unzip.onfile = (entry) => {
      if (seen || !/^xl\/worksheets\/sheet\d*\.xml$/.test(entry.name)) return;
      seen = true;
      let head = '';
      entry.ondata = (err, chunk, final) => {
        if (err) return;
        head += strFromU8(chunk);
        const m = /<dimension\s+ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(head);
        if (m) found = Number(m[1] ?? 1);
        if (m || head.length > 64 * 1024 || head.includes('<sheetData')) {
          if (!final) entry.terminate();
        }
      };
      entry.start();
    };
    unzip.push(bytes, true);
  } catch {
    return found; // a damaged file is reported by the full read
  }
  return found;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Excel dates carry no zone; exceljs puts the wall-clock time in UTC. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (d.getUTCHours() + d.getUTCMinutes() + d.getUTCSeconds() + d.getUTCMilliseconds() === 0) {
    return day;
  }
  return `${day}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function cellText(value: CellValue | { text?: unknown } | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return '';
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: CellValue }).result;
    return cellText(result);
  }
  if ('error' in value && typeof value.error === 'string') return value.error;
  if ('text' in value) {
    const text = value.text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object') return cellText(text);
  }
  return '';
}

// ---------------------------------------------------------------------------------------------
// Mapping file

const MAPPING_FIELDS = ['columns', 'values', 'ignore', 'scorecard', 'source'];
const COLUMN_FIELDS = [
  'shop_id',
  'date',
  'channel',
  'agent',
  'scorecard',
  'comment',
  'transcript',
  'criteria',
  'comments',
];
const VALUE_FIELDS = ['yes', 'no', 'na'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Parses a mapping file (YAML or JSON; JSON is YAML). Strict: unknown fields, empty names,
 * a word listed under two kinds or two fields on one column are `MysteryShopMappingError`s.
 */
export function parseMapping(file: string, text: string): Mapping {
  const fail = (path: string, reason: string): never => {
    throw new MysteryShopMappingError(file, path, reason);
  };
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const where = e.linePos?.[0] ? `line ${e.linePos[0].line}` : '(root)';
    fail(
      where,
      `invalid YAML/JSON: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:$/, '')}`,
    );
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return {};
  if (!isRecord(data)) fail('(root)', 'must be a mapping of fields (columns, values, …)');
  const root = data as Record<string, unknown>;
  const unknownField = (obj: Record<string, unknown>, allowed: string[], at: string) => {
    for (const k of Object.keys(obj)) {
      if (!allowed.includes(k)) {
        fail(at ? `${at}.${k}` : k, `unknown field "${k}" (allowed: ${allowed.join(', ')})`);
      }
    }
  };
  const name = (v: unknown, path: string): string => {
    if (typeof v === 'number') return String(v);
    if (typeof v !== 'string' || v.trim() === '') fail(path, 'must be a non-empty text');
    return clean(v as string);
  };
  unknownField(root, MAPPING_FIELDS, '');
  const mapping: Mapping = {};

  if (root.columns !== undefined && root.columns !== null) {
    if (!isRecord(root.columns)) fail('columns', 'must be a mapping of column names');
    const cols = root.columns as Record<string, unknown>;
    unknownField(cols, COLUMN_FIELDS, 'columns');
    const out: NonNullable<Mapping['columns']> = {};
    const used = new Map<string, string>();
    const claim = (column: string, path: string) => {
      const other = used.get(fold(column));
      if (other) fail(path, `column "${column}" is already mapped by ${other}`);
      used.set(fold(column), path);
    };
    for (const f of ['shop_id', 'date', 'channel', 'agent', 'scorecard', 'comment', 'transcript']) {
      const v = cols[f];
      if (v === undefined || v === null) continue;
      const column = name(v, `columns.${f}`);
      claim(column, `columns.${f}`);
      (out as Record<string, string>)[f] = column;
    }
    for (const f of ['criteria', 'comments'] as const) {
      const v = cols[f];
      if (v === undefined || v === null) continue;
      if (!isRecord(v)) fail(`columns.${f}`, 'must map criterion keys to column names');
      const map: Record<string, string> = {};
      for (const [key, col] of Object.entries(v as Record<string, unknown>)) {
        const path = `columns.${f}.${key}`;
        if (!KEY_SHAPE.test(key)) fail(path, `"${key}" is not a criterion key`);
        const column = name(col, path);
        claim(column, path);
        map[key] = column;
      }
      out[f] = map;
    }
    mapping.columns = out;
  }

  if (root.values !== undefined && root.values !== null) {
    if (!isRecord(root.values)) fail('values', 'must be a mapping with yes, no and na lists');
    const vals = root.values as Record<string, unknown>;
    unknownField(vals, VALUE_FIELDS, 'values');
    const out: NonNullable<Mapping['values']> = {};
    const seen = new Map<string, string>();
    for (const kind of ['yes', 'no', 'na'] as const) {
      const v = vals[kind];
      if (v === undefined || v === null) continue;
      const list = Array.isArray(v) ? (v as unknown[]) : [v];
      if (list.length === 0) fail(`values.${kind}`, 'must list at least one word');
      out[kind] = list.map((w, i) => {
        const path = `values.${kind}[${i}]`;
        const word = typeof w === 'boolean' ? String(w) : name(w, path);
        const other = seen.get(fold(word));
        if (other && other !== kind) fail(path, `"${word}" is also listed under ${other}`);
        seen.set(fold(word), kind);
        return word;
      });
    }
    // Default lists of kinds the file leaves out must not collide with the vendor's words.
    for (const kind of ['yes', 'no', 'na'] as const) {
      if (out[kind]) continue;
      for (const w of DEFAULT_VALUE_WORDS[kind]) {
        const other = seen.get(fold(w));
        if (other) {
          fail(
            `values.${other}`,
            `"${w}" is a default ${kind} word; list values.${kind} explicitly`,
          );
        }
      }
    }
    mapping.values = out;
  }

  if (root.ignore !== undefined && root.ignore !== null) {
    if (!Array.isArray(root.ignore)) fail('ignore', 'must be a list of column names');
    mapping.ignore = (root.ignore as unknown[]).map((v, i) => name(v, `ignore[${i}]`));
  }
  for (const f of ['scorecard', 'source'] as const) {
    const v = root[f];
    if (v === undefined || v === null) continue;
    mapping[f] = name(v, f);
  }
  return mapping;
}

// ---------------------------------------------------------------------------------------------
// Validation

interface ResolvedWords {
  yes: Set<string>;
  no: Set<string>;
  na: Set<string>;
  /** First word of each kind, for messages ("expected Y/N/N/A"). */
  shown: { yes: string; no: string; na: string };
}

function resolveWords(mapping: Mapping): ResolvedWords {
  const list = (kind: 'yes' | 'no' | 'na'): string[] => {
    const given = mapping.values?.[kind];
    return given && given.length > 0 ? given : [...DEFAULT_VALUE_WORDS[kind]];
  };
  const yes = list('yes');
  const no = list('no');
  const na = list('na');
  return {
    yes: new Set(yes.map(fold)),
    no: new Set(no.map(fold)),
    na: new Set(na.map(fold)),
    shown: { yes: yes[0], no: no[0], na: na[0] },
  };
}

type Answer = { value: number | null } | { error: string };

function readAnswer(criterion: CriterionDefinition, text: string, words: ResolvedWords): Answer {
  const word = fold(text);
  const { min, max } = scaleRange(criterion.scale);
  if (words.na.has(word)) {
    return criterion.naAllowed
      ? { value: null }
      : { error: 'N/A is not allowed for this criterion' };
  }
  const orNa = criterion.naAllowed ? `/${words.shown.na}` : '';
  if (criterion.scale.type === 'yes_no') {
    if (words.yes.has(word)) return { value: 1 };
    if (words.no.has(word)) return { value: 0 };
    return {
      error: `unknown value "${clean(text)}" (expected ${words.shown.yes}/${words.shown.no}${orNa})`,
    };
  }
  const scale = `${min}-${max}`;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(word)) {
    return {
      error: `unknown value "${clean(text)}" (expected a whole number from ${min} to ${max}${
        criterion.naAllowed ? ` or ${words.shown.na}` : ''
      })`,
    };
  }
  const value = Number(word);
  if (value < min || value > max) return { error: `value ${word} is outside the scale ${scale}` };
  if (!Number.isInteger(value)) {
    return { error: `value ${word} is not a whole number (scale ${scale})` };
  }
  return { value };
}

const DATE_RE =
  /^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\.?(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const KO_DATE_RE =
  /^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Accepts 2026-03-05, 2026/3/5, 2026.03.05, "2026. 3. 5.", 2026년 3월 5일, with optional time. */
export function parseShopDate(text: string): string | null {
  const s = clean(text);
  const m = DATE_RE.exec(s) ?? KO_DATE_RE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || mo < 1 || mo > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  const day = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  if (m[4] === undefined) return day;
  const [h, mi, se] = [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
  if (h > 23 || mi > 59 || se > 59) return null;
  const zone = m[7];
  const offset =
    zone === undefined
      ? ''
      : zone.toUpperCase() === 'Z'
        ? 'Z'
        : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return `${day}T${pad(h)}:${pad(mi)}:${pad(se)}${offset}`;
}

/** Finds a column of the file by name, trimmed, case-insensitively and NFC-normalised. */
class HeaderIndex {
  private readonly byFold = new Map<string, string>();
  readonly duplicates: string[] = [];

  constructor(headers: string[]) {
    for (const h of headers) {
      if (h === '') continue;
      const f = fold(h);
      if (this.byFold.has(f)) this.duplicates.push(h);
      else this.byFold.set(f, h);
    }
  }

  find(name: string): string | undefined {
    return this.byFold.get(fold(name));
  }

  all(): string[] {
    return [...this.byFold.values()];
  }
}

/**
 * Validates every row. Every problem of every row is reported as (row, column, reason); a row
 * with any problem is left out of `valid`, and a problem with the header (row 1) leaves `valid`
 * empty, so a file is never half-imported. Never throws for any content of `table`.
 */
export function validateShops(
  table: SheetRows,
  mapping: Mapping | undefined,
  scorecards: ReadonlyMap<string, ScorecardDefinition>,
  options: ValidateOptions = {},
): ValidationResult {
  const errors: ShopError[] = [];
  const headerError = (column: string, reason: string) =>
    errors.push({ line: 1, column: shortQuote(column), reason: shortQuotes(reason) });
  const index = new HeaderIndex(table.headers);
  const map = mapping ?? {};
  const cols = map.columns ?? {};
  const words = resolveWords(map);
  const ignored = new Set((map.ignore ?? []).map(fold));
  const fallbackScorecard = options.defaultScorecard ?? map.scorecard;

  for (const dup of index.duplicates) headerError(dup, `column "${dup}" appears more than once`);

  // Fixed columns: the file's spelling, or undefined when the file lacks the column.
  const expected = (field: keyof typeof DEFAULT_COLUMNS): string =>
    cols[field] ?? DEFAULT_COLUMNS[field];
  const fixed = {
    shopId: index.find(expected('shop_id')),
    date: index.find(expected('date')),
    channel: index.find(expected('channel')),
    agent: index.find(expected('agent')),
    scorecard: index.find(expected('scorecard')),
    comment: index.find(expected('comment')),
    transcript: index.find(expected('transcript')),
  };
  const required: [keyof typeof DEFAULT_COLUMNS, string | undefined][] = [
    ['shop_id', fixed.shopId],
    ['date', fixed.date],
    ['agent', fixed.agent],
  ];
  if (fallbackScorecard === undefined) required.push(['scorecard', fixed.scorecard]);
  for (const [field, found] of required) {
    if (found === undefined) headerError(expected(field), `missing column "${expected(field)}"`);
  }

  // The scorecards the rows name (or the default), to tell criterion columns from unknown ones.
  const cell = (row: SheetRow, column: string | undefined): string =>
    column === undefined ? '' : clean(row.cells[column] ?? '');
  const rowScorecardKey = (row: SheetRow): string | undefined => {
    const named = cell(row, fixed.scorecard);
    return named !== '' ? named : fallbackScorecard;
  };
  const used = new Map<string, ScorecardDefinition>();
  for (const row of table.rows) {
    const key = rowScorecardKey(row);
    const def = key === undefined ? undefined : scorecards.get(key);
    if (key !== undefined && def) used.set(key, def);
  }
  const known = used.size > 0 ? used : scorecards;
  const knownCriteria = new Map<string, CriterionDefinition>();
  for (const def of known.values()) {
    for (const c of def.sections.flatMap((s) => s.criteria)) {
      if (!knownCriteria.has(c.key)) knownCriteria.set(c.key, c);
    }
  }

  const criterionColumnName = (key: string) => cols.criteria?.[key] ?? key;
  const commentColumnName = (key: string) => cols.comments?.[key] ?? `${key}_comment`;

  // Every mapped criterion must exist on a scorecard in use.
  for (const [key, column] of Object.entries(cols.criteria ?? {})) {
    if (!knownCriteria.has(key)) headerError(column, `unknown criterion "${key}"`);
  }
  for (const [key, column] of Object.entries(cols.comments ?? {})) {
    if (!knownCriteria.has(key) && !cols.criteria?.[key]) {
      headerError(column, `unknown criterion "${key}"`);
    }
  }

  // Classify the file's columns: fixed, criterion, comment, or other.
  const criterionColumns = new Map<string, string>(); // file column → criterion key
  const commentColumns = new Map<string, string>();
  const keyOfColumn = new Map<string, string>();
  for (const key of new Set([...knownCriteria.keys(), ...Object.keys(cols.criteria ?? {})])) {
    keyOfColumn.set(fold(criterionColumnName(key)), key);
  }
  const keyOfComment = new Map<string, string>();
  for (const key of new Set([...knownCriteria.keys(), ...Object.keys(cols.comments ?? {})])) {
    keyOfComment.set(fold(commentColumnName(key)), key);
  }
  const fixedColumns = new Set(
    Object.values(fixed)
      .filter((c): c is string => c !== undefined)
      .map(fold),
  );
  for (const column of index.all()) {
    const f = fold(column);
    if (fixedColumns.has(f)) continue;
    const criterionKey = keyOfColumn.get(f);
    if (criterionKey !== undefined) {
      if (knownCriteria.has(criterionKey)) criterionColumns.set(column, criterionKey);
      continue;
    }
    const commentKey = keyOfComment.get(f);
    if (commentKey !== undefined) {
      if (knownCriteria.has(commentKey)) commentColumns.set(column, commentKey);
      continue;
    }
    if (ignored.has(f)) continue;
    if (KEY_SHAPE.test(column)) {
      const base = column.endsWith('_comment') ? column.slice(0, -'_comment'.length) : column;
      headerError(column, `unknown criterion "${base}"`);
    }
  }
  const columnOfCriterion = new Map([...criterionColumns].map(([col, key]) => [key, col]));
  const columnOfComment = new Map([...commentColumns].map(([col, key]) => [key, col]));

  // A criterion of a scorecard in use without its column is a header problem (reported once).
  for (const def of used.values()) {
    for (const c of def.sections.flatMap((s) => s.criteria)) {
      if (columnOfCriterion.has(c.key)) continue;
      const name = criterionColumnName(c.key);
      if (!errors.some((e) => e.line === 1 && e.column === name)) {
        headerError(name, `missing column for criterion ${c.key} (scorecard ${def.key})`);
      }
    }
  }

  // Rows.
  const valid: ShopResult[] = [];
  const firstRowOfShop = new Map<string, number>();
  for (const row of table.rows) {
    const before = errors.length;
    const rowError = (column: string, reason: string) =>
      errors.push({ line: row.line, column: shortQuote(column), reason: shortQuotes(reason) });

    if (row.extraCells) {
      const last = table.headers.length;
      rowError(
        '(row)',
        `${row.extraCells} cell(s) to the right of the last column (the header has ${last})`,
      );
    }

    const shopId = cell(row, fixed.shopId);
    const shopIdProblem = plainTextProblem(shopId);
    if (fixed.shopId !== undefined) {
      if (shopId === '') rowError(fixed.shopId, 'shop id missing');
      else if (shopIdProblem) rowError(fixed.shopId, `shop id ${shopIdProblem}`);
      else {
        const first = firstRowOfShop.get(shopId);
        if (first !== undefined) {
          rowError(fixed.shopId, `duplicate shop id ${shopId} (also on row ${first})`);
        } else firstRowOfShop.set(shopId, row.line);
      }
    }

    const dateText = cell(row, fixed.date);
    let date: string | null = null;
    if (fixed.date !== undefined) {
      if (dateText === '') rowError(fixed.date, 'date missing');
      else {
        date = parseShopDate(dateText);
        if (date === null) rowError(fixed.date, `date "${dateText}" is not a date`);
      }
    }

    const agent = cell(row, fixed.agent);
    if (fixed.agent !== undefined && agent === '') rowError(fixed.agent, 'agent id missing');
    const agentProblem = plainTextProblem(agent);
    if (fixed.agent !== undefined && agentProblem)
      rowError(fixed.agent, `agent id ${agentProblem}`);

    const scorecardKey = rowScorecardKey(row);
    const scorecard = scorecardKey === undefined ? undefined : scorecards.get(scorecardKey);
    const scorecardColumn = fixed.scorecard ?? expected('scorecard');
    if (scorecardKey === undefined) {
      if (fixed.scorecard !== undefined) rowError(scorecardColumn, 'scorecard missing');
    } else if (!scorecard) rowError(scorecardColumn, `scorecard "${scorecardKey}" not found`);

    const channelText = cell(row, fixed.channel);
    let channel: 'voice' | 'chat' | undefined = scorecard?.channel;
    if (channelText !== '' && fixed.channel !== undefined) {
      channel = CHANNEL_WORDS[fold(channelText)];
      if (channel === undefined) {
        rowError(fixed.channel, `unknown channel "${channelText}" (expected voice or chat)`);
      }
    }

    const answers: ShopAnswer[] = [];
    if (scorecard) {
      const onCard = new Set<string>();
      for (const c of scorecard.sections.flatMap((s) => s.criteria)) {
        onCard.add(c.key);
        const column = columnOfCriterion.get(c.key);
        if (column === undefined) continue; // reported on the header
        const text = cell(row, column);
        if (text === '') {
          rowError(column, `missing answer for criterion ${c.key}`);
          continue;
        }
        const answer = readAnswer(c, text, words);
        if ('error' in answer) {
          rowError(column, answer.error);
          continue;
        }
        const commentColumn = columnOfComment.get(c.key);
        const comment = cell(row, commentColumn);
        answers.push(
          comment === ''
            ? { key: c.key, value: answer.value }
            : { key: c.key, value: answer.value, comment },
        );
      }
      // Answers for criteria of another scorecard would be dropped silently: refuse them.
      for (const [column, key] of [...criterionColumns, ...commentColumns]) {
        if (!onCard.has(key) && cell(row, column) !== '') {
          rowError(column, `criterion ${key} is not on scorecard "${scorecard.key}"`);
        }
      }
    }

    if (errors.length > before || !scorecard || scorecardKey === undefined) continue;
    if (date === null || channel === undefined) continue;
    const overallComment = cell(row, fixed.comment);
    const transcriptFile = cell(row, fixed.transcript);
    valid.push({
      line: row.line,
      shopId,
      date,
      channel,
      agentExternalId: agent,
      scorecardKey,
      answers,
      ...(overallComment === '' ? {} : { overallComment }),
      ...(transcriptFile === '' ? {} : { transcriptFile }),
    });
  }

  const headerOrder = new Map(table.headers.map((h, i) => [h, i] as const));
  errors.sort(
    (a, b) =>
      a.line - b.line ||
      (headerOrder.get(a.column) ?? Number.MAX_SAFE_INTEGER) -
        (headerOrder.get(b.column) ?? Number.MAX_SAFE_INTEGER),
  );
  const headerBroken = errors.some((e) => e.line === 1);
  return { valid: headerBroken ? [] : valid, errors };
}
