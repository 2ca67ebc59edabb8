import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/current-user';
import { InputError, type MessageKey, NotFoundError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { advisoryXactLock } from '../database/advisory-lock';
import { transaction } from '../database/transaction';
import { InteractionsRepository } from '../interactions/interactions.repository';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { assignAll, NoEvaluatorReason } from './assignment';
import { SAMPLING_KINDS, SamplingRule } from './entities/sampling-rule.entity';
import { QueueRepository } from './queue.repository';
import type { NewItem } from './queue-rows';
import { quotaUsed, withCriticalFailures } from './sampling-inputs';
import { SamplingRulesRepository } from './sampling-rules.repository';
import {
  checkParams,
  isQuotaRule,
  isSamplingKind,
  planSample,
  RuleParamError,
  RuleParams,
} from './sampling-plan';

/** What an admin sends to create or change a rule (a form or JSON); checked field by field. */
export interface RuleInput {
  name?: unknown;
  kind?: unknown;
  params?: unknown;
  scorecardKey?: unknown;
  dueDays?: unknown;
  active?: unknown;
}

export interface RuleView {
  id: number;
  name: string;
  kind: SamplingRule['kind'];
  params: RuleParams;
  scorecardKey: string | null;
  dueDays: number;
  active: boolean;
  /** Items this rule queued, and how many of them are still to do. */
  queued: number;
  pending: number;
  updatedAt: Date;
}

export interface SampleResult {
  /** Calls queued by this run. */
  queued: number;
  byRule: { ruleId: number; name: string; queued: number }[];
  /** Items (new or waiting) given to an evaluator by this run. */
  assigned: number;
  /** Open items nobody could be given, and why. */
  unassigned: number;
  unassignedWhy: Partial<Record<NoEvaluatorReason, number>>;
}

const DAY_MS = 24 * 3_600_000;

/**
 * Sampling rules (admins) and the sampling run that applies them: calls picked by the rules are
 * queued with the reason in words and a due date, and every open item without an evaluator is
 * given to the least loaded one (never of the agent's own team when QUEUE_AVOID_OWN_TEAM=on).
 */
@Injectable()
export class SamplingService {
  private readonly logger = new Logger('Sampling');
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: QueueRepository,
    private readonly rules: SamplingRulesRepository,
    private readonly scorecards: ScorecardsService,
    private readonly audit: AuditService,
    private readonly interactions: InteractionsRepository,
  ) {}

  async listRules(): Promise<RuleView[]> {
    const rules = await this.rules.all();
    const byRule = await this.repository.countsByRule();
    return rules.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      params: r.params,
      scorecardKey: r.scorecardKey,
      dueDays: r.dueDays,
      active: r.active,
      queued: byRule.get(r.id)?.queued ?? 0,
      pending: byRule.get(r.id)?.pending ?? 0,
      updatedAt: r.updatedAt,
    }));
  }

  /** Whether any rule is on: without one, nothing reaches the queue (the empty queue says so). */
  async hasActiveRule(): Promise<boolean> {
    return this.rules.anyActive();
  }

  async getRule(id: number): Promise<SamplingRule> {
    const rule = await this.rules.byId(id);
    if (!rule) throw new NotFoundError('sampling rule', id);
    return rule;
  }

  async createRule(actor: Actor, input: RuleInput): Promise<SamplingRule> {
    const values = await this.checked(input, null);
    const id = await transaction(this.dataSource, async (manager) => {
      const saved = await this.rules.insert(manager, values);
      await this.audit.record(manager, actor, {
        action: 'sampling_rule.created',
        entityType: 'sampling_rule',
        entityId: saved,
        after: values,
      });
      return saved;
    });
    return this.getRule(id);
  }

  /** Changes any of the fields; `active: false` deactivates (its queued items stay). */
  async updateRule(actor: Actor, id: number, input: RuleInput): Promise<SamplingRule> {
    const before = await this.getRule(id);
    const values = await this.checked(input, before);
    await transaction(this.dataSource, async (manager) => {
      await this.rules.update(manager, id, values);
      await this.audit.record(manager, actor, {
        action:
          before.active && !values.active ? 'sampling_rule.deactivated' : 'sampling_rule.updated',
        entityType: 'sampling_rule',
        entityId: id,
        before: describe(before),
        after: values,
      });
    });
    return this.getRule(id);
  }

  /**
   * Applies the active rules to the calls not yet queued, then assigns every open item that has
   * no evaluator. Runs one at a time; running it again picks nothing new until new calls come.
   */
  sample(now: Date = new Date(), actor: Actor | null = null): Promise<SampleResult> {
    const run = this.chain.then(() => this.run(now, actor));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async run(now: Date, actor: Actor | null): Promise<SampleResult> {
    const result = await transaction(this.dataSource, async (manager) => {
      // One run at a time across instances: the next one sees what this one queued.
      await advisoryXactLock(manager, 'sampling');
      const rules = await this.rules.active(manager);
      await this.repository.releaseFromLeavers(manager);
      const newItems = rules.length > 0 ? await this.plan(manager, rules, now) : [];
      const { assigned, unassignedWhy, evaluatorOf } = await this.assign(manager, newItems);
      await this.repository.insertItems(manager, newItems, evaluatorOf);
      const byRule = rules
        .map((r) => ({
          ruleId: r.id,
          name: r.name,
          queued: newItems.filter((i) => i.ruleId === r.id).length,
        }))
        .filter((r) => r.queued > 0);
      const unassigned = Object.values(unassignedWhy).reduce((a, b) => a + b, 0);
      const summary: SampleResult = {
        queued: newItems.length,
        byRule,
        assigned,
        unassigned,
        unassignedWhy,
      };
      if (newItems.length > 0 || assigned > 0) {
        await this.audit.record(manager, actor, {
          action: 'queue.sampled',
          entityType: 'queue_item',
          entityId: 'sample',
          after: { at: now.toISOString(), ...summary },
        });
      }
      return summary;
    });
    if (result.queued > 0 || result.unassigned > 0) {
      this.logger.log(
        `queued ${result.queued} calls, assigned ${result.assigned}` +
          (result.unassigned > 0 ? `, ${describeUnassigned(result)}` : ''),
      );
    }
    return result;
  }

  private async plan(manager: EntityManager, rules: SamplingRule[], now: Date): Promise<NewItem[]> {
    const calls = await this.repository.candidates(manager);
    if (calls.length === 0) return [];
    const candidates = rules.some((r) => r.kind === 'auto_critical_fail')
      ? withCriticalFailures(calls, await this.repository.criticalBreakdowns(manager))
      : calls;
    const quota = rules.filter(isQuotaRule).map((r) => r.id);
    const used = quotaUsed(quota, await this.repository.queuedByRules(manager, quota));
    const picks = planSample(rules, candidates, used);
    const callOf = new Map(candidates.map((c) => [c.id, c]));
    const ruleOf = new Map(rules.map((r) => [r.id, r]));
    return picks
      .map((p) => {
        const rule = ruleOf.get(p.ruleId)!;
        return {
          interactionId: p.interactionId,
          ruleId: p.ruleId,
          reason: p.reason,
          reasonCode: p.reasonCode,
          reasonParams: p.reasonParams,
          scorecardKey: rule.scorecardKey ?? defaultScorecard(callOf.get(p.interactionId)!),
          dueAt: new Date(now.getTime() + rule.dueDays * DAY_MS),
        };
      })
      .sort(
        (a, b) =>
          a.dueAt.getTime() - b.dueAt.getTime() ||
          callOf.get(a.interactionId)!.startedAt.getTime() -
            callOf.get(b.interactionId)!.startedAt.getTime() ||
          a.interactionId - b.interactionId,
      );
  }

  /**
   * Waiting items first (oldest due first), then the new ones: each to the evaluator with the
   * fewest open and in-progress items at that moment.
   */
  private async assign(manager: EntityManager, newItems: NewItem[]) {
    const pool = await this.repository.pool(manager);
    const teams = await this.interactions.agentTeams(
      manager,
      newItems.map((i) => i.interactionId),
    );
    const evaluators = await this.repository.evaluatorLoads(manager);
    const work = [
      ...pool.map((p) => ({ poolId: p.id, newIndex: -1, agentTeamId: p.agentTeamId })),
      ...newItems.map((item, index) => ({
        poolId: -1,
        newIndex: index,
        agentTeamId: teams.get(item.interactionId) ?? null,
      })),
    ];
    const results = assignAll(work, evaluators, this.config.queueAvoidOwnTeam);
    const newEvaluator = new Map<number, number>();
    const poolBy = new Map<number, number[]>();
    const unassignedWhy: SampleResult['unassignedWhy'] = {};
    let assigned = 0;
    for (const { item, assignment } of results) {
      if (assignment.evaluatorId === null) {
        unassignedWhy[assignment.why] = (unassignedWhy[assignment.why] ?? 0) + 1;
        continue;
      }
      assigned++;
      if (item.newIndex >= 0) newEvaluator.set(item.newIndex, assignment.evaluatorId);
      else
        poolBy.set(assignment.evaluatorId, [
          ...(poolBy.get(assignment.evaluatorId) ?? []),
          item.poolId,
        ]);
    }
    for (const [evaluatorId, ids] of poolBy) {
      await this.repository.setEvaluator(manager, ids, evaluatorId);
    }
    return { assigned, unassignedWhy, evaluatorOf: (i: number) => newEvaluator.get(i) ?? null };
  }

  /** The rule's fields after these changes, each checked; errors name the field. */
  private async checked(input: RuleInput, before: SamplingRule | null) {
    const name = input.name === undefined && before ? before.name : checkName(input.name);
    const kindGiven = input.kind === undefined && before ? before.kind : input.kind;
    if (!isSamplingKind(kindGiven)) {
      const kinds = SAMPLING_KINDS.join(', ');
      throw new InputError('kind', `must be one of ${kinds}`, ruleKey('kind', { kinds }));
    }
    // Changing the kind needs the new kind's parameters; otherwise the old ones stay.
    const paramsGiven =
      input.params === undefined && before && before.kind === kindGiven
        ? before.params
        : input.params;
    let params: RuleParams;
    try {
      params = checkParams(kindGiven, paramsGiven);
    } catch (e) {
      if (e instanceof RuleParamError)
        throw new InputError(e.field, e.reason, ruleKey(e.key, e.params));
      throw e;
    }
    const scorecardKey =
      input.scorecardKey === undefined && before
        ? before.scorecardKey
        : await this.checkScorecard(input.scorecardKey);
    const dueDays =
      input.dueDays === undefined ? (before?.dueDays ?? 7) : checkDueDays(input.dueDays);
    const active =
      input.active === undefined ? (before?.active ?? true) : checkActive(input.active);
    return { name, kind: kindGiven, params, scorecardKey, dueDays, active };
  }

  private async checkScorecard(value: unknown): Promise<string | null> {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string')
      throw new InputError('scorecardKey', 'must be a scorecard key', ruleKey('scorecardKey'));
    await this.scorecards.current(value).catch(() => {
      throw new InputError(
        'scorecardKey',
        `no scorecard "${value}"`,
        ruleKey('noScorecard', { key: value }),
      );
    });
    return value;
  }
}

