import { interactionScope } from '../auth/visibility';
import type { Actor } from '../common/current-user';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Agent } from './entities/agent.entity';
import { Team } from './entities/team.entity';

export interface AgentRef {
  externalId: string;
  name?: string;
  teamName?: string;
}

@Injectable()
export class AgentsService {
  constructor(
    @InjectRepository(Agent) private readonly agents: Repository<Agent>,
    @InjectRepository(Team) private readonly teams: Repository<Team>,
  ) {}

  /** All agents, or only those an actor may see (a team lead's teams, an agent themself). */
  listAgents(actor?: Actor): Promise<Agent[]> {
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

  listTeams(): Promise<Team[]> {
    return this.teams.find({ order: { name: 'ASC' } });
  }

  /**
   * Matches an agent by external id or creates it (with its team) inside the caller's
   * transaction. An existing agent keeps its name and team: the importer is not the place
   * where people get renamed.
   */
  async findOrCreate(manager: EntityManager, ref: AgentRef): Promise<Agent> {
    const existing = await manager.findOneBy(Agent, { externalId: ref.externalId });
    if (existing) return existing;
    const team = ref.teamName ? await this.findOrCreateTeam(manager, ref.teamName) : null;
    return manager.save(
      manager.create(Agent, {
        externalId: ref.externalId,
        name: ref.name ?? ref.externalId,
        teamId: team?.id ?? null,
      }),
    );
  }

  async findOrCreateTeam(manager: EntityManager, name: string, leadName?: string): Promise<Team> {
    const existing = await manager.findOneBy(Team, { name });
    if (existing) return existing;
    return manager.save(manager.create(Team, { name, leadName: leadName ?? null }));
  }
}
