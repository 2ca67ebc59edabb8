import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Agent } from '../agents/entities/agent.entity';
import { Team } from '../agents/entities/team.entity';
import { containsPattern, LIKE_ESCAPE } from '../common/like';
import type { Role } from '../auth/roles';
import { User } from './entities/user.entity';

/** The users table: the one place that reads and writes it. */
@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  private repo(manager?: EntityManager): Repository<User> {
    return manager ? manager.getRepository(User) : this.users;
  }

  findById(id: number): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  findActive(id: number): Promise<User | null> {
    return this.users.findOneBy({ id, active: true });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email });
  }

  existsByEmail(email: string): Promise<boolean> {
    return this.users.existsBy({ email });
  }

  /** For sign-in only: the one read that includes the password hash. */
  findWithPassword(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
  }

  /** With the agent it stands for and its home team. */
  findWithLinks(id: number): Promise<User | null> {
    return this.users.findOne({ where: { id }, relations: { agent: true, team: true } });
  }

  /** A page of users (active first, then by e-mail), searched by e-mail or name. */
  page(
    filter: { q?: string; role?: string },
    page: number,
    pageSize: number,
  ): Promise<[User[], number]> {
    const qb = this.users
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.agent', 'a')
      .leftJoinAndSelect('u.team', 'ht');
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.q) {
      qb.andWhere(
        `(LOWER(u.email) LIKE :q ${LIKE_ESCAPE} OR LOWER(u.name) LIKE :q ${LIKE_ESCAPE})`,
        { q: containsPattern(filter.q.toLowerCase()) },
      );
    }
    return qb
      .orderBy('u.active', 'DESC')
      .addOrderBy('u.email', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  /** Active users with one of these roles, by role (descending) then name, or by name only. */
  activeWithRoles(roles: readonly Role[], order: 'role' | 'name' = 'role'): Promise<User[]> {
    return this.users.find({
      where: { active: true, role: In([...roles]) },
      order: order === 'role' ? { role: 'DESC', name: 'ASC' } : { name: 'ASC' },
    });
  }

  byIds(ids: number[]): Promise<User[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.users.findBy({ id: In(ids) });
  }

  /** The team a user belongs to (users.teamId). */
  async teamOf(userId: number): Promise<number | null> {
    const user = await this.users.findOne({
      select: { id: true, teamId: true },
      where: { id: userId },
    });
    return user?.teamId ?? null;
  }

  /** The active agent users linked to this agent (who hear about their evaluations and plans). */
  agentUsers(manager: EntityManager | undefined, agentId: number | null): Promise<User[]> {
    if (agentId === null) return Promise.resolve([]);
    return this.repo(manager).find({ where: { role: 'agent', agentId, active: true } });
  }

  async agentUserIds(
    manager: EntityManager | undefined,
    agentId: number | null,
  ): Promise<number[]> {
    return (await this.agentUsers(manager, agentId)).map((u) => u.id);
  }

  /** The active team lead(s) of the agent's team. */
  async teamLeadIds(manager: EntityManager | undefined, agentId: number | null): Promise<number[]> {
    if (agentId === null) return [];
    const rows = await this.repo(manager)
      .createQueryBuilder('u')
      .innerJoin(Team, 't', '"t"."leadUserId" = "u"."id"')
      .innerJoin(Agent, 'a', '"a"."teamId" = "t"."id"')
      .select('"u"."id"', 'id')
      .where('"a"."id" = :agentId', { agentId })
      .andWhere('"u"."active" = :active', { active: true })
      .andWhere('"u"."role" = :role', { role: 'team_lead' })
      .getRawMany<{ id: number }>();
    return rows.map((r) => Number(r.id));
  }

  async isActive(manager: EntityManager | undefined, userId: number | null): Promise<boolean> {
    return userId !== null && this.repo(manager).existsBy({ id: userId, active: true });
  }

  async markSignedIn(userId: number): Promise<void> {
    await this.users.update({ id: userId }, { lastLoginAt: new Date() });
  }

  /** Inserts a user inside the caller's transaction; returns it with its id. */
  insert(manager: EntityManager, values: Partial<User>): Promise<User> {
    return manager.save(manager.create(User, values));
  }

  async update(manager: EntityManager, id: number, values: Partial<User>): Promise<void> {
    await manager.update(User, id, values);
  }
}
