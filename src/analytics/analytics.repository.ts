import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import { instants, type Period } from './period';
import { parseJson, storedTime } from '../database/raw-values';
import { namedQuery } from '../database/named-query';
import {
  ANSWERS_FROM,
  agentWhere,
  answerWhere,
  countWhere,
  DAY_OF_CALL,
  FAILED,
  HUMAN_LIST,
  KIND_LIST,
  NA,
  NOT_ABUSIVE,
  PASSED,
  SOURCE_OF,
  STAT_COLUMNS,
  STATUS_LIST,
  type AnswerFilter,
  type CountFilter,
  type Who,
} from './analytics-sql';
import {
  toAgreementRow,
  toAnswerCountRow,
  toCellRow,
  toCountRow,
  toDayRow,
  toEvaluationRow,
  toNumber,
  type AgreementRow,
  type AnswerCountRow,
  type CellRow,
  type CountRow,
  type DayRow,
  type EvaluationRow,
} from './analytics-rows';

export { COUNTED_KINDS, COUNTED_STATUSES, HUMAN_KINDS } from './analytics-sql';
export type { AnswerFilter, Source } from './analytics-sql';
export type {
  AgreementRow,
  AnswerCountRow,
  CellRow,
  CountRow,
  DayRow,
  EvaluationRow,
} from './analytics-rows';

/**
 * The queries behind the agent profile and the team heat map, over the criterion_stats roll-up
 * and the answers it is built from. What counts and how the SQL reads both databases: see
 * analytics-sql.ts.
 */
@Injectable()
export class AnalyticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs SQL with `:name` / `:...list` parameters, whatever the database's placeholders. */
  private query<T>(
    sql: string,
    params: Record<string, unknown> = {},
    manager?: EntityManager,
  ): Promise<T[]> {
    return namedQuery<T>(this.dataSource, sql, params, manager);
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
  async counts(who: Who, period: Period, filter: CountFilter = {}): Promise<CountRow[]> {
    if (filter.includeAbusive) return this.countsWithAbusive(who, period, filter);
    const scope = countWhere(who, period, filter, 'rollup');
    if (!scope) return [];
    const rows = await this.query<Record<string, unknown>>(
      `SELECT "scorecardKey" AS "scorecardKey", "criterionKey" AS "criterionKey", "source" AS "source",
              SUM("passed") AS "passed", SUM("failed") AS "failed", SUM("na") AS "na"
       FROM "criterion_stats" WHERE ${scope.where.join(' AND ')}
       GROUP BY "scorecardKey", "criterionKey", "source"`,
      scope.params,
    );
    return rows.map(toCountRow);
  }

  /**
   * counts() over every call, abusive ones too: read from the answers, since the roll-up leaves
   * those calls out (asked for by a lead who includes them).
   */
  private async countsWithAbusive(
    who: Who,
    period: Period,
    filter: CountFilter,
  ): Promise<CountRow[]> {
    const scope = countWhere(who, period, filter, 'answers');
    if (!scope) return [];
    const rows = await this.query<Record<string, unknown>>(
      `SELECT "s"."key" AS "scorecardKey", "a"."criterionKey" AS "criterionKey",
              ${SOURCE_OF('e')} AS "source", ${PASSED('a')} AS "passed", ${FAILED('a')} AS "failed",
              ${NA('a')} AS "na"
       ${ANSWERS_FROM} AND ${scope.where.join(' AND ')}
       GROUP BY "s"."key", "a"."criterionKey", ${SOURCE_OF('e')}`,
      scope.params,
    );
    return rows.map(toCountRow);
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
    return rows.map(toCellRow);
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
    return rows.map(toDayRow);
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
    return rows.map(toCellRow);
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
    return rows.map(toDayRow);
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

  /** Every counted evaluation of the agent's calls in the period, newest call first. */
  async evaluations(
    agentId: number,
    period: Period,
    includeAbusive = false,
  ): Promise<EvaluationRow[]> {
    const agent = agentWhere(agentId, period, includeAbusive);
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
    return rows.map(toEvaluationRow);
  }

  /** Passed and failed answers per evaluation of the agent in the period (N/A left out). */
  async answerCounts(
    agentId: number,
    period: Period,
    filter: AnswerFilter = {},
  ): Promise<AnswerCountRow[]> {
    if (filter.criterionKeys && filter.criterionKeys.length === 0) return [];
    const { where, params } = answerWhere(agentId, period, filter, 'a');
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
    return rows.map(toAnswerCountRow);
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
    const { where, params } = answerWhere(agentId, period, filter, 'h');
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
    return rows.map(toAgreementRow);
  }
}
