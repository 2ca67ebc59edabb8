import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AgentsRepository } from '../agents/agents.repository';
import type { Agent } from '../agents/entities/agent.entity';
import { TeamsRepository } from '../agents/teams.repository';
import type { Actor } from '../common/current-user';
import { InputError, NotFoundError } from '../common/errors';
import { pageOf } from '../common/pagination';
import { advisoryXactLock } from '../database/advisory-lock';
import { transaction } from '../database/transaction';
import { EvaluationEvents, type EvaluationScored } from '../events/evaluation-events';
import { JOB_QUEUE, type JobData, type JobQueue } from '../events/job-queue';
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import { AnalyticsRepository } from './analytics.repository';
import type { Source } from './analytics-sql';
import type { CallsQueryDto } from './dto/analytics-query.dto';
import { buildHeatMap, busiestScorecard, type HeatMap } from './heat-map';
import { resolvePeriod } from './period';
import {
  agreement,
  averageOf,
  callMetrics,
  clusters,
  criterionRows,
  sectionRows,
  trend,
  weakestAndStrongest,
} from './profile-builder';
import type { AgentProfile } from './profile.types';
import { callTotals, criterionKeysOf, labelsOf, listedCalls, type CallsList } from './calls-list';
import { callFacts, evaluationFacts } from './evaluation-facts';

export interface ProfileOptions {
  from?: string;
  to?: string;
  scorecardKey?: string | null;
  minSample?: number;
  /** Count calls where the customer abused the agent too (left out by default). */
  includeAbusive?: boolean;
}

export interface HeatMapOptions {
  teamId?: number | null;
  from?: string;
  to?: string;
  scorecardKey?: string | null;
  sort?: string;
  dir?: 'asc' | 'desc';
  /** Calls where the customer abused the agent count too (the roll-up leaves them out). */
  includeAbusive?: boolean;
}

const DEFAULT_MIN_SAMPLE = 5;

/** The job that recomputes one agent-day of the roll-up (`{ agentId, day }`). */
export const ANALYTICS_REFRESH = 'analytics.refresh';

/**
 * Another roll-up kept by the same refresh job (in its transaction, per agent-day) and rebuilt
 * with criterion_stats: the outcomes' KPI and drivers roll-ups (src/outcomes/outcome-rollup.service.ts).
 */
export interface RollupHook {
  refresh(manager: EntityManager, agentId: number, day: string): Promise<void>;
  rebuild(manager: EntityManager): Promise<void>;
}

/**
 * Per-agent patterns and the team heat map. Team comparisons and the heat map read the
 * criterion_stats roll-up (kept fresh per agent-day on every scored evaluation); one agent's own
 * details (trend, clusters, metrics, agreement, the calls behind a number) read their answers.
 */
