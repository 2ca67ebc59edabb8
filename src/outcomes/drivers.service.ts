import { Injectable } from '@nestjs/common';
import { AnalyticsService } from '../analytics/analytics.service';
import { instants, type Period } from '../analytics/period';
import type { Actor } from '../common/current-user';
import { InputError } from '../common/errors';
import {
  drivers,
  type AnswerSource,
  type DriverCall,
  type DriversResult,
  type Outcome,
} from './drivers';
import { KpiService } from './kpi.service';
import { OutcomesRepository, type AnswerRow } from './outcomes.repository';

export interface DriversOptions {
  from?: string;
  to?: string;
  teamId?: number | null;
  scorecardKey?: string | null;
}

export interface DriversReport {
  period: Period;
  scorecardKey: string | null;
  scorecards: { key: string; name: string }[];
  teamId: number | null;
  /** Calls in the period with a CSAT / an FCR value. */
  withOutcome: { csat: number; fcr: number };
  results: Record<Outcome, Record<AnswerSource, DriversResult>>;
}

/** Per scorecard: which criteria go with CSAT and FCR, human and auto-QA answers apart. */
@Injectable()
export class DriversService {
  constructor(
    private readonly repository: OutcomesRepository,
    private readonly kpis: KpiService,
    private readonly analytics: AnalyticsService,
  ) {}

  async report(actor: Actor, options: DriversOptions, now = new Date()): Promise<DriversReport> {
    const definitions = await this.analytics.definitions();
    const asked = options.scorecardKey || null;
    if (asked && !definitions.has(asked)) {
      throw new InputError('scorecard', `no scorecard "${asked}"`);
    }
    const { period, facts } = await this.kpis.facts(
      actor,
      { from: options.from, to: options.to, teamId: options.teamId },
      now,
    );
    const { start, end } = instants(period);
    const filter = { start, end, teamId: options.teamId };
    // Without a choice: the scorecard with the most answers in the period.
    let best: { key: string; rows: AnswerRow[] } | null = null;
    for (const key of asked ? [asked] : [...definitions.keys()].sort()) {
      const rows = await this.repository.answers(actor, { ...filter, scorecardKey: key });
      if (best === null || rows.length > best.rows.length) best = { key, rows };
    }
    const scorecardKey = best?.key ?? null;
    const answers = best?.rows ?? [];
    const definition = scorecardKey ? definitions.get(scorecardKey) : undefined;
    const criteria = (definition?.sections ?? []).flatMap((s) =>
      s.criteria.map((c) => ({ key: c.key, label: c.label })),
    );
    const bySource: Record<AnswerSource, Map<number, Map<string, boolean>>> = {
      human: new Map(),
      auto: new Map(),
    };
    for (const a of answers) {
      const calls = bySource[a.source];
      const call = calls.get(a.interactionId) ?? new Map<string, boolean>();
      // Several evaluations of one call and source: the latest answer counts (rows come in id order).
      if (a.passed === null) call.delete(a.criterionKey);
      else call.set(a.criterionKey, a.passed);
      calls.set(a.interactionId, call);
    }
    const outcomeOf = {
      csat: new Map(facts.filter((f) => f.csat !== null).map((f) => [f.interactionId, f.csat!])),
      fcr: new Map(facts.filter((f) => f.fcr !== null).map((f) => [f.interactionId, f.fcr!])),
    };
    const run = (outcome: Outcome, source: AnswerSource) => {
      const calls: DriverCall[] = [];
      for (const [interactionId, callAnswers] of bySource[source]) {
        const value = outcomeOf[outcome].get(interactionId);
        if (value !== undefined)
          calls.push({ interactionId, outcome: value, answers: callAnswers });
      }
      return drivers(calls, criteria, outcome, source);
    };
    return {
      period,
      scorecardKey,
      scorecards: await this.analytics.scorecardChoices(),
      teamId: options.teamId ?? null,
      withOutcome: { csat: outcomeOf.csat.size, fcr: outcomeOf.fcr.size },
      results: {
        csat: { human: run('csat', 'human'), auto: run('csat', 'auto') },
        fcr: { human: run('fcr', 'human'), auto: run('fcr', 'auto') },
      },
    };
  }
}
