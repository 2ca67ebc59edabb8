import { InputError } from '../common/errors';
import { hasTranslation, translate } from '../common/i18n/i18n';
import type { ImportOutcome } from './import.service';

export interface ImportSummary {
  imported: number;
  skipped: number;
  failed: number;
  results: ImportOutcome[];
}

export function summarise(results: ImportOutcome[]): ImportSummary {
  const count = (status: ImportOutcome['status']) =>
    results.filter((r) => r.status === status).length;
  return {
    imported: count('imported'),
    skipped: count('skipped'),
    failed: count('failed'),
    results,
  };
}

/**
 * A batch import answers per file: each file is imported whole or not at all, and one bad file
 * does not hold back the others (200, the failures listed with file, line, field and reason).
 * When every file failed, the request itself was bad input: a 400 (with the same report) naming
 * the first file and why; nothing was written. Null when anything was imported or skipped.
 */
export function nothingImported(summary: ImportSummary): InputError | null {
  if (summary.imported > 0 || summary.skipped > 0) return null;
  const first = summary.results.find((r) => r.status === 'failed');
  if (!first) return null;
  const file = first.line === undefined ? first.file : `${first.file}:${first.line}`;
  return new InputError(
    'files',
    `${file}: ${first.reason} — no file of this upload could be imported (${summary.failed} failed); nothing was written`,
    {
      key: 'error.importNothingImported',
      params: { file, reason: first.reason, failed: String(summary.failed) },
    },
  );
}

/** A file's reason in the reader's language, when the locale files have it; else as written. */
function reasonIn(lang: string, result: ImportOutcome): string {
  if (result.status === 'imported') return '';
  const key = result.messageKey;
  return key && hasTranslation(key.key) ? translate(lang, key.key, key.params) : result.reason;
}

/** The report as a page shows it: each skipped or failed file's reason in the page's language. */
export function summaryForPage(summary: ImportSummary, lang: string) {
  return {
    ...summary,
    results: summary.results.map((r) => ({ ...r, reasonText: reasonIn(lang, r) })),
  };
}

/** `nothingImported`'s refusal for the API: the field first (`files: …`), the reason translated too. */
export function refusalMessage(summary: ImportSummary, refused: InputError, lang: string): string {
  const text = refusalForPage(summary, refused, lang);
  return text === refused.message ? text : `${refused.field}: ${text}`;
}

/** `nothingImported`'s refusal in the page's language, the file's reason translated too. */
export function refusalForPage(summary: ImportSummary, refused: InputError, lang: string): string {
  const first = summary.results.find((r) => r.status === 'failed');
  const params = refused.messageKey?.params;
  if (!first || !refused.messageKey || !params) return refused.message;
  return translate(lang, refused.messageKey.key, { ...params, reason: reasonIn(lang, first) });
}
