import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/current-user';
import { DomainError, ForbiddenError, InputError, NotFoundError } from '../common/errors';
import { Page, pageOf } from '../common/pagination';
import { transaction } from '../database/transaction';
import { UsersRepository } from '../users/users.repository';
import { Evaluation } from '../evaluations/entities/evaluation.entity';
import { EvaluationsService } from '../evaluations/evaluations.service';
import { EvaluationEvents } from '../events/evaluation-events';
import { InteractionsRepository } from '../interactions/interactions.repository';
import { InteractionsService } from '../interactions/interactions.service';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { CALIBRATION_ROLES, CalibrationResults, isSubmitted } from './calibration-results';
import { CalibrationStatsService } from './calibration-stats.service';
import { CalibrationRepository } from './calibration.repository';
import type { CalibrationStatus } from './entities/calibration-session.entity';
import type {
  CalibrationSessionView,
  OpenCalibrationInput,
  SessionSummary,
} from './calibration-session.types';
import { scorecardOf, scorecardVersionOf } from '../scorecards/loaded-version';

/** The session is closed (or still open) and the request needs the other state. */
export class CalibrationStateError extends DomainError {
  readonly status = 409;
}

export type { CalibrationResults, EvaluatorHistory } from './calibration-results';
export type {
  CalibrationSessionView,
  OpenCalibrationInput,
  ParticipantView,
  SessionSummary,
} from './calibration-session.types';

