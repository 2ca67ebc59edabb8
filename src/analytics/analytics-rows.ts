import { storedTime } from '../database/raw-values';
import type { Source } from './analytics-sql';

/** The rows the analytics queries return, and their mapping from what either database gives. */

export interface CountRow {
  scorecardKey: string;
  criterionKey: string;
  source: Source;
  passed: number;
  failed: number;
  na: number;
}

export interface CellRow {
  scorecardKey: string;
  agentId: number;
  criterionKey: string;
  passed: number;
  failed: number;
}

export interface DayRow {
  day: string;
  source: Source;
  passed: number;
  failed: number;
}

/** One counted evaluation of the agent, with its call. JSON columns still as stored. */
export interface EvaluationRow {
  evaluationId: number;
  kind: string;
  overallScore: number | null;
  metrics: unknown;
  interactionId: number;
  externalId: string;
  startedAt: Date;
  channel: string;
  queue: string | null;
  metadata: unknown;
  scorecardKey: string;
}

export interface AnswerCountRow {
  evaluationId: number;
  passed: number;
  failed: number;
}

export interface AgreementRow {
  scorecardKey: string;
  criterionKey: string;
  interactionId: number;
  compared: number;
  agreed: number;
}

type Raw = Record<string, unknown>;

export const toNumber = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

export const toCountRow = (r: Raw): CountRow => ({
  scorecardKey: String(r.scorecardKey),
  criterionKey: String(r.criterionKey),
  source: r.source as Source,
  passed: toNumber(r.passed),
  failed: toNumber(r.failed),
  na: toNumber(r.na),
});

export const toCellRow = (r: Raw): CellRow => ({
  scorecardKey: String(r.scorecardKey),
  agentId: toNumber(r.agentId),
  criterionKey: String(r.criterionKey),
  passed: toNumber(r.passed),
  failed: toNumber(r.failed),
});

export const toDayRow = (r: Raw): DayRow => ({
  day: String(r.day),
  source: r.source as Source,
  passed: toNumber(r.passed),
  failed: toNumber(r.failed),
});

export const toEvaluationRow = (r: Raw): EvaluationRow => ({
  evaluationId: toNumber(r.evaluationId),
  kind: String(r.kind),
  overallScore:
    r.overallScore === null || r.overallScore === undefined ? null : Number(r.overallScore),
  metrics: r.metrics,
  interactionId: toNumber(r.interactionId),
  externalId: String(r.externalId),
  startedAt: storedTime(r.startedAt),
  channel: String(r.channel),
  queue: typeof r.queue === 'string' ? r.queue : null,
  metadata: r.metadata,
  scorecardKey: String(r.scorecardKey),
});

export const toAnswerCountRow = (r: Raw): AnswerCountRow => ({
  evaluationId: toNumber(r.evaluationId),
  passed: toNumber(r.passed),
  failed: toNumber(r.failed),
});

export const toAgreementRow = (r: Raw): AgreementRow => ({
  scorecardKey: String(r.scorecardKey),
  criterionKey: String(r.criterionKey),
  interactionId: toNumber(r.interactionId),
  compared: toNumber(r.compared),
  agreed: toNumber(r.agreed),
});
