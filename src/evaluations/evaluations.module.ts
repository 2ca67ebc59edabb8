import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AutoQaModule } from '../autoqa/autoqa.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { EvaluationAnswer } from './entities/evaluation-answer.entity';
import { Evaluation } from './entities/evaluation.entity';
import { EvaluationsController } from './evaluations.controller';
import { EvaluationsPagesController } from './evaluations.pages.controller';
import { EvaluationsRepository } from './evaluations.repository';
import { EvaluationsService } from './evaluations.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Evaluation, EvaluationAnswer]),
    ScorecardsModule,
    InteractionsModule,
    AutoQaModule,
  ],
  controllers: [EvaluationsController, EvaluationsPagesController],
  providers: [EvaluationsService, EvaluationsRepository],
  exports: [EvaluationsService],
})
export class EvaluationsModule {}
