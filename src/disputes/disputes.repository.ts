import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { evaluationScope } from '../auth/visibility';
import type { Actor } from '../common/current-user';
import { Page, pageOf } from '../common/pagination';
import { Evaluation } from '../evaluations/entities/evaluation.entity';
import { EvaluationsRepository } from '../evaluations/evaluations.repository';
import { EvaluationResponse } from './entities/evaluation-response.entity';

/** A disputed evaluation waiting for a resolver, with the dispute that opened it. */
export interface OpenDispute {
  evaluation: Evaluation;
  dispute: EvaluationResponse;
}

@Injectable()
export class DisputesRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: EvaluationsRepository,
  ) {}

  /** One step of the history (acknowledged, disputed, resolved), in the caller's transaction. */
  insertResponse(
    manager: EntityManager,
    values: Partial<EvaluationResponse>,
  ): Promise<EvaluationResponse> {
    return manager.save(manager.create(EvaluationResponse, values));
  }

  /** The history of an evaluation, oldest first, with who wrote each entry. */
  responsesOf(evaluationId: number, manager?: EntityManager): Promise<EvaluationResponse[]> {
    return (manager ?? this.dataSource.manager).getRepository(EvaluationResponse).find({
      where: { evaluationId },
      relations: { user: true },
      order: { id: 'ASC' },
    });
  }

  /**
   * Open disputes the actor may resolve, the longest-waiting first: an admin all, a team lead
   * their teams', an evaluator the ones they scored.
   */
  async openDisputes(actor: Actor, page: number, pageSize: number): Promise<Page<OpenDispute>> {
    const qb = this.dataSource
      .getRepository(EvaluationResponse)
      .createQueryBuilder('r')
      .innerJoin(Evaluation, 'e', '"e"."id" = "r"."evaluationId"')
      .where('"r"."kind" = :disputed', { disputed: 'disputed' })
      .andWhere('"e"."status" = :disputed');
    if (actor.role === 'evaluator') {
      qb.andWhere('"e"."evaluatorId" = :me', { me: actor.id });
    } else {
      const scope = evaluationScope(actor, 'e');
      if (scope) qb.andWhere(scope.sql, scope.params);
    }
    const total = await qb.getCount();
    const rows = await qb
      .select('"r"."id"', 'id')
      .orderBy('"r"."createdAt"', 'ASC')
      .addOrderBy('"r"."id"', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawMany<{ id: number }>();
    const ids = rows.map((r) => Number(r.id));
    if (ids.length === 0) return pageOf([], total, page, pageSize);
    const disputes = await this.dataSource
      .getRepository(EvaluationResponse)
      .find({ where: { id: In(ids) }, relations: { user: true } });
    const evaluations = await this.evaluations.withCalls(disputes.map((d) => d.evaluationId));
    const byId = new Map(evaluations.map((e) => [e.id, e]));
    const byResponse = new Map(disputes.map((d) => [d.id, d]));
    const items = ids
      .map((id) => byResponse.get(id)!)
      .map((dispute) => ({ dispute, evaluation: byId.get(dispute.evaluationId)! }));
    return pageOf(items, total, page, pageSize);
  }
}
