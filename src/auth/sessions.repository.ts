import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { Session } from './entities/session.entity';

/** The `sessions` table. Methods taking a manager run inside the caller's transaction. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private table(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(Session);
  }

  async add(session: Session): Promise<void> {
    await this.table().insert(session);
  }

  findById(id: string): Promise<Session | null> {
    return this.table().findOneBy({ id });
  }

  async touch(id: string, lastSeenAt: Date): Promise<void> {
    await this.table().update({ id }, { lastSeenAt });
  }

  async remove(id: string): Promise<void> {
    await this.table().delete({ id });
  }

  /** DELETE FROM sessions WHERE expiresAt < :now */
  async removeExpired(now: Date): Promise<void> {
    await this.table().delete({ expiresAt: LessThan(now) });
  }

  /** DELETE FROM sessions WHERE userId = :userId; how many there were. */
  async removeAllOf(manager: EntityManager, userId: number): Promise<number> {
    return (await this.table(manager).delete({ userId })).affected ?? 0;
  }
}
