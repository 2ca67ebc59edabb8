import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import { instants, type Period } from './period';
import { parseJson, storedTime } from '../database/raw-values';

/**
 * The queries behind the agent profile and the team heat map. Plain SQL with quoted identifiers
 * and named parameters, the same text on SQLite and PostgreSQL:
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

const STATUS_LIST = COUNTED_STATUSES.map((s) => `'${s}'`).join(', ');
const KIND_LIST = COUNTED_KINDS.map((k) => `'${k}'`).join(', ');
const HUMAN_LIST = HUMAN_KINDS.map((k) => `'${k}'`).join(', ');
const SOURCE_OF = (e: string) => `CASE WHEN "${e}"."kind" = 'auto' THEN 'auto' ELSE 'human' END`;
const DAY_OF_CALL = `SUBSTR(CAST("i"."startedAt" AS TEXT), 1, 10)`;
const PASSED = (a: string) => `SUM(CASE WHEN "${a}"."passed" THEN 1 ELSE 0 END)`;
const FAILED = (a: string) => `SUM(CASE WHEN NOT "${a}"."passed" THEN 1 ELSE 0 END)`;
const NA = (a: string) => `SUM(CASE WHEN "${a}"."passed" IS NULL THEN 1 ELSE 0 END)`;

/** Answers → evaluation → call → agent → scorecard key, for counted evaluations only. */
const ANSWERS_FROM = `
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
const NOT_ABUSIVE = `NOT EXISTS (SELECT 1 FROM "abuse_flags" "af"
  WHERE "af"."interactionId" = "i"."id" AND "af"."flagged" = TRUE)`;

const STAT_COLUMNS = `"agentId", "teamId", "day", "scorecardKey", "criterionKey", "source", "passed", "failed", "na"`;

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

export interface AnswerFilter {
  scorecardKey?: string | null;
  /** Only these criteria (a criterion or a section's criteria). */
  criterionKeys?: string[];
  source?: Source;
  /** Calls where the customer abused the agent count too (left out by default). */
  includeAbusive?: boolean;
}

const toNumber = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

@Injectable()
export class AnalyticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs SQL with `:name` / `:...list` parameters, whatever the database's placeholders. */
  private query<T>(
    sql: string,
    params: Record<string, unknown> = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<T[]> {
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params, {});
    return manager.query(text, values);
  }

  // -- the roll-up -------------------------------------------------------------------------

  /** Recomputes one agent-day of criterion_stats (inside the caller's transaction). */
  async refresh(manager: EntityManager, agentId: number, day: string): Promise<void> {
    const { start, end } = instants({ from: day, to: day });
    await this.query(
      `DELETE FROM "criterion_stats" WHERE "agentId" = :agentId AND "day" = :day`,
      { agentId, day },
      manager,
    );
    await this.query(
      `INSERT INTO "criterion_stats" (${STAT_COLUMNS})
       SELECT "i"."agentId", "ag"."teamId", CAST(:day AS VARCHAR(10)), "s"."key", "a"."criterionKey",
              ${SOURCE_OF('e')}, ${PASSED('a')}, ${FAILED('a')}, ${NA('a')}
       ${ANSWERS_FROM} AND ${NOT_ABUSIVE}
         AND "i"."agentId" = :agentId AND "i"."startedAt" >= :start AND "i"."startedAt" < :end
       GROUP BY "i"."agentId", "ag"."teamId", "s"."key", "a"."criterionKey", ${SOURCE_OF('e')}`,
      { agentId, day, start, end },
      manager,
    );
  }

  /** Recomputes the whole roll-up (inside the caller's transaction). Returns the rows written. */
  async rebuild(manager: EntityManager): Promise<number> {
    await this.query(`DELETE FROM "criterion_stats"`, {}, manager);
    await this.query(
      `INSERT INTO "criterion_stats" (${STAT_COLUMNS})
       SELECT "i"."agentId", "ag"."teamId", ${DAY_OF_CALL}, "s"."key", "a"."criterionKey",
              ${SOURCE_OF('e')}, ${PASSED('a')}, ${FAILED('a')}, ${NA('a')}
       ${ANSWERS_FROM} AND ${NOT_ABUSIVE}
       GROUP BY "i"."agentId", "ag"."teamId", ${DAY_OF_CALL}, "s"."key", "a"."criterionKey", ${SOURCE_OF('e')}`,
      {},
      manager,
    );
    const [row] = await this.query<{ n: unknown }>(
      `SELECT COUNT(*) AS "n" FROM "criterion_stats"`,
      {},
      manager,
    );
    return toNumber(row?.n);
  }

  /** Whether the roll-up is empty while there are counted evaluations to build it from. */
  async needsRebuild(): Promise<boolean> {
    const [stats] = await this.query<{ n: unknown }>(
      `SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "criterion_stats" LIMIT 1) "x"`,
    );
    if (toNumber(stats?.n) > 0) return false;
    const [evaluations] = await this.query<{ n: unknown }>(
      `SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "evaluations" "e"
         WHERE "e"."status" IN (${STATUS_LIST}) AND "e"."kind" IN (${KIND_LIST}) LIMIT 1) "x"`,
    );
    return toNumber(evaluations?.n) > 0;
  }

  /** The agent and the UTC day of an evaluation's call (null for an unassigned call). */
  async agentDayOf(
    interactionId: number,
    manager?: EntityManager,
  ): Promise<{ agentId: number; day: string } | null> {
    const [row] = await this.query<{ agentId: unknown; startedAt: unknown }>(
      `SELECT "i"."agentId" AS "agentId", "i"."startedAt" AS "startedAt"
       FROM "interactions" "i" WHERE "i"."id" = :interactionId`,
      { interactionId },
      manager,
    );
    if (!row || row.agentId === null) return null;
    return {
      agentId: toNumber(row.agentId),
      day: storedTime(row.startedAt).toISOString().slice(0, 10),
    };
  }

  // -- reading the roll-up -----------------------------------------------------------------

  /** Pass/fail/N/A per scorecard, criterion and source for one agent or a set of teams. */
  async counts(
    who: { agentId: number } | { teamIds: number[] | null },
    period: Period,
    filter: { scorecardKey?: string | null; source?: Source; includeAbusive?: boolean } = {},
  ): Promise<CountRow[]> {
    if (filter.includeAbusive) return this.countsWithAbusive(who, period, filter);
    const where: string[] = [`"day" >= :from`, `"day" <= :to`];
    const params: Record<string, unknown> = { from: period.from, to: period.to };
    if ('agentId' in who) {
      where.push(`"agentId" = :agentId`);
      params.agentId = who.agentId;
    } else if (who.teamIds !== null) {
      if (who.teamIds.length === 0) return [];
      where.push(`"teamId" IN (:...teamIds)`);
      params.teamIds = who.teamIds;
    }
    if (filter.scorecardKey) {
      where.push(`"scorecardKey" = :scorecardKey`);
      params.scorecardKey = filter.scorecardKey;
    }
    if (filter.source) {
      where.push(`"source" = :source`);
      params.source = filter.source;
    }
    const rows = await this.query<Record<string, unknown>>(
      `SELECT "scorecardKey" AS "scorecardKey", "criterionKey" AS "criterionKey", "source" AS "source",
              SUM("passed") AS "passed", SUM("failed") AS "failed", SUM("na") AS "na"
       FROM "criterion_stats" WHERE ${where.join(' AND ')}
       GROUP BY "scorecardKey", "criterionKey", "source"`,
      params,
    );
    return rows.map((r) => ({
      scorecardKey: String(r.scorecardKey),
      criterionKey: String(r.criterionKey),
      source: r.source as Source,
      passed: toNumber(r.passed),
      failed: toNumber(r.failed),
      na: toNumber(r.na),
    }));
  }

  /**
   * counts() over every call, abusive ones too: read from the answers, since the roll-up leaves
   * those calls out (asked for by a lead who includes them).
   */
  private async countsWithAbusive(
    who: { agentId: number } | { teamIds: number[] | null },
    period: Period,
    filter: { scorecardKey?: string | null; source?: Source },
  ): Promise<CountRow[]> {
    const { start, end } = instants(period);
    const where = [`"i"."startedAt" >= :start`, `"i"."startedAt" < :end`];
    const params: Record<string, unknown> = { start, end };
    if ('agentId' in who) {
      where.push(`"i"."agentId" = :agentId`);
      params.agentId = who.agentId;
    } else if (who.teamIds !== null) {
      if (who.teamIds.length === 0) return [];
      where.push(`"ag"."teamId" IN (:...teamIds)`);
      params.teamIds = who.teamIds;
    }
    if (filter.scorecardKey) {
      where.push(`"s"."key" = :scorecardKey`);
      params.scorecardKey = filter.scorecardKey;
    }
    if (filter.source) {
      where.push(`${SOURCE_OF('e')} = :source`);
      params.source = filter.source;
    }
    const rows = await this.query<Record<string, unknown>>(
      `SELECT "s"."key" AS "scorecardKey", "a"."criterionKey" AS "criterionKey",
              ${SOURCE_OF('e')} AS "source", ${PASSED('a')} AS "passed", ${FAILED('a')} AS "failed",
              ${NA('a')} AS "na"
       ${ANSWERS_FROM} AND ${where.join(' AND ')}
       GROUP BY "s"."key", "a"."criterionKey", ${SOURCE_OF('e')}`,
      params,
    );
    return rows.map((r) => ({
      scorecardKey: String(r.scorecardKey),
      criterionKey: String(r.criterionKey),
      source: r.source as Source,
      passed: toNumber(r.passed),
      failed: toNumber(r.failed),
      na: toNumber(r.na),
    }));
  }

  /**
   * Human pass/fail per agent and criterion: the heat map's cells, of one scorecard or (null) of
   * every scorecard, so that the busiest can be chosen without a second pass over the roll-up.
   */
  async cells(
    teamIds: number[],
    period: Period,
    scorecardKey: string | null,
    includeAbusive = false,
  ): Promise<CellRow[]> {
    if (teamIds.length === 0) return [];
    if (includeAbusive) return this.cellsWithAbusive(teamIds, period, scorecardKey);
    const rows = await this.query<Record<string, unknown>>(
      `SELECT "scorecardKey" AS "scorecardKey", "agentId" AS "agentId", "criterionKey" AS "criterionKey",
              SUM("passed") AS "passed", SUM("failed") AS "failed"
       FROM "criterion_stats"
       WHERE "teamId" IN (:...teamIds) AND "day" >= :from AND "day" <= :to
         ${scorecardKey ? `AND "scorecardKey" = :scorecardKey` : ''} AND "source" = 'human'
       GROUP BY "scorecardKey", "agentId", "criterionKey"`,
      { teamIds, from: period.from, to: period.to, ...(scorecardKey ? { scorecardKey } : {}) },
    );
    return rows.map((r) => ({
      scorecardKey: String(r.scorecardKey),
      agentId: toNumber(r.agentId),
      criterionKey: String(r.criterionKey),
      passed: toNumber(r.passed),
      failed: toNumber(r.failed),
    }));
  }

  /** Pass/fail per day and source for a set of teams: the team trend. */
  async days(
    teamIds: number[],
    period: Period,
    scorecardKey: string,
    includeAbusive = false,
  ): Promise<DayRow[]> {
    if (teamIds.length === 0) return [];
    if (includeAbusive) return this.daysWithAbusive(teamIds, period, scorecardKey);
    const rows = await this.query<Record<string, unknown>>(
      `SELECT "day" AS "day", "source" AS "source", SUM("passed") AS "passed", SUM("failed") AS "failed"
       FROM "criterion_stats"
       WHERE "teamId" IN (:...teamIds) AND "day" >= :from AND "day" <= :to
         AND "scorecardKey" = :scorecardKey
       GROUP BY "day", "source"`,
      { teamIds, from: period.from, to: period.to, scorecardKey },
    );
    return rows.map((r) => ({
      day: String(r.day),
      source: r.source as Source,
      passed: toNumber(r.passed),
      failed: toNumber(r.failed),
    }));
  }

  /**
   * cells() and days() over every call, abusive ones too: read from the answers, since the
   * roll-up leaves those calls out (a lead who ticks "include" on the heat map). The agent's
   * team is the current one (the roll-up keeps the team of the day it was written).
   */
  private async cellsWithAbusive(
    teamIds: number[],
    period: Period,
    scorecardKey: string | null,
  ): Promise<CellRow[]> {
    const { start, end } = instants(period);
    const rows = await this.query<Record<string, unknown>>(
      `SELECT "s"."key" AS "scorecardKey", "i"."agentId" AS "agentId", "a"."criterionKey" AS "criterionKey",
              ${PASSED('a')} AS "passed", ${FAILED('a')} AS "failed"
       ${ANSWERS_FROM} AND "e"."kind" IN (${HUMAN_LIST})
         AND "ag"."teamId" IN (:...teamIds) AND "i"."startedAt" >= :start AND "i"."startedAt" < :end
         ${scorecardKey ? `AND "s"."key" = :scorecardKey` : ''}
       GROUP BY "s"."key", "i"."agentId", "a"."criterionKey"`,
      { teamIds, start, end, ...(scorecardKey ? { scorecardKey } : {}) },
    );
    return rows.map((r) => ({
      scorecardKey: String(r.scorecardKey),
      agentId: toNumber(r.agentId),
      criterionKey: String(r.criterionKey),
      passed: toNumber(r.passed),
      failed: toNumber(r.failed),
    }));
  }

  private async daysWithAbusive(
    teamIds: number[],
    period: Period,
    scorecardKey: string,
  ): Promise<DayRow[]> {
    const { start, end } = instants(period);
    const rows = await this.query<Record<string, unknown>>(
      `SELECT ${DAY_OF_CALL} AS "day", ${SOURCE_OF('e')} AS "source",
              ${PASSED('a')} AS "passed", ${FAILED('a')} AS "failed"
       ${ANSWERS_FROM} AND "ag"."teamId" IN (:...teamIds)
         AND "i"."startedAt" >= :start AND "i"."startedAt" < :end AND "s"."key" = :scorecardKey
       GROUP BY ${DAY_OF_CALL}, ${SOURCE_OF('e')}`,
      { teamIds, start, end, scorecardKey },
    );
    return rows.map((r) => ({
      day: String(r.day),
      source: r.source as Source,
      passed: toNumber(r.passed),
      failed: toNumber(r.failed),
    }));
  }

  /** Every scorecard with a current version: key, name and that version's id. */
  async currentScorecards(): Promise<{ key: string; name: string; versionId: number }[]> {
    const rows = await this.query<Record<string, unknown>>(
      `SELECT "key" AS "key", "name" AS "name", "currentVersionId" AS "versionId"
       FROM "scorecards" WHERE "currentVersionId" IS NOT NULL ORDER BY "key"`,
    );
    return rows.map((r) => ({
      key: String(r.key),
      name: String(r.name),
      versionId: toNumber(r.versionId),
    }));
  }

  /** The definitions of these scorecard versions, by version id. */
  async definitions(versionIds: number[]): Promise<Map<number, ScorecardDefinition>> {
    if (versionIds.length === 0) return new Map();
    const rows = await this.query<{ id: unknown; definition: unknown }>(
      `SELECT "id" AS "id", "definition" AS "definition" FROM "scorecard_versions"
       WHERE "id" IN (:...versionIds)`,
      { versionIds },
    );
    return new Map(
      rows.map((r) => [toNumber(r.id), parseJson(r.definition) as ScorecardDefinition]),
    );
  }

  // -- one agent's own evaluations (raw) ---------------------------------------------------

  /**
   * The agent's answers in the period, of one scorecard and of some criteria when the filter says
   * so; `answer` is the alias of the answers table in the query (the source is the caller's).
   */
  private answerWhere(
    agentId: number,
    period: Period,
    filter: AnswerFilter,
    answer: 'a' | 'h',
  ): { where: string[]; params: Record<string, unknown> } {
    const agent = this.agentWhere(agentId, period, filter.includeAbusive);
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

  private agentWhere(agentId: number, period: Period, includeAbusive = false) {
    const { start, end } = instants(period);
    const abusive = includeAbusive ? '' : ` AND ${NOT_ABUSIVE}`;
    return {
      sql: `"i"."agentId" = :agentId AND "i"."startedAt" >= :start AND "i"."startedAt" < :end${abusive}`,
      params: { agentId, start, end },
    };
  }

  /** Every counted evaluation of the agent's calls in the period, newest call first. */
  async evaluations(
    agentId: number,
    period: Period,
    includeAbusive = false,
  ): Promise<EvaluationRow[]> {
    const agent = this.agentWhere(agentId, period, includeAbusive);
    const rows = await this.query<Record<string, unknown>>(
      `SELECT "e"."id" AS "evaluationId", "e"."kind" AS "kind", "e"."overallScore" AS "overallScore",
              "e"."metrics" AS "metrics", "i"."id" AS "interactionId", "i"."externalId" AS "externalId",
              "i"."startedAt" AS "startedAt", "i"."channel" AS "channel", "i"."queue" AS "queue",
              "i"."metadata" AS "metadata", "s"."key" AS "scorecardKey"
       FROM "evaluations" "e"
       JOIN "interactions" "i" ON "i"."id" = "e"."interactionId"
       JOIN "scorecard_versions" "v" ON "v"."id" = "e"."scorecardVersionId"
       JOIN "scorecards" "s" ON "s"."id" = "v"."scorecardId"
       WHERE ${agent.sql} AND "e"."status" IN (${STATUS_LIST}) AND "e"."kind" IN (${KIND_LIST})
       ORDER BY "i"."startedAt" DESC, "i"."id" DESC, "e"."id"`,
      agent.params,
    );
    return rows.map((r) => ({
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
    }));
  }

  /** Passed and failed answers per evaluation of the agent in the period (N/A left out). */
  async answerCounts(
    agentId: number,
    period: Period,
    filter: AnswerFilter = {},
  ): Promise<AnswerCountRow[]> {
    if (filter.criterionKeys && filter.criterionKeys.length === 0) return [];
    const { where, params } = this.answerWhere(agentId, period, filter, 'a');
    if (filter.source) {
      where.push(`${SOURCE_OF('e')} = :source`);
      params.source = filter.source;
    }
    const rows = await this.query<Record<string, unknown>>(
      `SELECT "a"."evaluationId" AS "evaluationId", ${PASSED('a')} AS "passed", ${FAILED('a')} AS "failed"
       ${ANSWERS_FROM} AND ${where.join(' AND ')}
       GROUP BY "a"."evaluationId"`,
      params,
    );
    return rows.map((r) => ({
      evaluationId: toNumber(r.evaluationId),
      passed: toNumber(r.passed),
      failed: toNumber(r.failed),
    }));
  }

  /**
   * Machine against human on the same call, scorecard and criterion, both answered (not N/A):
   * compared and agreed (same pass/fail), per criterion and call.
   */
  async agreement(
    agentId: number,
    period: Period,
    filter: AnswerFilter = {},
  ): Promise<AgreementRow[]> {
    if (filter.criterionKeys && filter.criterionKeys.length === 0) return [];
    // The human answer ("h") is the one filtered; the machine's is matched to it.
    const { where, params } = this.answerWhere(agentId, period, filter, 'h');
    const rows = await this.query<Record<string, unknown>>(
      `SELECT "s"."key" AS "scorecardKey", "h"."criterionKey" AS "criterionKey",
              "e"."interactionId" AS "interactionId", COUNT(*) AS "compared",
              SUM(CASE WHEN "h"."passed" = "x"."passed" THEN 1 ELSE 0 END) AS "agreed"
       FROM "evaluation_answers" "h"
       JOIN "evaluations" "e" ON "e"."id" = "h"."evaluationId"
       JOIN "interactions" "i" ON "i"."id" = "e"."interactionId"
       JOIN "scorecard_versions" "v" ON "v"."id" = "e"."scorecardVersionId"
       JOIN "scorecards" "s" ON "s"."id" = "v"."scorecardId"
       JOIN "evaluations" "xe" ON "xe"."interactionId" = "e"."interactionId"
         AND "xe"."kind" = 'auto' AND "xe"."status" IN (${STATUS_LIST})
       JOIN "scorecard_versions" "xv" ON "xv"."id" = "xe"."scorecardVersionId"
         AND "xv"."scorecardId" = "v"."scorecardId"
       JOIN "evaluation_answers" "x" ON "x"."evaluationId" = "xe"."id"
         AND "x"."criterionKey" = "h"."criterionKey"
       WHERE ${where.join(' AND ')} AND "e"."kind" IN (${HUMAN_LIST})
         AND "e"."status" IN (${STATUS_LIST})
         AND "h"."passed" IS NOT NULL AND "x"."passed" IS NOT NULL
       GROUP BY "s"."key", "h"."criterionKey", "e"."interactionId"`,
      params,
    );
    return rows.map((r) => ({
      scorecardKey: String(r.scorecardKey),
      criterionKey: String(r.criterionKey),
      interactionId: toNumber(r.interactionId),
      compared: toNumber(r.compared),
      agreed: toNumber(r.agreed),
    }));
  }
}
