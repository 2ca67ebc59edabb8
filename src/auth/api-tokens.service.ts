import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/current-user';
import { InputError, NotFoundError } from '../common/errors';
import { transaction } from '../database/transaction';
import { UsersService } from '../users/users.service';
import { ApiToken } from './entities/api-token.entity';
import { randomToken, sha256 } from './secrets';

const TOKEN_PREFIX = 'qa_';
const MAX_TOKENS_PER_USER = 20;

/** Personal API tokens: shown once at creation, stored as a SHA-256 digest, revocable. */
@Injectable()
export class ApiTokensService {
  constructor(
    @InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async create(owner: Actor, name: string): Promise<{ token: string; row: ApiToken }> {
    const label = name.trim();
    if (!label) throw new InputError('name', 'give the token a name (what uses it)');
    if (label.length > 100) throw new InputError('name', 'must be at most 100 characters');
    const active = await this.tokens.countBy({ userId: owner.id, revokedAt: IsNull() });
    if (active >= MAX_TOKENS_PER_USER) {
      throw new InputError('name', `you have ${active} tokens; revoke one you no longer use`);
    }
    const token = `${TOKEN_PREFIX}${randomToken()}`;
    const row = await transaction(this.dataSource, async (manager) => {
      const saved = await manager.save(
        manager.create(ApiToken, {
          userId: owner.id,
          name: label,
          prefix: token.slice(0, 10),
          hash: sha256(token),
        }),
      );
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
    return this.tokens.find({ where: { userId: owner.id }, order: { id: 'DESC' } });
  }

  async revoke(owner: Actor, id: number): Promise<void> {
    const token = await this.tokens.findOneBy({ id, userId: owner.id });
    if (!token) throw new NotFoundError('API token', id);
    if (token.revokedAt) return;
    await transaction(this.dataSource, async (manager) => {
      await manager.update(ApiToken, id, { revokedAt: new Date() });
      await this.audit.record(manager, owner, {
        action: 'token.revoked',
        entityType: 'user',
        entityId: owner.id,
        before: { token: id, name: token.name, prefix: token.prefix },
      });
    });
  }

  /** The token's owner, or null for an unknown or revoked token or a deactivated owner. */
  async resolve(token: string): Promise<Actor | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const row = await this.tokens.findOneBy({ hash: sha256(token), revokedAt: IsNull() });
    if (!row) return null;
    const actor = await this.users.actorFor(row.userId);
    if (!actor) return null;
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
      await this.tokens.update(row.id, { lastUsedAt: new Date() });
    }
    return actor;
  }
}
