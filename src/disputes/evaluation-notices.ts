import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EvaluationsRepository } from '../evaluations/evaluations.repository';
import { EvaluationEvents, EvaluationScored } from '../events/evaluation-events';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersRepository } from '../users/users.repository';

/** Evaluations an agent sees and may respond to; auto and calibration scores are not for them. */
export const AGENT_FACING_KINDS: ReadonlySet<string> = new Set(['manual', 'mystery_shop']);
/** A human evaluation submitted, or a mystery-shop result imported. */
const NEW_EVALUATION_REASONS = new Set(['submitted', 'mystery_shop']);

/** Tells the agent a new evaluation of theirs is there to acknowledge or dispute. */
@Injectable()
export class EvaluationNotices implements OnModuleInit {
  constructor(
    private readonly events: EvaluationEvents,
    private readonly evaluations: EvaluationsRepository,
    private readonly users: UsersRepository,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.events.onScored((event, manager) => this.onScored(event, manager));
  }

  /**
   * From the outbox: the notice commits with the event marked done, so it is written once even
   * when the event is delivered again after a failure.
   */
  private async onScored(event: EvaluationScored, manager: EntityManager): Promise<void> {
    if (!NEW_EVALUATION_REASONS.has(event.reason) || !AGENT_FACING_KINDS.has(event.kind)) return;
    const evaluation = await this.evaluations.findWithInteraction(event.evaluationId, manager);
    if (!evaluation || evaluation.status === 'draft') return;
    const agentUsers = await this.users.agentUserIds(
      manager,
      evaluation.interaction?.agentId ?? null,
    );
    await this.notifications.notify(
      manager,
      agentUsers,
      'evaluation_submitted',
      {
        evaluationId: evaluation.id,
        call: evaluation.interaction?.externalId ?? '',
        score: evaluation.overallScore === null ? '–' : `${evaluation.overallScore.toFixed(1)}%`,
      },
      `/evaluations/${evaluation.id}`,
    );
  }
}
