import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgentsService } from '../agents/agents.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/current-user';
import { ForbiddenError, InputError, NotFoundError } from '../common/errors';
import { isoWeekStart } from '../common/iso-week';
import { transaction } from '../database/transaction';
import { ScorecardsService } from '../scorecards/scorecards.service';
import type { SetTeamFocusDto } from './dto/set-team-focus.dto';
import type { TeamFocus } from './entities/team-focus.entity';
import { TeamFocusRepository } from './team-focus.repository';

/** A focus as the pages show it: the criterion's label from the current scorecard. */
export type TeamFocusView = TeamFocus & { criterionLabel: string };

/** Who may set a team's focus: an admin, or a lead of that team. */
export function maySetFocus(actor: Actor, teamId: number): boolean {
  return actor.role === 'admin' || (actor.role === 'team_lead' && actor.teamIds.includes(teamId));
}

/** Teams' weekly focus: stored when a lead confirms or changes it, audited. */
@Injectable()
export class TeamFocusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: TeamFocusRepository,
    private readonly scorecards: ScorecardsService,
    private readonly agents: AgentsService,
    private readonly audit: AuditService,
  ) {}

  /** The stored focuses of these teams, newest week first, with the criteria's labels. */
  async ofTeams(teamIds: number[]): Promise<TeamFocusView[]> {
    const rows = await this.repository.ofTeams(teamIds);
    const labels = new Map<string, Map<string, string>>();
    for (const key of new Set(rows.map((r) => r.scorecardKey))) {
      labels.set(key, await this.criteriaOf(key).catch(() => new Map<string, string>()));
    }
    return rows.map((r) => ({
      ...r,
      criterionLabel: labels.get(r.scorecardKey)?.get(r.criterionKey) ?? r.criterionKey,
    }));
  }

  /** Criterion key → label of the scorecard's current version. */
  async criteriaOf(scorecardKey: string): Promise<Map<string, string>> {
    const version = await this.scorecards.current(scorecardKey);
    return new Map(
      version.definition.sections.flatMap((s) => s.criteria.map((c) => [c.key, c.label])),
    );
  }

  async set(actor: Actor, dto: SetTeamFocusDto): Promise<TeamFocus> {
    if (isoWeekStart(dto.week) === null)
      throw new InputError('week', `${dto.week} is not an ISO week`);
    const team = (await this.agents.listTeams()).find((t) => t.id === dto.team);
    if (!team) throw new InputError('team', `no team ${dto.team}`);
    if (!maySetFocus(actor, dto.team)) {
      throw new ForbiddenError(`only a lead of ${team.name} or an admin sets its weekly focus`, {
        key: 'error.forbidden.teamFocus',
        params: { team: team.name },
      });
    }
    let criteria: Map<string, string>;
    try {
      criteria = await this.criteriaOf(dto.scorecard);
    } catch (e) {
      if (e instanceof NotFoundError)
        throw new InputError('scorecard', `no scorecard "${dto.scorecard}"`);
      throw e;
    }
    if (!criteria.has(dto.criterion)) {
      throw new InputError(
        'criterion',
        `"${dto.criterion}" is not a criterion of ${dto.scorecard}`,
      );
    }
    return transaction(this.dataSource, async (manager) => {
      const before = await this.repository.one(dto.team, dto.week, manager);
      const saved = await this.repository.save(
        {
          ...(before ? { id: before.id } : {}),
          teamId: dto.team,
          week: dto.week,
          scorecardKey: dto.scorecard,
          criterionKey: dto.criterion,
          suggestedCriterionKey: dto.suggested || null,
          setById: actor.id,
          setByName: actor.name,
        },
        manager,
      );
      const shown = (f: TeamFocus | null) =>
        f && {
          scorecard: f.scorecardKey,
          criterion: f.criterionKey,
          suggested: f.suggestedCriterionKey,
        };
      await this.audit.record(manager, actor, {
        action: 'team_focus.set',
        entityType: 'team_focus',
        entityId: `${dto.team}:${dto.week}`,
        before: shown(before),
        after: shown(saved),
      });
      return saved;
    });
  }
}
