import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { evaluationPassed } from '../scoring/evaluation-passed';
import type { ScoreBreakdown } from '../scoring/score-formula';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/current-user';
import { ForbiddenError, InputError, NotFoundError, StaleVersionError } from '../common/errors';
import { Page, pageOf } from '../common/pagination';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { transaction } from '../database/transaction';
import { EvaluationWriter } from '../evaluations/evaluation-writer';
import { EvaluationsRepository } from '../evaluations/evaluations.repository';
import { scorecardVersionOf } from '../scorecards/loaded-version';
import { Evaluation, EvaluationStatus } from '../evaluations/entities/evaluation.entity';
import { EvaluationEvents } from '../events/evaluation-events';
import { NotificationsService } from '../notifications/notifications.service';
import type { Role } from '../auth/roles';
import { UsersRepository } from '../users/users.repository';
import { DisputesRepository, OpenDispute } from './disputes.repository';
import { DisputeWindowClosedError, EvaluationStatusError } from './dispute-errors';
import { DisputeWindow, disputeWindow } from './dispute-window';
import { AcknowledgeDto, DisputeDto, ResolveDto } from './dto/responses.dto';
import { EvaluationResponse } from './entities/evaluation-response.entity';
import { parseDisputedCriteria, parseOutcome, planResolution } from './resolution';

/** Who acknowledges or disputes: agents, about their own evaluations. */
export const AGENTS: readonly Role[] = ['agent'];

const MAX_TEXT = 4000;

export interface ResponseView {
  id: number;
  kind: EvaluationResponse['kind'];
  user: { id: number; name: string } | null;
  comment: string | null;
  criteria: string[] | null;
  outcome: EvaluationResponse['outcome'];
  changes: EvaluationResponse['changes'];
  scoreBefore: number | null;
  scoreAfter: number | null;
  createdAt: Date;
}

export interface ResponseResult {
  evaluation: Pick<Evaluation, 'id' | 'status' | 'version' | 'overallScore' | 'passed'>;
  response: ResponseView;
}

/** What the step writes besides the response row, inside the same transaction. */
interface Step {
  from: EvaluationStatus;
  to: EvaluationStatus;
  verb: string;
  action: string;
  expectedVersion?: number;
  apply: (
    manager: EntityManager,
    evaluation: Evaluation,
  ) => Promise<{
    response: Partial<EvaluationResponse>;
    /** The new score when the step changed answers. */
    breakdown?: ScoreBreakdown;
    audit: { before: object; after: object };
  }>;
}

/**
 * After an evaluation is submitted: the agent acknowledges it or disputes chosen criteria within
 * the window; a team lead, the evaluator who scored it or an admin resolves the dispute, upheld
 * or changed, and a change recomputes the score. Every step is a response row (the history), an
 * optimistic-lock version bump and an audit entry in one transaction.
 */