function checkName(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError('name', 'give the rule a name', ruleKey('nameMissing'));
  }
  if (value.trim().length > 120)
    throw new InputError('name', 'at most 120 characters', ruleKey('nameTooLong'));
  return value.trim();
}

function checkDueDays(value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 365) {
    throw new InputError(
      'dueDays',
      'must be a whole number of days from 1 to 365',
      ruleKey('dueDays'),
    );
  }
  return n;
}

function checkActive(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'on' || value === '1') return true;
  if (value === 'false' || value === 'off' || value === '0') return false;
  throw new InputError('active', 'must be true or false', ruleKey('active'));
}

/** A refusal of a rule's field in the locale files (`error.samplingRule.<key>`). */
function ruleKey(key: string, params: Record<string, string> = {}): MessageKey {
  return { key: `error.samplingRule.${key}`, params };
}

function describe(rule: SamplingRule) {
  return {
    name: rule.name,
    kind: rule.kind,
    params: rule.params,
    scorecardKey: rule.scorecardKey,
    dueDays: rule.dueDays,
    active: rule.active,
  };
}

/** "2 left unassigned: every active evaluator is on the agent's own team". */
export function describeUnassigned(result: SampleResult): string {
  const parts: string[] = [];
  if (result.unassignedWhy.own_team) {
    parts.push(
      `${result.unassignedWhy.own_team} left unassigned: every active evaluator is on the agent's own team (QUEUE_AVOID_OWN_TEAM=on)`,
    );
  }
  if (result.unassignedWhy.no_evaluators) {
    parts.push(
      `${result.unassignedWhy.no_evaluators} left unassigned: there is no active evaluator`,
    );
  }
  return parts.join('; ');
}

/** The scorecard of the call's channel and language, as auto-QA picks it: voice-ko, chat-en … */
export function defaultScorecard(call: { channel: string; language: string }): string {
  return `${call.channel}-${call.language}`;
}
