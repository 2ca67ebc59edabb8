import { Global, Injectable, Logger, Module } from '@nestjs/common';

/** An evaluation whose score now counts (or changed): submitted, auto-scored, resolved, imported. */
export interface EvaluationScored {
  evaluationId: number;
  interactionId: number;
  kind: string;
  /** What happened: 'submitted' | 'auto' | 'mystery_shop' | 'resolved' | 'acknowledged' | 'disputed'. */
  reason: string;
}

type Listener = (event: EvaluationScored) => Promise<void> | void;

/**
 * In-process notifications between features, so evaluations need not know who cares (the work
 * queue closes its item, analytics refreshes its roll-up, disputes notify the agent). Emitted
 * after the change committed; a failing listener is logged and does not undo the change.
 */
@Injectable()
export class EvaluationEvents {
  private readonly logger = new Logger('EvaluationEvents');
  private readonly listeners: Listener[] = [];

  onScored(listener: Listener): void {
    this.listeners.push(listener);
  }

  async scored(event: EvaluationScored): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(event);
      } catch (e) {
        this.logger.error(
          `listener failed for evaluation ${event.evaluationId} (${event.reason}): ${e instanceof Error ? e.stack : String(e)}`,
        );
      }
    }
  }
}

@Global()
@Module({ providers: [EvaluationEvents], exports: [EvaluationEvents] })
export class EventsModule {}
