import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { AbuseStoreModule } from './abuse-store.module';
import { AbuseService } from './abuse.service';
import { ProtectionController } from './protection.controller';
import { ProtectionPagesController } from './protection.pages.controller';

/** Abusive callers: the flag at import, the lead's notice, protective actions and their report. */
@Module({
  imports: [AbuseStoreModule, InteractionsModule, UsersModule, NotificationsModule, AuditModule],
  controllers: [ProtectionController, ProtectionPagesController],
  providers: [AbuseService],
  exports: [AbuseService],
})
export class AbuseModule {}
