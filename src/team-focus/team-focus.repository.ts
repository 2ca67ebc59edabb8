import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { TeamFocus } from './entities/team-focus.entity';

/** The one owner of the team_focus table. */
@Injectable()
export class TeamFocusRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(TeamFocus);
  }

  one(teamId: number, week: string, manager?: EntityManager): Promise<TeamFocus | null> {
    return this.repo(manager).findOneBy({ teamId, week });
  }

  /** The focuses of these teams, newest week first (at most `limit`). */
  ofTeams(teamIds: number[], limit = 200): Promise<TeamFocus[]> {
    if (teamIds.length === 0) return Promise.resolve([]);
    return this.repo().find({
      where: { teamId: In(teamIds) },
      order: { week: 'DESC', teamId: 'ASC' },
      take: limit,
    });
  }

  save(
    values: Omit<TeamFocus, 'createdAt' | 'updatedAt' | 'id'> & { id?: number },
    manager: EntityManager,
  ) {
    const repo = this.repo(manager);
    return repo.save(repo.create(values));
  }
}
