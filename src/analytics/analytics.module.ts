import { Module } from '@nestjs/common';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsPagesController } from './analytics.pages.controller';
import { AnalyticsRepository } from './analytics.repository';
import { AnalyticsService } from './analytics.service';

/** Agent patterns and the team heat map, over the criterion_stats roll-up. */
@Module({
  controllers: [AnalyticsController, AnalyticsPagesController],
  providers: [AnalyticsService, AnalyticsRepository],
  exports: [AnalyticsService],
})
export class AnalyticsModule {}
