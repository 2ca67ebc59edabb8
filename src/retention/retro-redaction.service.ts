import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { transaction } from '../database/transaction';
import { EvaluationWriter } from '../evaluations/evaluation-writer';
import type { Interaction } from '../interactions/entities/interaction.entity';
import { InteractionsRepository } from '../interactions/interactions.repository';
import { RedactionFindingsRepository } from '../privacy/redaction-findings.repository';
import { redactForImport, redactQuote } from '../redaction/redact-import';

export interface RetroRedactionReport {
  dryRun: boolean;
  /** Calls looked at (stored verbatim before). */
  calls: number;
  /** Calls whose turns or notes changed. */
  changed: number;
  turns: number;
  notes: number;
  /** Evaluation answers whose evidence quotes were redacted too. */
  evidence: number;
  /** Findings per kind (what the import would have recorded). */
  findings: Record<string, number>;
  /** Calls of a source stored as it comes (REDACTION_OFF_SOURCES): left as they are. */
  skipped: number;
}

/** Calls per transaction: an interrupted run keeps what it finished and resumes after it. */
const BATCH = 50;

/**
 * `redact-existing`: calls imported before redaction existed (or while it was off) are
 * redacted in place as the import would have: their turns and notes, the findings recorded,
 * their evidence quotes trimmed; then marked redacted (`redactedAt`), so a run that stops
 * halfway resumes with the calls left. A call whose text had nothing to mask is only marked.
 */
@Injectable()
export class RetroRedactionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly interactions: InteractionsRepository,
    private readonly findings: RedactionFindingsRepository,
    private readonly writer: EvaluationWriter,
  ) {}

  get enabled(): boolean {
    return this.config.redaction.enabled;
  }

  pending(): Promise<number> {
    return this.interactions.countNotRedacted();
  }

  async run(
    options: { dryRun: boolean; at?: Date },
    progress?: (report: RetroRedactionReport) => void,
  ): Promise<RetroRedactionReport> {
    const at = options.at ?? new Date();
    const report: RetroRedactionReport = {
      dryRun: options.dryRun,
      calls: 0,
      changed: 0,
      turns: 0,
      notes: 0,
      evidence: 0,
      findings: {},
      skipped: 0,
    };
    let afterId = 0;
    for (;;) {
      const calls = await this.interactions.notRedacted(afterId, BATCH);
      if (calls.length === 0) break;
      afterId = calls[calls.length - 1].id;
      const work = async (manager: EntityManager) => {
        for (const call of calls) await this.redactCall(manager, call, at, report);
      };
      if (options.dryRun) await work(this.dataSource.manager);
      else await transaction(this.dataSource, work);
      progress?.(report);
    }
    return report;
  }

  private async redactCall(
    manager: EntityManager,
    call: Pick<Interaction, 'id' | 'source' | 'language' | 'notes'>,
    at: Date,
    report: RetroRedactionReport,
  ): Promise<void> {
    if (this.config.redaction.offSources.includes(call.source)) {
      report.skipped++;
      return;
    }
    report.calls++;
    const turns = await this.interactions.turnsIn(manager, call.id);
    const { transcript, findings } = redactForImport(
      {
        meta: {
          source: call.source,
          language: call.language,
          notes: call.notes ?? undefined,
        },
        turns: turns.map((t) => ({
          speaker: t.speaker,
          startMs: t.startMs,
          endMs: t.endMs,
          text: t.text,
        })),
      },
      this.config.redaction,
    );
    const changedTurns = transcript.turns
      .map((t, i) => ({ seq: turns[i].seq, text: t.text, before: turns[i].text }))
      .filter((t) => t.text !== t.before);
    const notes = transcript.meta.notes ?? null;
    const notesChanged = notes !== call.notes;
    if (changedTurns.length > 0 || notesChanged) {
      report.changed++;
      report.turns += changedTurns.length;
      if (notesChanged) report.notes++;
      for (const f of findings) report.findings[f.kind] = (report.findings[f.kind] ?? 0) + 1;
    }
    if (report.dryRun) return;
    if (changedTurns.length > 0 || notesChanged) {
      // Seq numbers stay, so the findings' turns and the evaluations' pinned turns still match.
      await this.findings.deleteFor(manager, call.id);
      await this.findings.insert(
        manager,
        call.id,
        findings.map((f) => ({ ...f, turnSeq: f.turnSeq === null ? null : turns[f.turnSeq].seq })),
      );
    }
    await this.interactions.storeRedacted(manager, call.id, changedTurns, notes, at);
    report.evidence += await this.writer.trimEvidence(manager, [call.id], (quote) =>
      redactQuote(quote, call.language, this.config.redaction.address),
    );
  }
}
