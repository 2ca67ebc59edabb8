import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EvaluationsModule } from '../evaluations/evaluations.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { QueueItem } from './entities/queue-item.entity';
import { SamplingRule } from './entities/sampling-rule.entity';
import { QueueController } from './queue.controller';
import { QueuePagesController } from './queue.pages.controller';
import { QueueRepository } from './queue.repository';
import { SamplingRulesPagesController } from './sampling-rules.pages.controller';
import { SamplingRulesRepository } from './sampling-rules.repository';
import { QueueService } from './queue.service';
import { SamplingScheduler } from './sampling.scheduler';
import { SamplingService } from './sampling.service';

/** The evaluators' work queue and the sampling rules that fill it. */
@Module({
  imports: [
    TypeOrmModule.forFeature([QueueItem, SamplingRule]),
    EvaluationsModule,
    InteractionsModule,
    ScorecardsModule,
  ],
  controllers: [QueueController, QueuePagesController, SamplingRulesPagesController],
  providers: [
    QueueRepository,
    SamplingRulesRepository,
    QueueService,
    SamplingService,
    SamplingScheduler,
  ],
  exports: [QueueService, SamplingService, SamplingScheduler],
})
export class QueueModule {}
