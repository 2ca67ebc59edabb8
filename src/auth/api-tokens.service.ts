import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/current-user';
import { InputError, NotFoundError } from '../common/errors';
import { transaction } from '../database/transaction';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiToken } from './entities/api-token.entity';
import { randomToken, sha256 } from './secrets';
import { USER_DIRECTORY, type UserDirectory } from './user-directory';

const TOKEN_PREFIX = 'qa_';
const MAX_TOKENS_PER_USER = 20;

/** Personal API tokens: shown once at creation, stored as a SHA-256 digest, revocable. */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly tokens: ApiTokensRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
    private readonly audit: AuditService,
  ) {}

  /** `label` as CreateTokenDto checked it (trimmed, 1–100 characters). */
  async create(owner: Actor, label: string): Promise<{ token: string; row: ApiToken }> {
    const active = await this.tokens.countActiveOf(owner.id);
    if (active >= MAX_TOKENS_PER_USER) {
      throw new InputError('name', `you have ${active} tokens; revoke one you no longer use`, {
        key: 'tokens.tooMany',
        params: { count: String(active) },
      });
    }
    const token = `${TOKEN_PREFIX}${randomToken()}`;
    const row = await transaction(this.dataSource, async (manager) => {
      const saved = await this.tokens.add(manager, {
        userId: owner.id,
        name: label,
        prefix: token.slice(0, 10),
        hash: sha256(token),
      });
      await this.audit.record(manager, owner, {
        action: 'token.created',
        entityType: 'user',
        entityId: owner.id,
        after: { token: saved.id, name: label, prefix: saved.prefix },
      });
      return saved;
    });
    return { token, row };
  }

  list(owner: Actor): Promise<ApiToken[]> {
    return this.tokens.listOf(owner.id);
  }

  async revoke(owner: Actor, id: number): Promise<void> {
    const token = await this.tokens.findOwned(id, owner.id);
    if (!token) throw new NotFoundError('API token', id);
    if (token.revokedAt) return;
    await transaction(this.dataSource, async (manager) => {
      await this.tokens.revoke(manager, id, new Date());
      await this.audit.record(manager, owner, {
        action: 'token.revoked',
        entityType: 'user',
        entityId: owner.id,
        before: { token: id, name: token.name, prefix: token.prefix },
      });
    });
  }

  /**
   * The token's owner, or null for an unknown or revoked token or a deactivated owner.
   * Deactivation and a password reset revoke every token (UsersService, in src/users/): re-activating the
   * user brings none back.
   */
  async resolve(token: string): Promise<Actor | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const row = await this.tokens.findActiveByHash(sha256(token));
    if (!row) return null;
    const actor = await this.users.actorFor(row.userId);
    if (!actor) return null;
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
      await this.tokens.touch(row.id, new Date());
    }
    return actor;
  }
}