@Injectable()
export class DisputesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: DisputesRepository,
    private readonly writer: EvaluationWriter,
    private readonly evaluations: EvaluationsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly events: EvaluationEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get windowDays(): number {
    return this.config.disputeWindowDays;
  }

  windowOf(evaluation: Pick<Evaluation, 'submittedAt'>, now = new Date()): DisputeWindow {
    return disputeWindow(evaluation.submittedAt, this.config.disputeWindowDays, now);
  }

  /** The evaluation with its answers, scorecard version and interaction; 404 outside scope. */
  async visible(actor: Actor, id: number): Promise<Evaluation> {
    const evaluation = await this.evaluations.findInScope(id, actor);
    if (!evaluation) throw new NotFoundError('evaluation', id);
    return evaluation;
  }

  async history(actor: Actor, id: number): Promise<ResponseView[]> {
    await this.visible(actor, id);
    return (await this.repository.responsesOf(id)).map(toResponseView);
  }

  async acknowledge(actor: Actor, id: number, input: AcknowledgeDto): Promise<ResponseResult> {
    const evaluation = await this.ownSubmitted(actor, id, 'acknowledged');
    const comment = text('comment', input.comment, false);
    return this.step(actor, evaluation, 'acknowledged', {
      from: 'submitted',
      to: 'acknowledged',
      verb: 'acknowledged',
      action: 'evaluation.acknowledged',
      expectedVersion: input.version,
      apply: () =>
        Promise.resolve({
          response: { kind: 'acknowledged', comment },
          audit: { before: { status: 'submitted' }, after: { status: 'acknowledged', comment } },
        }),
    });
  }

  async dispute(actor: Actor, id: number, input: DisputeDto): Promise<ResponseResult> {
    const evaluation = await this.ownSubmitted(actor, id, 'disputed');
    const criteria = parseDisputedCriteria(
      scorecardVersionOf(evaluation).definition,
      input.criteria,
    );
    const reason = text('reason', input.reason, true)!;
    return this.step(actor, evaluation, 'disputed', {
      from: 'submitted',
      to: 'disputed',
      verb: 'disputed',
      action: 'evaluation.disputed',
      expectedVersion: input.version,
      apply: async (manager, fresh) => {
        const agentId = fresh.interaction?.agentId ?? null;
        const evaluator = (await this.users.isActive(manager, fresh.evaluatorId))
          ? fresh.evaluatorId
          : null;
        const recipients = [...(await this.users.teamLeadIds(manager, agentId)), evaluator];
        await this.notifications.notify(
          manager,
          recipients.filter((userId) => userId !== actor.id),
          'dispute_filed',
          {
            evaluationId: fresh.id,
            agent: fresh.interaction?.agent?.name ?? actor.name,
            call: fresh.interaction?.externalId ?? '',
            criteria: criteria.length,
          },
          `/evaluations/${fresh.id}`,
        );
        return {
          response: { kind: 'disputed', comment: reason, criteria },
          audit: {
            before: { status: 'submitted' },
            after: { status: 'disputed', criteria, reason },
          },
        };
      },
    });
  }

  async resolve(actor: Actor, id: number, input: ResolveDto): Promise<ResponseResult> {
    const evaluation = await this.visible(actor, id);
    if (!mayResolve(actor, evaluation)) {
      throw new ForbiddenError(
        "only a team lead of the agent's team, the evaluator who scored it or an admin can resolve this dispute",
        { key: 'error.forbidden.resolveDispute' },
      );
    }
    expectStatus(evaluation, 'disputed', 'resolved');
    const outcome = parseOutcome(input.outcome);
    const reason = text('reason', input.reason, true)!;
    return this.step(actor, evaluation, 'resolved', {
      from: 'disputed',
      to: 'resolved',
      verb: 'resolved',
      action: 'evaluation.dispute_resolved',
      expectedVersion: input.version,
      apply: async (manager, fresh) => {
        const definition = scorecardVersionOf(fresh).definition;
        const disputed =
          (await this.repository.responsesOf(fresh.id, manager))
            .filter((r) => r.kind === 'disputed')
            .at(-1)?.criteria ?? [];
        const plan = planResolution(
          definition,
          fresh.answers ?? [],
          disputed,
          outcome,
          input.changes,
        );
        const breakdown = plan.breakdown
          ? await this.writer.changeAnswers(
              manager,
              fresh,
              Object.entries(plan.changes).map(([key, { to }]) => ({ key, value: to })),
            )
          : undefined;
        const scoreAfter = breakdown ? breakdown.overall : fresh.overallScore;
        await this.notifications.notify(
          manager,
          await this.users.agentUserIds(manager, fresh.interaction?.agentId ?? null),
          outcome === 'changed' ? 'dispute_changed' : 'dispute_upheld',
          {
            evaluationId: fresh.id,
            call: fresh.interaction?.externalId ?? '',
            before: scoreText(fresh.overallScore),
            after: scoreText(scoreAfter),
          },
          `/evaluations/${fresh.id}`,
        );
        return {
          response: {
            kind: 'resolved',
            comment: reason,
            outcome,
            changes: breakdown ? plan.changes : null,
            scoreBefore: fresh.overallScore,
            scoreAfter,
          },
          breakdown,
          audit: {
            before: { status: 'disputed', overallScore: fresh.overallScore, passed: fresh.passed },
            after: {
              status: 'resolved',
              outcome,
              reason,
              changes: plan.changes,
              overallScore: scoreAfter,
              passed: breakdown ? evaluationPassed(breakdown) : fresh.passed,
            },
          },
        };
      },
    });
  }

  /** The agent's own evaluations, newest first, with the days left to respond. */
  async forAgent(
    actor: Actor,
    page = 1,
    pageSize = 20,
  ): Promise<Page<{ evaluation: Evaluation; window: DisputeWindow }>> {
    const found = await this.evaluations.submittedInScope(actor, page, pageSize);
    const now = new Date();
    return pageOf(
      found.items.map((evaluation) => ({ evaluation, window: this.windowOf(evaluation, now) })),
      found.total,
      found.page,
      found.pageSize,
    );
  }

  openDisputes(actor: Actor, page = 1, pageSize = 20): Promise<Page<OpenDispute>> {
    return this.repository.openDisputes(actor, page, pageSize);
  }

  /** An agent's own submitted evaluation, still inside its window. */
  private async ownSubmitted(actor: Actor, id: number, step: string): Promise<Evaluation> {
    const evaluation = await this.visible(actor, id);
    if (actor.role !== 'agent' || evaluation.interaction?.agentId !== actor.agentId) {
      throw new ForbiddenError(
        'only the agent the evaluation is about can acknowledge or dispute it',
        { key: 'error.forbidden.disputeOwn' },
      );
    }
    expectStatus(evaluation, 'submitted', step);
    const window = this.windowOf(evaluation);
    if (!window.open) throw new DisputeWindowClosedError(id, window.closesAt ?? new Date());
    return evaluation;
  }

  private async step(
    actor: Actor,
    evaluation: Evaluation,
    reason: string,
    step: Step,
  ): Promise<ResponseResult> {
    const id = evaluation.id;
    const result = await transaction(this.dataSource, async (manager) => {
      // Read again inside the transaction: the state may have moved since the checks above.
      const fresh = await this.evaluations.findWithCallAndAnswers(manager, id);
      if (!fresh) throw new NotFoundError('evaluation', id);
      expectStatus(fresh, step.from, step.verb);
      if (step.expectedVersion !== undefined && step.expectedVersion !== fresh.version) {
        throw new StaleVersionError(`evaluation ${id}`, step.expectedVersion, fresh.version);
      }
      const planned = await step.apply(manager, fresh);
      await this.writer.bumpVersion(manager, id, fresh.version, {
        status: step.to,
        breakdown: planned.breakdown,
      });
      const response = await this.repository.insertResponse(manager, {
        ...planned.response,
        evaluationId: id,
        userId: actor.id,
      });
      await this.audit.record(manager, actor, {
        action: step.action,
        entityType: 'evaluation',
        entityId: id,
        before: { ...planned.audit.before, version: fresh.version },
        after: { ...planned.audit.after, version: fresh.version + 1 },
      });
      const score = planned.breakdown;
      const event = { evaluationId: id, interactionId: evaluation.interactionId };
      const outbox = await this.events.record(manager, { ...event, kind: evaluation.kind, reason });
      return {
        outbox,
        evaluation: {
          id,
          status: step.to,
          version: fresh.version + 1,
          overallScore: score ? score.overall : fresh.overallScore,
          passed: score ? evaluationPassed(score) : fresh.passed,
        },
        response: { ...toResponseView(response), user: { id: actor.id, name: actor.name } },
      };
    });
    const { outbox, ...answer } = result;
    await this.events.deliver([outbox]);
    return answer;
  }
}

