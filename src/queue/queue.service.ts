import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { QA } from '../auth/roles';
import type { Actor } from '../common/current-user';
import { ForbiddenError, InputError, NotFoundError } from '../common/errors';
import { Page, pageNumber, pageOf } from '../common/pagination';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { transaction } from '../database/transaction';
import { EvaluationsService } from '../evaluations/evaluations.service';
import { EvaluationEvents, EvaluationScored } from '../events/evaluation-events';
import { UsersRepository } from '../users/users.repository';
import { chooseEvaluator, NoEvaluatorReason, sameTeam } from './assignment';
import { QUEUE_STATUSES, QueueStatus } from './entities/queue-item.entity';
import { QueueEmptyError, QueueItemStateError } from './queue-errors';
import { QueueRepository } from './queue.repository';
import { PENDING, QueueFilter, QueueRow } from './queue-rows';
import { defaultScorecard } from './sampling.service';

export const QUEUE_PAGE_SIZE = 50;
export const QUEUE_VIEWS = ['mine', 'unassigned', 'all'] as const;
export const QUEUE_STATUS_FILTERS = ['pending', ...QUEUE_STATUSES, 'any'] as const;

/** What a list request asks for, as given (query string or form); checked here. */
export interface QueueQuery {
  view?: string;
  status?: string;
  overdue?: string | boolean;
  page?: number | string;
  pageSize?: number | string;
}

export interface QueueItemView extends QueueRow {
  overdue: boolean;
  /** The actor may start it now (open, and theirs or free for them). */
  canStart: boolean;
  /** The actor's own draft for it is open: continue it. */
  canContinue: boolean;
  /** Open and nobody's: why no evaluator got it (null when one could). */
  unassignedWhy: NoEvaluatorReason | null;
  /** Skipped: the reason the admin gave. */
  skipReason: string | null;
}

export interface Started {
  itemId: number;
  interactionId: number;
  evaluationId: number;
}

/**
 * The evaluators' work queue: their items by due date, "start next" (claim the item, open the
 * scoring draft), admins' reassign and skip; an item is done when its call's evaluation is
 * submitted.
 */
