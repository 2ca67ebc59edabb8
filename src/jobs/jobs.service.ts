import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/current-user';
import { InputError, NotFoundError } from '../common/errors';
import { transaction } from '../database/transaction';
import { OUTBOX_STATUSES, OutboxStatus } from '../events/entities/outbox-event.entity';
import { OutboxDispatcher } from '../events/outbox-dispatcher';
import { OutboxRepository } from '../events/outbox.repository';

/** Rows the page lists. */
export const JOBS_PAGE_SIZE = 100;

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
  ) {}

  /** `status` as given in the query: empty for all, else one of OUTBOX_STATUSES. */
  statusFilter(status: string | undefined): OutboxStatus | null {
    if (!status) return null;
    if (!(OUTBOX_STATUSES as readonly string[]).includes(status)) {
      throw new InputError('status', `must be one of ${OUTBOX_STATUSES.join(', ')}`);
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

  /** A failed or waiting row is tried now (audited); what happens shows on the page. */
  async retry(actor: Actor, id: number): Promise<void> {
    const row = await this.outbox.find(id);
    if (!row) throw new NotFoundError('job', id);
    if (row.status === 'done') throw new InputError('id', `job ${id} is done: nothing to retry`);
    await transaction(this.dataSource, async (manager) => {
      if (!(await this.outbox.retry(manager, id))) {
        throw new InputError('id', `job ${id} is done: nothing to retry`);
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
