import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { ExperimentsController } from './experiments.controller';
import { ExperimentsPagesController } from './experiments.pages.controller';
import { ExperimentsRepository } from './experiments.repository';
import { ExperimentsService } from './experiments.service';

/** Script A/B tests with significance. */
@Module({
  imports: [AnalyticsModule, OutcomesModule],
  controllers: [ExperimentsController, ExperimentsPagesController],
  providers: [ExperimentsRepository, ExperimentsService],
  exports: [ExperimentsService],
})
export class ExperimentsModule {}
