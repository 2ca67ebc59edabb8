import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../common/current-user';
import { NotFoundError } from '../common/errors';
import { Page, pageOf } from '../common/pagination';
import { Notification } from './entities/notification.entity';
import { NotificationsRepository } from './notifications.repository';

export type NotificationParams = Record<string, string | number>;

@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  /** Writes inside the caller's transaction: the notice lands with the change it tells of. */
  async notify(
    manager: EntityManager,
    userIds: (number | null | undefined)[],
    kind: string,
    params: NotificationParams,
    link: string,
  ): Promise<void> {
    const recipients = [...new Set(userIds.filter((id): id is number => typeof id === 'number'))];
    await this.notifications.insertUnread(
      manager,
      recipients.map((userId) => ({ userId, kind, params, link })),
    );
  }

  /** The actor's own notifications, newest first. */
  async list(actor: Actor, page = 1, pageSize = 30): Promise<Page<Notification>> {
    const [items, total] = await this.notifications.pageOf(
      actor.id,
      (page - 1) * pageSize,
      pageSize,
    );
    return pageOf(items, total, page, pageSize);
  }

  /** Marks one of the actor's notifications read, or all of them. Someone else's is 404. */
  async markRead(actor: Actor, id: number | 'all'): Promise<void> {
    if (id !== 'all') {
      const own = await this.notifications.belongsTo(id, actor.id);
      if (!own) throw new NotFoundError('notification', id);
    }
    await this.notifications.markRead(actor.id, id === 'all' ? {} : { id }, new Date());
  }

  /** Opening the page a notification leads to counts as reading it. */
  async markReadByLink(userId: number, link: string): Promise<number> {
    return this.notifications.markRead(userId, { link }, new Date());
  }

  unreadCount(userId: number): Promise<number> {
    return this.notifications.countUnread(userId);
  }
}
