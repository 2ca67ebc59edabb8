import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ApiToken } from './entities/api-token.entity';

/** The `api_tokens` table. Methods taking a manager run inside the caller's transaction. */
@Injectable()
export class ApiTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private table(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(ApiToken);
  }

  countActiveOf(userId: number): Promise<number> {
    return this.table().countBy({ userId, revokedAt: IsNull() });
  }

  add(manager: EntityManager, token: Pick<ApiToken, 'userId' | 'name' | 'prefix' | 'hash'>) {
    return this.table(manager).save(this.table(manager).create(token));
  }

  listOf(userId: number): Promise<ApiToken[]> {
    return this.table().find({ where: { userId }, order: { id: 'DESC' } });
  }

  findOwned(id: number, userId: number): Promise<ApiToken | null> {
    return this.table().findOneBy({ id, userId });
  }

  findActiveByHash(hash: string): Promise<ApiToken | null> {
    return this.table().findOneBy({ hash, revokedAt: IsNull() });
  }

  async touch(id: number, lastUsedAt: Date): Promise<void> {
    await this.table().update(id, { lastUsedAt });
  }

  async revoke(manager: EntityManager, id: number, at: Date): Promise<void> {
    await this.table(manager).update(id, { revokedAt: at });
  }

  /** UPDATE api_tokens SET revokedAt = :at WHERE userId = :userId AND revokedAt IS NULL; how many. */
  async revokeAllOf(manager: EntityManager, userId: number, at: Date): Promise<number> {
    const result = await this.table(manager).update(
      { userId, revokedAt: IsNull() },
      { revokedAt: at },
    );
    return result.affected ?? 0;
  }
}
