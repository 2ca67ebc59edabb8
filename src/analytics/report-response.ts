/**
 * How a report page answers, shared by the analytics and outcomes pages: the same URL gives the
 * page or, with `.csv` or `?format=csv`, its table as a CSV file; a bad filter (a date, a
 * scorecard) shows the page for the defaults with the error beside its field, in the page's
 * language, rather than an error page.
 */
import type { Request, Response } from 'express';
import { contentDisposition } from '../common/content-disposition';
import { InputError } from '../common/errors';
import { pageMessageOf } from '../common/http-exception.filter';
import { CSV_CONTENT_TYPE, csvFileName, toCsv, type CsvTable } from './csv';

export function wantsCsv(req: Request, format: string | undefined): boolean {
  return format === 'csv' || req.path.endsWith('.csv');
}

/** The table as a download named `analytics-<table>….csv`. */
export function sendCsv(res: Response, table: CsvTable): void {
  res.setHeader('Content-Type', CSV_CONTENT_TYPE);
  res.setHeader('Content-Disposition', contentDisposition(csvFileName(['analytics', table.name])));
  res.send(toCsv(table.header, table.rows));
}

/** The report as asked, or for the defaults with the refused field and why. */
export async function withFallback<T>(
  asked: () => Promise<T>,
  defaults: () => Promise<T>,
  lang: string,
): Promise<{ result: T; error: { field: string; message: string } | null }> {
  try {
    return { result: await asked(), error: null };
  } catch (e) {
    if (!(e instanceof InputError) || !e.field) throw e;
    return { result: await defaults(), error: { field: e.field, message: pageMessageOf(e, lang) } };
  }
}
