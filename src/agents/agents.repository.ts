import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { interactionScope } from '../auth/visibility';
import type { Actor } from '../common/current-user';
import { Agent } from './entities/agent.entity';

/** The agents table: the one place that reads and writes it. */
@Injectable()
export class AgentsRepository {
  constructor(@InjectRepository(Agent) private readonly agents: Repository<Agent>) {}

  /** All agents with their team, or only those an actor may see. */
  list(actor?: Actor): Promise<Agent[]> {
    const qb = this.agents
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.team', 't')
      .orderBy('a.externalId', 'ASC');
    const scope = actor ? interactionScope(actor, '"a"."id"') : null;
    if (scope) qb.where(scope.sql, scope.params);
    return qb.getMany();
  }

  byId(id: number): Promise<Agent | null> {
    return this.agents.findOneBy({ id });
  }

  findByExternalId(externalId: string, manager?: EntityManager): Promise<Agent | null> {
    return (manager ? manager.getRepository(Agent) : this.agents).findOneBy({ externalId });
  }

  insert(manager: EntityManager, values: Partial<Agent>): Promise<Agent> {
    return manager.save(manager.create(Agent, values));
  }
}
