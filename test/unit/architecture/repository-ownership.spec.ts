import {
  ALLOWED,
  crossTableCalls,
  ownershipProblems,
  refused,
} from '../../../scripts/repository-ownership';
import { join } from 'path';

const FILE = 'src/coaching/coaching.repository.ts';

/** A repository of coaching that reaches into other folders' tables in every way the guard sees. */
const VIOLATING = `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Turn } from '../interactions/entities/turn.entity';
import { Evaluation } from '../evaluations/entities/evaluation.entity';
import type { User } from '../users/entities/user.entity';
import { CoachingPlan } from './entities/coaching-plan.entity';

@Injectable()
export class CoachingRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Turn) private readonly turns: Repository<Turn>,
  ) {}

  turnAt(interactionId: number, seq: number) {
    return this.dataSource.getRepository(Turn).findOneBy({ interactionId, seq });
  }

  async markReviewed(manager: EntityManager, id: number) {
    await manager.update(Evaluation, id, { status: 'reviewed' });
  }

  plans(manager: EntityManager) {
    return manager
      .createQueryBuilder(CoachingPlan, 'p')
      .innerJoin(Evaluation, 'e', 'e.id = p.evaluationId')
      .getMany();
  }

  own(manager: EntityManager, user: User) {
    return manager.find(CoachingPlan, { where: { authorId: user.id } });
  }
}
`;

describe('repository ownership guard (scripts/repository-ownership.ts)', () => {
  it("reports each call rooted at another folder's entity, and the cross-folder join, by method", () => {
    const calls = crossTableCalls(FILE, VIOLATING);
    expect(calls.map((c) => `${c.method} ${c.call}(${c.entity})`)).toEqual([
      'constructor InjectRepository(Turn)',
      'turnAt getRepository(Turn)',
      'markReviewed update(Evaluation)',
      'plans innerJoin(Evaluation)',
    ]);
    expect(refused(calls)).toHaveLength(4);
  });

  it("does not count the repository's own entities or type-only imports", () => {
    const calls = crossTableCalls(FILE, VIOLATING);
    expect(calls.some((c) => c.entity === 'CoachingPlan' || c.entity === 'User')).toBe(false);
  });

  it('lets a join through only in a method the allow-list names for that entity', () => {
    const calls = crossTableCalls(FILE, VIOLATING);
    const allowed = [{ file: FILE, method: 'plans', entities: ['Evaluation'], reason: 'test' }];
    expect(refused(calls, allowed).map((c) => c.method)).toEqual([
      'constructor',
      'turnAt',
      'markReviewed',
    ]);
  });

  it('gives every allow-list entry a reason, and passes on the tree as it is', () => {
    expect(ALLOWED.every((a) => a.reason.trim().length > 0 && a.entities.length > 0)).toBe(true);
    expect(ownershipProblems(join(__dirname, '../../..'))).toEqual([]);
  });
});
