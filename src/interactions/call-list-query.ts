import type { Condition } from '../auth/visibility';
import { storedTime } from '../database/raw-values';

/**
 * The calls list's query pieces as plain data (read by interactions.repository.ts): its filters
 * beyond the DTO, its row and columns, and the condition on a criterion's latest answer.
 */

/** Counted evaluations (as the analytics pages count them): by whom, in which states. */
const COUNTED_STATUSES = `'submitted', 'acknowledged', 'disputed', 'resolved'`;
const KINDS_OF = { human: `'manual', 'mystery_shop'`, auto: `'auto'` };

/** The list's concrete filters beyond the DTO's simple ones (see InteractionsService). */
export interface CallListFilter {
  teamId: number | null;
  queue: string | null;
  /** Calls started in [start, end). */
  start: Date | null;
  end: Date | null;
  /** The latest counted answer of this source to the criterion passed (or failed). */
  criterion: {
    scorecardKey: string;
    criterionKey: string;
    passed: boolean;
    source: 'human' | 'auto';
  } | null;
  ids: number[] | null;
}

export interface InteractionRow {
  id: number;
  source: string;
  externalId: string;
  channel: string;
  language: string;
  startedAt: Date;
  durationMs: number;
  queue: string | null;
  turnCount: number;
  agentExternalId: string | null;
  agentName: string | null;
  evaluations: number;
}

/** The list's columns: i = the call, a = its agent (the evaluations count is added beside). */
export const LIST_COLUMNS = [
  'i.id AS "id"',
  'i.source AS "source"',
  'i.externalId AS "externalId"',
  'i.channel AS "channel"',
  'i.language AS "language"',
  'i.startedAt AS "startedAt"',
  'i.durationMs AS "durationMs"',
  'i.queue AS "queue"',
  'i.turnCount AS "turnCount"',
  'a.externalId AS "agentExternalId"',
  'a.name AS "agentName"',
];

export type RawInteractionRow = InteractionRow & {
  startedAt: string | Date;
  evaluations: string | number;
};

export function toInteractionRow(r: RawInteractionRow): InteractionRow {
  return {
    ...r,
    // SQLite's zone-less text is UTC: new Date() would read it as the server's local time.
    startedAt: storedTime(r.startedAt),
    evaluations: Number(r.evaluations),
  };
}

/**
 * The call's latest counted evaluation (highest id) of this source and scorecard that answered
 * the criterion answered it passed/failed (an N/A latest answer matches neither), as the drivers
 * analysis reads answers.
 */
export function latestAnswerIs(c: NonNullable<CallListFilter['criterion']>): Condition {
  const answered = (x: string) => `FROM "evaluation_answers" "${x}a"
      JOIN "evaluations" "${x}e" ON "${x}e"."id" = "${x}a"."evaluationId"
      JOIN "scorecard_versions" "${x}v" ON "${x}v"."id" = "${x}e"."scorecardVersionId"
      JOIN "scorecards" "${x}s" ON "${x}s"."id" = "${x}v"."scorecardId"
      WHERE "${x}e"."interactionId" = "i"."id" AND "${x}s"."key" = :filterScorecard
        AND "${x}a"."criterionKey" = :filterCriterion
        AND "${x}e"."status" IN (${COUNTED_STATUSES}) AND "${x}e"."kind" IN (${KINDS_OF[c.source]})`;
  return {
    sql: `EXISTS (SELECT 1 ${answered('f')}
        AND "fa"."passed" IS NOT NULL AND (CASE WHEN "fa"."passed" THEN 1 ELSE 0 END) = :filterPassed
        AND NOT EXISTS (SELECT 1 ${answered('l')} AND "le"."id" > "fe"."id"))`,
    params: {
      filterScorecard: c.scorecardKey,
      filterCriterion: c.criterionKey,
      filterPassed: c.passed ? 1 : 0,
    },
  };
}
