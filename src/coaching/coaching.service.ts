import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgentsService } from '../agents/agents.service';
import { Agent } from '../agents/entities/agent.entity';
import { AnalyticsService } from '../analytics/analytics.service';
import { resolvePeriod } from '../analytics/period';
import type { AgentProfile, CriterionRow } from '../analytics/profile.types';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { Actor } from '../common/current-user';
import { ForbiddenError, InputError, NotFoundError, StaleVersionError } from '../common/errors';
import { translate } from '../common/i18n/i18n';
import { Page, pageOf } from '../common/pagination';
import { transaction } from '../database/transaction';
import { NotificationsService } from '../notifications/notifications.service';
import type { CriterionDefinition } from '../scorecards/scorecard-definition';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { FILE_STORE, type FileStore } from '../storage/file-store';
import { UsersRepository } from '../users/users.repository';
import { CoachingMoments } from './coaching-moments';
import { CoachingRepository } from './coaching.repository';
import { CoachingPlan } from './entities/coaching-plan.entity';
import { selectFocus } from './focus-selection';
import {
  criterionRef,
  Excerpt,
  FocusItem,
  focusItem,
  generatePlan,
  PlanContent,
  withoutActionsOf,
} from './plan-content';
import { pdfKey, PlanPdfJobs } from './plan-pdf-jobs';

export interface PlanEdits {
  version: number;
  targetScore?: number | null;
  goalNote?: string;
  actions?: string[];
  followUpDate?: string;
  notes?: string;
  /**
   * Focus criterion key → target pass rate 0..1; keys left out are dropped from the plan, with
   * the actions suggested for them.
   */
  focusTargets?: Record<string, number>;
  /** A criterion of the plan's profile to add as a focus: `scorecardKey:key`. */
  addFocus?: string;
  /** Strength keys to keep. */
  strengths?: string[];
}

/** Who writes plans: admins and team leads (for their teams). */
const WRITERS = new Set(['admin', 'team_lead']);

