import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AnalyticsService } from '../analytics/analytics.service';
import { instants } from '../analytics/period';
import { DriverFactsRepository, type DriverFactInsert } from './driver-facts.repository';
import { driverFactRows } from './drivers';
import { kpiFact, type KpiCallRow, type KpiFact } from './kpi-facts';
import { mergeSums, statRowsOf } from './kpi-rollup';
import { OutcomeStatsRepository, type StatInsert } from './outcome-stats.repository';
import { OutcomesRepository, type RollupRange } from './outcomes.repository';

/** One outcome_stats row per agent, day, queue and channel. */
const statKey = (r: StatInsert): string => JSON.stringify([r.agentId, r.day, r.queue, r.channel]);

/**
 * Keeps the KPI roll-up (outcome_stats) and the drivers roll-up (driver_facts): per agent-day
 * in the analytics refresh job, in its transaction (after every scored evaluation of that day),
 * and in whole with `analytics rebuild`. What is rolled up is what the direct queries compute,
 * with FCR from the metadata only; the readers (KpiService, DriversService) go to the calls
 * when a roll-up cannot answer (derived FCR, one scorecard's scores, calls without an agent in
 * a drivers analysis) or is not built yet.
 */
@Injectable()
export class OutcomeRollupService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(OutcomeRollupService.name);
  /** False until the roll-ups are known to hold every call (built, or nothing to build). */
  private built = false;
  /** Calls a rebuild step reads (their answers come with them); a spec makes it small. */
  rebuildChunk = 5_000;

  constructor(
    private readonly analytics: AnalyticsService,
    private readonly outcomes: OutcomesRepository,
    private readonly stats: OutcomeStatsRepository,
    private readonly facts: DriverFactsRepository,
  ) {}

  get ready(): boolean {
    return this.built;
  }

  onModuleInit(): void {
    this.analytics.addRollup({
      refresh: (manager, agentId, day) => this.refresh(manager, agentId, day),
      rebuild: (manager) => this.rebuild(manager),
    });
  }

  /** First start after the upgrade (calls but no roll-up): built in the background. */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.stats.count()) > 0) {
      this.built = true;
      return;
    }
    if ((await this.outcomes.maxCallId()) === 0) {
      this.built = true;
      return;
    }
    this.logger.log('outcome_stats is empty: building the outcome roll-ups in the background');
    void this.analytics.rebuild().catch((e: unknown) => {
      this.logger.error(`outcome roll-up build failed: ${String(e)}`);
    });
  }

  private async refresh(manager: EntityManager, agentId: number, day: string): Promise<void> {
    const { start, end } = instants({ from: day, to: day });
    await this.stats.deleteAgentDay(manager, agentId, day);
    await this.facts.deleteAgentDay(manager, agentId, day);
    await this.stats.insert(manager, await this.write(manager, { agentId, start, end }));
  }

  private async rebuild(manager: EntityManager): Promise<void> {
    await this.stats.deleteAll(manager);
    await this.facts.deleteAll(manager);
    const last = await this.outcomes.maxCallId(manager);
    // An agent-day's calls can fall in several ranges: their sums are merged, so that the
    // rebuild writes one row per agent, day, queue and channel, as a refresh does.
    const stats = new Map<string, StatInsert>();
    for (let afterId = 0; afterId < last; afterId += this.rebuildChunk) {
      const rows = await this.write(manager, { afterId, toId: afterId + this.rebuildChunk });
      mergeSums(stats, rows, statKey);
    }
    await this.stats.insert(manager, [...stats.values()]);
    this.built = true;
  }

  /**
   * Writes the driver_facts rows of the calls in the range and returns their outcome_stats rows
   * (per agent, UTC day, queue and channel), for the caller to write.
   */
  private async write(manager: EntityManager, range: RollupRange): Promise<StatInsert[]> {
    const calls = await this.outcomes.rollupCalls(manager, range);
    if (calls.length === 0) return [];
    const groups = new Map<string, { agentId: number; day: string; facts: KpiFact[] }>();
    const agentDay = new Map<number, { agentId: number; day: string }>();
    const outcomes = new Map<number, { csat: number | null; fcr: boolean | null }>();
    for (const call of calls) {
      const fact = kpiFact(call, 'metadata', new Map());
      const at = { agentId: agentIdOf(call), day: call.startedAt.toISOString().slice(0, 10) };
      const key = `${at.agentId}:${at.day}`;
      const group = groups.get(key) ?? { ...at, facts: [] };
      group.facts.push(fact);
      groups.set(key, group);
      agentDay.set(call.interactionId, at);
      outcomes.set(call.interactionId, { csat: fact.csat, fcr: fact.fcr });
    }
    const statRows: StatInsert[] = [];
    for (const g of groups.values()) {
      for (const r of statRowsOf(g.facts)) {
        statRows.push({ ...r, agentId: g.agentId, day: g.day });
      }
    }
    const answers = await this.outcomes.rollupAnswers(manager, range);
    const factRows: DriverFactInsert[] = driverFactRows(answers, outcomes).map((r) => ({
      ...r,
      ...agentDay.get(r.interactionId)!,
    }));
    await this.facts.insert(manager, factRows);
    return statRows;
  }
}

function agentIdOf(call: KpiCallRow): number {
  if (call.agentId === null || call.agentId === undefined) {
    throw new Error(`call ${call.interactionId} has no agent: not rolled up`);
  }
  return call.agentId;
}
