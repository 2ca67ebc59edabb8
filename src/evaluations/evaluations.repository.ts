import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  DataSource,
  EntityManager,
  In,
  ObjectLiteral,
  Repository,
  SelectQueryBuilder,
} from 'typeorm';
import type { AgreementRow, OverrideRow } from '../autoqa/agreement';
import { evaluationScope } from '../auth/visibility';
import type { Actor } from '../common/current-user';
import { Page, pageOf } from '../common/pagination';
import { EvaluationAnswer, type StoredEvidence } from './entities/evaluation-answer.entity';
import { blindCalibration, visibleEvaluations } from '../auth/evaluation-visibility';
import { Evaluation } from './entities/evaluation.entity';
import { Interaction } from '../interactions/entities/interaction.entity';
import { Turn } from '../interactions/entities/turn.entity';
import {
  AnswerRow,
  EvaluationRow,
  EvaluationSummary,
  RawSummary,
  RawTimedAnswer,
  storedEvidence,
  SUMMARY_COLUMNS,
  TIMED_ANSWER_COLUMNS,
  TimedAnswerRow,
  toSummary,
  toTimedAnswer,
} from './evaluation-rows';
import { type MomentQuery, type MomentRow, momentsQuery } from './coaching-moments-query';
import { insertedId } from '../database/inserted-id';

/** A suggestion stored with `needsReview: true` in its evidence (simple-json text). */
const REVIEW = `CASE WHEN a.evidence LIKE '%"needsReview":true%' THEN 1 ELSE 0 END`;

