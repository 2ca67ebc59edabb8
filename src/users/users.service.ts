import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AgentsRepository } from '../agents/agents.repository';
import { TeamsRepository } from '../agents/teams.repository';
import { AuditService } from '../audit/audit.service';
import { ApiTokensRepository } from '../auth/api-tokens.repository';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwords';
import { SessionsRepository } from '../auth/sessions.repository';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { Actor } from '../common/current-user';
import { ForbiddenError, InputError, NotFoundError } from '../common/errors';
import { plainTextProblem, refusedCharacter } from '../common/plain-text';
import { Page, pageOf } from '../common/pagination';
import { withAdvisoryLock } from '../database/advisory-lock';
import { transaction } from '../database/transaction';
import { ROLES, type Role } from '../auth/roles';
import { User } from './entities/user.entity';
import { UsersRepository } from './users.repository';

export interface UserInput {
  email: string;
  name: string;
  role: Role;
  password?: string;
  /** Agent users: the external id of their Agent record (A-001 …). */
  agentExternalId?: string;
  /** Team leads: the names of the teams they lead. */
  teams?: string[];
  /** Evaluators (and leads): their own team, which the work queue keeps from them. */
  homeTeam?: string;
}

export type UserChanges = Partial<Omit<UserInput, 'email' | 'password'>> & { active?: boolean };

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  agent: { id: number; externalId: string; name: string } | null;
  teams: { id: number; name: string }[];
  homeTeam: { id: number; name: string } | null;
  lastLoginAt: Date | null;
  createdAt: Date;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** People: who they are, their role, what they are linked to, their password. */
