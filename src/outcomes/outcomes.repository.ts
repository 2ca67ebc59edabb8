import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { COUNTED_KINDS, COUNTED_STATUSES } from '../analytics/analytics.repository';
import { interactionScope } from '../auth/visibility';
import type { Actor } from '../common/current-user';
import { containsPattern, LIKE_ESCAPE } from '../common/like';
import { parseJson, storedTime } from '../database/raw-values';
import type { Contact, KpiCallRow } from './kpi-facts';
import { namedQuery } from '../database/named-query';

/**
 * Read models for the KPIs, drivers and experiments: calls with their outcome metadata, QA
 * scores and answers. Like the analytics roll-up's queries (analytics.repository.ts) they join
 * interactions, agents, evaluations and answers read-only; the tables' owners write them. Plain
 * SQL with quoted identifiers, the same text on SQLite and PostgreSQL; visibility is written into
 * the SQL (auth/visibility.ts).
 */
export interface CallFilter {
  start: Date;
  end: Date;
  teamId?: number | null;
  agentExternalId?: string | null;
  /** Scores and answers of this scorecard only. */
  scorecardKey?: string | null;
}

export interface AnswerRow {
  interactionId: number;
  source: 'human' | 'auto';
  criterionKey: string;
  passed: boolean | null;
}

/** What a roll-up refresh reads: one agent-day, or (rebuild) a range of call ids. */
export type RollupRange =
  { agentId: number; start: Date; end: Date } | { afterId: number; toId: number };

/** Assigned calls only: the roll-ups are per agent. */
function rollupWhere(range: RollupRange): { sql: string; params: Record<string, unknown> } {
  if ('agentId' in range) {
    return {
      sql: `"i"."agentId" = :agentId AND "i"."startedAt" >= :start AND "i"."startedAt" < :end`,
      params: { ...range },
    };
  }
  return {
    sql: `"i"."agentId" IS NOT NULL AND "i"."id" > :afterId AND "i"."id" <= :toId`,
    params: { ...range },
  };
}

export interface TurnRow {
  interactionId: number;
  speaker: string;
  startMs: number;
  endMs: number;
  text: string;
}

/**
 * The evaluations of the calls a query selects, read from the calls: SQLite joins a CROSS JOIN
 * in the order written, so it finds the calls first (by id range, agent-day or period) and their
 * evaluations by interactionId, instead of walking every counted evaluation by status and kind
 * (a rebuild read them all once per range of calls). PostgreSQL plans it as an inner join; the
 * query adds `"e"."interactionId" = "i"."id"` to its WHERE.
 */
const EVALUATIONS_OF_CALLS = `FROM "interactions" "i" CROSS JOIN "evaluations" "e"`;

const STATUS_LIST = COUNTED_STATUSES.map((s) => `'${s}'`).join(', ');
const KIND_LIST = COUNTED_KINDS.map((k) => `'${k}'`).join(', ');
const SOURCE = `CASE WHEN "e"."kind" = 'auto' THEN 'auto' ELSE 'human' END`;
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const text = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;

function metadataOf(v: unknown): Record<string, unknown> | null {
  const m = parseJson(v);
  return typeof m === 'object' && m !== null && !Array.isArray(m)
    ? (m as Record<string, unknown>)
    : null;
}

