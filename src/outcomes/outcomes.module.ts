import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module';
import { AnalyticsModule } from '../analytics/analytics.module';
import { TeamFocusModule } from '../team-focus/team-focus.module';
import { ChatService } from './chat.service';
import { DriverFactsRepository } from './driver-facts.repository';
import { DriversService } from './drivers.service';
import { KpiService } from './kpi.service';
import { OutcomesController } from './outcomes.controller';
import { OutcomesPagesController } from './outcomes.pages.controller';
import { OutcomeRollupService } from './outcome-rollup.service';
import { OutcomeStatsRepository } from './outcome-stats.repository';
import { OutcomesRepository } from './outcomes.repository';

/** Does quality move the business: KPIs beside QA scores, the criteria that drive CSAT/FCR. */
@Module({
  imports: [AgentsModule, AnalyticsModule, TeamFocusModule],
  controllers: [OutcomesController, OutcomesPagesController],
  providers: [
    OutcomesRepository,
    OutcomeStatsRepository,
    DriverFactsRepository,
    OutcomeRollupService,
    KpiService,
    DriversService,
    ChatService,
  ],
  exports: [KpiService, OutcomesRepository],
})
export class OutcomesModule {}