/** An admin, a team lead who sees it (their team's agent), or the evaluator who scored it. */
export function mayResolve(actor: Actor, evaluation: Pick<Evaluation, 'evaluatorId'>): boolean {
  switch (actor.role) {
    case 'admin':
    case 'team_lead':
      return true;
    case 'evaluator':
      return evaluation.evaluatorId === actor.id;
    case 'agent':
      return false;
  }
}

function expectStatus(evaluation: Evaluation, needed: EvaluationStatus, step: string): void {
  if (evaluation.status !== needed) {
    throw new EvaluationStatusError(evaluation.id, evaluation.status, needed, step);
  }
}

function text(field: string, value: unknown, required: boolean): string | null {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (!trimmed) {
    if (required) {
      throw new InputError(field, 'required: say why', { key: 'error.dispute.sayWhy' });
    }
    return null;
  }
  if (trimmed.length > MAX_TEXT) {
    throw new InputError(field, `at most ${MAX_TEXT} characters (got ${trimmed.length})`, {
      key: 'error.dispute.tooLong',
      params: { max: String(MAX_TEXT), length: String(trimmed.length) },
    });
  }
  return trimmed;
}

function scoreText(score: number | null): string {
  return score === null ? '–' : `${score.toFixed(1)}%`;
}

export function toResponseView(r: EvaluationResponse): ResponseView {
  return {
    id: r.id,
    kind: r.kind,
    user: r.user ? { id: r.user.id, name: r.user.name } : null,
    comment: r.comment,
    criteria: r.criteria,
    outcome: r.outcome,
    changes: r.changes,
    scoreBefore: r.scoreBefore,
    scoreAfter: r.scoreAfter,
    createdAt: r.createdAt,
  };
}
