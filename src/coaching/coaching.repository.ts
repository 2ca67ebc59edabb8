import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { interactionScope } from '../auth/visibility';
import type { Actor } from '../common/current-user';
import { instants } from '../analytics/period';
import type { StoredEvidence } from '../evaluations/entities/evaluation-answer.entity';
import { InteractionsRepository } from '../interactions/interactions.repository';
import { CoachingPlan } from './entities/coaching-plan.entity';
import { FeedbackSession } from './entities/feedback-session.entity';
import type { Excerpt } from './plan-content';

interface MomentRow {
  interactionId: number;
  externalId: string;
  turnIndex: number | null;
  timeMs: number | null;
  evidence: string | StoredEvidence | null;
  agentName: string;
}

const COUNTED = `e.status IN ('submitted', 'acknowledged', 'disputed', 'resolved')`;

/**
 * The coaching tables (plans and feedback sessions) and the moments of calls a plan quotes:
 * where the agent missed, where a peer did well.
 */
@Injectable()
export class CoachingRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly interactions: InteractionsRepository,
  ) {}

  // ---- plans ----

  /**
   * Plans of the agents the actor may see, with agent, team and author; drafts only when
   * `draftsToo` (the service decides who writes plans).
   */
  private plans(actor: Actor, draftsToo: boolean): SelectQueryBuilder<CoachingPlan> {
    const qb = this.dataSource
      .getRepository(CoachingPlan)
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.agent', 'a')
      .leftJoinAndSelect('a.team', 't')
      .leftJoinAndSelect('p.author', 'u');
    const scope = interactionScope(actor, '"p"."agentId"');
    if (scope) qb.andWhere(scope.sql, scope.params);
    if (!draftsToo) qb.andWhere(`"p"."status" = 'shared'`);
    return qb;
  }

  /** The plan alone, whoever asks (a job rendering its PDF). */
  planById(id: number): Promise<CoachingPlan | null> {
    return this.dataSource.getRepository(CoachingPlan).findOne({ where: { id } });
  }

  findPlan(actor: Actor, draftsToo: boolean, id: number): Promise<CoachingPlan | null> {
    return this.plans(actor, draftsToo).andWhere('p.id = :id', { id }).getOne();
  }

  /** Newest first. */
  pagePlans(
    actor: Actor,
    draftsToo: boolean,
    page: number,
    pageSize: number,
  ): Promise<[CoachingPlan[], number]> {
    return this.plans(actor, draftsToo)
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  insertPlan(manager: EntityManager, values: Partial<CoachingPlan>): Promise<CoachingPlan> {
    return manager.save(manager.create(CoachingPlan, values));
  }

  /** Writes new content only over the version the editor saw; false when it moved on. */
  async replaceContent(
    manager: EntityManager,
    id: number,
    expected: number,
    content: Record<string, unknown>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(CoachingPlan)
      .set({ content, version: expected + 1 })
      .where('id = :id AND version = :version', { id, version: expected })
      .execute();
    return result.affected === 1;
  }

  async updatePlan(
    id: number,
    values: QueryDeepPartialEntity<CoachingPlan>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(CoachingPlan, id, values);
  }

  /** Every plan's id, content and stored PDF, a batch at a time by id (retention reads them). */
  planContents(
    manager: EntityManager,
    afterId: number,
    limit: number,
  ): Promise<Pick<CoachingPlan, 'id' | 'content' | 'pdfFile'>[]> {
    return manager
      .getRepository(CoachingPlan)
      .createQueryBuilder('p')
      .select(['p.id', 'p.content', 'p.pdfFile'])
      .where('p.id > :afterId', { afterId })
      .orderBy('p.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * Content rewritten outside the editor (quotes trimmed by retention): a new version, so that an
   * editor still open on the old one cannot save its copy back, and no stored PDF (rendered again
   * when asked).
   */
  async rewriteContent(
    manager: EntityManager,
    id: number,
    content: Record<string, unknown>,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(CoachingPlan)
      .set({ content, pdfFile: null, pdfAt: null, version: () => '"version" + 1' })
      .where('id = :id', { id })
      .execute();
  }

  // ---- feedback sessions ----

  insertSession(
    manager: EntityManager,
    values: Partial<FeedbackSession>,
  ): Promise<FeedbackSession> {
    return manager.save(manager.create(FeedbackSession, values));
  }

  sessionsOf(planId: number): Promise<FeedbackSession[]> {
    return this.dataSource
      .getRepository(FeedbackSession)
      .find({ where: { planId }, order: { scheduledAt: 'ASC', id: 'ASC' } });
  }

  findSession(id: number): Promise<FeedbackSession | null> {
    return this.dataSource.getRepository(FeedbackSession).findOneBy({ id });
  }

  async updateSession(
    manager: EntityManager,
    id: number,
    values: QueryDeepPartialEntity<FeedbackSession>,
  ): Promise<void> {
    await manager.update(FeedbackSession, id, values);
  }

  // ---- the moments a plan quotes ----

  /**
   * Up to `limit` of the agent's calls in the period where a human evaluator failed the criterion,
   * newest first, at the moment the evaluator pinned (or where auto-QA's evidence points).
   */
  async missed(
    agentId: number,
    scorecardKey: string,
    criterionKey: string,
    period: { from: string; to: string },
    limit = 3,
  ): Promise<Excerpt[]> {
    const rows = await this.moments(scorecardKey, criterionKey, false, limit * 3)
      .andWhere('i.agentId = :agentId', { agentId })
      .andWhere('i.startedAt >= :start AND i.startedAt < :end', instants(period))
      .getRawMany<MomentRow>();
    return this.withText(rows, limit);
  }

  /**
   * The agent's latest plan for an earlier period (it starts and ends before this one): a plan
   * drafted again for the same period is not the "last plan" to measure progress against.
   */
  previousPlan(
    agentId: number,
    period: { from: string; to: string },
  ): Promise<CoachingPlan | null> {
    return this.dataSource
      .getRepository(CoachingPlan)
      .createQueryBuilder('p')
      .where('p.agentId = :agentId', { agentId })
      .andWhere('p.periodFrom < :from AND p.periodTo < :to', period)
      .orderBy('p.periodTo', 'DESC')
      .addOrderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .getOne();
  }

  /** A call of another agent (the same team first) where the criterion was done well. */
  async exemplar(
    agentId: number,
    teamId: number | null,
    scorecardKey: string,
    criterionKey: string,
  ): Promise<Excerpt | null> {
    for (const sameTeam of teamId === null ? [false] : [true, false]) {
      const qb = this.moments(scorecardKey, criterionKey, true, 20).andWhere(
        'i.agentId <> :agentId',
        { agentId },
      );
      if (sameTeam) qb.andWhere('a.teamId = :teamId', { teamId });
      const found = await this.withText(await qb.getRawMany<MomentRow>(), 1);
      if (found.length > 0) return found[0];
    }
    return null;
  }

  private moments(scorecardKey: string, criterionKey: string, passed: boolean, limit: number) {
    return (
      this.dataSource
        .createQueryBuilder()
        .select([
          'i.id AS "interactionId"',
          'i.externalId AS "externalId"',
          'ans.turnIndex AS "turnIndex"',
          'ans.timeMs AS "timeMs"',
          'ans.evidence AS "evidence"',
          'a.name AS "agentName"',
        ])
        .from('evaluation_answers', 'ans')
        .innerJoin('evaluations', 'e', 'e.id = ans.evaluationId')
        .innerJoin('interactions', 'i', 'i.id = e.interactionId')
        .innerJoin('agents', 'a', 'a.id = i.agentId')
        .innerJoin('scorecard_versions', 'v', 'v.id = e.scorecardVersionId')
        .innerJoin('scorecards', 's', 's.id = v.scorecardId')
        .where('s.key = :scorecardKey', { scorecardKey })
        .andWhere('ans.criterionKey = :criterionKey', { criterionKey })
        .andWhere('ans.passed = :passed', { passed })
        .andWhere(`e.kind IN ('manual', 'mystery_shop', 'auto')`)
        .andWhere(COUNTED)
        // Human answers with a pinned moment first, then machine evidence.
        .orderBy(`CASE WHEN e.kind = 'auto' THEN 1 ELSE 0 END`, 'ASC')
        .addOrderBy('i.startedAt', 'DESC')
        .limit(limit)
    );
  }

  /** The quoted turn of each moment; moments without a turn to quote are skipped. */
  private async withText(rows: MomentRow[], limit: number): Promise<Excerpt[]> {
    const out: Excerpt[] = [];
    const seen = new Set<number>();
    for (const row of rows) {
      if (out.length >= limit) break;
      if (seen.has(Number(row.interactionId))) continue;
      const turnIndex = row.turnIndex ?? firstEvidenceTurn(row.evidence);
      if (turnIndex === null) continue;
      // The quoted turn is asked of its owner, InteractionsRepository.
      const turn = await this.interactions.turnAt(Number(row.interactionId), Number(turnIndex));
      if (!turn) continue;
      seen.add(Number(row.interactionId));
      out.push({
        interactionId: Number(row.interactionId),
        externalId: row.externalId,
        timeMs: row.timeMs === null ? Number(turn.startMs) : Number(row.timeMs),
        speaker: turn.speaker,
        text: turn.text.length > 280 ? `${turn.text.slice(0, 280)}…` : turn.text,
        agentName: row.agentName,
      });
    }
    return out;
  }
}

function firstEvidenceTurn(evidence: MomentRow['evidence']): number | null {
  const parsed = typeof evidence === 'string' ? (JSON.parse(evidence) as StoredEvidence) : evidence;
  return parsed?.items.find((item) => item.turn !== null)?.turn ?? null;
}
