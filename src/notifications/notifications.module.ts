import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { NotificationsPagesController } from './notifications.pages.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { UnreadNotificationsMiddleware } from './unread-notifications.middleware';

/** What a user should see on their page: new evaluations, disputes to resolve, resolutions. */
@Module({
  controllers: [NotificationsPagesController],
  providers: [NotificationsService, NotificationsRepository, UnreadNotificationsMiddleware],
  exports: [NotificationsService],
})
export class NotificationsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(UnreadNotificationsMiddleware)
      .exclude('health', 'assets/{*path}')
      .forRoutes('*');
  }
}
