import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow } from '../auth/access.guard';
import { AGENTS, EVERYONE, STAFF } from '../auth/roles';
import { AgentsService } from '../agents/agents.service';
import { Actor, CurrentUser } from '../common/current-user';
import { NotFoundError } from '../common/errors';
import { AnalyticsService } from './analytics.service';
import { sendCsv, wantsCsv, withFallback } from './report-response';
import { CallsQueryDto, HeatMapQueryDto, ProfileQueryDto } from './dto/analytics-query.dto';
import { callsCsv, callsPage } from './views/calls-page';
import { profileCsv } from './views/profile-csv';
import { profilePage } from './views/profile-page';
import { teamCsv, teamPage } from './views/team-page';
import { languageOf } from '../common/i18n/lang';
import { TeamFocusService } from '../team-focus/team-focus.service';

/**
 * The team view, the agent profile and the calls behind a number. Each page's tables also come
 * as CSV: the same URL with `.csv` (or `?format=csv`), `table=` naming which one.
 */
@ApiExcludeController()
@Controller()
export class AnalyticsPagesController {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly agents: AgentsService,
    private readonly teamFocus: TeamFocusService,
  ) {}

  /** An agent's own patterns: their profile page. */
  @Get('my/profile')
  @Allow(AGENTS)
  async myProfile(@CurrentUser() actor: Actor, @Res() res: Response) {
    const agent = actor.agentId ? await this.agents.byId(actor.agentId) : null;
    if (!agent) throw new NotFoundError('agent record of user', actor.email);
    res.redirect(303, `/analytics/agents/${encodeURIComponent(agent.externalId)}`);
  }

  @Get(['analytics.csv', 'analytics'])
  @Allow(STAFF)
  async team(
    @CurrentUser() actor: Actor,
    @Query() query: HeatMapQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const lang = languageOf(res);
    const options = {
      teamId: query.team,
      from: query.from,
      to: query.to,
      scorecardKey: query.scorecard,
      sort: query.sort,
      dir: query.dir,
      includeAbusive: query.abusive === 'include',
    };
    if (wantsCsv(req, query.format)) {
      const heat = await this.analytics.teamHeatMap(actor, options);
      return sendCsv(res, teamCsv(heat, query.table ?? 'heatmap', lang));
    }
    const { result: heat, error } = await withFallback(
      () => this.analytics.teamHeatMap(actor, options),
      () =>
        this.analytics.teamHeatMap(actor, {
          teamId: query.team,
          includeAbusive: options.includeAbusive,
        }),
      lang,
    );
    // A bad filter is a 400 like a refused form, with the page for the defaults beside it.
    res.status(error ? 400 : 200).render('analytics/team', {
      ...teamPage(heat, lang, await this.scorecardList(), options.includeAbusive),
      teamFocus: await this.focusOf(actor, query.team),
      error,
    });
  }

  @Get(['analytics/agents/:externalId.csv', 'analytics/agents/:externalId'])
  @Allow(EVERYONE)
  async profile(
    @CurrentUser() actor: Actor,
    @Param('externalId') externalId: string,
    @Query() query: ProfileQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const lang = languageOf(res);
    const options = {
      from: query.from,
      to: query.to,
      scorecardKey: query.scorecard,
      minSample: query.minSample,
      includeAbusive: query.abusive === 'include',
    };
    if (wantsCsv(req, query.format)) {
      const profile = await this.analytics.agentProfileByExternalId(actor, externalId, options);
      return sendCsv(res, profileCsv(profile, query.table ?? 'criteria', lang));
    }
    const { result: profile, error } = await withFallback(
      () => this.analytics.agentProfileByExternalId(actor, externalId, options),
      () => this.analytics.agentProfileByExternalId(actor, externalId),
      lang,
    );
    res.status(error ? 400 : 200).render('analytics/profile', {
      ...profilePage(profile, lang, await this.scorecardList()),
      error,
    });
  }

  @Get(['analytics/agents/:externalId/calls.csv', 'analytics/agents/:externalId/calls'])
  @Allow(EVERYONE)
  async calls(
    @CurrentUser() actor: Actor,
    @Param('externalId') externalId: string,
    @Query() query: CallsQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const lang = languageOf(res);
    if (wantsCsv(req, query.format)) {
      // The export holds every listed call, not one page of them.
      const all = await this.analytics.calls(actor, externalId, {
        ...query,
        page: 1,
        pageSize: Number.MAX_SAFE_INTEGER,
      });
      return sendCsv(res, callsCsv(all, lang));
    }
    const list = await this.analytics.calls(actor, externalId, query);
    res.render('analytics/calls', callsPage(list, query, lang));
  }

  /** The weekly focus the teams' leads confirmed, the last 8 (one team when one is chosen). */
  private async focusOf(actor: Actor, team: number | undefined) {
    const teams = await this.agents.listTeams();
    const visible = actor.role === 'team_lead' ? actor.teamIds : teams.map((t) => t.id);
    const ids = team ? visible.filter((id) => id === team) : visible;
    const name = new Map(teams.map((t) => [t.id, t.name]));
    return (await this.teamFocus.ofTeams(ids)).slice(0, 8).map((f) => ({
      ...f,
      team: name.get(f.teamId) ?? String(f.teamId),
      href: `/analytics/chats?team=${f.teamId}#focus-${f.teamId}-${f.week}`,
    }));
  }

  private scorecardList() {
    return this.analytics.scorecardChoices();
  }
}
