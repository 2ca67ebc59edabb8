import { EvaluationEvents } from '../events/evaluation-events';
import { DRAFT_SUGGESTIONS, type DraftSuggestions } from './draft-suggestions';
import { transaction } from '../database/transaction';
import { isUniqueViolation } from '../database/unique-violation';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/current-user';
import {
  EvaluationLockedError,
  ForbiddenError,
  InputError,
  NotFoundError,
  StaleVersionError,
} from '../common/errors';
import { InteractionsService } from '../interactions/interactions.service';
import { ScorecardsService } from '../scorecards/scorecards.service';
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import {
  AnswerInput,
  AnswerValidationError,
  computeScore,
  missingAnswers,
  ScoreBreakdown,
  validateAnswers,
} from '../scoring/score-formula';
import {
  AnswerDto,
  CreateEvaluationDto,
  SaveAnswersDto,
  SubmitEvaluationDto,
} from './dto/evaluation.dto';
import { EvaluationAnswer } from './entities/evaluation-answer.entity';
import { Evaluation } from './entities/evaluation.entity';
import { scorecardVersionOf } from '../scorecards/loaded-version';
import { EvaluationWriter } from './evaluation-writer';
import type { EvaluationSummary } from './evaluation-rows';
import { EvaluationsRepository } from './evaluations.repository';

type Suggestion = Awaited<ReturnType<DraftSuggestions['suggest']>>[number];