@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly users: UsersRepository,
    private readonly teams: TeamsRepository,
    private readonly agents: AgentsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly sessions: SessionsRepository,
    private readonly tokens: ApiTokensRepository,
  ) {}

  /**
   * ADMIN_EMAIL / ADMIN_PASSWORD: the first admin, created once; an existing user is left as is.
   * Instances starting at once on PostgreSQL take turns, so exactly one creates it.
   */
  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.admin;
    if (!admin) return;
    await withAdvisoryLock(this.dataSource, 'first-admin', async () => {
      if (await this.users.existsByEmail(admin.email)) return;
      await this.create(null, {
        email: admin.email,
        name: 'Administrator',
        role: 'admin',
        password: admin.password,
      });
      this.logger.log(`created the first admin ${admin.email} (ADMIN_EMAIL)`);
    });
  }

  /** The actor behind a session or token; null when the user is gone or deactivated. */
  async actorFor(userId: number): Promise<Actor | null> {
    const user = await this.users.findActive(userId);
    if (!user) return null;
    const teams = user.role === 'team_lead' ? await this.teams.ledBy([user.id]) : [];
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      agentId: user.role === 'agent' ? user.agentId : null,
      teamIds: teams.map((t) => t.id),
    };
  }

  /** For sign-in only: the one read that includes the password hash. */
  findWithPassword(email: string): Promise<User | null> {
    return this.users.findWithPassword(email.trim().toLowerCase());
  }

  async markSignedIn(userId: number): Promise<void> {
    await this.users.markSignedIn(userId);
  }

  async list(
    filter: { q?: string; role?: string; page?: number },
    pageSize = 50,
  ): Promise<Page<UserRow>> {
    const page = filter.page ?? 1;
    const [users, total] = await this.users.page(filter, page, pageSize);
    const teams = await this.teamsLedBy(users.map((u) => u.id));
    return pageOf(
      users.map((u) => toRow(u, teams.get(u.id) ?? [])),
      total,
      page,
      pageSize,
    );
  }

  async get(id: number): Promise<UserRow> {
    const user = await this.users.findWithLinks(id);
    if (!user) throw new NotFoundError('user', id);
    return toRow(user, (await this.teamsLedBy([id])).get(id) ?? []);
  }

  async create(by: Actor | null, input: UserInput): Promise<UserRow> {
    const email = input.email.trim().toLowerCase();
    plainText('email', email);
    if (!EMAIL.test(email))
      throw new InputError('email', 'is not an e-mail address', { key: 'error.user.email' });
    if (await this.users.existsByEmail(email)) {
      throw new InputError('email', `a user with ${email} already exists`, {
        key: 'error.user.emailTaken',
        params: { email },
      });
    }
    const passwordHash = input.password ? await this.checkedHash(input.password, email) : null;
    const id = await transaction(this.dataSource, async (manager) => {
      const links = await this.resolveLinks(manager, input.role, input);
      const saved = await this.users.insert(manager, {
        email,
        name: requiredName(input.name),
        role: checkedRole(input.role),
        agentId: links.agentId,
        teamId: await this.homeTeamId(manager, input.homeTeam),
        passwordHash,
        active: true,
      });
      await this.leadTeams(manager, saved.id, links.teamIds);
      await this.audit.record(manager, by, {
        action: 'user.created',
        entityType: 'user',
        entityId: saved.id,
        after: { email, name: saved.name, role: saved.role, ...describeLinks(input) },
      });
      return saved.id;
    });
    return this.get(id);
  }

  async update(by: Actor, id: number, changes: UserChanges): Promise<UserRow> {
    const before = await this.get(id);
    if (by.id === id && (changes.active === false || (changes.role && changes.role !== 'admin'))) {
      throw new ForbiddenError('you cannot deactivate yourself or take away your own admin role', {
        key: 'error.forbidden.ownAccount',
      });
    }
    const role = changes.role ? checkedRole(changes.role) : before.role;
    const deactivating = changes.active === false && before.active;
    await transaction(this.dataSource, async (manager) => {
      const links = await this.resolveLinks(manager, role, {
        agentExternalId: changes.agentExternalId ?? before.agent?.externalId,
        teams: changes.teams ?? before.teams.map((t) => t.name),
      });
      await this.users.update(manager, id, {
        name: changes.name === undefined ? before.name : requiredName(changes.name),
        role,
        agentId: links.agentId,
        teamId:
          changes.homeTeam === undefined
            ? (before.homeTeam?.id ?? null)
            : await this.homeTeamId(manager, changes.homeTeam),
        active: changes.active ?? before.active,
      });
      await this.teams.clearLead(manager, id);
      await this.leadTeams(manager, id, links.teamIds);
      const ended = deactivating ? await this.endAccess(manager, id) : null;
      await this.audit.record(manager, by, {
        action: deactivating ? 'user.deactivated' : 'user.updated',
        entityType: 'user',
        entityId: id,
        before: summary(before),
        after: { ...summary(before), ...changes, role, ...ended },
      });
    });
    return this.get(id);
  }

  /** An admin's reset or the user's own change; every session and API token of that user ends. */
  async setPassword(by: Actor | null, id: number, password: string): Promise<void> {
    const user = await this.get(id);
    const passwordHash = await this.checkedHash(password, user.email);
    await transaction(this.dataSource, async (manager) => {
      await this.users.update(manager, id, { passwordHash });
      const ended = await this.endAccess(manager, id);
      await this.audit.record(manager, by, {
        action: by?.id === id ? 'user.password_changed' : 'user.password_reset',
        entityType: 'user',
        entityId: id,
        after: ended,
      });
    });
  }

  /** The signed-in user's own change: only with their current password. */
  async changeOwnPassword(actor: Actor, current: string, password: string): Promise<void> {
    const user = await this.users.findWithPassword(actor.email);
    if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, current))) {
      throw new InputError('current', 'is not your current password', {
        key: 'account.wrongCurrent',
      });
    }
    await this.setPassword(actor, actor.id, password);
  }

  async findByEmail(email: string): Promise<UserRow | null> {
    const user = await this.users.findByEmail(email.trim().toLowerCase());
    return user ? this.get(user.id) : null;
  }

  /**
   * Deletes the user's sessions and revokes their API tokens, for good: re-activating the user
   * later brings none of them back, and whoever held one must sign in or get a new token.
   */
  private async endAccess(manager: EntityManager, userId: number) {
    return {
      sessionsEnded: await this.sessions.removeAllOf(manager, userId),
      tokensRevoked: await this.tokens.revokeAllOf(manager, userId, new Date()),
    };
  }

  private async checkedHash(password: string, email: string): Promise<string> {
    const problem = passwordProblem(password, email);
    if (problem) {
      throw new InputError('password', problem.reason, {
        key: problem.key,
        params: problem.params,
      });
    }
    return hashPassword(password);
  }

  private async resolveLinks(
    manager: EntityManager,
    role: Role,
    input: { agentExternalId?: string; teams?: string[] },
  ): Promise<{ agentId: number | null; teamIds: number[] }> {
    let agentId: number | null = null;
    if (role === 'agent') {
      const externalId = input.agentExternalId?.trim();
      if (!externalId) {
        throw new InputError('agentExternalId', 'an agent user must be linked to an agent', {
          key: 'error.user.agentRequired',
        });
      }
      const agent = await this.agents.findByExternalId(externalId, manager);
      if (!agent)
        throw new InputError('agentExternalId', `no agent with id ${externalId}`, {
          key: 'error.user.noAgent',
          params: { id: externalId },
        });
      agentId = agent.id;
    }
    let teamIds: number[] = [];
    const names = (input.teams ?? []).map((t) => t.trim()).filter(Boolean);
    if (role === 'team_lead' && names.length > 0) {
      const teams = await this.teams.findByNames(names, manager);
      const missing = names.filter((n) => !teams.some((t) => t.name === n));
      if (missing.length > 0)
        throw new InputError('teams', `no team named ${missing.join(', ')}`, {
          key: 'error.user.noTeam',
          params: { name: missing.join(', ') },
        });
      teamIds = teams.map((t) => t.id);
    }
    return { agentId, teamIds };
  }

  private async homeTeamId(
    manager: EntityManager,
    name: string | undefined,
  ): Promise<number | null> {
    const trimmed = name?.trim();
    if (!trimmed) return null;
    const team = await this.teams.findByName(trimmed, manager);
    if (!team)
      throw new InputError('homeTeam', `no team named ${trimmed}`, {
        key: 'error.user.noTeam',
        params: { name: trimmed },
      });
    return team.id;
  }

  private async leadTeams(manager: EntityManager, userId: number, teamIds: number[]) {
    await this.teams.setLead(manager, teamIds, userId);
  }

  private async teamsLedBy(
    userIds: number[],
  ): Promise<Map<number, { id: number; name: string }[]>> {
    const map = new Map<number, { id: number; name: string }[]>();
    if (userIds.length === 0) return map;
    const teams = await this.teams.ledBy(userIds);
    for (const t of teams) {
      const list = map.get(t.leadUserId!) ?? [];
      list.push({ id: t.id, name: t.name });
      map.set(t.leadUserId!, list);
    }
    return map;
  }
}

