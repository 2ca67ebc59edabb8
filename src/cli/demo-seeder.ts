/**
 * Stores the generated demo contact center: teams, agents, a user for every role and every
 * agent, 12 weeks of calls, and what a QA team has done with them by today: the calls before
 * this week scored by the two evaluators, calibration sessions, disputes, an earlier coaching
 * plan, the default sampling rules and this week's queue (./demo-activity.ts).
 */
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgentsService } from '../agents/agents.service';
import { AutoQaService } from '../autoqa/autoqa.service';
import { CalibrationService } from '../calibration/calibration.service';
import { CoachingService } from '../coaching/coaching.service';
import type { Actor } from '../common/current-user';
import { withAdvisoryLock } from '../database/advisory-lock';
import { transaction } from '../database/transaction';
import {
  DEMO_EXPERIMENT,
  DemoCall,
  DemoContactCenter,
  generateDemoContactCenter,
} from '../demo/demo-data';
import { DisputesService } from '../disputes/disputes.service';
import { ExperimentsService } from '../experiments/experiments.service';
import { EvaluationsService } from '../evaluations/evaluations.service';
import { ImportService } from '../imports/import.service';
import { InteractionsRepository } from '../interactions/interactions.repository';
import { SamplingService } from '../queue/sampling.service';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { UserInput, UsersService } from '../users/users.service';
import { demoAnswers } from './demo-answers';
import { DemoActivity, DemoPeople, ScoredCall } from './demo-activity';

/** The password of every demo user (README lists them). */
export const DEMO_PASSWORD = 'qa-demo-2026';

/** Calls of the last week are left for the queue; older ones were scored by the evaluators. */
const UNSCORED_DAYS = 7;
const DAY_MS = 86_400_000;

export interface DemoSummary {
  calls: number;
  imported: number;
  evaluations: number;
  /** Calls the default sampling rules put in the work queue. */
  queued: number;
  calibrations: number;
  disputes: number;
  skipped: boolean;
}

export interface DemoOptions {
  calls?: number;
  /** The demo's today (default: now): its calls are the 12 weeks before. */
  now?: Date;
  onProgress?: (n: number) => void;
}

export class DemoSeeder {
  private readonly dataSource: DataSource;
  private readonly agents: AgentsService;
  private readonly imports: ImportService;
  private readonly scorecards: ScorecardsService;
  private readonly evaluations: EvaluationsService;
  private readonly users: UsersService;
  private readonly autoQa: AutoQaService;
  private readonly activity: DemoActivity;
  private readonly experiments: ExperimentsService;
  private readonly interactions: InteractionsRepository;

  constructor(app: INestApplicationContext) {
    this.dataSource = app.get<DataSource>(getDataSourceToken());
    this.agents = app.get(AgentsService);
    this.imports = app.get(ImportService);
    this.scorecards = app.get(ScorecardsService);
    this.evaluations = app.get(EvaluationsService);
    this.users = app.get(UsersService);
    this.autoQa = app.get(AutoQaService);
    this.experiments = app.get(ExperimentsService);
    this.interactions = app.get(InteractionsRepository);
    this.activity = new DemoActivity(
      app.get(SamplingService),
      this.evaluations,
      this.scorecards,
      app.get(CalibrationService),
      app.get(DisputesService),
      app.get(CoachingService),
    );
  }

  /**
   * Loads the demo once. `npm run demo` run by several machines at once on one PostgreSQL
   * database takes turns (advisory lock): the first loads it, the others find it there.
   */
  seed(options: DemoOptions) {
    return withAdvisoryLock(this.dataSource, 'demo-seed', () => this.seedOnce(options));
  }