@Injectable()
export class EvaluationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: EvaluationsRepository,
    private readonly writer: EvaluationWriter,
    private readonly scorecards: ScorecardsService,
    private readonly audit: AuditService,
    private readonly interactions: InteractionsService,
    @Inject(DRAFT_SUGGESTIONS) private readonly autoQa: DraftSuggestions,
    private readonly events: EvaluationEvents,
  ) {}

  /**
   * Opens a draft on the scorecard's current version, or returns the actor's open draft.
   * A calibration draft is always new (its session keeps track of it), sits on the version the
   * session pinned, and starts empty: auto-QA's pre-filled answers would make the evaluators
   * agree with the machine, and so with each other.
   */
  async create(
    actor: Actor,
    dto: CreateEvaluationDto,
    options: { kind?: 'manual' | 'calibration'; scorecardVersionId?: number } = {},
  ): Promise<Evaluation> {
    const kind = options.kind ?? 'manual';
    const interaction = await this.interactions.get(dto.interactionId, actor).catch((e) => {
      if (!(e instanceof NotFoundError)) throw e;
      throw new InputError('interactionId', `interaction ${dto.interactionId} does not exist`, {
        key: 'error.evaluation.noInteraction',
        params: { id: String(dto.interactionId) },
      });
    });
    const version = await (
      options.scorecardVersionId === undefined
        ? this.scorecards.current(dto.scorecardKey)
        : this.scorecards.byId(options.scorecardVersionId)
    ).catch(() => {
      throw new InputError('scorecardKey', `no scorecard "${dto.scorecardKey}"`, {
        key: 'error.evaluation.noScorecard',
        params: { key: dto.scorecardKey },
      });
    });
    const open =
      kind === 'manual'
        ? await this.repository.findDraft(interaction.id, actor.id, version.id)
        : null;
    if (open) return this.get(open.id, actor);
    // The draft arrives pre-filled with auto-QA's suggestions and their evidence; the
    // evaluator accepts or overrides each, and both values are kept.
    const suggestions =
      kind === 'manual'
        ? await this.autoQa.suggest(interaction, interaction.turns, { id: version.id })
        : [];
    const id = await this.insertDraft(
      actor,
      interaction.id,
      dto.scorecardKey,
      version,
      kind,
      suggestions,
    ).catch(async (e: unknown) => {
      // A manual draft is unique per call, evaluator and version (UQ_evaluations_open_draft):
      // a parallel request opened it first, and this one answers with that draft.
      if (kind !== 'manual' || !isUniqueViolation(e)) throw e;
      const winner = await this.repository.findDraft(interaction.id, actor.id, version.id);
      if (!winner) throw e;
      return winner.id;
    });
    return this.get(id, actor);
  }

  /** Inserts the draft, its pre-filled answers and the audit entry in one transaction. */
  private insertDraft(
    actor: Actor,
    interactionId: number,
    scorecardKey: string,
    version: { id: number; version: number; definition: ScorecardDefinition },
    kind: 'manual' | 'calibration',
    suggestions: Suggestion[],
  ): Promise<number> {
    return transaction(this.dataSource, async (manager) => {
      const { id } = await this.writer.create(manager, {
        interactionId,
        scorecardVersion: version,
        evaluatorId: actor.id,
        kind,
        status: 'draft',
        answers: suggestions.map((s) => ({
          key: s.key,
          value: s.value,
          suggestion: s.suggestion,
          evidence: s.evidence,
        })),
      });
      await this.audit.record(manager, actor, {
        action: 'evaluation.created',
        entityType: 'evaluation',
        entityId: id,
        after: {
          interactionId,
          kind,
          scorecard: `${scorecardKey} v${version.version}`,
          suggestions: suggestions.length,
        },
      });
      return id;
    });
  }

  /** The evaluations of one call the actor may see, newest first (the call's page lists them). */
  summariesOf(interactionId: number, actor: Actor): Promise<EvaluationSummary[]> {
    return this.repository.summariesOf(interactionId, actor);
  }

  /** One evaluation the actor may see; 404 for anything else, whether it exists or not. */
  async get(id: number, actor: Actor): Promise<Evaluation> {
    const evaluation = (await this.repository.isVisible(id, actor))
      ? await this.repository.findFull(id)
      : null;
    if (!evaluation) throw new NotFoundError('evaluation', id);
    evaluation.answers?.sort((a, b) => a.id - b.id);
    return evaluation;
  }

  /**
   * Of these evaluation ids, the ones whose answers the actor may not see yet: other people's
   * calibration evaluations while their session is open (the audit log hides their details).
   */
  async blindTo(ids: number[], actor: Actor): Promise<Set<number>> {
    const valid = [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id > 0))];
    return new Set(await this.repository.blindTo(valid, actor));
  }

  forInteraction(interactionId: number, actor: Actor): Promise<Evaluation[]> {
    return this.repository.forInteraction(interactionId, actor);
  }

  /**
   * The score the draft would have with these answers (over the saved ones), computed by the same
   * formula as a save, without saving: the scoring page's live preview.
   */
  async preview(actor: Actor, id: number, answers: AnswerDto[]): Promise<ScoreBreakdown> {
    const evaluation = await this.get(id, actor);
    const definition = scorecardVersionOf(evaluation).definition;
    return computeScore(definition, {
      ...toAnswerInputs(evaluation.answers ?? []),
      ...this.toInputs(definition, answers),
    });
  }

  /** Saves answers on a draft; the score is recomputed as a preview. */
  saveAnswers(actor: Actor, id: number, dto: SaveAnswersDto): Promise<Evaluation> {
    return this.change(actor, id, dto.version, 'evaluation.answers_saved', (definition) => {
      this.toInputs(definition, dto.answers);
      return { status: 'draft', answers: dto.answers };
    });
  }

  /** Saves any last answers, requires every criterion answered, and fixes the score. */
  async submit(actor: Actor, id: number, dto: SubmitEvaluationDto): Promise<Evaluation> {
    const submitted = await this.change(
      actor,
      id,
      dto.version,
      'evaluation.submitted',
      (definition, answers) => {
        const merged = { ...answers, ...this.toInputs(definition, dto.answers ?? []) };
        const missing = missingAnswers(definition, merged);
        if (missing.length > 0) {
          throw new InputError(
            `answers.${missing[0]}`,
            `every criterion needs an answer (or N/A) before submitting; missing: ${missing.join(', ')}`,
            { key: 'error.evaluation.missingAnswers', params: { missing: missing.join(', ') } },
          );
        }
        return { status: 'submitted', answers: dto.answers ?? [] };
      },
    );
    return submitted;
  }

  private async change(
    actor: Actor,
    id: number,
    expectedVersion: number,
    action: string,
    plan: (
      definition: ScorecardDefinition,
      answers: Record<string, AnswerInput>,
    ) => {
      status: 'draft' | 'submitted';
      answers: AnswerDto[];
    },
  ): Promise<Evaluation> {
    if (!(await this.repository.isVisible(id, actor))) throw new NotFoundError('evaluation', id);
    const outbox = await transaction(this.dataSource, async (manager) => {
      const before = await this.repository.findFull(id, manager);
      if (!before) throw new NotFoundError('evaluation', id);
      if (before.evaluatorId !== actor.id) {
        throw new ForbiddenError('only the evaluator who opened this evaluation can change it', {
          key: 'error.forbidden.evaluationOwner',
        });
      }
      if (before.status !== 'draft') throw new EvaluationLockedError(id, before.status);
      if (before.version !== expectedVersion) {
        throw new StaleVersionError(`evaluation ${id}`, expectedVersion, before.version);
      }
      const definition = scorecardVersionOf(before).definition;
      const { status, answers } = plan(definition, toAnswerInputs(before.answers ?? []));
      const breakdown = await this.writer.changeAnswers(
        manager,
        before,
        answers.map((a) => {
          const row = toAnswerRow(a);
          return { ...row, key: row.criterionKey };
        }),
      );
      const submitted = status === 'submitted';
      await this.writer.bumpVersion(manager, id, expectedVersion, {
        status,
        breakdown,
        submittedAt: submitted ? new Date() : null,
      });
      await this.audit.record(manager, actor, {
        action,
        entityType: 'evaluation',
        entityId: id,
        before: snapshot(before),
        after: {
          status,
          version: expectedVersion + 1,
          overallScore: breakdown.overall,
          answers: answers.map(toAnswerRow),
        },
      });
      // Its score counts from now: the queue, analytics and the agent hear of it (the outbox).
      if (!submitted) return [];
      const event = { evaluationId: id, interactionId: before.interactionId, kind: before.kind };
      return [await this.events.record(manager, { ...event, reason: 'submitted' })];
    });
    await this.events.deliver(outbox);
    return this.get(id, actor);
  }

  /** Checks the answers against this evaluation's scorecard version; errors name `answers.<key>`. */
  private toInputs(
    definition: ScorecardDefinition,
    answers: AnswerDto[],
  ): Record<string, AnswerInput> {
    const inputs: Record<string, AnswerInput> = {};
    for (const a of answers) {
      if (a.key in inputs) {
        throw new InputError(`answers.${a.key}`, 'answered twice', {
          key: 'error.evaluation.answeredTwice',
        });
      }
      if (!a.na && (a.value === undefined || a.value === null)) {
        throw new InputError(`answers.${a.key}`, 'give a value on the scale or mark it N/A', {
          key: 'error.evaluation.giveValue',
        });
      }
      inputs[a.key] = { value: a.na ? null : (a.value as number) };
    }
    try {
      validateAnswers(definition, inputs);
    } catch (e) {
      if (e instanceof AnswerValidationError) {
        throw new InputError(`answers.${e.field}`, e.reason, e.messageKey);
      }
      throw e;
    }
    return inputs;
  }
}

function toAnswerInputs(rows: EvaluationAnswer[]): Record<string, AnswerInput> {
  return Object.fromEntries(rows.map((r) => [r.criterionKey, { value: r.value }]));
}

function toAnswerRow(a: AnswerDto) {
  return {
    criterionKey: a.key,
    value: a.na ? null : (a.value ?? null),
    comment: a.comment?.trim() ? a.comment.trim() : null,
    turnIndex: a.turnIndex ?? null,
    timeMs: a.timeMs ?? null,
  };
}

function snapshot(e: Evaluation) {
  return {
    status: e.status,
    version: e.version,
    overallScore: e.overallScore,
    answers: (e.answers ?? []).map((a) => ({
      criterionKey: a.criterionKey,
      value: a.value,
      comment: a.comment,
      turnIndex: a.turnIndex,
      timeMs: a.timeMs,
    })),
  };
}
