import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import type { RequestWithActor } from '../common/current-user';
import { NotificationsService } from './notifications.service';

/**
 * Pages show the signed-in user's unread count in the header (`res.locals.unreadNotifications`).
 * Opening the page a notification links to marks that notification read. Runs after the actor
 * middleware (AppModule's middleware is mounted before the feature modules').
 */
@Injectable()
export class UnreadNotificationsMiddleware implements NestMiddleware {
  constructor(private readonly notifications: NotificationsService) {}

  async use(req: RequestWithActor, res: Response, next: NextFunction): Promise<void> {
    try {
      const path = req.originalUrl.split('?')[0];
      // Only pages: a form post redirects, so its count would be thrown away.
      if (req.actor && req.method === 'GET' && !path.startsWith('/api')) {
        let unread = await this.notifications.unreadCount(req.actor.id);
        if (unread > 0) unread -= await this.notifications.markReadByLink(req.actor.id, path);
        res.locals.unreadNotifications = Math.max(0, unread);
      }
      next();
    } catch (e) {
      next(e);
    }
  }
}
