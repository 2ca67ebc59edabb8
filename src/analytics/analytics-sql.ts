import { instants, type Period } from './period';

/**
 * The SQL pieces behind the agent profile and the team heat map (read by analytics.repository.ts).
 * Plain SQL with quoted identifiers and named parameters, the same text on SQLite and PostgreSQL:
 * - what counts: human = kinds manual + mystery_shop, auto = kind auto; statuses submitted,
 *   acknowledged, disputed, resolved; calibration never;
 * - the roll-up day is the UTC date of the call's start: the first 10 characters of the stored
 *   time stamp (UTC on both databases whatever the app's TZ: see usePostgresUtc in
 *   database/registry/data-source.ts);
 * - booleans are read with `CASE WHEN passed` / `NOT passed`, which both databases accept.
 */
export const COUNTED_STATUSES = ['submitted', 'acknowledged', 'disputed', 'resolved'];
export const HUMAN_KINDS = ['manual', 'mystery_shop'];
export const COUNTED_KINDS = [...HUMAN_KINDS, 'auto'];

export type Source = 'human' | 'auto';

export const STATUS_LIST = COUNTED_STATUSES.map((s) => `'${s}'`).join(', ');
export const KIND_LIST = COUNTED_KINDS.map((k) => `'${k}'`).join(', ');
export const HUMAN_LIST = HUMAN_KINDS.map((k) => `'${k}'`).join(', ');
export const SOURCE_OF = (e: string) =>
  `CASE WHEN "${e}"."kind" = 'auto' THEN 'auto' ELSE 'human' END`;
export const DAY_OF_CALL = `SUBSTR(CAST("i"."startedAt" AS TEXT), 1, 10)`;
export const PASSED = (a: string) => `SUM(CASE WHEN "${a}"."passed" THEN 1 ELSE 0 END)`;
export const FAILED = (a: string) => `SUM(CASE WHEN NOT "${a}"."passed" THEN 1 ELSE 0 END)`;
export const NA = (a: string) => `SUM(CASE WHEN "${a}"."passed" IS NULL THEN 1 ELSE 0 END)`;

/** Answers → evaluation → call → agent → scorecard key, for counted evaluations only. */
export const ANSWERS_FROM = `
  FROM "evaluation_answers" "a"
  JOIN "evaluations" "e" ON "e"."id" = "a"."evaluationId"
  JOIN "interactions" "i" ON "i"."id" = "e"."interactionId"
  JOIN "agents" "ag" ON "ag"."id" = "i"."agentId"
  JOIN "scorecard_versions" "v" ON "v"."id" = "e"."scorecardVersionId"
  JOIN "scorecards" "s" ON "s"."id" = "v"."scorecardId"
  WHERE "e"."status" IN (${STATUS_LIST}) AND "e"."kind" IN (${KIND_LIST})`;

/**
 * The call was not flagged for customer abuse (src/abuse): such calls are left out of the
 * roll-up and of an agent's patterns unless the reader includes them.
 */
export const NOT_ABUSIVE = `NOT EXISTS (SELECT 1 FROM "abuse_flags" "af"
  WHERE "af"."interactionId" = "i"."id" AND "af"."flagged" = TRUE)`;

export const STAT_COLUMNS = `"agentId", "teamId", "day", "scorecardKey", "criterionKey", "source", "passed", "failed", "na"`;

/** Conditions to AND together and the named parameters they use. */
export interface SqlWhere {
  where: string[];
  params: Record<string, unknown>;
}

/** One agent, or a set of teams (null: every team). */
export type Who = { agentId: number } | { teamIds: number[] | null };

export interface CountFilter {
  scorecardKey?: string | null;
  source?: Source;
  includeAbusive?: boolean;
}

/**
 * Where the counts' filter reads its columns: the criterion_stats roll-up, or the answers
 * joined as in ANSWERS_FROM (for the calls the roll-up leaves out).
 */
const COUNT_COLUMNS = {
  rollup: { agent: `"agentId"`, team: `"teamId"`, scorecard: `"scorecardKey"`, source: `"source"` },
  answers: {
    agent: `"i"."agentId"`,
    team: `"ag"."teamId"`,
    scorecard: `"s"."key"`,
    source: SOURCE_OF('e'),
  },
};

/**
 * The one filter of the counts, on the roll-up or on the answers: the period, who, and the
 * scorecard and source when asked. Null when nothing can match (an empty set of teams).
 */
export function countWhere(
  who: Who,
  period: Period,
  filter: CountFilter,
  from: keyof typeof COUNT_COLUMNS,
): SqlWhere | null {
  const column = COUNT_COLUMNS[from];
  let where: string[];
  let params: Record<string, unknown>;
  if (from === 'rollup') {
    where = [`"day" >= :from`, `"day" <= :to`];
    params = { from: period.from, to: period.to };
  } else {
    const { start, end } = instants(period);
    where = [`"i"."startedAt" >= :start`, `"i"."startedAt" < :end`];
    params = { start, end };
  }
  if ('agentId' in who) {
    where.push(`${column.agent} = :agentId`);
    params.agentId = who.agentId;
  } else if (who.teamIds !== null) {
    if (who.teamIds.length === 0) return null;
    where.push(`${column.team} IN (:...teamIds)`);
    params.teamIds = who.teamIds;
  }
  if (filter.scorecardKey) {
    where.push(`${column.scorecard} = :scorecardKey`);
    params.scorecardKey = filter.scorecardKey;
  }
  if (filter.source) {
    where.push(`${column.source} = :source`);
    params.source = filter.source;
  }
  return { where, params };
}

export interface AnswerFilter {
  scorecardKey?: string | null;
  /** Only these criteria (a criterion or a section's criteria). */
  criterionKeys?: string[];
  source?: Source;
  /** Calls where the customer abused the agent count too (left out by default). */
  includeAbusive?: boolean;
}

/** The agent's calls in the period, abusive ones left out unless included. */
export function agentWhere(agentId: number, period: Period, includeAbusive = false) {
  const { start, end } = instants(period);
  const abusive = includeAbusive ? '' : ` AND ${NOT_ABUSIVE}`;
  return {
    sql: `"i"."agentId" = :agentId AND "i"."startedAt" >= :start AND "i"."startedAt" < :end${abusive}`,
    params: { agentId, start, end },
  };
}

/**
 * The agent's answers in the period, of one scorecard and of some criteria when the filter says
 * so; `answer` is the alias of the answers table in the query (the source is the caller's).
 */
export function answerWhere(
  agentId: number,
  period: Period,
  filter: AnswerFilter,
  answer: 'a' | 'h',
): SqlWhere {
  const agent = agentWhere(agentId, period, filter.includeAbusive);
  const where = [agent.sql];
  const params: Record<string, unknown> = { ...agent.params };
  if (filter.scorecardKey) {
    where.push(`"s"."key" = :scorecardKey`);
    params.scorecardKey = filter.scorecardKey;
  }
  if (filter.criterionKeys) {
    where.push(`"${answer}"."criterionKey" IN (:...criterionKeys)`);
    params.criterionKeys = filter.criterionKeys;
  }
  return { where, params };
}
