import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/current-user';
import { ForbiddenError, InputError, NotFoundError } from '../common/errors';
import { localDateTimeText, parseDateTimeInput } from '../common/time-zone';
import { transaction } from '../database/transaction';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersRepository } from '../users/users.repository';
import { CoachingRepository } from './coaching.repository';
import { CoachingService } from './coaching.service';
import { FeedbackSession } from './entities/feedback-session.entity';

/**
 * The feedback sessions of a coaching plan: the team lead schedules one (the agent of a shared
 * plan is notified), writes it down once held, and the agent acknowledges it. Who may read a
 * session is who may read its plan (CoachingService.get).
 */
@Injectable()
export class FeedbackSessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CoachingRepository,
    private readonly coaching: CoachingService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly users: UsersRepository,
  ) {}

  /**
   * A session at a time given in the installation's zone (TZ_DISPLAY) or as ISO with an offset;
   * the agent of a shared plan is notified.
   */
  async schedule(actor: Actor, planId: number, when: string): Promise<FeedbackSession> {
    this.coaching.mustWrite(actor);
    const plan = await this.coaching.get(actor, planId);
    const scheduledAt = parseDateTimeInput(when ?? '');
    if (!scheduledAt) {
      throw new InputError('scheduledAt', 'give a date and time for the session', {
        key: 'coaching.error.scheduledAt',
      });
    }
    return transaction(this.dataSource, async (manager) => {
      const session = await this.repository.insertSession(manager, {
        planId,
        scheduledAt,
        status: 'scheduled',
        createdById: actor.id,
      });
      await this.audit.record(manager, actor, {
        action: 'feedback_session.scheduled',
        entityType: 'coaching_plan',
        entityId: planId,
        after: { session: session.id, scheduledAt },
      });
      // A draft plan is not the agent's to read yet (they would follow the notice to a 404).
      if (plan.status === 'shared') {
        await this.notifications.notify(
          manager,
          await this.users.agentUserIds(manager, plan.agentId),
          'feedback_session_scheduled',
          { at: localDateTimeText(scheduledAt) },
          `/coaching/${planId}`,
        );
      }
      return session;
    });
  }

  sessionsOf(planId: number): Promise<FeedbackSession[]> {
    return this.repository.sessionsOf(planId);
  }

  /** The team lead writes down the session: notes per focus criterion, commitments, follow-up. */
  async record(
    actor: Actor,
    sessionId: number,
    input: { notes: Record<string, string>; commitments: string; followUpDate?: string },
  ): Promise<FeedbackSession> {
    this.coaching.mustWrite(actor);
    const session = await this.session(actor, sessionId);
    if (!session.heldAt && session.scheduledAt.getTime() > Date.now()) {
      throw new InputError(
        'session',
        `the session is scheduled for ${localDateTimeText(session.scheduledAt)}; it can be recorded as held from then on`,
      );
    }
    await transaction(this.dataSource, async (manager) => {
      await this.repository.updateSession(manager, sessionId, {
        status: 'held',
        heldAt: session.heldAt ?? new Date(),
        notes: input.notes,
        commitments: input.commitments.slice(0, 5000) || null,
        followUpDate: input.followUpDate || null,
        leadAcknowledgedAt: new Date(),
      });
      await this.audit.record(manager, actor, {
        action: 'feedback_session.held',
        entityType: 'coaching_plan',
        entityId: session.planId,
        after: { session: sessionId, followUpDate: input.followUpDate ?? null },
      });
    });
    return this.session(actor, sessionId);
  }

  /** The agent confirms the session and their commitments. */
  async acknowledge(actor: Actor, sessionId: number): Promise<FeedbackSession> {
    const session = await this.session(actor, sessionId);
    if (actor.role !== 'agent')
      throw new ForbiddenError('the agent acknowledges their own session', {
        key: 'error.forbidden.ownSession',
      });
    if (session.status !== 'held') {
      throw new InputError('session', 'the session has not been held yet', {
        key: 'coaching.error.notHeldYet',
      });
    }
    await transaction(this.dataSource, async (manager) => {
      await this.repository.updateSession(manager, sessionId, { agentAcknowledgedAt: new Date() });
      await this.audit.record(manager, actor, {
        action: 'feedback_session.acknowledged',
        entityType: 'coaching_plan',
        entityId: session.planId,
        after: { session: sessionId },
      });
    });
    return this.session(actor, sessionId);
  }

  /** A feedback session of a plan the actor may read; 404 otherwise. */
  async session(actor: Actor, sessionId: number): Promise<FeedbackSession> {
    const session = await this.repository.findSession(sessionId);
    if (!session) throw new NotFoundError('feedback session', sessionId);
    await this.coaching.get(actor, session.planId); // 404 when the plan is not visible
    return session;
  }
}
