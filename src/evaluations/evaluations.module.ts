import { Module } from '@nestjs/common';
import { InteractionsModule } from '../interactions/interactions.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { EvaluationStoreModule } from './evaluation-store.module';
import { EvaluationsController } from './evaluations.controller';
import { EvaluationsPagesController } from './evaluations.pages.controller';
import { EvaluationsService } from './evaluations.service';
import { ReplayViews } from './replay-views';

@Module({
  imports: [EvaluationStoreModule, ScorecardsModule, InteractionsModule],
  controllers: [EvaluationsController, EvaluationsPagesController],
  providers: [EvaluationsService, ReplayViews],
  exports: [EvaluationsService, ReplayViews],
})
export class EvaluationsModule {}
