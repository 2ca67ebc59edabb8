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