@Injectable()
export class CalibrationService implements OnModuleInit {
  private readonly logger = new Logger('CalibrationService');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CalibrationRepository,
    private readonly evaluations: EvaluationsService,
    private readonly interactions: InteractionsService,
    private readonly scorecards: ScorecardsService,
    private readonly audit: AuditService,
    private readonly events: EvaluationEvents,
    private readonly users: UsersRepository,
    private readonly stats: CalibrationStatsService,
    private readonly interactionRows: InteractionsRepository,
  ) {}

  onModuleInit(): void {
    this.events.onScored(async (event, manager) => {
      if (event.kind === 'calibration' && event.reason === 'submitted') {
        await this.closeWhenAllSubmitted(manager, event.evaluationId);
      }
    });
  }

  /** An admin names the call, the scorecard, the evaluators and the expert among them. */
  async open(actor: Actor, input: OpenCalibrationInput): Promise<CalibrationSessionView> {
    const interaction = await this.interactions.get(input.interactionId, actor).catch(() => {
      throw new InputError('interactionId', `interaction ${input.interactionId} does not exist`, {
        key: 'calibration.error.noCall',
        params: { call: String(input.interactionId) },
      });
    });
    const version = await this.scorecards.current(input.scorecardKey).catch(() => {
      throw new InputError('scorecardKey', `no scorecard "${input.scorecardKey}"`, {
        key: 'calibration.error.noScorecard',
        params: { key: input.scorecardKey },
      });
    });
    const participantIds = await this.checkParticipants(input.participantIds, input.expertId);
    if (input.dueAt && input.dueAt.getTime() < Date.now()) {
      throw new InputError('dueAt', 'the due date is in the past', {
        key: 'calibration.error.duePast',
      });
    }
    const note = input.note?.trim() || null;
    const id = await transaction(this.dataSource, async (manager) => {
      const session = await this.repository.insertSession(
        manager,
        {
          interactionId: interaction.id,
          scorecardVersionId: version.id,
          expertId: input.expertId,
          createdById: actor.id,
          status: 'open',
          note,
          dueAt: input.dueAt ?? null,
          closedAt: null,
        },
        participantIds,
      );
      await this.audit.record(manager, actor, {
        action: 'calibration.opened',
        entityType: 'calibration',
        entityId: session.id,
        after: {
          interactionId: interaction.id,
          scorecard: `${input.scorecardKey} v${version.version}`,
          participantIds,
          expertId: input.expertId,
          note,
          dueAt: input.dueAt ?? null,
        },
      });
      return session.id;
    });
    return this.get(actor, id);
  }

  private async checkParticipants(ids: number[], expertId: number): Promise<number[]> {
    const unique = [...new Set(ids)];
    // At most 50 ids is OpenCalibrationDto's to check; the same person twice counts once.
    if (unique.length < 2) {
      throw new InputError('participantIds', 'name at least two evaluators', {
        key: 'calibration.error.twoParticipants',
      });
    }
    const users = new Map((await this.users.byIds(unique)).map((u) => [u.id, u]));
    for (const id of unique) {
      const user = users.get(id);
      if (!user || !user.active) {
        throw new InputError('participantIds', `user ${id} does not exist or is inactive`, {
          key: 'calibration.error.inactive',
          params: { id: String(id) },
        });
      }
      if (!(CALIBRATION_ROLES as readonly string[]).includes(user.role)) {
        throw new InputError(
          'participantIds',
          `${user.name} is a ${user.role}; only evaluators and admins score calibration calls`,
          { key: 'calibration.error.role', params: { name: user.name, role: user.role } },
        );
      }
    }
    if (!unique.includes(expertId)) {
      throw new InputError('expertId', 'the expert must be one of the participants', {
        key: 'calibration.error.expert',
      });
    }
    return unique;
  }

  /** A session the actor may see: admins any, others the ones they take part in; 404 otherwise. */
  private async visible(actor: Actor, id: number) {
    const session = await this.repository.findSession(id);
    const participants = session ? await this.repository.participants([id]) : [];
    const takesPart = participants.some((p) => p.userId === actor.id);
    if (!session || (actor.role !== 'admin' && !takesPart)) {
      throw new NotFoundError('calibration session', id);
    }
    return { session, participants };
  }

  /** The session: who has submitted while open; everyone's answers and agreement once closed. */
  async get(actor: Actor, id: number): Promise<CalibrationSessionView> {
    const { session, participants } = await this.visible(actor, id);
    const own = participants.find((p) => p.userId === actor.id);
    return {
      id: session.id,
      status: session.status,
      interaction: {
        id: session.interactionId,
        externalId: session.interaction!.externalId,
        source: session.interaction!.source,
      },
      scorecard: {
        key: scorecardOf(scorecardVersionOf(session)).key,
        name: scorecardVersionOf(session).definition.name,
        version: scorecardVersionOf(session).version,
      },
      expert: session.expert ? { id: session.expert.id, name: session.expert.name } : null,
      createdById: session.createdById,
      note: session.note,
      dueAt: session.dueAt,
      createdAt: session.createdAt,
      closedAt: session.closedAt,
      participants: participants.map((p) => ({
        userId: p.userId,
        name: p.name,
        isExpert: p.userId === session.expertId,
        started: p.evaluationId !== null,
        submitted: isSubmitted(p),
      })),
      mine: own ? { evaluationId: own.evaluationId, submitted: isSubmitted(own) } : null,
      results: session.status === 'closed' ? await this.stats.results(session, participants) : null,
    };
  }

  /** The results alone: 409 while the session is open. */
  async results(actor: Actor, id: number): Promise<CalibrationResults> {
    const { session, participants } = await this.visible(actor, id);
    if (session.status !== 'closed') {
      throw new CalibrationStateError(
        `calibration session ${id} is still open: results are shown once everyone submitted or an admin closed it`,
      );
    }
    return this.stats.results(session, participants);
  }

  /**
   * The participant's calibration draft on the session's scorecard version, opened on first
   * use; the normal scoring form takes it from there.
   */
  async start(actor: Actor, id: number): Promise<Evaluation> {
    const { session, participants } = await this.visible(actor, id);
    const own = participants.find((p) => p.userId === actor.id);
    if (!own)
      throw new ForbiddenError('only the participants of this session score its call', {
        key: 'error.forbidden.calibrationParticipant',
      });
    // Once closed, a submitted evaluation can still be read; nothing new can be scored.
    if (own.evaluationId !== null && (session.status === 'open' || isSubmitted(own))) {
      return this.evaluations.get(own.evaluationId, actor);
    }
    if (session.status !== 'open') {
      throw new CalibrationStateError(`calibration session ${id} is closed`);
    }
    const draft = await this.evaluations.create(
      actor,
      {
        interactionId: session.interactionId,
        scorecardKey: scorecardOf(scorecardVersionOf(session)).key,
      },
      { kind: 'calibration', scorecardVersionId: session.scorecardVersionId },
    );
    const linked = await transaction(this.dataSource, async (manager) => {
      if (!(await this.repository.linkDraft(manager, id, actor.id, draft.id))) return false;
      await this.audit.record(manager, actor, {
        action: 'calibration.started',
        entityType: 'calibration',
        entityId: id,
        after: { evaluationId: draft.id },
      });
      return true;
    });
    if (linked) return draft;
    // A second click got here first: keep to the draft the session already holds.
    const winner = await this.repository.findParticipant(id, actor.id);
    return this.evaluations.get(winner!.evaluationId ?? draft.id, actor);
  }

  /** An admin ends the session early; who has not submitted is left out of the results. */
  async close(actor: Actor, id: number): Promise<CalibrationSessionView> {
    await this.visible(actor, id);
    const closed = await this.markClosed(actor, id, 'closed_by_admin');
    if (!closed) throw new CalibrationStateError(`calibration session ${id} is already closed`);
    return this.get(actor, id);
  }

  /** The last participant's submit closes the session. */
  /** From the outbox, in its transaction; closing a closed session does nothing (idempotent). */
  private async closeWhenAllSubmitted(manager: EntityManager, evaluationId: number): Promise<void> {
    const participant = await this.repository.findParticipantByEvaluation(evaluationId, manager);
    if (!participant) return;
    const everyone = await this.repository.participants([participant.sessionId], manager);
    if (everyone.every(isSubmitted)) {
      const closed = await this.closeIn(manager, null, participant.sessionId, 'all_submitted');
      if (closed) this.logger.log(`calibration session ${participant.sessionId} complete`);
    }
  }

  private markClosed(actor: Actor | null, id: number, reason: string): Promise<boolean> {
    return transaction(this.dataSource, (manager) => this.closeIn(manager, actor, id, reason));
  }

  private async closeIn(
    manager: EntityManager,
    actor: Actor | null,
    id: number,
    reason: string,
  ): Promise<boolean> {
    const closedAt = new Date();
    if (!(await this.repository.close(manager, id, closedAt))) return false;
    const participants = await this.repository.participants([id], manager);
    await this.audit.record(manager, actor, {
      action: 'calibration.closed',
      entityType: 'calibration',
      entityId: id,
      before: { status: 'open' },
      after: {
        status: 'closed',
        reason,
        submitted: participants.filter(isSubmitted).map((p) => p.userId),
      },
    });
    return true;
  }

  /** Open or closed sessions, a page at a time: admins all, others the ones they take part in. */
  async list(
    actor: Actor,
    status: CalibrationStatus,
    page: number,
    pageSize = 20,
  ): Promise<Page<SessionSummary>> {
    const sessions = await this.repository.page(actor, status, page, pageSize);
    const participants = await this.repository.participants(sessions.items.map((s) => s.id));
    const items = sessions.items.map((s) => {
      const own = participants.filter((p) => p.sessionId === s.id);
      const mine = own.find((p) => p.userId === actor.id);
      return {
        id: s.id,
        interaction: { id: s.interactionId, externalId: s.interaction?.externalId ?? '' },
        scorecard: {
          key: s.scorecardVersion?.scorecard?.key ?? '',
          name: s.scorecardVersion?.scorecard?.name ?? '',
          version: s.scorecardVersion?.version ?? 0,
        },
        expertName: s.expert?.name ?? null,
        dueAt: s.dueAt,
        createdAt: s.createdAt,
        closedAt: s.closedAt,
        participants: own.length,
        submitted: own.filter(isSubmitted).length,
        mine: mine ? { started: mine.evaluationId !== null, submitted: isSubmitted(mine) } : null,
      };
    });
    return pageOf(items, sessions.total, sessions.page, sessions.pageSize);
  }

  /** For the new-session form. */
  async formOptions() {
    const [users, scorecards] = await Promise.all([
      this.users.activeWithRoles(CALIBRATION_ROLES, 'name'),
      this.scorecards.list(),
    ]);
    return {
      users: users.map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role })),
      scorecards: scorecards
        .filter((s) => s.currentVersion)
        .map((s) => ({ key: s.key, name: s.name, version: s.currentVersion!.version })),
    };
  }

  /**
   * A call by what people know it by: its call id (external id) in any source, or its number
   * here. InputError on `call` when it is unknown or ambiguous.
   */
  async findCall(text: string): Promise<number> {
    const wanted = text.trim();
    if (!wanted) {
      throw new InputError('call', 'give the call id', { key: 'calibration.error.giveCall' });
    }
    const matches = await this.interactionRows.byExternalId(wanted);
    if (matches.length === 1) return matches[0].id;
    if (matches.length > 1) {
      throw new InputError(
        'call',
        `${matches.length} calls from different sources have call id "${wanted}"; give the number from the call's address (/interactions/<number>) instead`,
        {
          key: 'calibration.error.ambiguousCall',
          params: { count: String(matches.length), call: wanted },
        },
      );
    }
    if (/^\d+$/.test(wanted)) return Number(wanted);
    throw new InputError('call', `no call with call id "${wanted}"`, {
      key: 'calibration.error.noCall',
      params: { call: wanted },
    });
  }
}