@Injectable()
export class QueueService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: QueueRepository,
    private readonly evaluations: EvaluationsService,
    private readonly events: EvaluationEvents,
    private readonly audit: AuditService,
    private readonly users: UsersRepository,
  ) {}

  onModuleInit(): void {
    this.events.onScored((event, manager) => this.scored(event, manager));
  }

  /** Checks the filters: unknown values are errors naming the field; `all` is for admins. */
  filterFor(actor: Actor, query: QueueQuery): QueueFilter {
    const view = query.view || 'mine';
    if (!(QUEUE_VIEWS as readonly string[]).includes(view)) {
      throw new InputError('view', `must be one of ${QUEUE_VIEWS.join(', ')}`, {
        key: 'error.queue.view',
        params: { values: QUEUE_VIEWS.join(', ') },
      });
    }
    if (view === 'all' && actor.role !== 'admin') {
      throw new InputError('view', "only admins see everyone's items", {
        key: 'error.queue.viewAll',
      });
    }
    const status = query.status || 'pending';
    if (!(QUEUE_STATUS_FILTERS as readonly string[]).includes(status)) {
      throw new InputError('status', `must be one of ${QUEUE_STATUS_FILTERS.join(', ')}`, {
        key: 'error.queue.status',
        params: { values: QUEUE_STATUS_FILTERS.join(', ') },
      });
    }
    const page = pageNumber('page', query.page);
    const pageSize =
      query.pageSize === undefined || query.pageSize === ''
        ? QUEUE_PAGE_SIZE
        : Number(query.pageSize);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200) {
      throw new InputError('pageSize', 'must be from 1 to 200', { key: 'error.queue.pageSize' });
    }
    const overdue =
      query.overdue === true ||
      query.overdue === 'true' ||
      query.overdue === '1' ||
      query.overdue === 'on';
    return {
      view: view as QueueFilter['view'],
      status: status as QueueFilter['status'],
      overdue,
      page,
      pageSize,
    };
  }

  async list(actor: Actor, filter: QueueFilter, now = new Date()): Promise<Page<QueueItemView>> {
    const myTeam = await this.blockedTeam(actor);
    const { rows, total } = await this.repository.list(actor, filter, myTeam, now);
    const skipped = await this.audit.skipReasons(
      rows.filter((r) => r.status === 'skipped').map((r) => r.id),
    );
    const free = rows.some((r) => r.status === 'open' && r.evaluatorId === null);
    const evaluators = free ? await this.repository.evaluatorLoads() : [];
    const items = rows.map((r) => {
      const pending = PENDING.includes(r.status);
      const unassigned = r.status === 'open' && r.evaluatorId === null;
      const why = unassigned
        ? chooseEvaluator(evaluators, r.agentTeamId, this.config.queueAvoidOwnTeam)
        : null;
      return {
        ...r,
        overdue: pending && r.dueAt.getTime() < now.getTime(),
        canStart:
          r.status === 'open' &&
          (r.evaluatorId === actor.id ||
            (r.evaluatorId === null && !sameTeam(myTeam, r.agentTeamId, true))),
        canContinue:
          r.status === 'in_progress' && r.evaluatorId === actor.id && r.evaluationId !== null,
        unassignedWhy: why && why.evaluatorId === null ? why.why : null,
        skipReason: skipped.get(r.id) ?? null,
      };
    });
    return pageOf(items, total, filter.page, filter.pageSize);
  }

  /** Who items can be given to by hand: active evaluators and admins. */
  async assignees(): Promise<{ id: number; name: string; role: string; teamId: number | null }[]> {
    const users = await this.users.activeWithRoles(QA);
    return users.map((u) => ({ id: u.id, name: u.name, role: u.role, teamId: u.teamId }));
  }

  /**
   * One click: the actor's oldest call in progress with an open draft is resumed; else their own
   * open item due first (else an unassigned one they may take) is claimed, its scoring draft
   * opened. Two evaluators clicking at once never get the same call.
   */
  async next(actor: Actor): Promise<Started> {
    const resumed = await this.repository.openDraftOf(actor.id);
    if (resumed?.evaluationId) {
      return {
        itemId: resumed.id,
        interactionId: resumed.interactionId,
        evaluationId: resumed.evaluationId,
      };
    }
    const blocked = await this.blockedTeam(actor);
    const lost: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      const row = await this.repository.nextFor(actor.id, blocked, lost);
      if (!row) break;
      const started = await this.claimAndOpen(actor, row);
      if (started) return started;
      lost.push(row.id);
    }
    throw new QueueEmptyError();
  }

  /** The "start" button of one item: open it (or continue the actor's draft of it). */
  async start(actor: Actor, id: number): Promise<Started> {
    const row = await this.repository.findRow(id);
    if (!row) throw new NotFoundError('queue item', id);
    if (row.status === 'in_progress' && row.evaluatorId === actor.id && row.evaluationId) {
      return { itemId: row.id, interactionId: row.interactionId, evaluationId: row.evaluationId };
    }
    if (row.status !== 'open') {
      throw new QueueItemStateError(`queue item ${id} is ${row.status.replace('_', ' ')}`, {
        key: 'error.queue.itemNotPending',
        params: { id: String(id), status: row.status },
      });
    }
    if (row.evaluatorId !== null && row.evaluatorId !== actor.id) {
      throw new ForbiddenError(
        `queue item ${id} is assigned to ${row.evaluatorName ?? 'someone else'}`,
        row.evaluatorName
          ? {
              key: 'error.forbidden.queueAssigned',
              params: { id: String(id), name: row.evaluatorName },
            }
          : { key: 'error.forbidden.queueAssignedSomeone', params: { id: String(id) } },
      );
    }
    if (
      row.evaluatorId === null &&
      sameTeam(await this.blockedTeam(actor), row.agentTeamId, true)
    ) {
      throw new ForbiddenError(
        `queue item ${id} is a call of your own team's agent (QUEUE_AVOID_OWN_TEAM=on)`,
        { key: 'error.forbidden.queueOwnTeam', params: { id: String(id) } },
      );
    }
    const started = await this.claimAndOpen(actor, row);
    if (!started) {
      throw new QueueItemStateError(`queue item ${id} was just taken by someone else`, {
        key: 'error.queue.justTaken',
        params: { id: String(id) },
      });
    }
    return started;
  }

  /** Admins: give the item to another evaluator; an item in progress starts over for them. */
  async assign(actor: Actor, id: number, evaluatorIdGiven: unknown): Promise<void> {
    const evaluatorId = Number(evaluatorIdGiven);
    if (!Number.isInteger(evaluatorId) || evaluatorId < 1) {
      throw new InputError('evaluatorId', 'choose the evaluator to give the call to', {
        key: 'error.queue.chooseEvaluator',
      });
    }
    const target = await this.users.findById(evaluatorId);
    if (!target || !target.active || !QA.includes(target.role)) {
      throw new InputError(
        'evaluatorId',
        `user ${evaluatorId} is not an active evaluator or admin`,
        { key: 'error.queue.notEvaluator', params: { id: String(evaluatorId) } },
      );
    }
    const row = await this.repository.findRow(id);
    if (!row) throw new NotFoundError('queue item', id);
    if (!PENDING.includes(row.status)) {
      throw new QueueItemStateError(
        `queue item ${id} is ${row.status}; only open items can be reassigned`,
        { key: 'error.queue.reassignNotPending', params: { id: String(id), status: row.status } },
      );
    }
    if (sameTeam(target.teamId, row.agentTeamId, this.config.queueAvoidOwnTeam)) {
      throw new InputError(
        'evaluatorId',
        `${target.name} is on the agent's own team (QUEUE_AVOID_OWN_TEAM=on); choose someone else`,
        { key: 'error.queue.ownTeam', params: { name: target.name } },
      );
    }
    if (row.evaluatorId === evaluatorId) return;
    await transaction(this.dataSource, async (manager) => {
      await this.repository.assign(manager, id, evaluatorId);
      await this.audit.record(manager, actor, {
        action: 'queue_item.assigned',
        entityType: 'queue_item',
        entityId: id,
        before: {
          evaluatorId: row.evaluatorId,
          status: row.status,
          evaluationId: row.evaluationId,
        },
        after: { evaluatorId, status: 'open' },
      });
    });
  }

  /** Admins: take the call out of the queue, saying why. */
  async skip(actor: Actor, id: number, reasonGiven: unknown): Promise<void> {
    const reason = typeof reasonGiven === 'string' ? reasonGiven.trim() : '';
    if (!reason)
      throw new InputError('reason', 'say why the call is skipped', {
        key: 'error.queue.skipReason',
      });
    if (reason.length > 500)
      throw new InputError('reason', 'at most 500 characters', {
        key: 'error.queue.skipReasonLong',
      });
    const row = await this.repository.findRow(id);
    if (!row) throw new NotFoundError('queue item', id);
    if (!PENDING.includes(row.status)) {
      throw new QueueItemStateError(`queue item ${id} is already ${row.status}`, {
        key: 'error.queue.itemNotPending',
        params: { id: String(id), status: row.status },
      });
    }
    await transaction(this.dataSource, async (manager) => {
      await this.repository.markSkipped(manager, id);
      await this.audit.record(manager, actor, {
        action: 'queue_item.skipped',
        entityType: 'queue_item',
        entityId: id,
        before: { status: row.status, evaluatorId: row.evaluatorId },
        after: { status: 'skipped', reason },
      });
    });
  }

  /** The team whose calls the actor may not take (their own), or null when the rule is off. */
  private async blockedTeam(actor: Actor): Promise<number | null> {
    return this.config.queueAvoidOwnTeam ? this.users.teamOf(actor.id) : null;
  }

  private async claimAndOpen(actor: Actor, row: QueueRow): Promise<Started | null> {
    const claimed = await transaction(this.dataSource, async (manager) => {
      if (!(await this.repository.claim(manager, row.id, actor.id))) return false;
      await this.audit.record(manager, actor, {
        action: 'queue_item.started',
        entityType: 'queue_item',
        entityId: row.id,
        before: { status: 'open', evaluatorId: row.evaluatorId },
        after: { status: 'in_progress', evaluatorId: actor.id },
      });
      return true;
    });
    if (!claimed) return null;
    let evaluationId: number;
    try {
      const draft = await this.evaluations.create(actor, {
        interactionId: row.interactionId,
        scorecardKey: row.scorecardKey ?? defaultScorecard(row),
      });
      evaluationId = draft.id;
    } catch (e) {
      // No draft could be opened (the scorecard is gone, say): the item waits again.
      await this.repository.release(row.id, row.evaluatorId);
      throw e;
    }
    await this.repository.linkEvaluation(row.id, evaluationId);
    return { itemId: row.id, interactionId: row.interactionId, evaluationId };
  }

  /** A person's evaluation of a queued call was submitted: the item is done. */
  /** A submitted manual evaluation closes its call's item (once: a done item is not pending). */
  private async scored(event: EvaluationScored, manager: EntityManager): Promise<void> {
    if (event.reason !== 'submitted' || event.kind !== 'manual') return;
    const item = await this.repository.pendingFor(manager, event.interactionId);
    if (!item) return;
    const before: { status: QueueStatus; evaluationId: number | null } = {
      status: item.status,
      evaluationId: item.evaluationId,
    };
    await this.repository.markDone(manager, item.id, event.evaluationId);
    await this.audit.record(manager, null, {
      action: 'queue_item.done',
      entityType: 'queue_item',
      entityId: item.id,
      before,
      after: { status: 'done', evaluationId: event.evaluationId },
    });
  }
}