@Injectable()
export class AnalyticsService
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(AnalyticsService.name);
  private rebuilding: Promise<number> | null = null;
  private readonly versions = new Map<number, ScorecardDefinition>();
  private readonly rollups: RollupHook[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AnalyticsRepository,
    private readonly agents: AgentsRepository,
    private readonly teams: TeamsRepository,
    private readonly events: EvaluationEvents,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    // Coalesced by agent-day: while one refresh of a day waits, more changes of that day add
    // no job (40 evaluations of one agent-day: one or two refreshes, not 40).
    this.jobs.define(
      ANALYTICS_REFRESH,
      { policy: 'short', retryLimit: 7, retryDelay: 2, concurrency: 2 },
      (data, manager) => this.runRefresh(data, manager),
    );
    this.events.onScored((event, manager) => this.onScored(event, manager));
  }

  /** Registers another roll-up for the refresh job and the rebuild. */
  addRollup(hook: RollupHook): void {
    this.rollups.push(hook);
  }

  /** An empty roll-up beside existing evaluations (first start after an upgrade): build it. */
  async onApplicationBootstrap(): Promise<void> {
    if (!(await this.repository.needsRebuild())) return;
    this.logger.log('criterion_stats is empty: building it in the background');
    void this.rebuild()
      .then((rows) => this.logger.log(`criterion_stats built: ${rows} rows`))
      .catch((e: unknown) => this.logger.error(`criterion_stats build failed: ${String(e)}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.rebuilding?.catch(() => undefined);
  }

  /**
   * From the outbox, in its transaction: the refresh of the agent-day is owed. On PostgreSQL a
   * pg-boss job written in that transaction (so it exists exactly when the row is done), run by
   * a worker soon after; on SQLite it runs right here, as before. A refresh is idempotent (it
   * recomputes the day).
   */
  private async onScored(event: EvaluationScored, manager: EntityManager): Promise<void> {
    const at = await this.repository.agentDayOf(event.interactionId, manager);
    if (!at) return;
    await this.jobs.send(ANALYTICS_REFRESH, at, { key: `${at.agentId}:${at.day}`, manager });
  }

  /**
   * Calls just written (an import, in its transaction): the refresh of their agent-days is owed
   * too, so that the outcome roll-ups count a call before (or without) any evaluation of it.
   */
  async callsAdded(manager: EntityManager, interactionIds: readonly number[]): Promise<void> {
    const owed = new Map<string, { agentId: number; day: string }>();
    for (const id of interactionIds) {
      const at = await this.repository.agentDayOf(id, manager);
      if (at) owed.set(`${at.agentId}:${at.day}`, at);
    }
    for (const [key, at] of owed) await this.jobs.send(ANALYTICS_REFRESH, at, { key, manager });
  }

  private async runRefresh(data: JobData, manager?: EntityManager): Promise<void> {
    const { agentId, day } = data;
    if (typeof agentId !== 'number' || typeof day !== 'string') {
      throw new Error(`${ANALYTICS_REFRESH}: not an agent-day: ${JSON.stringify(data)}`);
    }
    if (manager) await this.refreshIn(manager, agentId, day);
    else await this.refresh(agentId, day);
  }

  /** Recomputes one agent-day of the roll-up from the answers, in one transaction. */
  async refresh(agentId: number, day: string): Promise<void> {
    // After a rebuild that is running, so that its delete-all cannot undo this refresh.
    await this.rebuilding?.catch(() => undefined);
    await transaction(this.dataSource, (manager) => this.refreshIn(manager, agentId, day));
  }

  /**
   * Several instances: one refresh of an agent-day at a time, none during a rebuild (on SQLite
   * transactions are queued, so a rebuild and a refresh never overlap either).
   */
  private async refreshIn(manager: EntityManager, agentId: number, day: string): Promise<void> {
    await advisoryXactLock(manager, 'criterion_stats', 'shared');
    await advisoryXactLock(manager, `criterion_stats:${agentId}:${day}`);
    await this.repository.refresh(manager, agentId, day);
    for (const rollup of this.rollups) await rollup.refresh(manager, agentId, day);
  }

  /** Recomputes the whole roll-up; returns its number of rows. Joins a rebuild already running. */
  rebuild(): Promise<number> {
    this.rebuilding ??= transaction(this.dataSource, async (manager) => {
      await advisoryXactLock(manager, 'criterion_stats');
      const rows = await this.repository.rebuild(manager);
      for (const rollup of this.rollups) await rollup.rebuild(manager);
      return rows;
    }).finally(() => (this.rebuilding = null));
    return this.rebuilding;
  }

  // -- the agent profile -------------------------------------------------------------------

  async agentProfile(
    actor: Actor,
    agentId: number,
    options: ProfileOptions = {},
  ): Promise<AgentProfile> {
    return this.profileOf(await this.visibleAgent(actor, { id: agentId }), options);
  }

  async agentProfileByExternalId(
    actor: Actor,
    externalId: string,
    options: ProfileOptions = {},
  ): Promise<AgentProfile> {
    return this.profileOf(await this.visibleAgent(actor, { externalId }), options);
  }

  private async visibleAgent(
    actor: Actor,
    where: { id: number } | { externalId: string },
  ): Promise<Agent> {
    const agent = await this.agents.findVisible(actor, where);
    if (!agent) throw new NotFoundError('agent', 'id' in where ? where.id : where.externalId);
    return agent;
  }

  private async profileOf(agent: Agent, options: ProfileOptions): Promise<AgentProfile> {
    const period = resolvePeriod(options);
    const scorecardKey = options.scorecardKey || null;
    const minSample = options.minSample ?? DEFAULT_MIN_SAMPLE;
    if (!Number.isInteger(minSample) || minSample < 1) {
      throw new InputError('minSample', 'give a whole number of at least 1');
    }
    const definitions = await this.definitions();
    if (scorecardKey && !definitions.has(scorecardKey)) {
      throw new InputError('scorecard', `no scorecard "${scorecardKey}"`);
    }
    const team = agent.teamId === null ? null : [agent.teamId];
    const includeAbusive = options.includeAbusive ?? false;
    const [agentCounts, teamCounts, rows, answers, agreementRows] = await Promise.all([
      this.repository.counts({ agentId: agent.id }, period, { scorecardKey, includeAbusive }),
      this.repository.counts({ teamIds: team }, period, {
        scorecardKey,
        source: 'human',
        includeAbusive,
      }),
      this.repository.evaluations(agent.id, period, includeAbusive),
      this.repository.answerCounts(agent.id, period, { scorecardKey, includeAbusive }),
      this.repository.agreement(agent.id, period, { scorecardKey, includeAbusive }),
    ]);
    const calls = callFacts(rows);
    const facts = evaluationFacts(rows, answers, scorecardKey);
    const human = facts.filter((f) => f.source === 'human');
    const auto = facts.filter((f) => f.source === 'auto');
    const criteria = criterionRows(definitions, scorecardKey, agentCounts, teamCounts);
    const inScope = new Set(facts.map((f) => f.interactionId));
    return {
      agent: {
        id: agent.id,
        externalId: agent.externalId,
        name: agent.name,
        teamId: agent.teamId,
        teamName: agent.team?.name ?? null,
      },
      period,
      scorecardKey,
      evaluations: { human: human.length, auto: auto.length },
      averageScore: {
        human: averageOf(human.map((e) => e.overallScore)),
        auto: averageOf(auto.map((e) => e.overallScore)),
      },
      trend: trend(calls, human, period),
      sections: sectionRows(criteria, definitions),
      criteria,
      ...weakestAndStrongest(criteria, minSample),
      minSample,
      clusters: clusters(calls, human, minSample),
      metrics: callMetrics([...calls.values()].filter((c) => inScope.has(c.interactionId))),
      agreement: agreement(agreementRows),
      comparedWith: team === null ? 'everyone' : 'team',
      includeAbusive,
    };
  }

  /**
   * The current version of every scorecard, by key. Versions never change once written, so
   * their parsed definitions are kept by version id; only a new version is read again.
   */
  async definitions(): Promise<Map<string, ScorecardDefinition>> {
    const current = await this.repository.currentScorecards();
    const missing = current.map((s) => s.versionId).filter((id) => !this.versions.has(id));
    for (const [id, definition] of await this.repository.definitions(missing)) {
      this.versions.set(id, definition);
    }
    return new Map(
      current
        .filter((s) => this.versions.has(s.versionId))
        .map((s) => [s.key, this.versions.get(s.versionId)!]),
    );
  }

  /** The scorecards to choose from on the pages. */
  async scorecardChoices(): Promise<{ key: string; name: string }[]> {
    return (await this.repository.currentScorecards()).map(({ key, name }) => ({ key, name }));
  }

  // -- the calls behind a number -----------------------------------------------------------

  async calls(actor: Actor, externalId: string, query: CallsQueryDto): Promise<CallsList> {
    const agent = await this.visibleAgent(actor, { externalId });
    const period = resolvePeriod(query);
    const source: Source = query.source ?? 'human';
    const scorecardKey = query.scorecard || null;
    const definitions = await this.definitions();
    const criterionKeys = criterionKeysOf(definitions, query, scorecardKey);
    const includeAbusive = query.abusive === 'include';
    const [rows, answers, agreementRows] = await Promise.all([
      this.repository.evaluations(agent.id, period, includeAbusive),
      this.repository.answerCounts(agent.id, period, {
        scorecardKey,
        criterionKeys,
        source,
        includeAbusive,
      }),
      query.result === 'disagree'
        ? this.repository.agreement(agent.id, period, {
            scorecardKey,
            criterionKeys,
            includeAbusive,
          })
        : Promise.resolve([]),
    ]);
    const listed = listedCalls({
      query,
      source,
      scorecardKey,
      criterionKeys,
      rows,
      answers,
      agreementRows,
    });
    const pageSize = query.pageSize ?? 25;
    const pages = Math.max(1, Math.ceil(listed.length / pageSize));
    const page = Math.min(query.page ?? 1, pages);
    return {
      agent: { externalId: agent.externalId, name: agent.name },
      period,
      source,
      criterionKeys: criterionKeys ?? null,
      labels: labelsOf(definitions, query, scorecardKey),
      page: pageOf(
        listed.slice((page - 1) * pageSize, page * pageSize),
        listed.length,
        page,
        pageSize,
      ),
      totals: callTotals(listed),
    };
  }

  // -- the team view -----------------------------------------------------------------------

  async teamHeatMap(actor: Actor, options: HeatMapOptions = {}): Promise<HeatMap> {
    const period = resolvePeriod(options);
    const visible = await this.teams.visibleTo(actor);
    const teams = options.teamId ? visible.filter((t) => t.id === options.teamId) : visible;
    if (options.teamId && teams.length === 0) throw new NotFoundError('team', options.teamId);
    const teamIds = teams.map((t) => t.id);
    const definitions = await this.definitions();
    const asked = options.scorecardKey || null;
    if (asked && !definitions.has(asked)) {
      throw new InputError('scorecard', `no scorecard "${asked}"`);
    }
    const includeAbusive = options.includeAbusive ?? false;
    const allCells = await this.repository.cells(teamIds, period, asked, includeAbusive);
    // Without a choice, the scorecard with the most human answers (else the first).
    const scorecardKey =
      asked ?? busiestScorecard(allCells) ?? [...definitions.keys()].sort()[0] ?? null;
    const cells = allCells.filter((c) => c.scorecardKey === scorecardKey);
    const [agents, days] = await Promise.all([
      this.agents.ofTeams(teamIds),
      scorecardKey
        ? this.repository.days(teamIds, period, scorecardKey, includeAbusive)
        : Promise.resolve([]),
    ]);
    // Agents who moved away still have rows under this team for the days they were in it.
    const missing = [...new Set(cells.map((c) => c.agentId))].filter(
      (id) => !agents.some((a) => a.id === id),
    );
    const moved = await this.agents.byIds(missing);
    const teamName = new Map(visible.map((t) => [t.id, t.name]));
    return buildHeatMap({
      period,
      scorecardKey,
      definition: scorecardKey ? (definitions.get(scorecardKey) ?? null) : null,
      teams: visible.map((t) => ({ id: t.id, name: t.name })),
      teamId: options.teamId ?? null,
      agents: [...agents, ...moved].map((a) => ({
        id: a.id,
        externalId: a.externalId,
        name: a.name,
        teamId: a.teamId,
        teamName: a.teamId === null ? null : (teamName.get(a.teamId) ?? null),
      })),
      cells,
      days,
      sort: { by: options.sort, dir: options.dir },
    });
  }
}
