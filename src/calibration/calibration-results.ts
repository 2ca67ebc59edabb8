import type { Scale } from '../scorecards/scorecard-definition';
import {
  calibrationReport,
  CalibrationReport,
  CriterionAgreement,
  deviationHistory,
  DeviationPoint,
  EvaluatorDeviationHistory,
} from './agreement';
import { kappaReading, KappaReading } from './calibration.view';

/**
 * The rules of a calibration session's results, over plain data: who may take part, whose
 * evaluation counts, the results of one closed session and each evaluator's deviation history.
 * Pure: the services load the data (calibration.service.ts, calibration-stats.service.ts).
 */

/** Who may take part in a calibration: people who score calls and can open the scoring form. */
export const CALIBRATION_ROLES = ['admin', 'evaluator'] as const;

/** A participant's evaluation as the rules need it. */
export interface SubmittedState {
  status: string;
  submittedAt: Date | string | null;
}

/**
 * An evaluation is in a session's results when it was submitted before the session closed: a
 * participant who submits after an admin closed the session early is left out.
 */
export function countsInResults(evaluation: SubmittedState | null, closedAt: Date | null): boolean {
  if (!evaluation || evaluation.status === 'draft' || !evaluation.submittedAt) return false;
  return !closedAt || new Date(evaluation.submittedAt).getTime() <= new Date(closedAt).getTime();
}

/** The participant has submitted (their evaluation is past draft). */
export function isSubmitted(p: { evaluationStatus: string | null }): boolean {
  return p.evaluationStatus !== null && p.evaluationStatus !== 'draft';
}

export interface CalibrationResults extends CalibrationReport {
  criteria: (CriterionAgreement & { scale: Scale })[];
  kappaReading: KappaReading | null;
  /** Participants who had not submitted when the session closed. */
  leftOut: { userId: number; name: string }[];
  /** Each evaluator's comment on a criterion, by criterion key then evaluator id. */
  comments: Record<string, Record<number, string>>;
}

export interface ResultsInput {
  criteria: { key: string; label: string; scale: Scale }[];
  expertId: number | null;
  closedAt: Date | null;
  participants: { userId: number; name: string; evaluationId: number | null }[];
  /** The participants' evaluations with their answers, by evaluation id. */
  evaluations: Map<
    number,
    SubmittedState & {
      overallScore: number | null;
      answers?: { criterionKey: string; value: number | null; comment?: string | null }[];
    }
  >;
}

/** A closed session's results: the expert's answers are the benchmark the others are read against. */
export function sessionResults(input: ResultsInput): CalibrationResults {
  const { criteria, expertId, participants, evaluations } = input;
  const scales = new Map(criteria.map((c) => [c.key, c.scale]));
  // The expert first: the benchmark column the others are read against.
  const ordered = [
    ...participants.filter((p) => p.userId === expertId),
    ...participants.filter((p) => p.userId !== expertId),
  ];
  const counted = ordered.flatMap((p) => {
    const evaluation = p.evaluationId === null ? undefined : evaluations.get(p.evaluationId);
    return evaluation && countsInResults(evaluation, input.closedAt)
      ? [{ participant: p, evaluation }]
      : [];
  });
  const report = calibrationReport({
    criteria: criteria.map((c) => ({ key: c.key, label: c.label, scale: c.scale })),
    evaluations: counted.map(({ participant, evaluation }) => ({
      evaluatorId: participant.userId,
      evaluatorName: participant.name,
      isExpert: participant.userId === expertId,
      overallScore: evaluation.overallScore,
      answers: Object.fromEntries((evaluation.answers ?? []).map((a) => [a.criterionKey, a.value])),
    })),
  });
  const comments: Record<string, Record<number, string>> = {};
  for (const { participant, evaluation } of counted) {
    for (const a of evaluation.answers ?? []) {
      if (a.comment) (comments[a.criterionKey] ??= {})[participant.userId] = a.comment;
    }
  }
  const countedIds = new Set(counted.map((c) => c.participant.userId));
  return {
    ...report,
    criteria: report.criteria.map((c) => ({ ...c, scale: scales.get(c.key)! })),
    kappaReading: kappaReading(report.kappa),
    leftOut: participants
      .filter((p) => !countedIds.has(p.userId))
      .map((p) => ({ userId: p.userId, name: p.name })),
    comments,
  };
}

/** One closed session's participants with their overall scores, for the deviation history. */
export interface ClosedSessionScores {
  sessionId: number;
  closedAt: Date;
  expertId: number | null;
  scores: {
    userId: number;
    name: string;
    overallScore: number | null;
    evaluation: SubmittedState | null;
  }[];
}

export interface EvaluatorHistory extends EvaluatorDeviationHistory {
  name: string;
}

/**
 * Each evaluator's deviation from the expert over the closed sessions (the expert's own zero
 * is left out), of everyone or (a number) of that evaluator only; by name.
 */
export function evaluatorHistory(
  sessions: ClosedSessionScores[],
  onlyEvaluatorId: number | null,
): EvaluatorHistory[] {
  const points: DeviationPoint[] = [];
  const names = new Map<number, string>();
  for (const session of sessions) {
    const counted = session.scores.filter((s) => countsInResults(s.evaluation, session.closedAt));
    const report = calibrationReport({
      criteria: [],
      evaluations: counted.map((s) => ({
        evaluatorId: s.userId,
        evaluatorName: s.name,
        isExpert: s.userId === session.expertId,
        overallScore: s.overallScore,
        answers: {},
      })),
    });
    for (const e of report.evaluators) {
      if (e.isExpert || (onlyEvaluatorId !== null && e.evaluatorId !== onlyEvaluatorId)) continue;
      names.set(e.evaluatorId, e.evaluatorName);
      points.push({
        evaluatorId: e.evaluatorId,
        sessionId: session.sessionId,
        closedAt: new Date(session.closedAt),
        deviation: e.deviation,
      });
    }
  }
  return deviationHistory(points)
    .map((h) => ({ ...h, name: names.get(h.evaluatorId) ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
