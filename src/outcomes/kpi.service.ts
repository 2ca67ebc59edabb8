import { Injectable } from '@nestjs/common';
import { addDays, instants, resolvePeriod, type Period } from '../analytics/period';
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

/** The KPIs beside the QA score, for the calls the actor may see. */
@Injectable()
export class KpiService {
  constructor(private readonly repository: OutcomesRepository) {}

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
    const { period, facts } = await this.facts(actor, options, now);
    const by = options.by ?? 'agent';
    return {
      period,
      by,
      fcrMode: options.fcr ?? 'auto',
      repeatDays: options.repeatDays ?? DEFAULT_REPEAT_DAYS,
      teamId: options.teamId ?? null,
      agent: options.agentExternalId ?? null,
      scorecardKey: options.scorecardKey ?? null,
      ...kpiTable(facts, by),
    };
  }
}
