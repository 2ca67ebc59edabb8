import { Module } from '@nestjs/common';
import { AbuseModule } from '../abuse/abuse.module';
import { EvaluationsModule } from '../evaluations/evaluations.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { CallPageController } from './call-page.controller';

/** The call's page, assembled above the interactions and evaluations features. */
@Module({
  imports: [InteractionsModule, EvaluationsModule, ScorecardsModule, AbuseModule],
  controllers: [CallPageController],
})
export class CallPageModule {}
