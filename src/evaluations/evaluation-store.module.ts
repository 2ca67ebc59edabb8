import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EvaluationAnswer } from './entities/evaluation-answer.entity';
import { Evaluation } from './entities/evaluation.entity';
import { EvaluationWriter } from './evaluation-writer';
import { EvaluationsRepository } from './evaluations.repository';

/**
 * The evaluation tables and their one writer, apart from the evaluations feature (pages, API,
 * drafts): auto-QA, mystery shops and disputes write evaluations through EvaluationWriter without
 * depending on the feature module, which depends on auto-QA.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Evaluation, EvaluationAnswer])],
  providers: [EvaluationsRepository, EvaluationWriter],
  exports: [EvaluationsRepository, EvaluationWriter],
})
export class EvaluationStoreModule {}
