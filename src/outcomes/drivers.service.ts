import { Injectable } from '@nestjs/common';
import { AnalyticsService } from '../analytics/analytics.service';
import { instants, resolvePeriod, type Period } from '../analytics/period';
import type { Actor } from '../common/current-user';
import { InputError } from '../common/errors';
import { DriverFactsRepository } from './driver-facts.repository';
import {
  driverCallsOf,
  drivers,
  latestAnswers,
  type AnswerSource,
  type DriverCall,
  type DriverFactRow,
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
  /** false: from the answers even where the roll-ups could answer (to check them). */
  useRollup?: boolean;
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
    private readonly driverFacts: DriverFactsRepository,
  ) {}

  async report(actor: Actor, options: DriversOptions, now = new Date()): Promise<DriversReport> {
    const definitions = await this.analytics.definitions();
    const asked = options.scorecardKey || null;
    if (asked && !definitions.has(asked)) {
      throw new InputError('scorecard', `no scorecard "${asked}"`);
    }
    const rolled = await this.fromRollup(actor, options, asked, definitions, now);
    if (rolled) return rolled;
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
    const bySource = latestAnswers(answers);
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

  /**
   * From the roll-ups (driver_facts per call and scorecard, outcome_stats for the calls with an
   * outcome): the same analysis, the same calls in the same order. null when they cannot give
   * it (see KpiService.rolledUp; also calls without an agent in the period, not in driver_facts).
   */
  private async fromRollup(
    actor: Actor,
    options: DriversOptions,
    asked: string | null,
    definitions: Awaited<ReturnType<AnalyticsService['definitions']>>,
    now: Date,
  ): Promise<DriversReport | null> {
    const kpi = await this.kpis.rolledUp(
      actor,
      { from: options.from, to: options.to, teamId: options.teamId, useRollup: options.useRollup },
      now,
    );
    if (!kpi || kpi.unassigned > 0) return null;
    const period = resolvePeriod(options, now);
    const filter = { fromDay: period.from, toDay: period.to, teamId: options.teamId };
    // The scorecard asked, else the one with the most answers (the count is only read for that).
    const scorecardKey =
      asked ?? mostAnswered(await this.driverFacts.answerCounts(actor, filter), definitions.keys());
    const rows: DriverFactRow[] = scorecardKey
      ? await this.driverFacts.read(actor, { ...filter, scorecardKey })
      : [];
    const definition = scorecardKey ? definitions.get(scorecardKey) : undefined;
    const criteria = (definition?.sections ?? []).flatMap((s) =>
      s.criteria.map((c) => ({ key: c.key, label: c.label })),
    );
    const run = (outcome: Outcome, source: AnswerSource) =>
      drivers(driverCallsOf(rows, outcome, source), criteria, outcome, source);
    return {
      period,
      scorecardKey,
      scorecards: await this.analytics.scorecardChoices(),
      teamId: options.teamId ?? null,
      withOutcome: {
        csat: kpi.stats.reduce((n, r) => n + r.csatN, 0),
        fcr: kpi.stats.reduce((n, r) => n + r.fcrN, 0),
      },
      results: {
        csat: { human: run('csat', 'human'), auto: run('csat', 'auto') },
        fcr: { human: run('fcr', 'human'), auto: run('fcr', 'auto') },
      },
    };
  }
}

/** Of these scorecard keys (in key order), the one with the most answers; null when none. */
function mostAnswered(counts: Map<string, number>, keys: Iterable<string>): string | null {
  let best: { key: string; n: number } | null = null;
  for (const key of [...keys].sort()) {
    const n = counts.get(key) ?? 0;
    if (best === null || n > best.n) best = { key, n };
  }
  return best?.key ?? null;
}
