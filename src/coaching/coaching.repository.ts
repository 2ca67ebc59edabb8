import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { interactionScope } from '../auth/visibility';
import type { Actor } from '../common/current-user';
import { CoachingPlan } from './entities/coaching-plan.entity';
import { FeedbackSession } from './entities/feedback-session.entity';

/**
 * The coaching tables: plans and feedback sessions. The moments of calls a plan quotes are read
 * from their owners by CoachingMoments.
 */
@Injectable()
export class CoachingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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

  // ---- progress ----

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
}
