import { AnalyticsModule } from './analytics/analytics.module';
import { OutcomesModule } from './outcomes/outcomes.module';
import { ExperimentsModule } from './experiments/experiments.module';
import { CalibrationModule } from './calibration/calibration.module';
import { CoachingModule } from './coaching/coaching.module';
import { DisputesModule } from './disputes/disputes.module';
import { EventsModule } from './events/evaluation-events';
import { NotificationsModule } from './notifications/notifications.module';
import { QueueModule } from './queue/queue.module';
import { RetentionModule } from './retention/retention.module';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AgentsModule } from './agents/agents.module';
import { AuditModule } from './audit/audit.module';
import { AuditPageModule } from './audit-page/audit-page.module';
import { AccountPageModule } from './account-page/account-page.module';
import { AccessGuard } from './auth/access.guard';
import { ActorMiddleware } from './auth/actor.middleware';
import { AuthModule } from './auth/auth.module';
import { AutoQaModule } from './autoqa/autoqa.module';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/registry/database.module';
import { CallPageModule } from './call-page/call-page.module';
import { EvaluationPageModule } from './evaluation-page/evaluation-page.module';
import { EvaluationsModule } from './evaluations/evaluations.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { JobsModule } from './jobs/jobs.module';
import { InteractionsModule } from './interactions/interactions.module';
import { MysteryShopModule } from './mystery-shop/mystery-shop.module';
import { ScorecardsModule } from './scorecards/scorecards.module';
import { ScorecardDesignerModule } from './scorecard-designer/scorecard-designer.module';
import { StorageModule } from './storage/storage.module';
import { UsersModule } from './users/users.module';
import { SafeInputPipe } from './common/safe-input.pipe';
import { apiValidationPipe } from './common/validation-messages';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    StorageModule,
    EventsModule,
    AuditModule,
    UsersModule,
    AuthModule,
    AgentsModule,
    ScorecardsModule,
    AutoQaModule,
    ScorecardDesignerModule,
    InteractionsModule,
    ImportsModule,
    EvaluationsModule,
    MysteryShopModule,
    NotificationsModule,
    DisputesModule,
    EvaluationPageModule,
    CallPageModule,
    AuditPageModule,
    AccountPageModule,
    CalibrationModule,
    QueueModule,
    AnalyticsModule,
    OutcomesModule,
    ExperimentsModule,
    CoachingModule,
    JobsModule,
    RetentionModule,
    HealthModule,
  ],
  providers: [
    // First: ids beyond what the databases store and NUL characters are a 400 (safe-input.pipe.ts).
    { provide: APP_PIPE, useClass: SafeInputPipe },
    // Then the API's DTOs; their refusals are translated (common/validation-messages.ts).
    { provide: APP_PIPE, useValue: apiValidationPipe() },
    { provide: APP_FILTER, useClass: HttpExceptionFilter },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ActorMiddleware).exclude('health', 'assets/{*path}').forRoutes('*');
  }
}
