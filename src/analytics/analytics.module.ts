import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module';
import { TeamFocusModule } from '../team-focus/team-focus.module';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsPagesController } from './analytics.pages.controller';
import { AnalyticsRepository } from './analytics.repository';
import { AnalyticsService } from './analytics.service';

/** Agent patterns and the team heat map, over the criterion_stats roll-up. */
@Module({
  imports: [AgentsModule, TeamFocusModule],
  controllers: [AnalyticsController, AnalyticsPagesController],
  providers: [AnalyticsService, AnalyticsRepository],
  exports: [AnalyticsService],
})
export class AnalyticsModule {}
