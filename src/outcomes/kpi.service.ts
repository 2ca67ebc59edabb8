import { Injectable } from '@nestjs/common';
import { addDays, instants, resolvePeriod, type Period } from '../analytics/period';
import { interactionScope } from '../auth/visibility';
import type { Actor } from '../common/current-user';
import {
  DEFAULT_REPEAT_DAYS,
  derivedFcr,
  kpiFact,
  kpiTable,
  readCustomerId,
  readFcr,
  type FcrMode,
  type KpiDimension,
  type KpiFact,
  type KpiRow,
} from './kpi-facts';
import { kpiTableFromStats, statRowsOf, type OutcomeStatRow } from './kpi-rollup';
import { OutcomeRollupService } from './outcome-rollup.service';
import { OutcomeStatsRepository } from './outcome-stats.repository';
import { OutcomesRepository } from './outcomes.repository';

export interface KpiOptions {
  from?: string;
  to?: string;
  by?: KpiDimension;
  teamId?: number | null;
  agentExternalId?: string | null;
  fcr?: FcrMode;
  repeatDays?: number;
  scorecardKey?: string | null;
  /** false: from the calls even where the roll-up could answer (to check it against them). */
  useRollup?: boolean;
}

export interface KpiReport {
  period: Period;
  by: KpiDimension;
  fcrMode: FcrMode;
  repeatDays: number;
  teamId: number | null;
  agent: string | null;
  scorecardKey: string | null;
  rows: KpiRow[];
  total: KpiRow;
}

/**
 * The KPIs beside the QA score, for the calls the actor may see. From the outcome_stats roll-up
 * when it can answer (every scorecard's score, FCR from the metadata), else from the calls.
 */
@Injectable()
export class KpiService {
  constructor(
    private readonly repository: OutcomesRepository,
    private readonly stats: OutcomeStatsRepository,
    private readonly rollup: OutcomeRollupService,
  ) {}

  /**
   * The roll-up rows of the period (and the calls without an agent, which it leaves out, as rows
   * of their own when the reader sees them); null when the roll-up cannot give what the calls
   * would: not built yet, one scorecard's scores asked, derived FCR asked, or (FCR 'auto') some
   * call without FCR in its metadata. The rows come summed per value of `options.by` (the
   * agent when not given), ready for kpiTableFromStats; their sums add up to the period's.
   */
  async rolledUp(
    actor: Actor,
    options: KpiOptions,
    now = new Date(),
  ): Promise<{ period: Period; stats: OutcomeStatRow[]; unassigned: number } | null> {
    const mode = options.fcr ?? 'auto';
    if (options.useRollup === false || !this.rollup.ready) return null;
    if (options.scorecardKey || mode === 'derived') return null;
    const period = resolvePeriod(options, now);
    const stats = await this.stats.read(
      actor,
      {
        fromDay: period.from,
        toDay: period.to,
        teamId: options.teamId,
        agentExternalId: options.agentExternalId,
      },
      options.by ?? 'agent',
    );
    let unassigned = 0;
    if (!options.teamId && !options.agentExternalId && interactionScope(actor, '"x"') === null) {
      const { start, end } = instants(period);
      const calls = await this.repository.unassignedCalls(start, end);
      unassigned = calls.length;
      stats.push(...statRowsOf(calls.map((c) => kpiFact(c, 'metadata', new Map()))));
    }
    if (mode === 'auto' && stats.some((r) => r.fcrMissing > 0)) return null;
    return { period, stats, unassigned };
  }

  /** Every visible call of the period as KPI facts (FCR derived where asked). */
  async facts(
    actor: Actor,
    options: KpiOptions,
    now = new Date(),
  ): Promise<{ period: Period; facts: KpiFact[] }> {
    const period = resolvePeriod(options, now);
    const { start, end } = instants(period);
    const mode = options.fcr ?? 'auto';
    const repeatDays = options.repeatDays ?? DEFAULT_REPEAT_DAYS;
    const rows = await this.repository.kpiCalls(actor, {
      start,
      end,
      teamId: options.teamId,
      agentExternalId: options.agentExternalId,
      scorecardKey: options.scorecardKey,
    });
    const needsRepeats =
      mode === 'derived' || (mode === 'auto' && rows.some((r) => readFcr(r.metadata) === null));
    let derived = new Map<number, boolean | null>();
    if (needsRepeats && rows.length > 0) {
      const windowEnd = instants({ from: period.from, to: addDays(period.to, repeatDays) }).end;
      const contacts = await this.repository.contacts(start, windowEnd, readCustomerId);
      const knownUntil = new Date(Math.min(now.getTime(), windowEnd.getTime()));
      derived = derivedFcr(contacts, repeatDays, knownUntil);
    }
    return { period, facts: rows.map((r) => kpiFact(r, mode, derived)) };
  }

  async report(actor: Actor, options: KpiOptions, now = new Date()): Promise<KpiReport> {
    const by = options.by ?? 'agent';
    const rolled = await this.rolledUp(actor, { ...options, by }, now);
    const { period, table } = rolled
      ? { period: rolled.period, table: kpiTableFromStats(rolled.stats, by) }
      : await this.facts(actor, options, now).then((r) => ({
          period: r.period,
          table: kpiTable(r.facts, by),
        }));
    return {
      period,
      by,
      fcrMode: options.fcr ?? 'auto',
      repeatDays: options.repeatDays ?? DEFAULT_REPEAT_DAYS,
      teamId: options.teamId ?? null,
      agent: options.agentExternalId ?? null,
      scorecardKey: options.scorecardKey ?? null,
      ...table,
    };
  }
}
