import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const OUTBOX_STATUSES = ['pending', 'done', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
/** What a handler gets: flat JSON values. */
export type OutboxPayload = Record<string, string | number | boolean | null>;

/**
 * A side effect still owed for a change that committed (the transactional outbox): written in
 * the same transaction as the change, so it exists exactly when the change does, and drained by
 * the dispatcher (src/events/outbox-dispatcher.ts), which runs the handlers of its topic and
 * marks it done in one transaction. A handler that throws leaves it pending with its error, to
 * be tried again later (`availableAt`); after too many attempts it is `failed` (/admin/jobs).
 */
@Entity('outbox_events')
@Index('IDX_outbox_events_status_available', ['status', 'availableAt'])
export class OutboxEvent {
  @PrimaryGeneratedColumn()
  id: number;

  /** What happened, e.g. `evaluation.scored`. */
  @Column({ type: 'varchar', length: 60 })
  topic: string;

  @Column({ type: 'simple-json' })
  payload: OutboxPayload;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** Not tried again before this (the backoff after a failure). */
  @Column({ type: Date })
  availableAt: Date;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ type: Date, nullable: true })
  doneAt: Date | null;
}
