import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EvaluationAnswer } from '../evaluations/entities/evaluation-answer.entity';
import { Evaluation } from '../evaluations/entities/evaluation.entity';
import { Interaction } from '../interactions/entities/interaction.entity';
import { Turn } from '../interactions/entities/turn.entity';
import type { AgreementRow, OverrideRow } from './agreement';

/** A suggestion stored with `needsReview: true` in its evidence (simple-json text). */
const REVIEW = `CASE WHEN a.evidence LIKE '%"needsReview":true%' THEN 1 ELSE 0 END`;

const AUTO_OF_I = `SELECT 1 FROM "evaluations" "e" WHERE "e"."interactionId" = "i"."id" AND "e"."kind" = 'auto'`;

/** A call waiting for its auto evaluation, and the channel-language pair that picks its scorecard. */
export interface PendingCall {
  id: number;
  pair: string;
}

@Injectable()
export class AutoQaRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Calls with no auto evaluation yet among the channel-language pairs given, by id: these
   * `ids`, or the next `limit` after the id `after` (a sweep's pages). A call whose transcript
   * retention deleted has nothing left to score.
   */
  async pending(
    manager: EntityManager,
    pairs: string[],
    page: { ids?: number[]; after?: number; limit?: number },
  ): Promise<PendingCall[]> {
    if (pairs.length === 0 || page.ids?.length === 0) return [];
    const qb = manager
      .getRepository(Interaction)
      .createQueryBuilder('i')
      .select('i.id', 'id')
      .addSelect("i.channel || '-' || i.language", 'pair')
      .where(`NOT EXISTS (${AUTO_OF_I})`)
      .andWhere("(i.channel || '-' || i.language) IN (:...pairs)", { pairs })
      .andWhere('i.transcriptDeletedAt IS NULL')
      .orderBy('i.id', 'ASC');
    if (page.ids) qb.andWhere('i.id IN (:...ids)', { ids: page.ids });
    if (page.after !== undefined) qb.andWhere('i.id > :after', { after: page.after });
    if (page.limit !== undefined) qb.limit(page.limit);
    const rows = await qb.getRawMany<{ id: number; pair: string }>();
    return rows.map((r) => ({ id: Number(r.id), pair: r.pair }));
  }

  /** The call (with its agent) when it is there, has no auto evaluation and has its transcript. */
  unscored(manager: EntityManager, id: number): Promise<Interaction | null> {
    return manager
      .getRepository(Interaction)
      .createQueryBuilder('i')
      .leftJoinAndSelect('i.agent', 'agent')
      .where('i.id = :id', { id })
      .andWhere(`NOT EXISTS (${AUTO_OF_I})`)
      .andWhere('i.transcriptDeletedAt IS NULL')
      .getOne();
  }

  /** The call's turns, in order. */
  turnsOf(manager: EntityManager, interactionId: number): Promise<Turn[]> {
    return manager.getRepository(Turn).find({ where: { interactionId }, order: { seq: 'ASC' } });
  }

  /**
   * Human answers next to the machine's suggestion, counted per criterion, suggestion, value and
   * whether the suggestion was flagged for review.
   */
  agreement(scorecardId: number): Promise<AgreementRow[]> {
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
  latestAnswers(scorecardId: number, limit: number): Promise<OverrideRow[]> {
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
    return this.dataSource
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
