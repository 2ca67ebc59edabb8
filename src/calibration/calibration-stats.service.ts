import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/current-user';
import { EvaluationsRepository } from '../evaluations/evaluations.repository';
import { scorecardVersionOf } from '../scorecards/loaded-version';
import {
  CalibrationResults,
  EvaluatorHistory,
  evaluatorHistory,
  sessionResults,
} from './calibration-results';
import { CalibrationRepository, ParticipantState } from './calibration.repository';
import type { CalibrationSession } from './entities/calibration-session.entity';

/**
 * Calibration statistics: a closed session's results (deviation, agreement, kappa) and each
 * evaluator's deviation history over the closed sessions. The sessions themselves (opening,
 * scoring, closing) are CalibrationService's.
 */
@Injectable()
export class CalibrationStatsService {
  constructor(
    private readonly repository: CalibrationRepository,
    private readonly evaluationRows: EvaluationsRepository,
  ) {}

  /** The results of a session whose participants are loaded (the caller checked it is closed). */
  async results(
    session: CalibrationSession,
    participants: ParticipantState[],
  ): Promise<CalibrationResults> {
    const evaluations = await this.evaluationRows.calibrationsWithAnswers(
      participants.flatMap((p) => (p.evaluationId === null ? [] : [p.evaluationId])),
    );
    return sessionResults({
      criteria: scorecardVersionOf(session).definition.sections.flatMap((s) => s.criteria),
      expertId: session.expertId,
      closedAt: session.closedAt,
      participants,
      evaluations: new Map(evaluations.map((e) => [e.id, e])),
    });
  }

  /**
   * Each evaluator's deviation from the expert over the closed sessions (the expert's own zero
   * is left out). Admins see everyone; an evaluator sees their own line only.
   */
  async history(actor: Actor): Promise<EvaluatorHistory[]> {
    const sessions = await this.repository.closedScores();
    return evaluatorHistory(sessions, actor.role === 'admin' ? null : actor.id);
  }
}
