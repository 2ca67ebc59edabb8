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

  /**
   * The agent with their team, if the actor may see them (a team lead: their teams' agents; an
   * agent: themself).
   */
  findVisible(actor: Actor, where: { externalId: string } | { id: number }): Promise<Agent | null> {
    const qb = this.agents.createQueryBuilder('a').leftJoinAndSelect('a.team', 't');
    if ('id' in where) qb.where('a.id = :id', { id: where.id });
    else qb.where('a.externalId = :externalId', { externalId: where.externalId });
    const scope = interactionScope(actor, '"a"."id"');
    if (scope) qb.andWhere(scope.sql, scope.params);
    return qb.getOne();
  }

  /** The agents now in these teams, by external id. */
  ofTeams(teamIds: number[]): Promise<Agent[]> {
    if (teamIds.length === 0) return Promise.resolve([]);
    return this.agents
      .createQueryBuilder('a')
      .where('a.teamId IN (:...teamIds)', { teamIds })
      .orderBy('a.externalId', 'ASC')
      .getMany();
  }

  byIds(ids: number[]): Promise<Agent[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.agents.createQueryBuilder('a').where('a.id IN (:...ids)', { ids }).getMany();
  }

  findByExternalId(externalId: string, manager?: EntityManager): Promise<Agent | null> {
    return (manager ? manager.getRepository(Agent) : this.agents).findOneBy({ externalId });
  }

  insert(manager: EntityManager, values: Partial<Agent>): Promise<Agent> {
    return manager.save(manager.create(Agent, values));
  }
}