@Injectable()
export class CoachingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly analytics: AnalyticsService,
    private readonly scorecards: ScorecardsService,
    private readonly repository: CoachingRepository,
    private readonly moments: CoachingMoments,
    private readonly audit: AuditService,
    private readonly pdfJobs: PlanPdfJobs,
    private readonly notifications: NotificationsService,
    private readonly agents: AgentsService,
    @Inject(FILE_STORE) private readonly files: FileStore,
    private readonly users: UsersRepository,
  ) {}

  /** Builds a draft plan from the agent's profile over the period. */
  async generate(
    actor: Actor,
    input: {
      agentExternalId: string;
      /** YYYY-MM-DD; missing: the default period (resolvePeriod). */
      from?: string;
      to?: string;
      scorecardKey?: string;
      lang?: string;
    },
  ): Promise<CoachingPlan> {
    this.mustWrite(actor);
    const period = resolvePeriod(input);
    // The profile is read with the actor's scope: an agent they do not coach is not found.
    const profile = await this.analytics
      .agentProfileByExternalId(actor, input.agentExternalId.trim(), {
        ...period,
        scorecardKey: input.scorecardKey || undefined,
      })
      .catch((e: unknown) => {
        if (!(e instanceof NotFoundError)) throw e;
        throw new InputError('agent', `no agent ${input.agentExternalId} that you coach`, {
          key: 'coaching.error.agentNotCoached',
          params: { agent: input.agentExternalId },
        });
      });
    const agent = profile.agent;
    const focus = selectFocus(profile.criteria, profile.minSample);
    const sources = await this.focusSources(
      agent,
      focus.map((f) => f.row),
      period,
    );
    const previous = await this.repository.previousPlan(agent.id, period);
    const lang = input.lang === 'en' ? 'en' : 'ko';
    const content = generatePlan({
      profile,
      focus,
      ...sources,
      previous: previous
        ? { id: previous.id, content: previous.content as unknown as PlanContent }
        : null,
      say: (key, params) => translate(lang, key, params),
    });
    const id = await transaction(this.dataSource, async (manager) => {
      const plan = await this.repository.insertPlan(manager, {
        agentId: agent.id,
        authorId: actor.id,
        periodFrom: period.from,
        periodTo: period.to,
        status: 'draft',
        content: { ...content, lang },
        profile: profile as unknown as Record<string, unknown>,
        previousPlanId: previous?.id ?? null,
        version: 1,
      });
      await this.audit.record(manager, actor, {
        action: 'coaching_plan.generated',
        entityType: 'coaching_plan',
        entityId: plan.id,
        after: { agent: agent.externalId, period, focus: content.focus.map((f) => f.key) },
      });
      return plan.id;
    });
    return this.get(actor, id);
  }

  /**
   * A plan the actor may see: writers their agents' plans; an agent their own shared plans; an
   * evaluator shared plans only (a draft stays with the team lead and admins).
   */
  async get(actor: Actor, id: number): Promise<CoachingPlan> {
    // A draft is the writer's until shared: team leads (their teams') and admins only.
    const plan = await this.repository.findPlan(actor, WRITERS.has(actor.role), id);
    if (!plan) throw new NotFoundError('coaching plan', id);
    return plan;
  }

  async list(actor: Actor, page = 1, pageSize = 25): Promise<Page<CoachingPlan>> {
    const [items, total] = await this.repository.pagePlans(
      actor,
      WRITERS.has(actor.role),
      page,
      pageSize,
    );
    return pageOf(items, total, page, pageSize);
  }

  async update(actor: Actor, id: number, edits: PlanEdits): Promise<CoachingPlan> {
    this.mustWrite(actor);
    const plan = await this.get(actor, id);
    const content = plan.content as unknown as PlanContent & { lang?: string };
    const lang = content.lang === 'en' ? 'en' : 'ko';
    const next: PlanContent = { ...content };
    // The target score (0–100) and the follow-up day are SavePlanDto's to check.
    if (edits.targetScore !== undefined) {
      next.goals = { ...next.goals, targetScore: edits.targetScore };
    }
    if (edits.goalNote !== undefined)
      next.goals = { ...next.goals, note: edits.goalNote.slice(0, 2000) };
    if (edits.actions)
      next.actions = edits.actions
        .map((a) => a.trim())
        .filter(Boolean)
        .slice(0, 20);
    if (edits.notes !== undefined) next.notes = edits.notes.slice(0, 5000);
    if (edits.followUpDate !== undefined) next.followUpDate = edits.followUpDate;
    if (edits.focusTargets) {
      const targets = edits.focusTargets;
      for (const [key, rate] of Object.entries(targets)) {
        if (!(rate >= 0 && rate <= 1))
          throw new InputError(`target_${key}`, 'must be between 0 and 100 %', {
            key: 'coaching.error.targetRange',
            params: { label: labelOf(content, key) },
          });
      }
      next.focus = content.focus
        .filter((f) => f.key in targets)
        .map((f) => ({ ...f, targetRate: targets[f.key] }));
      const removed = content.focus.filter((f) => !(f.key in targets));
      next.actions = withoutActionsOf(next.actions, removed);
    }
    if (edits.addFocus) {
      const added = await this.addedFocus(plan, next, edits.addFocus, lang);
      next.focus = [...next.focus, added];
      next.actions = [...next.actions, ...(added.actions ?? [])].slice(0, 20);
    }
    if ((edits.focusTargets || edits.addFocus) && next.focus.length === 0)
      throw new InputError('focus', 'keep at least one focus criterion', {
        key: 'coaching.error.keepFocus',
      });
    if (edits.strengths) {
      const keep = new Set(edits.strengths);
      next.strengths = content.strengths.filter((s) => keep.has(s.key));
    }
    await transaction(this.dataSource, async (manager) => {
      const replaced = await this.repository.replaceContent(
        manager,
        id,
        edits.version,
        next as unknown as Record<string, unknown>,
      );
      if (!replaced) {
        throw new StaleVersionError(`coaching plan ${id}`, edits.version, plan.version);
      }
      await this.audit.record(manager, actor, {
        action: 'coaching_plan.edited',
        entityType: 'coaching_plan',
        entityId: id,
        before: { version: plan.version },
        after: { version: edits.version + 1, focus: next.focus.map((f) => f.key) },
      });
    });
    return this.get(actor, id);
  }

  /** Shares the plan with the agent: renders and stores its PDF, and tells the agent. */
  async share(actor: Actor, id: number): Promise<CoachingPlan> {
    this.mustWrite(actor);
    const plan = await this.get(actor, id);
    const { file } = await this.storePdf(plan);
    await transaction(this.dataSource, async (manager) => {
      await this.repository.updatePlan(
        id,
        {
          status: 'shared',
          sharedAt: plan.sharedAt ?? new Date(),
          pdfFile: file,
          pdfAt: new Date(),
        },
        manager,
      );
      const agentUsers = await this.users.agentUsers(manager, plan.agentId);
      await this.notifications.notify(
        manager,
        agentUsers.map((u) => u.id),
        'coaching_plan_shared',
        { from: plan.periodFrom, to: plan.periodTo },
        `/coaching/${id}`,
      );
      await this.audit.record(manager, actor, {
        action: 'coaching_plan.shared',
        entityType: 'coaching_plan',
        entityId: id,
        after: { notified: agentUsers.map((u) => u.email) },
      });
    });
    return this.get(actor, id);
  }

  /**
   * The plan's PDF: the stored one when it is current, else rendered now and stored (in the
   * file store, so every instance serves the same bytes without rendering it again).
   */
  async pdfOf(actor: Actor, id: number): Promise<{ bytes: Buffer; name: string }> {
    const plan = await this.get(actor, id);
    const current =
      plan.pdfFile && plan.pdfAt && plan.pdfAt.getTime() >= plan.updatedAt.getTime() - 1000;
    let bytes = current ? await this.files.get(pdfKey(plan.pdfFile!)) : null;
    if (!bytes) {
      const stored = await this.storePdf(plan);
      bytes = stored.bytes;
      const file = stored.file;
      await this.repository.updatePlan(id, { pdfFile: file, pdfAt: new Date() });
    }
    return {
      bytes,
      name: `coaching-plan-${plan.agent?.externalId ?? plan.agentId}-${plan.periodFrom}-${plan.periodTo}.pdf`,
    };
  }

  /** Renders a plan to PDF bytes, in this process (CLI and bench use this directly). */
  renderPdf(plan: CoachingPlan): Promise<Buffer> {
    return this.pdfJobs.render(plan);
  }

  // ---- helpers ----

  /** Guidance, the agent's missed moments and a peer's good one for each focus criterion. */
  private async focusSources(
    agent: { id: number; teamId: number | null },
    rows: CriterionRow[],
    period: { from: string; to: string },
  ) {
    const criteria = new Map<string, CriterionDefinition>();
    const excerpts = new Map<string, Excerpt[]>();
    const exemplars = new Map<string, Excerpt | null>();
    for (const row of rows) {
      const ref = criterionRef(row.scorecardKey, row.key);
      const version = await this.scorecards.current(row.scorecardKey).catch(() => null);
      const definition = version?.definition.sections
        .flatMap((s) => s.criteria)
        .find((c) => c.key === row.key);
      if (definition) criteria.set(ref, definition);
      excerpts.set(ref, await this.moments.missed(agent.id, row.scorecardKey, row.key, period));
      exemplars.set(
        ref,
        await this.moments.exemplar(agent.id, agent.teamId, row.scorecardKey, row.key),
      );
    }
    return { criteria, excerpts, exemplars };
  }

  /** The team lead adds a criterion of the plan's profile as a focus (`scorecardKey:key`). */
  private async addedFocus(
    plan: CoachingPlan,
    next: PlanContent,
    ref: string,
    lang: 'ko' | 'en',
  ): Promise<FocusItem> {
    const profile = plan.profile as unknown as AgentProfile;
    const row = profile.criteria.find((c) => criterionRef(c.scorecardKey, c.key) === ref);
    if (!row)
      throw new InputError('addFocus', `${ref} is not a criterion of this plan's scorecards`, {
        key: 'coaching.error.unknownCriterion',
      });
    if (next.focus.some((f) => f.key === row.key))
      throw new InputError('addFocus', `${row.label} is already a focus criterion`, {
        key: 'coaching.error.alreadyFocus',
        params: { label: row.label },
      });
    const period = { from: plan.periodFrom, to: plan.periodTo };
    const agent = { id: plan.agentId, teamId: plan.agent?.teamId ?? null };
    const sources = await this.focusSources(agent, [row], period);
    return focusItem(row, 'lead', row.agentTotal - row.agentPassed, {
      ...sources,
      say: (key, params) => translate(lang, key, params),
    });
  }

  /**
   * The plan's PDF in the file store: rendered by a job (a worker's Chromium on PostgreSQL)
   * unless this version's is there already.
   */
  private storePdf(plan: CoachingPlan): Promise<{ file: string; bytes: Buffer }> {
    return this.pdfJobs.stored(plan);
  }

  /** Refuses anyone but a team lead or an admin (the feedback sessions ask too). */
  mustWrite(actor: Actor): void {
    if (!WRITERS.has(actor.role)) {
      throw new ForbiddenError('only team leads and admins write coaching plans', {
        key: 'error.forbidden.coachingPlans',
      });
    }
  }

  /** Every agent of a team the actor may coach (CLI: one plan per agent). */
  async teamAgents(actor: Actor, teamName: string): Promise<Agent[]> {
    const agents = (await this.agents.listAgents(actor)).filter((a) => a.team?.name === teamName);
    if (agents.length === 0)
      throw new InputError('team', `no agent of team ${teamName} that you coach`, {
        key: 'coaching.error.teamNotCoached',
        params: { team: teamName },
      });
    return agents;
  }
}

function labelOf(content: PlanContent, key: string): string {
  return content.focus.find((f) => f.key === key)?.label ?? key;
}
