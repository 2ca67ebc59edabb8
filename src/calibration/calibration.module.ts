import { Module } from '@nestjs/common';
import { EvaluationStoreModule } from '../evaluations/evaluation-store.module';
import { EvaluationsModule } from '../evaluations/evaluations.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { CalibrationController } from './calibration.controller';
import { CalibrationPagesController } from './calibration.pages.controller';
import { CalibrationRepository } from './calibration.repository';
import { CalibrationService } from './calibration.service';
import { CalibrationStatsService } from './calibration-stats.service';

/**
 * Calibration sessions: several evaluators score one call blind on one scorecard version, the
 * expert's answers are the benchmark, and the results (deviation, agreement, Fleiss' kappa) open
 * when the last one submits or an admin closes the session.
 */
@Module({
  imports: [EvaluationsModule, EvaluationStoreModule, InteractionsModule, ScorecardsModule],
  controllers: [CalibrationController, CalibrationPagesController],
  providers: [CalibrationService, CalibrationStatsService, CalibrationRepository],
  exports: [CalibrationService],
})
export class CalibrationModule {}
