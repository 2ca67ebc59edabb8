/**
 * `npm run cli -- redact-existing [--dry-run]`: redacts the calls stored verbatim (imported
 * before redaction existed, or while it was off) as the import does today. Resumable: each
 * batch is committed and marks its calls redacted, so a stopped run goes on from there.
 */
import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import {
  RetroRedactionService,
  type RetroRedactionReport,
} from '../retention/retro-redaction.service';

type WithApp = <T>(fn: (app: INestApplicationContext) => Promise<T>) => Promise<T>;

export function formatRetroRedaction(report: RetroRedactionReport): string {
  const kinds = Object.entries(report.findings)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  const verb = report.dryRun ? 'Would redact' : 'Redacted';
  return [
    `${verb} ${report.changed} of ${report.calls} calls stored verbatim: ${report.turns} turns, ${report.notes} notes.`,
    `Findings: ${kinds || 'none'}.`,
    report.dryRun ? '' : `Evidence quotes redacted in ${report.evidence} evaluation answers.`,
    report.skipped > 0
      ? `${report.skipped} calls of sources in REDACTION_OFF_SOURCES left as they are.`
      : '',
    report.dryRun ? 'Nothing was written (--dry-run).' : '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

export function registerRedactCommand(program: Command, withApp: WithApp): void {
  program
    .command('redact-existing')
    .description('redact the transcripts and notes of calls stored before redaction (resumable)')
    .option('--dry-run', 'count what would be masked; write nothing')
    .action(async (options: { dryRun?: boolean }) => {
      const report = await withApp(async (app) => {
        const service = app.get(RetroRedactionService);
        if (!service.enabled) {
          throw new Error('REDACTION=off: turn redaction on before redacting existing calls');
        }
        const total = await service.pending();
        return service.run({ dryRun: options.dryRun === true }, (r) => {
          if (process.stderr.isTTY) {
            process.stderr.write(`\r${r.calls + r.skipped}/${total} calls`);
          }
        });
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      console.log(formatRetroRedaction(report));
    });
}