@Injectable()
export class OutcomesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private query<T>(
    sql: string,
    params: Record<string, unknown>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<T[]> {
    return namedQuery(this.dataSource, sql, params, manager);
  }

  /** The calls the actor may see in [start, end), narrowed by team / agent. */
  private callWhere(actor: Actor, filter: CallFilter) {
    const where = [`"i"."startedAt" >= :start`, `"i"."startedAt" < :end`];
    const params: Record<string, unknown> = { start: filter.start, end: filter.end };
    if (filter.teamId) {
      where.push(`"ag"."teamId" = :teamId`);
      params.teamId = filter.teamId;
    }
    if (filter.agentExternalId) {
      where.push(`"ag"."externalId" = :agentExternalId`);
      params.agentExternalId = filter.agentExternalId;
    }
    const scope = interactionScope(actor, '"i"."agentId"');
    if (scope) {
      where.push(scope.sql);
      Object.assign(params, scope.params);
    }
    return { sql: where.join(' AND '), params };
  }

  private static readonly CALLS_FROM = `FROM "interactions" "i"
    LEFT JOIN "agents" "ag" ON "ag"."id" = "i"."agentId"
    LEFT JOIN "teams" "t" ON "t"."id" = "ag"."teamId"`;

  /** Every visible call in the window with its metadata, speech time and mean QA scores. */
  kpiCalls(actor: Actor, filter: CallFilter): Promise<KpiCallRow[]> {
    const { sql, params } = this.callWhere(actor, filter);
    return this.callsWhere(sql, params, filter.scorecardKey ?? null);
  }

  /**
   * The assigned calls of one agent-day, or of an id range (`afterId` < id ≤ `toId`), for the
   * outcome roll-ups (every scorecard's score; no actor: the roll-up holds every call).
   */
  rollupCalls(manager: EntityManager, range: RollupRange): Promise<KpiCallRow[]> {
    const { sql, params } = rollupWhere(range);
    return this.callsWhere(sql, params, null, manager);
  }

  /** Calls without an agent in [start, end) (not in the roll-ups), for readers who see them. */
  unassignedCalls(start: Date, end: Date): Promise<KpiCallRow[]> {
    return this.callsWhere(
      `"i"."agentId" IS NULL AND "i"."startedAt" >= :start AND "i"."startedAt" < :end`,
      { start, end },
      null,
    );
  }

  private async callsWhere(
    sql: string,
    params: Record<string, unknown>,
    scorecardKey: string | null,
    manager?: EntityManager,
  ): Promise<KpiCallRow[]> {
    const calls = await this.query<Record<string, unknown>>(
      `SELECT "i"."id" AS "id", "i"."externalId" AS "externalId", "i"."channel" AS "channel",
              "i"."agentId" AS "agentId", "i"."queue" AS "queue", "i"."startedAt" AS "startedAt", "i"."durationMs" AS "durationMs",
              "i"."metadata" AS "metadata", "ag"."externalId" AS "agentExternalId",
              "ag"."name" AS "agentName", "ag"."teamId" AS "teamId", "t"."name" AS "teamName",
              (SELECT COALESCE(SUM("tu"."endMs" - "tu"."startMs"), 0) FROM "turns" "tu"
                WHERE "tu"."interactionId" = "i"."id") AS "speechMs"
       ${OutcomesRepository.CALLS_FROM}
       WHERE ${sql}
       ORDER BY "i"."startedAt", "i"."id"`,
      params,
      manager,
    );
    const scores = await this.scores(sql, params, scorecardKey, manager);
    return calls.map((r) => {
      const id = num(r.id);
      return {
        interactionId: id,
        externalId: String(r.externalId),
        agentId: r.agentId === null || r.agentId === undefined ? null : num(r.agentId),
        agentExternalId: text(r.agentExternalId),
        agentName: text(r.agentName),
        teamId: r.teamId === null || r.teamId === undefined ? null : num(r.teamId),
        teamName: text(r.teamName),
        queue: text(r.queue),
        channel: String(r.channel),
        startedAt: storedTime(r.startedAt),
        durationMs: num(r.durationMs),
        metadata: metadataOf(r.metadata),
        speechMs: num(r.speechMs),
        humanScore: scores.get(`${id}:human`) ?? null,
        autoScore: scores.get(`${id}:auto`) ?? null,
      };
    });
  }

  /** Mean overall score per call and source (`id:human`, `id:auto`), counted evaluations only. */
  private async scores(
    sql: string,
    callParams: Record<string, unknown>,
    scorecardKey: string | null,
    manager?: EntityManager,
  ): Promise<Map<string, number>> {
    const where = [sql];
    const params = { ...callParams };
    if (scorecardKey) {
      where.push(`"s"."key" = :scorecardKey`);
      params.scorecardKey = scorecardKey;
    }
    const rows = await this.query<Record<string, unknown>>(
      `SELECT "e"."interactionId" AS "id", ${SOURCE} AS "source", AVG("e"."overallScore") AS "score"
       ${EVALUATIONS_OF_CALLS}
       LEFT JOIN "agents" "ag" ON "ag"."id" = "i"."agentId"
       JOIN "scorecard_versions" "v" ON "v"."id" = "e"."scorecardVersionId"
       JOIN "scorecards" "s" ON "s"."id" = "v"."scorecardId"
       WHERE ${where.join(' AND ')} AND "e"."interactionId" = "i"."id" AND "e"."status" IN (${STATUS_LIST})
         AND "e"."kind" IN (${KIND_LIST}) AND "e"."overallScore" IS NOT NULL
       GROUP BY "e"."interactionId", ${SOURCE}`,
      params,
      manager,
    );
    return new Map(rows.map((r) => [`${num(r.id)}:${String(r.source)}`, Number(r.score)]));
  }

  /**
   * Who called when, over every call in the window whoever handled it (repeat contacts count
   * across agents and teams; only ids and times leave this query).
   */
  async contacts(
    start: Date,
    end: Date,
    customerOf: (m: Record<string, unknown> | null) => string | null,
  ): Promise<Contact[]> {
    const rows = await this.query<Record<string, unknown>>(
      `SELECT "i"."id" AS "id", "i"."startedAt" AS "startedAt", "i"."metadata" AS "metadata"
       FROM "interactions" "i" WHERE "i"."startedAt" >= :start AND "i"."startedAt" < :end`,
      { start, end },
    );
    return rows.map((r) => ({
      interactionId: num(r.id),
      startedAt: storedTime(r.startedAt),
      customerId: customerOf(metadataOf(r.metadata)),
    }));
  }

  /** The answers of one scorecard on the visible calls in the window (counted evaluations). */
  async answers(actor: Actor, filter: CallFilter & { scorecardKey: string }): Promise<AnswerRow[]> {
    const { sql, params } = this.callWhere(actor, filter);
    const rows = await this.query<Record<string, unknown>>(
      `SELECT "e"."interactionId" AS "id", ${SOURCE} AS "source", "a"."criterionKey" AS "criterionKey",
              CASE WHEN "a"."passed" IS NULL THEN NULL WHEN "a"."passed" THEN 1 ELSE 0 END AS "passed"
       FROM "evaluation_answers" "a"
       JOIN "evaluations" "e" ON "e"."id" = "a"."evaluationId"
       JOIN "interactions" "i" ON "i"."id" = "e"."interactionId"
       LEFT JOIN "agents" "ag" ON "ag"."id" = "i"."agentId"
       JOIN "scorecard_versions" "v" ON "v"."id" = "e"."scorecardVersionId"
       JOIN "scorecards" "s" ON "s"."id" = "v"."scorecardId"
       WHERE ${sql} AND "s"."key" = :scorecardKey AND "e"."status" IN (${STATUS_LIST})
         AND "e"."kind" IN (${KIND_LIST})
       ORDER BY "e"."interactionId", "e"."id"`,
      { ...params, scorecardKey: filter.scorecardKey },
    );
    return rows.map((r) => ({
      interactionId: num(r.id),
      source: r.source === 'auto' ? 'auto' : 'human',
      criterionKey: String(r.criterionKey),
      passed: r.passed === null || r.passed === undefined ? null : num(r.passed) === 1,
    }));
  }

  /** Every counted answer of the roll-up's calls (any scorecard), call then evaluation order. */
  async rollupAnswers(
    manager: EntityManager,
    range: RollupRange,
  ): Promise<(AnswerRow & { scorecardKey: string })[]> {
    const { sql, params } = rollupWhere(range);
    const rows = await this.query<Record<string, unknown>>(
      `SELECT "e"."interactionId" AS "id", ${SOURCE} AS "source", "s"."key" AS "scorecardKey",
              "a"."criterionKey" AS "criterionKey",
              CASE WHEN "a"."passed" IS NULL THEN NULL WHEN "a"."passed" THEN 1 ELSE 0 END AS "passed"
       ${EVALUATIONS_OF_CALLS}
       JOIN "evaluation_answers" "a" ON "a"."evaluationId" = "e"."id"
       JOIN "scorecard_versions" "v" ON "v"."id" = "e"."scorecardVersionId"
       JOIN "scorecards" "s" ON "s"."id" = "v"."scorecardId"
       WHERE ${sql} AND "e"."interactionId" = "i"."id" AND "e"."status" IN (${STATUS_LIST})
         AND "e"."kind" IN (${KIND_LIST})
       ORDER BY "e"."interactionId", "e"."id"`,
      params,
      manager,
    );
    return rows.map((r) => ({
      interactionId: num(r.id),
      source: r.source === 'auto' ? 'auto' : 'human',
      scorecardKey: String(r.scorecardKey),
      criterionKey: String(r.criterionKey),
      passed: r.passed === null || r.passed === undefined ? null : num(r.passed) === 1,
    }));
  }

  /** The highest call id (the rebuild walks the calls in ranges of ids). */
  async maxCallId(manager?: EntityManager): Promise<number> {
    const [row] = await this.query<{ n: unknown }>(
      `SELECT MAX("i"."id") AS "n" FROM "interactions" "i"`,
      {},
      manager,
    );
    return num(row?.n);
  }

  /**
   * Every counted answer on these calls (any scorecard), evaluation order; the caller has already
   * read the calls through the actor's scope.
   */
  async answersOfCalls(ids: number[]): Promise<(AnswerRow & { scorecardKey: string })[]> {
    if (ids.length === 0) return [];
    const rows = await this.query<Record<string, unknown>>(
      `SELECT "e"."interactionId" AS "id", ${SOURCE} AS "source", "s"."key" AS "scorecardKey",
              "a"."criterionKey" AS "criterionKey",
              CASE WHEN "a"."passed" IS NULL THEN NULL WHEN "a"."passed" THEN 1 ELSE 0 END AS "passed"
       FROM "evaluation_answers" "a"
       JOIN "evaluations" "e" ON "e"."id" = "a"."evaluationId"
       JOIN "scorecard_versions" "v" ON "v"."id" = "e"."scorecardVersionId"
       JOIN "scorecards" "s" ON "s"."id" = "v"."scorecardId"
       WHERE "e"."interactionId" IN (:...ids) AND "e"."status" IN (${STATUS_LIST})
         AND "e"."kind" IN (${KIND_LIST})
       ORDER BY "e"."interactionId", "e"."id"`,
      { ids },
    );
    return rows.map((r) => ({
      interactionId: num(r.id),
      source: r.source === 'auto' ? 'auto' : 'human',
      scorecardKey: String(r.scorecardKey),
      criterionKey: String(r.criterionKey),
      passed: r.passed === null || r.passed === undefined ? null : num(r.passed) === 1,
    }));
  }

  /** The turns of the visible calls of one channel in the window, in order. */
  async turns(actor: Actor, filter: CallFilter, channel: string): Promise<TurnRow[]> {
    const { sql, params } = this.callWhere(actor, filter);
    const rows = await this.query<Record<string, unknown>>(
      `SELECT "tu"."interactionId" AS "id", "tu"."speaker" AS "speaker", "tu"."startMs" AS "startMs",
              "tu"."endMs" AS "endMs", "tu"."text" AS "text"
       FROM "turns" "tu" JOIN "interactions" "i" ON "i"."id" = "tu"."interactionId"
       LEFT JOIN "agents" "ag" ON "ag"."id" = "i"."agentId"
       WHERE ${sql} AND "i"."channel" = :channel
       ORDER BY "tu"."interactionId", "tu"."seq"`,
      { ...params, channel },
    );
    return rows.map((r) => ({
      interactionId: num(r.id),
      speaker: String(r.speaker),
      startMs: num(r.startMs),
      endMs: num(r.endMs),
      text: String(r.text),
    }));
  }

  /** The visible calls in the window where the agent said `phrase` (case-insensitive). */
  async callsWithPhrase(actor: Actor, filter: CallFilter, phrase: string): Promise<number[]> {
    const { sql, params } = this.callWhere(actor, filter);
    const rows = await this.query<Record<string, unknown>>(
      `SELECT DISTINCT "tu"."interactionId" AS "id"
       FROM "turns" "tu" JOIN "interactions" "i" ON "i"."id" = "tu"."interactionId"
       LEFT JOIN "agents" "ag" ON "ag"."id" = "i"."agentId"
       WHERE ${sql} AND "tu"."speaker" = 'agent'
         AND LOWER("tu"."text") LIKE LOWER(:phrase) ${LIKE_ESCAPE}`,
      { ...params, phrase: containsPattern(phrase) },
    );
    return rows.map((r) => num(r.id));
  }
}
