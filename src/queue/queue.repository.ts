import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { Agent } from '../agents/entities/agent.entity';
import type { Actor } from '../common/current-user';
import { Evaluation } from '../evaluations/entities/evaluation.entity';
import { Interaction } from '../interactions/entities/interaction.entity';
import { User } from '../users/entities/user.entity';
import type { EvaluatorLoad } from './assignment';
import { QueueItem } from './entities/queue-item.entity';
import type { CandidateCall } from './sampling-plan';
import type { AutoBreakdown, RuleQueued } from './sampling-inputs';
import { parseJson, storedTime } from '../database/raw-values';
import { DUE_FIRST, filtered, joinedForDisplay, notOfTeam } from './queue-queries';
import {
  CANDIDATE_COLUMNS,
  NewItem,
  NOT_QUEUED,
  NOT_SCORED_BY_A_PERSON,
  PENDING,
  PoolItem,
  QueueFilter,
  QueueRow,
  RawCandidate,
  RawRow,
  toCandidateCall,
  toRow,
} from './queue-rows';

const INSERT_CHUNK = 100;

/** The work queue's queries: candidates for sampling, loads for assignment, the list pages. */
@Injectable()
export class QueueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Calls sampling may still pick: not queued, and not already scored by a person (a submitted
   * manual evaluation) or by a mystery shopper.
   */
  async candidates(manager: EntityManager): Promise<CandidateCall[]> {
    const rows = await manager
      .createQueryBuilder(Interaction, 'i')
      .select(CANDIDATE_COLUMNS)
      .where(NOT_QUEUED)
      .andWhere(NOT_SCORED_BY_A_PERSON)
      .orderBy('i.id', 'ASC')
      .getRawMany<RawCandidate>();
    return rows.map(toCandidateCall);
  }

  /**
   * The latest auto evaluation's breakdown of unqueued calls, where it may hold a failed critical
   * criterion (a cheap filter on the stored JSON; failedCriticalKeys decides).
   */
  async criticalBreakdowns(manager: EntityManager): Promise<AutoBreakdown[]> {
    const rows = await manager
      .createQueryBuilder(Evaluation, 'e')
      .select(['e.interactionId AS "interactionId"', 'e.breakdown AS "breakdown"'])
      .where(`e.kind = 'auto'`)
      .andWhere(`e.breakdown LIKE '%"criticalFailed":true%'`)
      .andWhere(
        `"e"."id" = (SELECT MAX("le"."id") FROM "evaluations" "le" WHERE "le"."interactionId" = "e"."interactionId" AND "le"."kind" = 'auto')`,
      )
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM "queue_items" "nq" WHERE "nq"."interactionId" = "e"."interactionId")`,
      )
      .getRawMany<{ interactionId: number; breakdown: string | object | null }>();
    return rows.map((r) => ({
      interactionId: Number(r.interactionId),
      breakdown: parseJson(r.breakdown),
    }));
  }

  /** The calls these rules queued that have an agent: the agent and when the call started. */
  async queuedByRules(manager: EntityManager, ruleIds: number[]): Promise<RuleQueued[]> {
    if (ruleIds.length === 0) return [];
    const rows = await manager
      .createQueryBuilder(QueueItem, 'q')
      .innerJoin(Interaction, 'i', 'i.id = q.interactionId')
      .select(['q.ruleId AS "ruleId"', 'i.agentId AS "agentId"', 'i.startedAt AS "startedAt"'])
      .where('q.ruleId IN (:...ruleIds)', { ruleIds })
      .andWhere('i.agentId IS NOT NULL')
      .getRawMany<{ ruleId: number; agentId: number; startedAt: string | Date }>();
    return rows.map((r) => ({
      ruleId: Number(r.ruleId),
      agentId: Number(r.agentId),
      startedAt: storedTime(r.startedAt),
    }));
  }

  /** Active users with the evaluator role, with their open + in-progress count. */
  async evaluatorLoads(manager: EntityManager = this.dataSource.manager): Promise<EvaluatorLoad[]> {
    const rows = await manager
      .createQueryBuilder(User, 'u')
      .select(['u.id AS "id"', 'u.teamId AS "teamId"'])
      .addSelect(
        (sub) =>
          sub
            .select('COUNT(*)')
            .from(QueueItem, 'lq')
            .where('lq.evaluatorId = u.id')
            .andWhere('lq.status IN (:...pending)', { pending: PENDING }),
        'load',
      )
      .where(`u.role = 'evaluator'`)
      .andWhere('u.active = :active', { active: true })
      .orderBy('u.id', 'ASC')
      .getRawMany<{ id: number; teamId: number | null; load: number | string }>();
    return rows.map((r) => ({
      id: Number(r.id),
      teamId: r.teamId === null ? null : Number(r.teamId),
      load: Number(r.load),
    }));
  }

  /** Open items nobody has, oldest due first. */
  async pool(manager: EntityManager): Promise<PoolItem[]> {
    const rows = await manager
      .createQueryBuilder(QueueItem, 'q')
      .innerJoin(Interaction, 'i', 'i.id = q.interactionId')
      .leftJoin(Agent, 'a', 'a.id = i.agentId')
      .select(['q.id AS "id"', 'a.teamId AS "agentTeamId"'])
      .where(`q.status = 'open'`)
      .andWhere('q.evaluatorId IS NULL')
      .orderBy(DUE_FIRST)
      .getRawMany<{ id: number; agentTeamId: number | null }>();
    return rows.map((r) => ({
      id: Number(r.id),
      agentTeamId: r.agentTeamId === null ? null : Number(r.agentTeamId),
    }));
  }

  /** Per sampling rule: items it ever queued and those still open or in progress. */
  async countsByRule(): Promise<Map<number, { queued: number; pending: number }>> {
    const rows = await this.dataSource
      .createQueryBuilder(QueueItem, 'q')
      .select('q.ruleId', 'ruleId')
      .addSelect('COUNT(*)', 'queued')
      .addSelect(`SUM(CASE WHEN q.status IN ('open', 'in_progress') THEN 1 ELSE 0 END)`, 'pending')
      .where('q.ruleId IS NOT NULL')
      .groupBy('q.ruleId')
      .getRawMany<{ ruleId: number; queued: string | number; pending: string | number }>();
    return new Map(
      rows.map((c) => [Number(c.ruleId), { queued: Number(c.queued), pending: Number(c.pending) }]),
    );
  }

  /**
   * Open items of someone who can no longer score (deactivated, or no longer admin or
   * evaluator) go back to the pool; returns how many.
   */
  async releaseFromLeavers(manager: EntityManager): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(QueueItem)
      .set({ evaluatorId: null })
      .where(`status = 'open'`)
      .andWhere(
        `"evaluatorId" IN (SELECT "lu"."id" FROM "users" "lu" WHERE "lu"."active" = :inactive OR "lu"."role" NOT IN ('admin', 'evaluator'))`,
        { inactive: false },
      )
      .execute();
    return result.affected ?? 0;
  }

  async insertItems(
    manager: EntityManager,
    items: NewItem[],
    evaluatorOf: (i: number) => number | null,
  ) {
    for (let i = 0; i < items.length; i += INSERT_CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(QueueItem)
        .values(
          items.slice(i, i + INSERT_CHUNK).map((item, j) => ({
            ...item,
            evaluatorId: evaluatorOf(i + j),
            status: 'open' as const,
            evaluationId: null,
            completedAt: null,
          })),
        )
        // Another process (the CLI beside the app) may have queued the same call meanwhile.
        .orIgnore()
        .updateEntity(false)
        .execute();
    }
  }

  async setEvaluator(
    manager: EntityManager,
    itemIds: number[],
    evaluatorId: number,
  ): Promise<void> {
    for (let i = 0; i < itemIds.length; i += 500) {
      await manager.update(
        QueueItem,
        { id: In(itemIds.slice(i, i + 500)), evaluatorId: IsNull() },
        { evaluatorId },
      );
    }
  }

  /**
   * A page of the queue, oldest due first. The page's ids are found on queue_items alone (its
   * indexes; the call and agent are joined only when a filter needs them), then only those
   * 50 rows are joined for display: the last of 200 pages costs about what the first does.
   */
  async list(actor: Actor, filter: QueueFilter, blockedTeamId: number | null, now: Date) {
    const manager = this.dataSource.manager;
    const matching = () =>
      filtered(manager.createQueryBuilder(QueueItem, 'q'), actor, filter, blockedTeamId, now);
    const counted = await matching().select('COUNT(*)', 'n').getRawOne<{ n: number | string }>();
    const ids = (
      await matching()
        .select('q.id', 'id')
        .orderBy(DUE_FIRST)
        .offset((filter.page - 1) * filter.pageSize)
        .limit(filter.pageSize)
        .getRawMany<{ id: number }>()
    ).map((r) => Number(r.id));
    const rows =
      ids.length === 0
        ? []
        : await this.rows(manager)
            .where('q.id IN (:...ids)', { ids })
            .orderBy(DUE_FIRST)
            .getRawMany<RawRow>();
    return { rows: rows.map(toRow), total: Number(counted?.n ?? 0) };
  }

  /** Gives the item to an evaluator: open again, no draft linked. */
  async assign(manager: EntityManager, id: number, evaluatorId: number): Promise<void> {
    await manager.update(QueueItem, id, { evaluatorId, status: 'open', evaluationId: null });
  }

  async markSkipped(manager: EntityManager, id: number): Promise<void> {
    await manager.update(QueueItem, id, { status: 'skipped', completedAt: new Date() });
  }

  /**
   * Claims an open item for the actor when it is theirs or nobody's; false when someone else
   * got there first (the row is no longer open, or is another evaluator's).
   */
  async claim(manager: EntityManager, id: number, actorId: number): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(QueueItem)
      .set({ status: 'in_progress', evaluatorId: actorId })
      .where('id = :id', { id })
      .andWhere(`status = 'open'`)
      .andWhere('("evaluatorId" = :me OR "evaluatorId" IS NULL)', { me: actorId })
      .execute();
    return Boolean(result.affected);
  }

  /** An item claimed but never started goes back to waiting, for whom it waited for before. */
  async release(id: number, evaluatorId: number | null): Promise<void> {
    await this.dataSource
      .getRepository(QueueItem)
      .update({ id, status: 'in_progress' }, { status: 'open', evaluatorId });
  }

  async linkEvaluation(id: number, evaluationId: number): Promise<void> {
    await this.dataSource.getRepository(QueueItem).update({ id }, { evaluationId });
  }

  /** The call's item still waiting or in progress, if any. */
  pendingFor(manager: EntityManager, interactionId: number): Promise<QueueItem | null> {
    return manager.findOne(QueueItem, { where: { interactionId, status: In(PENDING) } });
  }

  async markDone(manager: EntityManager, id: number, evaluationId: number): Promise<void> {
    await manager.update(QueueItem, id, { status: 'done', evaluationId, completedAt: new Date() });
  }

  async findRow(
    id: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<QueueRow | null> {
    const raw = await this.rows(manager).andWhere('q.id = :id', { id }).getRawOne<RawRow>();
    return raw ? toRow(raw) : null;
  }

  /**
   * The next item for the actor: their own open item due first, else an unassigned one they
   * may take (not of their own team when that rule is on).
   */
  async nextFor(
    actorId: number,
    blockedTeamId: number | null,
    skip: number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<QueueRow | null> {
    const base = () => {
      const qb = this.rows(manager).andWhere(`q.status = 'open'`);
      if (skip.length) qb.andWhere('q.id NOT IN (:...skip)', { skip });
      return qb.orderBy(DUE_FIRST).limit(1);
    };
    const mine = await base().andWhere('q.evaluatorId = :me', { me: actorId }).getRawOne<RawRow>();
    if (mine) return toRow(mine);
    const pool = base().andWhere('q.evaluatorId IS NULL');
    if (blockedTeamId !== null) {
      pool.andWhere(notOfTeam(blockedTeamId));
    }
    const free = await pool.getRawOne<RawRow>();
    return free ? toRow(free) : null;
  }

  /**
   * The actor's oldest queued call still in progress with an open draft: "start next" resumes it
   * before taking new work, so no draft is left behind.
   */
  async openDraftOf(
    actorId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<QueueRow | null> {
    const raw = await this.rows(manager)
      .innerJoin(Evaluation, 'e', 'e.id = q.evaluationId')
      .andWhere(`q.status = 'in_progress'`)
      .andWhere('q.evaluatorId = :me', { me: actorId })
      .andWhere('e.evaluatorId = :me', { me: actorId })
      .andWhere(`e.status = 'draft'`)
      .orderBy('e.createdAt', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(1)
      .getRawOne<RawRow>();
    return raw ? toRow(raw) : null;
  }

  private rows(manager: EntityManager) {
    return joinedForDisplay(manager.createQueryBuilder(QueueItem, 'q'));
  }
}
