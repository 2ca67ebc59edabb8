import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Background } from './background';
import { InProcessJobQueue } from './in-process-job-queue';
import { JOB_QUEUE } from './job-queue';
import { PgBossJobQueue } from './pg-boss-job-queue';
import { OutboxDispatcher } from './outbox-dispatcher';
import { OutboxRepository } from './outbox.repository';

/** An evaluation whose score now counts (or changed): submitted, auto-scored, resolved, imported. */
export interface EvaluationScored {
  evaluationId: number;
  interactionId: number;
  kind: string;
  /** What happened: 'submitted' | 'auto' | 'mystery_shop' | 'resolved' | 'acknowledged' | 'disputed'. */
  reason: string;
}

/** Writes through the manager it is given, which commits with the event's row marked done. */
type Listener = (event: EvaluationScored, manager: EntityManager) => Promise<void> | void;

export const EVALUATION_SCORED = 'evaluation.scored';

/**
 * Notifications between features, so evaluations need not know who cares (the work queue
 * closes its item, analytics refreshes its roll-up, disputes notify the agent, calibration
 * closes a session). Durable: the feature that changes an evaluation `record`s the event in the
 * same transaction (a row of the outbox), and after its commit `deliver`s it; the listeners run
 * from the outbox (src/events/outbox-dispatcher.ts), at least once, so each must be idempotent.
 * If the process dies between the commit and the delivery, another process (or this one when it
 * starts again) delivers it.
 */
@Injectable()
export class EvaluationEvents {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  onScored(listener: Listener): void {
    this.dispatcher.handle(EVALUATION_SCORED, (payload, manager) =>
      listener(payload as unknown as EvaluationScored, manager),
    );
  }

  /** Inside the transaction of the change; returns the outbox row's id for `deliver`. */
  record(manager: EntityManager, event: EvaluationScored): Promise<number> {
    return this.outbox.insert(manager, EVALUATION_SCORED, { ...event });
  }

  /** After the commit: runs the listeners now; what fails stays in the outbox for a retry. */
  deliver(ids: number[]): Promise<void> {
    return this.dispatcher.deliver(ids);
  }
}

@Global()
@Module({
  providers: [
    EvaluationEvents,
    OutboxDispatcher,
    OutboxRepository,
    Background,
    {
      // pg-boss on PostgreSQL (several instances); in process on SQLite (one process).
      provide: JOB_QUEUE,
      inject: [APP_CONFIG, Background],
      useFactory: (config: AppConfig, background: Background) =>
        config.database.type === 'postgres'
          ? new PgBossJobQueue(config.database.url, () => background.loops)
          : new InProcessJobQueue(() => background.webOnly),
    },
  ],
  exports: [EvaluationEvents, OutboxDispatcher, OutboxRepository, Background, JOB_QUEUE],
})
export class EventsModule {}
