import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { EvaluationAnswer } from '../evaluations/entities/evaluation-answer.entity';
import { Evaluation } from '../evaluations/entities/evaluation.entity';
import { Interaction } from '../interactions/entities/interaction.entity';
import { Turn } from '../interactions/entities/turn.entity';
import type { AgreementRow, OverrideRow } from './agreement';

/** A suggestion stored with `needsReview: true` in its evidence (simple-json text). */
const REVIEW = `CASE WHEN a.evidence LIKE '%"needsReview":true%' THEN 1 ELSE 0 END`;

@Injectable()
export class AutoQaRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims up to `limit` interactions with no auto evaluation yet, among the channel-language
   * pairs given, inside the caller's transaction. On PostgreSQL the rows stay locked until it
   * ends and other processes skip them (`FOR UPDATE SKIP LOCKED`): two instances never score
   * the same call at once. On SQLite one app process writes (transactions queued).
   */
  async claimPending(manager: EntityManager, pairs: string[], limit: number): Promise<number[]> {
    if (pairs.length === 0) return [];
    const qb = manager
      .getRepository(Interaction)
      .createQueryBuilder('i')
      .select('i.id', 'id')
      .where(
        `NOT EXISTS (SELECT 1 FROM "evaluations" "e" WHERE "e"."interactionId" = "i"."id" AND "e"."kind" = 'auto')`,
      )
      .andWhere("(i.channel || '-' || i.language) IN (:...pairs)", { pairs })
      // A call whose transcript retention deleted has nothing left to score.
      .andWhere('i.transcriptDeletedAt IS NULL')
      .orderBy('i.id', 'ASC')
      .limit(limit);
    if (manager.connection.options.type === 'postgres') {
      qb.setLock('pessimistic_write').setOnLocked('skip_locked');
    }
    const rows = await qb.getRawMany<{ id: number }>();
    return rows.map((r) => Number(r.id));
  }

  async load(
    manager: EntityManager,
    ids: number[],
  ): Promise<{ interactions: Interaction[]; turns: Map<number, Turn[]> }> {
    const interactions = await manager
      .getRepository(Interaction)
      .find({ where: { id: In(ids) }, relations: { agent: true } });
    const turns = new Map<number, Turn[]>(ids.map((id) => [id, []]));
    const rows = await manager.getRepository(Turn).find({
      where: { interactionId: In(ids) },
      order: { interactionId: 'ASC', seq: 'ASC' },
    });
    for (const t of rows) turns.get(t.interactionId)?.push(t);
    return { interactions, turns };
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
