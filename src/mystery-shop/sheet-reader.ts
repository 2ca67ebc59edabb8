/**
 * Reads a mystery-shop results file into rows of cells by column name: the first worksheet of an
 * XLSX workbook, or a CSV file (UTF-8 through the shared strict decoder, comma, semicolon or tab
 * separated). Pure: bytes and a file name in, plain data out.
 */
import type { CsvError } from 'csv-parse';
import { parse as parseCsv } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import type { CellValue } from 'exceljs';
import { strFromU8, Unzip, UnzipInflate } from 'fflate';
import { decodeUtf8, invalidUtf8, isUtf16 } from '../common/utf8';
import { clean, pad } from './shop-text';

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

/** Rows (after the header) one upload may hold: more is refused before it is read whole. */
export const MAX_ROWS = 10_000;

function tooManyRows(file: string): MysteryShopFileError {
  return new MysteryShopFileError(
    file,
    `more than ${MAX_ROWS.toLocaleString('en')} rows: split the results into several files`,
    MAX_ROWS + 2,
  );
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

function decodeCsv(file: string, bytes: Buffer): string {
  if (bytes.length === 0) throw new MysteryShopFileError(file, 'the file is empty');
  if (isUtf16(bytes)) {
    throw new MysteryShopFileError(
      file,
      'the file is UTF-16 text: save it as "CSV UTF-8 (comma delimited)" or XLSX',
    );
  }
  const text = decodeUtf8(bytes);
  if (text === null) {
    throw new MysteryShopFileError(
      file,
      'the file is not UTF-8 text (CP949/EUC-KR files are not supported): save it as ' +
        '"CSV UTF-8 (comma delimited)" or XLSX',
      invalidUtf8(bytes)?.line,
    );
  }
  if (text.includes('\u0000')) {
    throw new MysteryShopFileError(file, 'the file is not a text file (it contains NUL bytes)');
  }
  return text;
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
  const text = decodeCsv(file, bytes);
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
