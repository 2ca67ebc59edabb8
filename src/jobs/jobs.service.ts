import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/current-user';
import { InputError, NotFoundError } from '../common/errors';
import { transaction } from '../database/transaction';
import { OUTBOX_STATUSES, OutboxStatus } from '../events/entities/outbox-event.entity';
import { JOB_QUEUE, type JobQueue, type QueueCounts } from '../events/job-queue';
import { OutboxDispatcher } from '../events/outbox-dispatcher';
import { OutboxRepository } from '../events/outbox.repository';

/** Rows the page lists. */
export const JOBS_PAGE_SIZE = 100;
/** Failed queue jobs the page lists. */
export const FAILED_JOBS_SHOWN = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The job queues (pg-boss) as the page shows them; `inProcess` on SQLite. */
export interface QueuesView {
  inProcess: boolean;
  counts: QueueCounts[];
  failed: FailedJobView[];
}

export interface FailedJobView {
  id: string;
  queue: string;
  /** The job's payload as JSON (an agent-day, a plan …). */
  data: string;
  attempts: number;
  failedAt: Date | null;
  errorLine: string;
  error: string;
}

export interface JobRowView {
  id: number;
  topic: string;
  status: OutboxStatus;
  attempts: number;
  reason: string | null;
  evaluationId: number | null;
  /** The first line of the last error; `error` the whole of it. */
  errorLine: string | null;
  error: string | null;
  createdAt: Date;
  availableAt: Date;
  doneAt: Date | null;
  retryable: boolean;
}

/** Admin: the background work owed after commits (the outbox), its failures and retries. */
@Injectable()
export class JobsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly dispatcher: OutboxDispatcher,
    private readonly audit: AuditService,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
  ) {}

  /** `status` as given in the query: empty for all, else one of OUTBOX_STATUSES. */
  statusFilter(status: string | undefined): OutboxStatus | null {
    if (!status) return null;
    if (!(OUTBOX_STATUSES as readonly string[]).includes(status)) {
      throw new InputError('status', `must be one of ${OUTBOX_STATUSES.join(', ')}`, {
        key: 'error.jobs.status',
        params: { values: OUTBOX_STATUSES.join(', ') },
      });
    }
    return status as OutboxStatus;
  }

  async overview(status: OutboxStatus | null) {
    const [counts, rows] = await Promise.all([
      this.outbox.countsByStatus(),
      this.outbox.list(status, JOBS_PAGE_SIZE),
    ]);
    const items: JobRowView[] = rows.map((r) => ({
      id: r.id,
      topic: r.topic,
      status: r.status,
      attempts: r.attempts,
      reason: typeof r.payload.reason === 'string' ? r.payload.reason : null,
      evaluationId: typeof r.payload.evaluationId === 'number' ? r.payload.evaluationId : null,
      errorLine: r.lastError ? r.lastError.split('\n')[0] : null,
      error: r.lastError,
      createdAt: r.createdAt,
      availableAt: r.availableAt,
      doneAt: r.doneAt,
      retryable: r.status !== 'done',
    }));
    return { counts, items };
  }

  /** pg-boss's queues: counts per state and the failed jobs with their error. */
  async queues(): Promise<QueuesView> {
    if (this.jobs.engine === 'in-process') return { inProcess: true, counts: [], failed: [] };
    const [counts, failed] = await Promise.all([
      this.jobs.counts(),
      this.jobs.failed(FAILED_JOBS_SHOWN),
    ]);
    return {
      inProcess: false,
      counts,
      failed: failed.map((j) => ({
        id: j.id,
        queue: j.queue,
        data: JSON.stringify(j.data),
        attempts: j.attempts,
        failedAt: j.failedAt,
        errorLine: j.error.split('\n')[0],
        error: j.error,
      })),
    };
  }

  /** A failed queue job is queued again (audited); a worker runs it. */
  async retryQueued(actor: Actor, queue: string, id: string): Promise<void> {
    if (!UUID.test(id))
      throw new InputError('id', 'must be the id of a queue job (a UUID)', {
        key: 'error.jobs.uuid',
      });
    const known = (await this.jobs.counts()).some((q) => q.name === queue);
    if (!known) throw new NotFoundError('job queue', queue);
    const failed = (await this.jobs.failed(FAILED_JOBS_SHOWN)).find(
      (j) => j.id === id && j.queue === queue,
    );
    if (!(await this.jobs.retry(queue, id))) {
      throw new InputError('id', `job ${id} of ${queue} has not failed: nothing to retry`, {
        key: 'error.jobs.notFailed',
        params: { id, queue },
      });
    }
    await transaction(this.dataSource, (manager) =>
      this.audit.record(manager, actor, {
        action: 'job.retried',
        entityType: 'queue_job',
        entityId: id,
        before: { queue, state: 'failed', error: failed?.error.slice(0, 2000) ?? null },
        after: { queue, state: 'retry' },
      }),
    );
  }

  /** A failed or waiting row is tried now (audited); what happens shows on the page. */
  async retry(actor: Actor, id: number): Promise<void> {
    const row = await this.outbox.find(id);
    if (!row) throw new NotFoundError('job', id);
    if (row.status === 'done')
      throw new InputError('id', `job ${id} is done: nothing to retry`, {
        key: 'error.jobs.done',
        params: { id: String(id) },
      });
    await transaction(this.dataSource, async (manager) => {
      if (!(await this.outbox.retry(manager, id))) {
        throw new InputError('id', `job ${id} is done: nothing to retry`, {
          key: 'error.jobs.done',
          params: { id: String(id) },
        });
      }
      await this.audit.record(manager, actor, {
        action: 'job.retried',
        entityType: 'job',
        entityId: id,
        before: { status: row.status, attempts: row.attempts, lastError: row.lastError },
        after: { status: 'pending', attempts: 0 },
      });
    });
    await this.dispatcher.deliver([id]);
  }
}
