import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { AnalyticsRepository } from '../analytics/analytics.repository';
import { TeamFocusModule } from '../team-focus/team-focus.module';
import { ChatService } from './chat.service';
import { DriversService } from './drivers.service';
import { KpiService } from './kpi.service';
import { OutcomesController } from './outcomes.controller';
import { OutcomesPagesController } from './outcomes.pages.controller';
import { OutcomesRepository } from './outcomes.repository';

/** Does quality move the business: KPIs beside QA scores, the criteria that drive CSAT/FCR. */
@Module({
  imports: [AnalyticsModule, TeamFocusModule],
  controllers: [OutcomesController, OutcomesPagesController],
  providers: [OutcomesRepository, KpiService, DriversService, ChatService, AnalyticsRepository],
  exports: [KpiService, OutcomesRepository],
})
export class OutcomesModule {}
