/**
 * CSV for spreadsheets (RFC 4180): CRLF line ends, a field quoted when it holds a comma, a quote
 * or a line break (quotes doubled), and a UTF-8 byte-order mark first so that Excel reads Korean
 * text as UTF-8. A text cell that starts like a formula (= + - @, tab, CR) gets a leading
 * apostrophe, so that opening an export never runs one (OWASP "CSV injection"); numbers are
 * written as they are. Pure.
 */
export type CsvCell = string | number | boolean | null | undefined;

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
const BOM = '\uFEFF';

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** A file name safe in a Content-Disposition header on every browser. */
export function csvFileName(parts: (string | number)[]): string {
  const name = parts
    .map((p) => String(p).replace(/[^A-Za-z0-9._-]+/g, '_'))
    .filter((p) => p.length > 0)
    .join('-');
  return `${name || 'export'}.csv`;
}

export interface CsvTable {
  name: string;
  header: string[];
  rows: CsvCell[][];
}
