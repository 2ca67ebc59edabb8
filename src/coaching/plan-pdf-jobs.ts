import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { UnavailableError } from '../common/errors';
import { JOB_QUEUE, type JobQueue } from '../events/job-queue';
import { PdfService } from '../pdf/pdf.service';
import { FILE_STORE, type FileStore } from '../storage/file-store';
import { CoachingRepository } from './coaching.repository';
import type { CoachingPlan } from './entities/coaching-plan.entity';
import type { PlanContent } from './plan-content';
import { renderPlanHtml } from './plan-pdf';

/** The job that renders one version of a plan to PDF (key `plan-<id>-v<version>`). */
export const PDF_QUEUE = 'coaching.pdf';
/** How long a request waits for a worker's PDF (the first render starts Chromium: ~7 s). */
export const PDF_WAIT_MS = 90_000;
const POLL_MS = 200;

/**
 * Coaching-plan PDFs as jobs. On PostgreSQL a render is a pg-boss job (`coaching.pdf`, one
 * waiting per plan version, so instances asked at once render it once) taken by a process with
 * workers — Chromium runs only there — which keeps the bytes in the shared file store; the
 * instance that was asked waits for them there. On SQLite the job runs when it is sent.
 */
@Injectable()
export class PlanPdfJobs implements OnModuleInit {
  constructor(
    private readonly repository: CoachingRepository,
    private readonly pdf: PdfService,
    @Inject(FILE_STORE) private readonly files: FileStore,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.define(
      PDF_QUEUE,
      { policy: 'short', retryLimit: 1, retryDelay: 5, concurrency: 1, expireInSeconds: 120 },
      async (data) => {
        const plan = await this.repository.planById(Number(data.planId));
        // A newer version was saved meanwhile: its own job renders that one.
        if (!plan || plan.version !== Number(data.version)) return;
        await this.files.put(pdfKey(fileOf(plan)), await this.render(plan));
      },
    );
  }

  /**
   * The PDF of the plan's current version, from the file store, rendered by a job first when
   * it is not there yet. Refuses with 503 when no worker made it within PDF_WAIT_MS.
   */
  async stored(plan: CoachingPlan): Promise<{ file: string; bytes: Buffer }> {
    const file = fileOf(plan);
    const existing = await this.files.get(pdfKey(file));
    if (existing) return { file, bytes: existing };
    const key = file.replace(/\.pdf$/, '');
    await this.jobs.send(PDF_QUEUE, { planId: plan.id, version: plan.version }, { key });
    for (const until = Date.now() + PDF_WAIT_MS; ;) {
      const bytes = await this.files.get(pdfKey(file));
      if (bytes) return { file, bytes };
      if (Date.now() > until) {
        const seconds = String(PDF_WAIT_MS / 1000);
        throw new UnavailableError(
          `no worker rendered ${file} within ${seconds} s (see /admin/jobs, queue ${PDF_QUEUE})`,
          { key: 'error.pdfNotRendered', params: { seconds, queue: PDF_QUEUE } },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Renders a plan to PDF bytes, here (CLI and bench). */
  render(plan: CoachingPlan): Promise<Buffer> {
    const content = plan.content as unknown as PlanContent & { lang?: string };
    const lang = content.lang === 'en' ? 'en' : 'ko';
    return this.pdf.render(renderPlanHtml(content, lang), {
      footerTemplate: `<div style="width:100%;font-size:8px;color:#666;text-align:center;font-family:'NanumGothic',sans-serif">${escapeHtml(
        `${content.agent.name} · ${content.period.from} – ${content.period.to}`,
      )} · <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
    });
  }
}

function fileOf(plan: Pick<CoachingPlan, 'id' | 'version'>): string {
  return `plan-${plan.id}-v${plan.version}.pdf`;
}

/** Where a plan's PDF is kept in the file store (DATA_DIR/coaching/… on one machine). */
export function pdfKey(file: string): string {
  return `coaching/${file}`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
