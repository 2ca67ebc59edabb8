import { Injectable } from '@nestjs/common';
import { AnalyticsService } from '../analytics/analytics.service';
import { daysBetween, instants, MAX_PERIOD_DAYS, validDay, type Period } from '../analytics/period';
import type { Actor } from '../common/current-user';
import { InputError, NotFoundError } from '../common/errors';
import { KpiService } from '../outcomes/kpi.service';
import { OutcomesRepository } from '../outcomes/outcomes.repository';
import type { CreateExperimentDto } from './dto/experiment.dto';
import type { Experiment } from './entities/experiment.entity';
import {
  analyseExperiment,
  type ExperimentCall,
  type ExperimentResult,
} from './experiment-analysis';
import { ExperimentsRepository } from './experiments.repository';

export interface ExperimentReport {
  experiment: Experiment;
  period: Period;
  result: ExperimentResult;
  /** The compared criteria's labels in the scorecard's words. */
  criterionLabels: Record<string, string>;
}

/** Script A/B tests: defining them, and comparing their variants on the calls one may see. */
@Injectable()
export class ExperimentsService {
  constructor(
    private readonly repository: ExperimentsRepository,
    private readonly kpis: KpiService,
    private readonly outcomes: OutcomesRepository,
    private readonly analytics: AnalyticsService,
  ) {}

  list(): Promise<Experiment[]> {
    return this.repository.list();
  }

  async create(actor: Actor, dto: CreateExperimentDto): Promise<Experiment> {
    const from = validDay('from', dto.from);
    const to = validDay('to', dto.to);
    if (from > to)
      throw new InputError('from', `${from} is after ${to}`, {
        key: 'experiment.error.periodOrder',
        params: { from, to },
      });
    if (daysBetween(from, to) >= MAX_PERIOD_DAYS) {
      throw new InputError('from', `a period may cover at most ${MAX_PERIOD_DAYS} days`, {
        key: 'experiment.error.periodTooLong',
        params: { days: String(MAX_PERIOD_DAYS) },
      });
    }
    if (dto.assignment === 'metadata' && !dto.field) {
      throw new InputError('field', 'name the metadata field that holds the variant', {
        key: 'experiment.error.fieldRequired',
      });
    }
    const keys = new Set<string>();
    const values = new Set<string>();
    dto.variants.forEach((v, i) => {
      if (keys.has(v.key)) {
        throw new InputError(`variants.${i}.key`, `"${v.key}" is used twice`, {
          key: 'experiment.error.variantKeyTwice',
          params: { key: v.key },
        });
      }
      if (values.has(v.value)) {
        throw new InputError(
          `variants.${i}.value`,
          `"${v.value}" already puts calls in another variant`,
          { key: 'experiment.error.variantValueTwice', params: { value: v.value } },
        );
      }
      keys.add(v.key);
      values.add(v.value);
    });
    const scorecardKey = dto.scorecard || null;
    const criteria = dto.criteria ?? [];
    if (criteria.length > 0 && !scorecardKey) {
      throw new InputError('scorecard', 'choose the scorecard of the criteria', {
        key: 'experiment.error.scorecardRequired',
      });
    }
    if (scorecardKey) {
      const definition = (await this.analytics.definitions()).get(scorecardKey);
      if (!definition) {
        throw new InputError('scorecard', `no scorecard "${scorecardKey}"`, {
          key: 'experiment.error.noScorecard',
          params: { scorecard: scorecardKey },
        });
      }
      const known = new Set(definition.sections.flatMap((s) => s.criteria.map((c) => c.key)));
      criteria.forEach((c, i) => {
        if (!known.has(c))
          throw new InputError(`criteria.${i}`, `"${c}" is not a criterion of ${scorecardKey}`, {
            key: 'experiment.error.notACriterion',
            params: { criterion: c, scorecard: scorecardKey },
          });
      });
    }
    if (await this.repository.byName(dto.name)) {
      throw new InputError('name', `an experiment named "${dto.name}" exists`, {
        key: 'experiment.error.nameTaken',
        params: { name: dto.name },
      });
    }
    return this.repository.create({
      name: dto.name,
      description: dto.description || null,
      assignment: dto.assignment,
      field: dto.assignment === 'metadata' ? (dto.field ?? null) : null,
      variants: dto.variants.map((v) => ({ key: v.key, label: v.label, value: v.value })),
      scorecardKey,
      criteria,
      fromDay: from,
      toDay: to,
      createdById: actor.id,
    });
  }

  async report(actor: Actor, id: number): Promise<ExperimentReport> {
    const experiment = await this.repository.byId(id);
    if (!experiment) throw new NotFoundError('experiment', id);
    const period = { from: experiment.fromDay, to: experiment.toDay };
    const { facts } = await this.kpis.facts(actor, {
      from: period.from,
      to: period.to,
      scorecardKey: experiment.scorecardKey,
    });
    const { start, end } = instants(period);
    const phraseCalls =
      experiment.assignment === 'phrase'
        ? await Promise.all(
            experiment.variants.map(
              async (v) =>
                new Set(await this.outcomes.callsWithPhrase(actor, { start, end }, v.value)),
            ),
          )
        : [];
    const answers =
      experiment.scorecardKey && experiment.criteria.length > 0
        ? await this.outcomes.answers(actor, { start, end, scorecardKey: experiment.scorecardKey })
        : [];
    const criteriaOf = new Map<number, Map<string, boolean>>();
    for (const a of answers) {
      if (a.source !== 'human' || !experiment.criteria.includes(a.criterionKey)) continue;
      const call = criteriaOf.get(a.interactionId) ?? new Map<string, boolean>();
      if (a.passed === null) call.delete(a.criterionKey);
      else call.set(a.criterionKey, a.passed);
      criteriaOf.set(a.interactionId, call);
    }
    const calls: ExperimentCall[] = [];
    let ambiguous = 0;
    for (const f of facts) {
      const matching = experiment.variants.filter((v, i) => {
        switch (experiment.assignment) {
          case 'metadata': {
            const value = f.metadata?.[experiment.field ?? ''];
            const text =
              typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
                ? String(value)
                : null;
            return text === v.value;
          }
          case 'queue':
            return f.queue === v.value;
          case 'phrase':
            return phraseCalls[i].has(f.interactionId);
        }
      });
      if (matching.length > 1) ambiguous++;
      if (matching.length !== 1) continue;
      calls.push({
        interactionId: f.interactionId,
        variant: matching[0].key,
        csat: f.csat,
        fcr: f.fcr,
        ahtSeconds: f.handleMs / 1000,
        qaScore: f.humanScore,
        criteria: criteriaOf.get(f.interactionId) ?? new Map<string, boolean>(),
      });
    }
    const definition = experiment.scorecardKey
      ? (await this.analytics.definitions()).get(experiment.scorecardKey)
      : undefined;
    const criterionLabels = Object.fromEntries(
      (definition?.sections ?? [])
        .flatMap((s) => s.criteria)
        .filter((c) => experiment.criteria.includes(c.key))
        .map((c) => [c.key, c.label]),
    );
    return {
      experiment,
      period,
      criterionLabels,
      result: analyseExperiment(experiment.variants, calls, experiment.criteria, ambiguous),
    };
  }
}
