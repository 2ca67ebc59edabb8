import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module';
import { AnalyticsModule } from '../analytics/analytics.module';
import { EvaluationStoreModule } from '../evaluations/evaluation-store.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PdfService } from '../pdf/pdf.service';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { CoachingController } from './coaching.controller';
import { CoachingMoments } from './coaching-moments';
import { CoachingPageViews } from './coaching-page-views';
import { CoachingPagesController } from './coaching.pages.controller';
import { CoachingRepository } from './coaching.repository';
import { CoachingService } from './coaching.service';
import { FeedbackSessionsPagesController } from './feedback-sessions.pages.controller';
import { FeedbackSessionsService } from './feedback-sessions.service';
import { PlanPdfJobs } from './plan-pdf-jobs';
import { CoachingPlanQuotes } from './plan-quotes.service';

@Module({
  imports: [
    AnalyticsModule,
    ScorecardsModule,
    AgentsModule,
    InteractionsModule,
    EvaluationStoreModule,
    NotificationsModule,
  ],
  controllers: [CoachingController, CoachingPagesController, FeedbackSessionsPagesController],
  providers: [
    CoachingService,
    FeedbackSessionsService,
    CoachingRepository,
    CoachingMoments,
    CoachingPageViews,
    CoachingPlanQuotes,
    PlanPdfJobs,
    { provide: PdfService, useFactory: () => new PdfService() },
  ],
  exports: [CoachingService, CoachingPlanQuotes],
})
export class CoachingModule {}
