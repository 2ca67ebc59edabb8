import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import type { Actor } from '../common/current-user';
import { NotFoundError } from '../common/errors';
import { Page, pageOf } from '../common/pagination';
import { Notification } from './entities/notification.entity';

export type NotificationParams = Record<string, string | number>;

@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
  ) {}

  /** Writes inside the caller's transaction: the notice lands with the change it tells of. */
  async notify(
    manager: EntityManager,
    userIds: (number | null | undefined)[],
    kind: string,
    params: NotificationParams,
    link: string,
  ): Promise<void> {
    const recipients = [...new Set(userIds.filter((id): id is number => typeof id === 'number'))];
    if (recipients.length === 0) return;
    await manager.insert(
      Notification,
      recipients.map((userId) => ({ userId, kind, params, link, readAt: null })),
    );
  }

  /** The actor's own notifications, newest first. */
  async list(actor: Actor, page = 1, pageSize = 30): Promise<Page<Notification>> {
    const [items, total] = await this.notifications.findAndCount({
      where: { userId: actor.id },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return pageOf(items, total, page, pageSize);
  }

  /** Marks one of the actor's notifications read, or all of them. Someone else's is 404. */
  async markRead(actor: Actor, id: number | 'all'): Promise<void> {
    if (id !== 'all') {
      const own = await this.notifications.existsBy({ id, userId: actor.id });
      if (!own) throw new NotFoundError('notification', id);
    }
    await this.notifications.update(
      { userId: actor.id, readAt: IsNull(), ...(id === 'all' ? {} : { id }) },
      { readAt: new Date() },
    );
  }

  /** Opening the page a notification leads to counts as reading it. */
  async markReadByLink(userId: number, link: string): Promise<number> {
    const result = await this.notifications.update(
      { userId, link, readAt: IsNull() },
      { readAt: new Date() },
    );
    return result.affected ?? 0;
  }

  unreadCount(userId: number): Promise<number> {
    return this.notifications.countBy({ userId, readAt: IsNull() });
  }
}
