import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgentsService } from '../agents/agents.service';
import { Allow } from '../auth/access.guard';
import { COACHES, STAFF } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { FormBody, type FormFields } from '../common/form-body';
import { formInput } from '../common/form-input';
import { SetTeamFocusDto } from './dto/set-team-focus.dto';
import { TeamFocusService } from './team-focus.service';

/** A team's weekly focus: read it (API), confirm or change it (API and the chats page's form). */
@ApiTags('analytics')
@Controller()
export class TeamFocusController {
  constructor(
    private readonly focus: TeamFocusService,
    private readonly agents: AgentsService,
  ) {}

  @Get('api/analytics/team-focus')
  @Allow(STAFF)
  @ApiOperation({
    summary: "Teams' confirmed weekly focus, newest week first (team leads: their teams)",
  })
  @ApiQuery({ name: 'team', required: false, type: Number })
  async list(@CurrentUser() actor: Actor, @Query('team') team?: string) {
    const visible =
      actor.role === 'team_lead' ? actor.teamIds : (await this.agents.listTeams()).map((t) => t.id);
    const wanted = team ? visible.filter((id) => id === Number(team)) : visible;
    return this.focus.ofTeams(wanted);
  }

  @Post('api/analytics/team-focus')
  @Allow(COACHES)
  @ApiOperation({
    summary:
      "Confirm or change a team's weekly focus (its lead or an admin); audited. 400 naming the field, 403 for another team",
  })
  set(@CurrentUser() actor: Actor, @Body() dto: SetTeamFocusDto) {
    return this.focus.set(actor, dto);
  }

  @Post('analytics/chats/focus')
  @Allow(COACHES)
  @ApiExcludeEndpoint()
  async setFromPage(
    @CurrentUser() actor: Actor,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    const dto = formInput(SetTeamFocusDto, body);
    await this.focus.set(actor, dto);
    const back = new URLSearchParams({ team: String(dto.team) });
    if (dto.from) back.set('from', dto.from);
    if (dto.to) back.set('to', dto.to);
    res.redirect(303, `/analytics/chats?${back.toString()}#focus-${dto.team}-${dto.week}`);
  }
}
