import { parseJson, storedTime } from '../database/raw-values';
import type { QueueStatus } from './entities/queue-item.entity';
import type { CandidateCall } from './sampling-plan';

/**
 * The work queue's rows and filters as plain data: what the list pages ask for, what a row
 * holds, and the mapping from what either database returns (read by queue.repository.ts).
 */

/** Open and in progress: the work still to do. */
export const PENDING: QueueStatus[] = ['open', 'in_progress'];

export interface QueueFilter {
  /** mine: assigned to the actor; unassigned: nobody's yet; all: everyone's (admins). */
  view: 'mine' | 'unassigned' | 'all';
  /** pending = open + in progress; any = every status. */
  status: QueueStatus | 'pending' | 'any';
  overdue: boolean;
  page: number;
  pageSize: number;
}

export interface QueueRow {
  id: number;
  interactionId: number;
  externalId: string;
  channel: string;
  language: string;
  agentExternalId: string | null;
  agentName: string | null;
  agentTeamId: number | null;
  reason: string;
  reasonCode: string | null;
  reasonParams: Record<string, string | number> | null;
  scorecardKey: string | null;
  ruleName: string | null;
  dueAt: Date;
  status: QueueStatus;
  evaluatorId: number | null;
  evaluatorName: string | null;
  evaluationId: number | null;
  completedAt: Date | null;
}

/** An open item nobody has yet, with what assignment needs to know. */
export interface PoolItem {
  id: number;
  agentTeamId: number | null;
}

export interface NewItem {
  interactionId: number;
  ruleId: number;
  reason: string;
  reasonCode: string;
  reasonParams: Record<string, string | number>;
  scorecardKey: string;
  dueAt: Date;
}

/**
 * The statuses a list filter selects (null: every status). Overdue is work still to do past its
 * due time, so it narrows the asked statuses to the pending ones (none left: nothing matches).
 */
export function listStatuses(filter: Pick<QueueFilter, 'status' | 'overdue'>): string[] | null {
  const statuses =
    filter.status === 'pending' ? PENDING : filter.status === 'any' ? null : [filter.status];
  if (!filter.overdue) return statuses;
  const pending = (statuses ?? PENDING).filter((st) => PENDING.includes(st));
  return pending.length ? pending : ['none'];
}

/** A candidate call ("i"): not in the queue yet. */
export const NOT_QUEUED = `NOT EXISTS (SELECT 1 FROM "queue_items" "nq" WHERE "nq"."interactionId" = "i"."id")`;

/**
 * A candidate call ("i") not scored by a person yet: no manual evaluation past draft, no
 * mystery shop. An auto evaluation alone leaves it to sample.
 */
export const NOT_SCORED_BY_A_PERSON = `NOT EXISTS (SELECT 1 FROM "evaluations" "ne" WHERE "ne"."interactionId" = "i"."id" AND (("ne"."kind" = 'manual' AND "ne"."status" <> 'draft') OR "ne"."kind" = 'mystery_shop'))`;

export const CANDIDATE_COLUMNS = [
  'i.id AS "id"',
  'i.agentId AS "agentId"',
  'i.channel AS "channel"',
  'i.language AS "language"',
  'i.queue AS "queue"',
  'i.startedAt AS "startedAt"',
  'i.metadata AS "metadata"',
];

/** A call as the candidates query returns it. */
export interface RawCandidate {
  id: number;
  agentId: number | null;
  channel: string;
  language: string;
  queue: string | null;
  startedAt: string | Date;
  metadata: string | Record<string, unknown> | null;
}

export function toCandidateCall(r: RawCandidate): CandidateCall {
  return {
    id: Number(r.id),
    agentId: r.agentId === null ? null : Number(r.agentId),
    channel: r.channel,
    language: r.language,
    queue: r.queue,
    startedAt: storedTime(r.startedAt),
    metadata: parseJson(r.metadata) as Record<string, unknown> | null,
    criticalFailed: undefined,
  };
}

/** The columns of a QueueRow: q = queue_items, i = the call, a = its agent, u = the evaluator, r = the rule. */
export const ROW_COLUMNS = [
  'q.id AS "id"',
  'q.interactionId AS "interactionId"',
  'i.externalId AS "externalId"',
  'i.channel AS "channel"',
  'i.language AS "language"',
  'a.externalId AS "agentExternalId"',
  'a.name AS "agentName"',
  'a.teamId AS "agentTeamId"',
  'q.reason AS "reason"',
  'q.reasonCode AS "reasonCode"',
  'q.reasonParams AS "reasonParams"',
  'q.scorecardKey AS "scorecardKey"',
  'r.name AS "ruleName"',
  'q.dueAt AS "dueAt"',
  'q.status AS "status"',
  'q.evaluatorId AS "evaluatorId"',
  'u.name AS "evaluatorName"',
  'q.evaluationId AS "evaluationId"',
  'q.completedAt AS "completedAt"',
];

export type RawRow = Omit<QueueRow, 'dueAt' | 'completedAt' | 'reasonParams'> & {
  dueAt: string | Date;
  completedAt: string | Date | null;
  /** simple-json: the JSON text as stored (a raw select is not transformed). */
  reasonParams: string | null;
};

export function toRow(r: RawRow): QueueRow {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    ...r,
    id: Number(r.id),
    interactionId: Number(r.interactionId),
    agentTeamId: num(r.agentTeamId),
    evaluatorId: num(r.evaluatorId),
    evaluationId: num(r.evaluationId),
    dueAt: storedTime(r.dueAt),
    completedAt: r.completedAt === null ? null : storedTime(r.completedAt),
    reasonParams: storedParams(r.reasonParams),
  };
}

function storedParams(text: string | null): Record<string, string | number> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, string | number>)
      : null;
  } catch {
    return null;
  }
}
