import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FILE_STORE, type FileStore } from '../storage/file-store';
import { CoachingRepository } from './coaching.repository';
import type { PlanContent } from './plan-content';
import { quotesAnyOf, trimPlanQuotes, type QuoteTrim } from './plan-quotes';

const BATCH = 200;

/**
 * Coaching plans when the calls they quote lose their transcripts (retention, data subject
 * requests): each quote from those calls is trimmed to its redacted form and the plan's stored
 * PDF is dropped, so that the next download renders it again from the trimmed content.
 */
@Injectable()
export class CoachingPlanQuotes {
  constructor(
    private readonly repository: CoachingRepository,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  /** Trims, in the caller's transaction; returns how many plans changed. */
  async trimQuotesOf(
    manager: EntityManager,
    interactionIds: number[],
    trim: QuoteTrim,
  ): Promise<number> {
    if (interactionIds.length === 0) return 0;
    const ids = new Set(interactionIds);
    let changed = 0;
    let afterId = 0;
    for (;;) {
      const plans = await this.repository.planContents(manager, afterId, BATCH);
      if (plans.length === 0) break;
      afterId = plans[plans.length - 1].id;
      for (const plan of plans) {
        const content = plan.content as unknown as PlanContent;
        if (!quotesAnyOf(content, ids)) continue;
        const trimmed = trimPlanQuotes(content, ids, trim);
        if (!trimmed.changed) continue;
        await this.repository.rewriteContent(
          manager,
          plan.id,
          trimmed.content as unknown as Record<string, unknown>,
        );
        // Deleted now: if the transaction then fails, the plan still names the file, finds it
        // gone and renders the PDF again, so no verbatim copy survives either way.
        if (plan.pdfFile) await this.files.delete(`coaching/${plan.pdfFile}`);
        changed++;
      }
    }
    return changed;
  }
}
