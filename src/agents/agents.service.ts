import type { Actor } from '../common/current-user';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AgentsRepository } from './agents.repository';
import { Agent } from './entities/agent.entity';
import { Team } from './entities/team.entity';
import { TeamsRepository } from './teams.repository';

export interface AgentRef {
  externalId: string;
  name?: string;
  teamName?: string;
}

@Injectable()
export class AgentsService {
  constructor(
    private readonly agents: AgentsRepository,
    private readonly teams: TeamsRepository,
  ) {}

  /** All agents, or only those an actor may see (a team lead's teams, an agent themself). */
  listAgents(actor?: Actor): Promise<Agent[]> {
    return this.agents.list(actor);
  }

  byId(id: number): Promise<Agent | null> {
    return this.agents.byId(id);
  }

  listTeams(): Promise<Team[]> {
    return this.teams.all();
  }

  /**
   * Matches an agent by external id or creates it (with its team) inside the caller's
   * transaction. An existing agent keeps its name and team: the importer is not the place
   * where people get renamed.
   */
  async findOrCreate(manager: EntityManager, ref: AgentRef): Promise<Agent> {
    const existing = await this.agents.findByExternalId(ref.externalId, manager);
    if (existing) return existing;
    const team = ref.teamName ? await this.findOrCreateTeam(manager, ref.teamName) : null;
    return this.agents.insert(manager, {
      externalId: ref.externalId,
      name: ref.name ?? ref.externalId,
      teamId: team?.id ?? null,
    });
  }

  async findOrCreateTeam(manager: EntityManager, name: string, leadName?: string): Promise<Team> {
    const existing = await this.teams.findByName(name, manager);
    if (existing) return existing;
    return this.teams.insert(manager, { name, leadName: leadName ?? null });
  }
}
