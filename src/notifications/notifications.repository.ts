import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { Notification } from './entities/notification.entity';

/** The one owner of `notifications`: reads and writes, no rules of its own. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get notifications(): Repository<Notification> {
    return this.dataSource.getRepository(Notification);
  }

  /** Inserts unread notices inside the caller's transaction. */
  async insertUnread(
    manager: EntityManager,
    rows: Pick<Notification, 'userId' | 'kind' | 'params' | 'link'>[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await manager.insert(
      Notification,
      rows.map((row) => ({ ...row, readAt: null })),
    );
  }

  /** One user's notifications, newest first, one page, with their number. */
  pageOf(userId: number, skip: number, take: number): Promise<[Notification[], number]> {
    return this.notifications.findAndCount({
      where: { userId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip,
      take,
    });
  }

  belongsTo(id: number, userId: number): Promise<boolean> {
    return this.notifications.existsBy({ id, userId });
  }

  /** Marks the user's unread notifications read: one (by id), those with a link, or all. */
  async markRead(userId: number, which: { id?: number; link?: string }, at: Date): Promise<number> {
    const result = await this.notifications.update(
      { userId, readAt: IsNull(), ...which },
      { readAt: at },
    );
    return result.affected ?? 0;
  }

  countUnread(userId: number): Promise<number> {
    return this.notifications.countBy({ userId, readAt: IsNull() });
  }
}
