import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { interactionScope } from '../auth/visibility';
import type { Actor } from '../common/current-user';
import type { DriverFactRow } from './drivers';
import { namedQuery } from '../database/named-query';
import { bulkInsert } from '../database/bulk-insert';

/** Owner of driver_facts (the drivers roll-up). Plain SQL, the same text on both databases. */
export interface DriverFactFilter {
  /** UTC days, inclusive. */
  fromDay: string;
  toDay: string;
  teamId?: number | null;
}

export type DriverFactInsert = DriverFactRow & { agentId: number; day: string };

const COLUMNS = [
  'interactionId',
  'agentId',
  'day',
  'scorecardKey',
  'source',
  'answers',
  'passedKeys',
  'failedKeys',
  'csat',
  'fcr',
] as const;
const SEPARATOR = '\n';
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const keys = (v: unknown): string[] =>
  typeof v === 'string' && v !== '' ? v.split(SEPARATOR) : [];

@Injectable()
export class DriverFactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private query<T>(
    sql: string,
    params: Record<string, unknown>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<T[]> {
    return namedQuery(this.dataSource, sql, params, manager);
  }

  async deleteAgentDay(manager: EntityManager, agentId: number, day: string): Promise<void> {
    await this.query(
      `DELETE FROM "driver_facts" WHERE "agentId" = :agentId AND "day" = :day`,
      { agentId, day },
      manager,
    );
  }

  async deleteAll(manager: EntityManager): Promise<void> {
    await this.query(`DELETE FROM "driver_facts"`, {}, manager);
  }

  async insert(manager: EntityManager, rows: readonly DriverFactInsert[]): Promise<void> {
    const values = rows.map((r) => ({
      ...r,
      passedKeys: r.passedKeys.join(SEPARATOR),
      failedKeys: r.failedKeys.join(SEPARATOR),
    }));
    await bulkInsert(this.dataSource, manager, 'driver_facts', COLUMNS, values);
  }

  private where(actor: Actor, filter: DriverFactFilter) {
    const where = [`"d"."day" >= :fromDay`, `"d"."day" <= :toDay`];
    const params: Record<string, unknown> = { fromDay: filter.fromDay, toDay: filter.toDay };
    if (filter.teamId) {
      where.push(
        `"d"."agentId" IN (SELECT "ta"."id" FROM "agents" "ta" WHERE "ta"."teamId" = :teamId)`,
      );
      params.teamId = filter.teamId;
    }
    const scope = interactionScope(actor, '"d"."agentId"');
    if (scope) {
      where.push(scope.sql);
      Object.assign(params, scope.params);
    }
    return { sql: where.join(' AND '), params };
  }

  /** Answer rows per scorecard over the visible calls of the days. */
  async answerCounts(actor: Actor, filter: DriverFactFilter): Promise<Map<string, number>> {
    const { sql, params } = this.where(actor, filter);
    const rows = await this.query<Record<string, unknown>>(
      `SELECT "d"."scorecardKey" AS "key", SUM("d"."answers") AS "n"
       FROM "driver_facts" "d" WHERE ${sql} GROUP BY "d"."scorecardKey"`,
      params,
    );
    return new Map(rows.map((r) => [String(r.key), num(r.n)]));
  }

  /** One scorecard's rows over the visible calls of the days, in call order. */
  async read(
    actor: Actor,
    filter: DriverFactFilter & { scorecardKey: string },
  ): Promise<DriverFactRow[]> {
    const { sql, params } = this.where(actor, filter);
    const rows = await this.query<Record<string, unknown>>(
      `SELECT "d"."interactionId" AS "id", "d"."source" AS "source", "d"."answers" AS "answers",
              "d"."passedKeys" AS "passedKeys", "d"."failedKeys" AS "failedKeys",
              "d"."csat" AS "csat", CASE WHEN "d"."fcr" IS NULL THEN NULL WHEN "d"."fcr" THEN 1 ELSE 0 END AS "fcr"
       FROM "driver_facts" "d" WHERE ${sql} AND "d"."scorecardKey" = :scorecardKey
       ORDER BY "d"."interactionId"`,
      { ...params, scorecardKey: filter.scorecardKey },
    );
    return rows.map((r) => ({
      interactionId: num(r.id),
      scorecardKey: filter.scorecardKey,
      source: r.source === 'auto' ? 'auto' : 'human',
      answers: num(r.answers),
      passedKeys: keys(r.passedKeys),
      failedKeys: keys(r.failedKeys),
      csat: r.csat === null || r.csat === undefined ? null : Number(r.csat),
      fcr: r.fcr === null || r.fcr === undefined ? null : num(r.fcr) === 1,
    }));
  }
}