@Injectable()
export class EvaluationsRepository {
  constructor(
    @InjectRepository(Evaluation) private readonly evaluations: Repository<Evaluation>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Counted answers of one criterion, with where they point, for a coaching plan's quotes. */
  coachingMoments(query: MomentQuery): Promise<MomentRow[]> {
    return momentsQuery(
      this.dataSource.createQueryBuilder() as SelectQueryBuilder<ObjectLiteral>,
      query,
    ).getRawMany<MomentRow>();
  }

  findFull(id: number, manager?: EntityManager): Promise<Evaluation | null> {
    return (manager?.getRepository(Evaluation) ?? this.evaluations).findOne({
      where: { id },
      relations: { answers: true, evaluator: true, scorecardVersion: { scorecard: true } },
    });
  }

  /**
   * The evaluation with what the dispute workflow needs (answers, evaluator, scorecard, call and
   * agent), read inside the actor's scope (`evaluationScope`), else null.
   */
  async findInScope(id: number, actor: Actor): Promise<Evaluation | null> {
    const qb = this.evaluations.createQueryBuilder('e').where('e.id = :id', { id });
    const scope = evaluationScope(actor, 'e');
    if (scope) qb.andWhere(scope.sql, scope.params);
    return (await qb.getCount()) > 0
      ? this.findWithCallAndAnswers(this.evaluations.manager, id)
      : null;
  }

  /** The evaluation with its answers, evaluator, scorecard, call and agent, in the caller's transaction. */
  findWithCallAndAnswers(manager: EntityManager, id: number): Promise<Evaluation | null> {
    return manager.getRepository(Evaluation).findOne({
      where: { id },
      relations: {
        answers: true,
        evaluator: true,
        scorecardVersion: { scorecard: true },
        interaction: { agent: true },
      },
    });
  }

  /** These evaluations with their evaluator, scorecard, call and agent (no answers), any order. */
  withCalls(ids: number[]): Promise<Evaluation[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.evaluations.find({
      where: { id: In(ids) },
      relations: {
        evaluator: true,
        scorecardVersion: { scorecard: true },
        interaction: { agent: true },
      },
    });
  }

  /** An agent's own evaluations (submitted and later) in the actor's scope, newest first. */
  async submittedInScope(actor: Actor, page: number, pageSize: number): Promise<Page<Evaluation>> {
    const qb = this.evaluations
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.interaction', 'i')
      .leftJoinAndSelect('e.scorecardVersion', 'v')
      .leftJoinAndSelect('v.scorecard', 's')
      .where('e.status <> :draft', { draft: 'draft' });
    const scope = evaluationScope(actor, 'e');
    if (scope) qb.andWhere(scope.sql, scope.params);
    const [items, total] = await qb
      .orderBy('e.submittedAt', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return pageOf(items, total, page, pageSize);
  }

  /**
   * The evaluations of one call the actor may see, newest first, as the call's page lists them
   * (with evaluator, scorecard and auto-QA's measures).
   */
  async summariesOf(interactionId: number, actor: Actor): Promise<EvaluationSummary[]> {
    const qb = this.evaluations.manager
      .createQueryBuilder()
      .select(SUMMARY_COLUMNS)
      .from('evaluations', 'e')
      .innerJoin('scorecard_versions', 'v', 'v.id = e.scorecardVersionId')
      .innerJoin('scorecards', 's', 's.id = v.scorecardId')
      .leftJoin('users', 'u', 'u.id = e.evaluatorId')
      .where('e.interactionId = :interactionId', { interactionId })
      .orderBy('e.id', 'DESC');
    for (const condition of visibleEvaluations(actor, 'e'))
      qb.andWhere(condition.sql, condition.params);
    return (await qb.getRawMany<RawSummary>()).map(toSummary);
  }

  /** The evaluation with its call, read inside the caller's transaction. */
  findWithInteraction(id: number, manager?: EntityManager): Promise<Evaluation | null> {
    return (manager?.getRepository(Evaluation) ?? this.evaluations).findOne({
      where: { id },
      relations: { interaction: true },
    });
  }

  /** The calibration evaluations among these ids, with their answers (any status). */
  calibrationsWithAnswers(ids: number[]): Promise<Evaluation[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.evaluations.find({
      where: { id: In(ids), kind: 'calibration' },
      relations: { answers: true },
    });
  }

  /** Whether the actor may see this evaluation (see evaluation-visibility.ts). */
  async isVisible(id: number, actor: Actor): Promise<boolean> {
    const qb = this.evaluations.createQueryBuilder('e').where('e.id = :id', { id });
    for (const condition of visibleEvaluations(actor, 'e'))
      qb.andWhere(condition.sql, condition.params);
    return (await qb.getCount()) > 0;
  }

  /** Of these ids, the calibration evaluations the blind still hides from the actor. */
  async blindTo(ids: number[], actor: Actor): Promise<number[]> {
    if (ids.length === 0) return [];
    const blind = blindCalibration(actor, 'e');
    const rows = await this.evaluations
      .createQueryBuilder('e')
      .select('e.id', 'id')
      .where('e.id IN (:...ids)', { ids })
      .andWhere(`NOT ${blind.sql}`, blind.params)
      .getRawMany<{ id: number | string }>();
    return rows.map((r) => Number(r.id));
  }

  forInteraction(interactionId: number, actor: Actor): Promise<Evaluation[]> {
    const qb = this.evaluations
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.evaluator', 'u')
      .leftJoinAndSelect('e.scorecardVersion', 'v')
      .leftJoinAndSelect('v.scorecard', 's')
      .where('e.interactionId = :interactionId', { interactionId })
      .orderBy('e.id', 'DESC');
    for (const condition of visibleEvaluations(actor, 'e'))
      qb.andWhere(condition.sql, condition.params);
    return qb.getMany();
  }

  /**
   * The answers of these evaluations of one call that point at a moment: auto-QA's with evidence,
   * people's with a time. Evaluations of other calls are ignored.
   */
  async timedAnswers(interactionId: number, evaluationIds: number[]): Promise<TimedAnswerRow[]> {
    if (evaluationIds.length === 0) return [];
    const rows = await this.evaluations.manager
      .createQueryBuilder(EvaluationAnswer, 'a')
      .innerJoin(Evaluation, 'e', 'e.id = a.evaluationId')
      .leftJoin('users', 'u', 'u.id = e.evaluatorId')
      .select(TIMED_ANSWER_COLUMNS)
      .where('a.evaluationId IN (:...evaluationIds)', { evaluationIds })
      .andWhere('e.interactionId = :interactionId', { interactionId })
      .andWhere(
        "((e.kind = 'auto' AND a.evidence IS NOT NULL) OR (e.kind <> 'auto' AND a.timeMs IS NOT NULL))",
      )
      .getRawMany<RawTimedAnswer>();
    return rows.map(toTimedAnswer);
  }

  findDraft(interactionId: number, evaluatorId: number, scorecardVersionId: number) {
    return this.evaluations.findOneBy({
      interactionId,
      evaluatorId,
      scorecardVersionId,
      status: 'draft',
      kind: 'manual',
    });
  }

  /** Inserts the evaluation (version 1) and its answers inside the caller's transaction. */
  async insert(manager: EntityManager, row: EvaluationRow, answers: AnswerRow[]): Promise<number> {
    const saved = await manager.save(manager.create(Evaluation, { ...row, version: 1 }));
    await this.insertAnswers(manager, saved.id, answers);
    return saved.id;
  }

  /**
   * As `insert`, unless a unique index already holds such a row (`UQ_evaluations_auto`: the call
   * already has an auto evaluation on this version, written by another process): then nothing is
   * written and the answer is null. Runs inside a transaction.
   */
  async insertUnlessPresent(
    manager: EntityManager,
    row: EvaluationRow,
    answers: AnswerRow[],
  ): Promise<number | null> {
    const insert = manager
      .createQueryBuilder()
      .insert()
      .into(Evaluation)
      .values({
        ...row,
        breakdown: row.breakdown as never,
        metrics: (row.metrics ?? null) as never,
        version: 1,
      })
      .orIgnore();
    if (manager.connection.options.type === 'postgres') insert.returning(['id']);
    const [sql, parameters] = insert.getQueryAndParameters();
    const evaluationId = await insertedId(manager, sql, parameters);
    if (evaluationId !== null) await this.insertAnswers(manager, evaluationId, answers);
    return evaluationId;
  }

  /**
   * The optimistic lock: the row changes only if it is still at the version the caller saw.
   * Returns false when someone else got there first.
   */
  async bumpVersion(
    manager: EntityManager,
    id: number,
    expected: number,
    changes: Partial<Evaluation>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Evaluation)
      .set({ ...changes, version: expected + 1 })
      .where('id = :id AND version = :expected', { id, expected })
      .execute();
    return result.affected === 1;
  }

  /** Replaces the answers to these criteria (the others stay as they are). */
  async replaceAnswers(
    manager: EntityManager,
    evaluationId: number,
    answers: AnswerRow[],
  ): Promise<void> {
    if (answers.length === 0) return;
    await manager
      .createQueryBuilder()
      .delete()
      .from(EvaluationAnswer)
      .where('evaluationId = :evaluationId AND criterionKey IN (:...keys)', {
        evaluationId,
        keys: answers.map((a) => a.criterionKey),
      })
      .execute();
    await this.insertAnswers(manager, evaluationId, answers);
  }

  /** The answers of these calls' evaluations that carry evidence (retention, data requests). */
  async answersWithEvidence(
    manager: EntityManager,
    interactionIds: number[],
  ): Promise<{ id: number; evidence: StoredEvidence; interactionId: number }[]> {
    if (interactionIds.length === 0) return [];
    const rows = await manager
      .createQueryBuilder(EvaluationAnswer, 'a')
      .innerJoin(Evaluation, 'e', 'e.id = a.evaluationId')
      .select(['a.id AS id', 'a.evidence AS evidence', 'e.interactionId AS "interactionId"'])
      .where('e.interactionId IN (:...ids)', { ids: interactionIds })
      .andWhere('a.evidence IS NOT NULL')
      .getRawMany<{ id: number; evidence: string | StoredEvidence; interactionId: number }>();
    return rows.map((r) => ({
      id: Number(r.id),
      interactionId: Number(r.interactionId),
      evidence: storedEvidence(r.evidence),
    }));
  }

  /** Writes one answer's evidence (nothing else of the answer or its evaluation changes). */
  async setEvidence(
    manager: EntityManager,
    answerId: number,
    evidence: StoredEvidence,
  ): Promise<void> {
    await manager.update(EvaluationAnswer, { id: answerId }, { evidence });
  }

  private async insertAnswers(
    manager: EntityManager,
    evaluationId: number,
    answers: AnswerRow[],
  ): Promise<void> {
    if (answers.length === 0) return;
    await manager.insert(
      EvaluationAnswer,
      answers.map((a) => ({ ...a, evaluationId })),
    );
  }

  // ---- auto-QA's agreement: human answers beside the machine's suggestion ----

  /**
   * Human answers next to the machine's suggestion, counted per criterion, suggestion, value and
   * whether the suggestion was flagged for review.
   */
  suggestionAgreement(scorecardId: number): Promise<AgreementRow[]> {
    return this.submittedBesideSuggestions(scorecardId)
      .select('a.criterionKey', 'criterionKey')
      .addSelect('a.suggestion', 'suggestion')
      .addSelect('a.value', 'value')
      .addSelect(REVIEW, 'review')
      .addSelect('COUNT(*)', 'n')
      .groupBy('a.criterionKey')
      .addGroupBy('a.suggestion')
      .addGroupBy('a.value')
      .addGroupBy(REVIEW)
      .getRawMany<AgreementRow>()
      .then((rows) => rows.map((r) => ({ ...r, review: Number(r.review), n: Number(r.n) })));
  }

  /** The latest submitted human answers beside a suggestion, with the turn each one pinned. */
  latestAnswersBesideSuggestions(scorecardId: number, limit: number): Promise<OverrideRow[]> {
    return this.submittedBesideSuggestions(scorecardId)
      .innerJoin(Interaction, 'i', 'i.id = e.interactionId')
      .leftJoin(Turn, 't', 't.interactionId = e.interactionId AND t.seq = a.turnIndex')
      .select('a.criterionKey', 'criterionKey')
      .addSelect('a.suggestion', 'suggestion')
      .addSelect('a.value', 'value')
      .addSelect('a.comment', 'comment')
      .addSelect('a.turnIndex', 'turnIndex')
      .addSelect('t.text', 'turnText')
      .addSelect('t.startMs', 'turnStartMs')
      .addSelect('e.id', 'evaluationId')
      .addSelect('e.interactionId', 'interactionId')
      .addSelect('i.externalId', 'externalId')
      .addSelect('e.submittedAt', 'submittedAt')
      .orderBy('e.submittedAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit)
      .getRawMany<OverrideRow>();
  }

  private submittedBesideSuggestions(scorecardId: number) {
    return this.evaluations.manager
      .getRepository(EvaluationAnswer)
      .createQueryBuilder('a')
      .innerJoin(Evaluation, 'e', 'e.id = a.evaluationId')
      .innerJoin('scorecard_versions', 'v', 'v.id = e.scorecardVersionId')
      .where("e.kind = 'manual'")
      .andWhere("e.status <> 'draft'")
      .andWhere('a.suggestion IS NOT NULL')
      .andWhere('v.scorecardId = :scorecardId', { scorecardId });
  }
}
