import { storedTime } from '../database/raw-values';
import type { ScoreBreakdown } from '../scoring/score-formula';
import type {
  AutoSuggestion,
  EvaluationAnswer,
  StoredEvidence,
} from './entities/evaluation-answer.entity';
import type { EvaluationKind, EvaluationStatus } from './entities/evaluation.entity';

/**
 * The evaluations' rows as plain data (read and written by evaluations.repository.ts): what is
 * inserted, what the call page and the replay read, and their mapping from either database.
 */

/** An evaluation row as first written (its answers go beside it). */
export interface EvaluationRow {
  interactionId: number;
  scorecardVersionId: number;
  evaluatorId: number | null;
  kind: EvaluationKind;
  status: EvaluationStatus;
  breakdown: ScoreBreakdown | null;
  overallScore: number | null;
  passed: boolean | null;
  metrics?: Record<string, unknown> | null;
  submittedAt?: Date | null;
}

export type AnswerRow = Omit<EvaluationAnswer, 'id' | 'evaluationId' | 'evaluation'>;

/** An answer that points at a moment of the call (the replay's marks), with who gave it. */
export interface TimedAnswerRow {
  evaluationKind: string;
  scorecardVersionId: number;
  author: string | null;
  criterionKey: string;
  comment: string | null;
  timeMs: number | null;
  suggestion: AutoSuggestion | null;
  evidence: StoredEvidence | null;
}

export type RawTimedAnswer = Omit<TimedAnswerRow, 'evidence' | 'timeMs' | 'scorecardVersionId'> & {
  evidence: string | StoredEvidence | null;
  timeMs: number | string | null;
  scorecardVersionId: number | string;
};

export interface EvaluationSummary {
  id: number;
  kind: string;
  status: string;
  overallScore: number | null;
  passed: boolean | null;
  submittedAt: Date | null;
  evaluatorName: string | null;
  scorecardKey: string;
  scorecardVersion: number;
  /** Auto evaluations only: what auto-QA measured on the call. */
  metrics: AutoMetrics | null;
}

export interface AutoMetrics {
  interruptions: number;
  longestSilenceMs: number;
  unannouncedSilences: number;
  agentTalkRatio: number | null;
  apologies: number;
  customerNegativity: { start: number; peak: number; end: number };
  /** Absent on calls scored before it existed. */
  negativeTurns?: { turn: number; score: number }[];
}

/** The columns of an EvaluationSummary: e = the evaluation, v/s = its scorecard, u = evaluator. */
export const SUMMARY_COLUMNS = [
  'e.id AS "id"',
  'e.kind AS "kind"',
  'e.status AS "status"',
  'e.overallScore AS "overallScore"',
  'e.passed AS "passed"',
  'e.submittedAt AS "submittedAt"',
  'u.name AS "evaluatorName"',
  's.key AS "scorecardKey"',
  'v.version AS "scorecardVersion"',
  'e.metrics AS "metrics"',
];

export type RawSummary = Omit<EvaluationSummary, 'metrics'> & { metrics: string | null };

export function toSummary(r: RawSummary): EvaluationSummary {
  return {
    ...r,
    overallScore: r.overallScore === null ? null : Number(r.overallScore),
    passed: r.passed === null ? null : Boolean(r.passed),
    submittedAt: r.submittedAt === null ? null : storedTime(r.submittedAt),
    metrics: typeof r.metrics === 'string' ? (JSON.parse(r.metrics) as AutoMetrics) : null,
  };
}

/** The columns of a TimedAnswerRow: a = the answer, e = its evaluation, u = the evaluator. */
export const TIMED_ANSWER_COLUMNS = [
  'e.kind AS "evaluationKind"',
  'e.scorecardVersionId AS "scorecardVersionId"',
  'u.name AS "author"',
  'a.criterionKey AS "criterionKey"',
  'a.comment AS "comment"',
  'a.timeMs AS "timeMs"',
  'a.suggestion AS "suggestion"',
  'a.evidence AS "evidence"',
];

/** Evidence as a raw select gives it: JSON text on SQLite, already parsed on PostgreSQL. */
export function storedEvidence(value: string | StoredEvidence): StoredEvidence;
export function storedEvidence(value: string | StoredEvidence | null): StoredEvidence | null;
export function storedEvidence(value: string | StoredEvidence | null): StoredEvidence | null {
  return typeof value === 'string' ? (JSON.parse(value) as StoredEvidence) : value;
}

export function toTimedAnswer(r: RawTimedAnswer): TimedAnswerRow {
  return {
    ...r,
    scorecardVersionId: Number(r.scorecardVersionId),
    timeMs: r.timeMs === null ? null : Number(r.timeMs),
    evidence: storedEvidence(r.evidence),
  };
}