function toRow(user: User, teams: { id: number; name: string }[]): UserRow {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    agent: user.agent
      ? { id: user.agent.id, externalId: user.agent.externalId, name: user.agent.name }
      : null,
    teams,
    homeTeam: user.team ? { id: user.team.id, name: user.team.name } : null,
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
  };
}

function checkedRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new InputError('role', `must be one of ${ROLES.join(', ')}`, {
      key: 'error.user.role',
      params: { values: ROLES.join(', ') },
    });
  }
  return role as Role;
}

function requiredName(name: string | undefined): string {
  const trimmed = name?.trim() ?? '';
  if (!trimmed) throw new InputError('name', 'is required', { key: 'error.user.nameRequired' });
  if (trimmed.length > 200)
    throw new InputError('name', 'must be at most 200 characters', { key: 'error.user.nameLong' });
  plainText('name', trimmed);
  return trimmed;
}

/** E-mails and names refuse line breaks, control, bidi and zero-width characters. */
function plainText(field: string, value: string): void {
  const found = refusedCharacter(value);
  if (!found) return;
  throw new InputError(field, plainTextProblem(value)!, {
    key: 'error.plainText',
    params: { code: found.code, position: String(found.position) },
  });
}

function describeLinks(input: { agentExternalId?: string; teams?: string[] }) {
  return {
    ...(input.agentExternalId ? { agent: input.agentExternalId } : {}),
    ...(input.teams?.length ? { teams: input.teams } : {}),
  };
}

function summary(row: UserRow) {
  return {
    name: row.name,
    role: row.role,
    active: row.active,
    agent: row.agent?.externalId ?? null,
    teams: row.teams.map((t) => t.name),
    homeTeam: row.homeTeam?.name ?? null,
  };
}