  private async seedOnce(options: DemoOptions): Promise<DemoSummary> {
    const now = options.now ?? new Date();
    const center = generateDemoContactCenter({
      calls: options.calls ?? 200,
      now: now.toISOString(),
    });
    await transaction(this.dataSource, async (manager) => {
      for (const team of center.teams) {
        await this.agents.findOrCreateTeam(manager, team.name, team.leadName);
      }
      for (const agent of center.agents) {
        await this.agents.findOrCreate(manager, {
          externalId: agent.externalId,
          name: agent.name,
          teamName: agent.team,
        });
      }
    });
    const people = await this.seedUsers(center);
    const already = await this.interactions.countFromSource('demo');
    const summary = { calls: already, imported: 0, evaluations: 0, queued: 0 };
    if (already > 0) return { ...summary, calibrations: 0, disputes: 0, skipped: true };
    const imported: { id: number; call: DemoCall }[] = [];
    for (const [i, call] of center.calls.entries()) {
      const outcome = await this.imports.store(
        `${call.transcript.meta.externalId}.json`,
        call.transcript,
      );
      if (outcome.status === 'imported') imported.push({ id: outcome.interactionId, call });
      options.onProgress?.(i + 1);
    }
    // Auto-QA first: the critical-fail rule samples from its results.
    await this.autoQa.drain();
    const cutoff = now.getTime() - UNSCORED_DAYS * DAY_MS;
    const scored: ScoredCall[] = [];
    for (const [i, { id, call }] of imported.entries()) {
      const startedAt = Date.parse(call.transcript.meta.startedAt!);
      if (startedAt >= cutoff) continue;
      const evaluator = people.evaluators[i % people.evaluators.length];
      const done = await this.evaluate(evaluator, id, call);
      if (done) scored.push({ ...done, startedAt });
    }
    const calibrations = await this.activity.calibrate(people, scored);
    const disputes = await this.activity.respond(people, scored);
    await this.activity.earlierPlan(people.leads[0], now);
    const queue = await this.activity.queueWork(people.admin, now);
    // The script A/B test over the demo's last weeks (metadata.script on those calls).
    await this.experiments.create(people.admin, {
      name: DEMO_EXPERIMENT.name,
      description: DEMO_EXPERIMENT.description,
      assignment: 'metadata',
      field: DEMO_EXPERIMENT.field,
      variants: DEMO_EXPERIMENT.variants.map((v) => ({ ...v })),
      scorecard: 'voice-ko',
      criteria: ['summary', 'anything_else'],
      from: new Date(now.getTime() - DEMO_EXPERIMENT.weeks * 7 * DAY_MS).toISOString().slice(0, 10),
      to: now.toISOString().slice(0, 10),
    });
    return {
      calls: center.calls.length,
      imported: imported.length,
      evaluations: scored.length,
      queued: queue.queued,
      calibrations,
      disputes,
      skipped: false,
    };
  }

  /**
   * Demo users for every role, all with DEMO_PASSWORD: the two team leads lead the two teams,
   * agentN@demo.local is A-00N. Existing users keep their role; one without a password (from
   * before sign-in existed) gets the demo password.
   */
  private async seedUsers(center: DemoContactCenter): Promise<DemoPeople> {
    const teams = center.teams.map((t) => t.name);
    const people: UserInput[] = [
      { email: 'admin@demo.local', name: '관리자 (QA Manager)', role: 'admin' },
      { email: 'evaluator@demo.local', name: '박평가 (QA Evaluator)', role: 'evaluator' },
      { email: 'evaluator2@demo.local', name: 'Emma Evans (QA Evaluator)', role: 'evaluator' },
      {
        email: 'lead1@demo.local',
        name: '강은지 (상담 1팀장)',
        role: 'team_lead',
        teams: [teams[0]],
      },
      {
        email: 'lead2@demo.local',
        name: '오성민 (상담 2팀장)',
        role: 'team_lead',
        teams: [teams[1]],
      },
      ...center.agents.map((a): UserInput => ({
        email: `agent${Number(a.externalId.slice(2))}@demo.local`,
        name: `${a.name} (${a.externalId})`,
        role: 'agent',
        agentExternalId: a.externalId,
      })),
    ];
    const demo: DemoPeople = { admin: null!, evaluators: [], leads: [], agents: new Map() };
    for (const person of people) {
      const existing = await this.users.findWithPassword(person.email);
      const user = existing
        ? await this.users.get(existing.id)
        : await this.users.create(null, { ...person, password: DEMO_PASSWORD });
      if (existing && !existing.passwordHash) {
        await this.users.setPassword(null, existing.id, DEMO_PASSWORD);
      }
      const actor = await this.users.actorFor(user.id);
      if (!actor) continue;
      if (actor.role === 'admin') demo.admin = actor;
      if (actor.role === 'evaluator') demo.evaluators.push(actor);
      if (actor.role === 'team_lead') demo.leads.push(actor);
      if (actor.role === 'agent' && person.agentExternalId)
        demo.agents.set(person.agentExternalId, actor);
    }
    return demo;
  }

  private async evaluate(
    actor: Actor,
    interactionId: number,
    call: DemoCall,
  ): Promise<Omit<ScoredCall, 'startedAt'> | null> {
    const { channel, language, agentExternalId } = call.transcript.meta;
    const key = `${channel ?? 'voice'}-${language ?? 'ko'}`;
    const version = await this.scorecards.current(key).catch(() => null);
    if (!version) return null;
    const draft = await this.evaluations.create(actor, { interactionId, scorecardKey: key });
    const answers = demoAnswers(version.definition, call.behaviour, interactionId);
    await this.evaluations.submit(actor, draft.id, { version: draft.version, answers });
    return {
      interactionId,
      evaluationId: draft.id,
      agentExternalId: agentExternalId!,
      scorecardKey: key,
      behaviour: call.behaviour,
    };
  }
}
