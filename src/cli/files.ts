import * as fs from 'fs';
import * as path from 'path';

const TRANSCRIPT = /\.(json|vtt|srt|txt)$/i;
const SIDECAR = /\.meta\.json$/i;

/** Expands the paths given on the command line: files as they are, directories walked. */
export function collectTranscriptFiles(paths: string[]): string[] {
  const files: string[] = [];
  const walk = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) throw new Error(`${p}: no such file or directory`);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) {
        const child = path.join(p, entry);
        if (fs.statSync(child).isDirectory() || (TRANSCRIPT.test(entry) && !SIDECAR.test(entry))) {
          walk(child);
        }
      }
    } else {
      files.push(p);
    }
  };
  paths.forEach(walk);
  return files;
}

/** `<file>.meta.json` beside the transcript, when there is one. */
export function readSidecar(file: string): Buffer | undefined {
  const sidecar = `${file}.meta.json`;
  return fs.existsSync(sidecar) ? fs.readFileSync(sidecar) : undefined;
}

/** The failures of an import as CSV (file, line, field, reason), for the person fixing them. */
export function errorReportCsv(
  failures: { file: string; line?: number; field?: string; reason: string }[],
): string {
  const cell = (v: string | number | undefined) => {
    const text = v === undefined ? '' : String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = failures.map((f) => [f.file, f.line, f.field, f.reason].map(cell).join(','));
  return ['file,line,field,reason', ...rows].join('\n') + '\n';
}
