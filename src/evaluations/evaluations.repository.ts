import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../common/current-user';
import { EvaluationAnswer } from './entities/evaluation-answer.entity';
import { blindCalibration, visibleEvaluations } from './evaluation-visibility';
import { Evaluation } from './entities/evaluation.entity';

@Injectable()
export class EvaluationsRepository {
  constructor(@InjectRepository(Evaluation) private readonly evaluations: Repository<Evaluation>) {}

  findFull(id: number, manager?: EntityManager): Promise<Evaluation | null> {
    return (manager?.getRepository(Evaluation) ?? this.evaluations).findOne({
      where: { id },
      relations: { answers: true, evaluator: true, scorecardVersion: { scorecard: true } },
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

  findDraft(interactionId: number, evaluatorId: number, scorecardVersionId: number) {
    return this.evaluations.findOneBy({
      interactionId,
      evaluatorId,
      scorecardVersionId,
      status: 'draft',
      kind: 'manual',
    });
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

  async replaceAnswers(
    manager: EntityManager,
    evaluationId: number,
    answers: Omit<EvaluationAnswer, 'id' | 'evaluationId' | 'evaluation'>[],
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
    await manager.insert(
      EvaluationAnswer,
      answers.map((a) => ({ ...a, evaluationId })),
    );
  }
}
