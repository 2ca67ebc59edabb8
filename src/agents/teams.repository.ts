import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { Actor } from '../common/current-user';
import { Team } from './entities/team.entity';

/** The teams table: the one place that reads and writes it. */
@Injectable()
export class TeamsRepository {
  constructor(@InjectRepository(Team) private readonly teams: Repository<Team>) {}

  private repo(manager?: EntityManager): Repository<Team> {
    return manager ? manager.getRepository(Team) : this.teams;
  }

  all(): Promise<Team[]> {
    return this.teams.find({ order: { name: 'ASC' } });
  }

  /** The teams whose agents the actor may see, by name: a team lead's own; staff, every team. */
  visibleTo(actor: Actor): Promise<Team[]> {
    switch (actor.role) {
      case 'admin':
      case 'evaluator':
        return this.all();
      case 'team_lead':
        return actor.teamIds.length === 0
          ? Promise.resolve([])
          : this.teams
              .createQueryBuilder('t')
              .where('t.id IN (:...ids)', { ids: actor.teamIds })
              .orderBy('t.name', 'ASC')
              .getMany();
      case 'agent':
        return Promise.resolve([]);
    }
  }

  findByName(name: string, manager?: EntityManager): Promise<Team | null> {
    return this.repo(manager).findOneBy({ name });
  }

  findByNames(names: string[], manager?: EntityManager): Promise<Team[]> {
    return this.repo(manager).findBy({ name: In(names) });
  }

  /** The teams these users lead, by name. */
  ledBy(userIds: number[]): Promise<Team[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.teams.find({ where: { leadUserId: In(userIds) }, order: { name: 'ASC' } });
  }

  /** The teams this user leads becomes leaderless (before the new ones are set). */
  async clearLead(manager: EntityManager, userId: number): Promise<void> {
    await manager.update(Team, { leadUserId: userId }, { leadUserId: null });
  }

  async setLead(manager: EntityManager, teamIds: number[], userId: number): Promise<void> {
    if (teamIds.length > 0) await manager.update(Team, { id: In(teamIds) }, { leadUserId: userId });
  }

  async insert(manager: EntityManager, values: Partial<Team>): Promise<Team> {
    return manager.save(manager.create(Team, values));
  }
}
