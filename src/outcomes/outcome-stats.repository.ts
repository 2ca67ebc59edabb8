import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { interactionScope } from '../auth/visibility';
import type { Actor } from '../common/current-user';
import { SUM_COLUMNS, type OutcomeStatRow, type OutcomeSums } from './kpi-rollup';
import { namedQuery } from '../database/named-query';
import { bulkInsert } from '../database/bulk-insert';

/** Owner of outcome_stats (the KPI roll-up). Plain SQL, the same text on SQLite and PostgreSQL. */
export interface StatFilter {
  /** UTC days, inclusive. */
  fromDay: string;
  toDay: string;
  teamId?: number | null;
  agentExternalId?: string | null;
}

export type StatInsert = OutcomeSums & {
  agentId: number;
  day: string;
  queue: string | null;
  channel: string;
};

const COLUMNS = ['agentId', 'day', 'queue', 'channel', ...SUM_COLUMNS] as const;
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const text = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;

@Injectable()
export class OutcomeStatsRepository {
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
      `DELETE FROM "outcome_stats" WHERE "agentId" = :agentId AND "day" = :day`,
      { agentId, day },
      manager,
    );
  }

  async deleteAll(manager: EntityManager): Promise<void> {
    await this.query(`DELETE FROM "outcome_stats"`, {}, manager);
  }

  async insert(manager: EntityManager, rows: readonly StatInsert[]): Promise<void> {
    await bulkInsert(this.dataSource, manager, 'outcome_stats', COLUMNS, rows);
  }

  async count(): Promise<number> {
    const [row] = await this.query<{ n: unknown }>(
      `SELECT COUNT(*) AS "n" FROM "outcome_stats"`,
      {},
    );
    return num(row?.n);
  }

  /** The roll-up rows of the days the actor may see, narrowed by team / agent. */
  async read(actor: Actor, filter: StatFilter): Promise<OutcomeStatRow[]> {
    const where = [`"o"."day" >= :fromDay`, `"o"."day" <= :toDay`];
    const params: Record<string, unknown> = { fromDay: filter.fromDay, toDay: filter.toDay };
    if (filter.teamId) {
      where.push(`"ag"."teamId" = :teamId`);
      params.teamId = filter.teamId;
    }
    if (filter.agentExternalId) {
      where.push(`"ag"."externalId" = :agentExternalId`);
      params.agentExternalId = filter.agentExternalId;
    }
    const scope = interactionScope(actor, '"o"."agentId"');
    if (scope) {
      where.push(scope.sql);
      Object.assign(params, scope.params);
    }
    const rows = await this.query<Record<string, unknown>>(
      `SELECT ${SUM_COLUMNS.map((c) => `"o"."${c}" AS "${c}"`).join(', ')},
              "o"."day" AS "day", "o"."queue" AS "queue", "o"."channel" AS "channel",
              "ag"."externalId" AS "agentExternalId", "ag"."name" AS "agentName",
              "ag"."teamId" AS "teamId", "t"."name" AS "teamName"
       FROM "outcome_stats" "o" JOIN "agents" "ag" ON "ag"."id" = "o"."agentId"
       LEFT JOIN "teams" "t" ON "t"."id" = "ag"."teamId"
       WHERE ${where.join(' AND ')}`,
      params,
    );
    return rows.map((r) => {
      const sums = Object.fromEntries(
        SUM_COLUMNS.map((c) => [c, num(r[c])]),
      ) as unknown as OutcomeSums;
      return {
        ...sums,
        day: String(r.day),
        queue: text(r.queue),
        channel: String(r.channel),
        agentExternalId: text(r.agentExternalId),
        agentName: text(r.agentName),
        teamId: r.teamId === null || r.teamId === undefined ? null : num(r.teamId),
        teamName: text(r.teamName),
      };
    });
  }
}
