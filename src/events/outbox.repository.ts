import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThan, LessThanOrEqual } from 'typeorm';
import { OutboxEvent, OutboxPayload, OutboxStatus } from './entities/outbox-event.entity';

/** What a failed attempt leaves on its row. */
export interface OutboxFailure {
  attempts: number;
  error: string;
  /** Tried again from then on; null: given up (`failed`). */
  retryAt: Date | null;
}

/** The one owner of `outbox_events`. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inside the transaction of the change it belongs to. */
  async insert(manager: EntityManager, topic: string, payload: OutboxPayload): Promise<number> {
    const result = await manager.insert(OutboxEvent, {
      topic,
      payload,
      status: 'pending',
      attempts: 0,
      lastError: null,
      availableAt: new Date(),
      doneAt: null,
    });
    return Number(result.identifiers[0].id);
  }

  /**
   * Claims the oldest pending row that is due (or the one given, if pending), inside the
   * caller's transaction: on PostgreSQL it stays locked until the transaction ends and other
   * processes skip it (`FOR UPDATE SKIP LOCKED`). On SQLite one process writes at a time.
   */
  async claim(manager: EntityManager, now: Date, id?: number): Promise<OutboxEvent | null> {
    const qb = manager
      .getRepository(OutboxEvent)
      .createQueryBuilder('o')
      .where('o.status = :pending', { pending: 'pending' })
      .orderBy('o.id', 'ASC')
      .limit(1);
    if (id !== undefined) qb.andWhere('o.id = :id', { id });
    else qb.andWhere('o.availableAt <= :now', { now });
    if (manager.connection.options.type === 'postgres') {
      qb.setLock('pessimistic_write').setOnLocked('skip_locked');
    }
    return qb.getOne();
  }

  async markDone(manager: EntityManager, id: number): Promise<void> {
    await manager.update(OutboxEvent, id, { status: 'done', doneAt: new Date() });
  }

  /**
   * After the handlers' transaction rolled back. Only if the row is still as it was claimed:
   * another process may have handled it meanwhile.
   */
  async recordFailure(id: number, claimedAttempts: number, failure: OutboxFailure): Promise<void> {
    await this.dataSource.manager.update(
      OutboxEvent,
      { id, status: 'pending', attempts: claimedAttempts },
      {
        attempts: failure.attempts,
        lastError: failure.error,
        status: failure.retryAt ? 'pending' : 'failed',
        availableAt: failure.retryAt ?? new Date(),
      },
    );
  }

  /** Forgets rows done before `before`; returns how many. Failed and pending rows stay. */
  async deleteDoneBefore(before: Date): Promise<number> {
    const result = await this.dataSource.manager.delete(OutboxEvent, {
      status: 'done',
      doneAt: LessThan(before),
    });
    return result.affected ?? 0;
  }

  /** Pending rows due now (what the dispatcher has to do). */
  countDue(now: Date): Promise<number> {
    return this.dataSource.manager.countBy(OutboxEvent, {
      status: 'pending',
      availableAt: LessThanOrEqual(now),
    });
  }

  async countsByStatus(): Promise<Record<OutboxStatus, number>> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(OutboxEvent, 'o')
      .select('o.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy('o.status')
      .getRawMany<{ status: OutboxStatus; n: unknown }>();
    const counts: Record<OutboxStatus, number> = { pending: 0, done: 0, failed: 0 };
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  }

  /** Newest first, of one status or of all. */
  list(status: OutboxStatus | null, limit: number): Promise<OutboxEvent[]> {
    return this.dataSource.manager.find(OutboxEvent, {
      where: status ? { status } : {},
      order: { id: 'DESC' },
      take: limit,
    });
  }

  find(id: number): Promise<OutboxEvent | null> {
    return this.dataSource.manager.findOneBy(OutboxEvent, { id });
  }

  /** A failed (or waiting) row is due again now, its attempts counted anew; false: none such. */
  async retry(manager: EntityManager, id: number): Promise<boolean> {
    const result = await manager.update(
      OutboxEvent,
      { id, status: In(['failed', 'pending']) },
      { status: 'pending', attempts: 0, availableAt: new Date() },
    );
    return (result.affected ?? 0) > 0;
  }
}
