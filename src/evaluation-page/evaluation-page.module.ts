import { Module } from '@nestjs/common';
import { DisputesModule } from '../disputes/disputes.module';
import { EvaluationsModule } from '../evaluations/evaluations.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { EvaluationPageController } from './evaluation-page.controller';

/** The evaluation page, assembled above the evaluations and disputes features. */
@Module({
  imports: [EvaluationsModule, InteractionsModule, DisputesModule],
  controllers: [EvaluationPageController],
})
export class EvaluationPageModule {}
