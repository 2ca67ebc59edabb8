import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { interactionScope } from '../auth/visibility';
import type { Actor } from '../common/current-user';
import type { KpiDimension } from './kpi-facts';
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

  /**
   * The roll-up rows of the days the actor may see, narrowed by team / agent, summed by the
   * database per value of `by` (the agent; the team; the queue; the channel; the day, for the
   * week): a handful of rows instead of one per agent, day, queue and channel (about 4,500 for a
   * team's 8 weeks), which the driver turned into objects far slower than SQL adds them up. The
   * fields `by` does not group on are null ('' for channel and day).
   */
  async read(actor: Actor, filter: StatFilter, by: KpiDimension): Promise<OutcomeStatRow[]> {
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
    const { select, group } = GROUPS[by];
    // FROM agents first: SQLite then takes the team's agents and each one's days by the
    // (agentId, day) index instead of every agent's days by the day index.
    const rows = await this.query<Record<string, unknown>>(
      `SELECT ${SUM_COLUMNS.map((c) => `SUM("o"."${c}") AS "${c}"`).join(', ')}, ${select}
       FROM "agents" "ag" CROSS JOIN "outcome_stats" "o"
       LEFT JOIN "teams" "t" ON "t"."id" = "ag"."teamId"
       WHERE "o"."agentId" = "ag"."id" AND ${where.join(' AND ')}
       GROUP BY ${group}`,
      params,
    );
    return rows.map((r) => {
      const sums = Object.fromEntries(
        SUM_COLUMNS.map((c) => [c, num(r[c])]),
      ) as unknown as OutcomeSums;
      return {
        ...sums,
        day: text(r.day) ?? '',
        queue: text(r.queue),
        channel: text(r.channel) ?? '',
        agentExternalId: text(r.agentExternalId),
        agentName: text(r.agentName),
        teamId: r.teamId === null || r.teamId === undefined ? null : num(r.teamId),
        teamName: text(r.teamName),
      };
    });
  }
}

/** Per dimension: the columns a summed row carries and the GROUP BY that makes it. */
const GROUPS: Record<KpiDimension, { select: string; group: string }> = {
  agent: {
    select: `"ag"."externalId" AS "agentExternalId", "ag"."name" AS "agentName"`,
    group: `"ag"."id", "ag"."externalId", "ag"."name"`,
  },
  team: {
    select: `"ag"."teamId" AS "teamId", "t"."name" AS "teamName"`,
    group: `"ag"."teamId", "t"."name"`,
  },
  queue: { select: `"o"."queue" AS "queue"`, group: `"o"."queue"` },
  channel: { select: `"o"."channel" AS "channel"`, group: `"o"."channel"` },
  week: { select: `"o"."day" AS "day"`, group: `"o"."day"` },
};
