/**
 * Stores the generated demo contact center: teams, agents, demo users, calls and a set of
 * submitted evaluations whose answers follow what the agent did on each call.
 */
import { withAdvisoryLock } from '../database/advisory-lock';
import { transaction } from '../database/transaction';
import { DataSource } from 'typeorm';
import { AgentsService } from '../agents/agents.service';
import type { Actor } from '../common/current-user';
import { DemoCall, generateDemoContactCenter } from '../demo/demo-data';
import { EvaluationsService } from '../evaluations/evaluations.service';
import { ImportService } from '../imports/import.service';
import { Interaction } from '../interactions/entities/interaction.entity';
import { ScorecardsService } from '../scorecards/scorecards.service';
import type { CriterionDefinition, ScorecardDefinition } from '../scorecards/scorecard-definition';
import { scaleRange } from '../scoring/score-formula';
import { UserInput, UsersService } from '../users/users.service';

/** The password of every demo user (README lists them). */
export const DEMO_PASSWORD = 'qa-demo-2026';

export interface DemoSummary {
  calls: number;
  imported: number;
  evaluations: number;
  skipped: boolean;
}

export class DemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agents: AgentsService,
    private readonly imports: ImportService,
    private readonly scorecards: ScorecardsService,
    private readonly evaluations: EvaluationsService,
    private readonly users: UsersService,
  ) {}

  /**
   * Loads the demo once. `npm run demo` run by several machines at once on one PostgreSQL
   * database takes turns (advisory lock): the first loads it, the others find it there.
   */
  seed(options: { calls?: number; evaluateEvery?: number; onProgress?: (n: number) => void }) {
    return withAdvisoryLock(this.dataSource, 'demo-seed', () => this.seedOnce(options));
  }

  private async seedOnce(options: {
    calls?: number;
    evaluateEvery?: number;
    onProgress?: (n: number) => void;
  }): Promise<DemoSummary> {
    const center = generateDemoContactCenter({ calls: options.calls ?? 200 });
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
    const users = await this.seedUsers(center.teams.map((t) => t.name));
    const already = await this.dataSource.getRepository(Interaction).countBy({ source: 'demo' });
    if (already > 0) return { calls: already, imported: 0, evaluations: 0, skipped: true };
    const evaluator = users.find((u) => u.role === 'evaluator')!;
    let imported = 0;
    let evaluated = 0;
    const every = options.evaluateEvery ?? 4;
    for (const [i, call] of center.calls.entries()) {
      const outcome = await this.imports.store(
        `${call.transcript.meta.externalId}.json`,
        call.transcript,
      );
      if (outcome.status === 'imported') {
        imported++;
        if (i % every === 0 && (await this.evaluate(evaluator, outcome.interactionId, call)))
          evaluated++;
      }
      options.onProgress?.(i + 1);
    }
    return { calls: center.calls.length, imported, evaluations: evaluated, skipped: false };
  }

  /**
   * Demo users for every role, all with DEMO_PASSWORD: the two team leads lead the two teams,
   * the agent users are. Existing users keep their role; one without a password
   * (from before sign-in existed) gets the demo password.
   */
  private async seedUsers(teams: string[]): Promise<Actor[]> {
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
      { email: 'agent1@demo.local', name: 'A-001', role: 'agent', agentExternalId: 'A-001' },
      { email: 'agent5@demo.local', name: 'A-005', role: 'agent', agentExternalId: 'A-005' },
    ];
    const actors: Actor[] = [];
    for (const person of people) {
      const existing = await this.users.findWithPassword(person.email);
      const user = existing
        ? await this.users.get(existing.id)
        : await this.users.create(null, { ...person, password: DEMO_PASSWORD });
      if (existing && !existing.passwordHash) {
        await this.users.setPassword(null, existing.id, DEMO_PASSWORD);
      }
      const actor = await this.users.actorFor(user.id);
      if (actor) actors.push(actor);
    }
    return actors;
  }

  private async evaluate(actor: Actor, interactionId: number, call: DemoCall): Promise<boolean> {
    const { channel, language } = call.transcript.meta;
    const key = `${channel ?? 'voice'}-${language ?? 'ko'}`;
    const version = await this.scorecards.current(key).catch(() => null);
    if (!version) return false;
    const draft = await this.evaluations.create(actor, { interactionId, scorecardKey: key });
    const answers = demoAnswers(version.definition, call.behaviour, interactionId);
    await this.evaluations.submit(actor, draft.id, { version: draft.version, answers });
    return true;
  }
}

/** What an evaluator would answer for the behaviour the generator put into the call. */
export function demoAnswers(
  definition: ScorecardDefinition,
  behaviour: Record<string, boolean | null>,
  salt: number,
) {
  return definition.sections
    .flatMap((s) => s.criteria)
    .map((c) => {
      const did = behaviour[c.key];
      if (did === null || did === undefined) {
        return c.naAllowed ? { key: c.key, na: true } : { key: c.key, value: good(c, salt) };
      }
      return { key: c.key, value: did ? good(c, salt) : bad(c) };
    });
}

function good(c: CriterionDefinition, salt: number): number {
  const { max } = scaleRange(c.scale);
  return c.scale.type === 'yes_no' ? 1 : max - (salt % 2);
}

function bad(c: CriterionDefinition): number {
  const { min, max } = scaleRange(c.scale);
  return c.scale.type === 'points' ? Math.floor(max / 3) : c.scale.type === 'rating' ? 2 : min;
}
