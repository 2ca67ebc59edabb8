import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Notification } from './entities/notification.entity';
import { NotificationsPagesController } from './notifications.pages.controller';
import { NotificationsService } from './notifications.service';
import { UnreadNotificationsMiddleware } from './unread-notifications.middleware';

/** What a user should see on their page: new evaluations, disputes to resolve, resolutions. */
@Module({
  imports: [TypeOrmModule.forFeature([Notification])],
  controllers: [NotificationsPagesController],
  providers: [NotificationsService, UnreadNotificationsMiddleware],
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
