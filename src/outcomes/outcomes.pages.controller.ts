import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { TeamsRepository } from '../agents/teams.repository';
import { sendCsv, wantsCsv, withFallback } from '../analytics/report-response';
import { Allow } from '../auth/access.guard';
import { EVERYONE, STAFF } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { languageOf } from '../common/i18n/lang';
import { ChatService } from './chat.service';
import { DriversService } from './drivers.service';
import { DriversQueryDto, KpiQueryDto, OutcomesPeriodDto } from './dto/outcomes-query.dto';
import { KpiService } from './kpi.service';
import { chatPage } from './views/chat-page';
import { driversCsv, driversPage } from './views/drivers-page';
import { kpiCsv, kpiPage } from './views/kpi-page';

/** The KPI and drivers pages; each table also as CSV (the same URL with `.csv`). */
@ApiExcludeController()
@Controller()
export class OutcomesPagesController {
  constructor(
    private readonly kpis: KpiService,
    private readonly driversService: DriversService,
    private readonly teams: TeamsRepository,
    private readonly chatService: ChatService,
  ) {}

  @Get(['analytics/kpis.csv', 'analytics/kpis'])
  @Allow(EVERYONE)
  async kpiPage(
    @CurrentUser() actor: Actor,
    @Query() query: KpiQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const lang = languageOf(res);
    const options = {
      from: query.from,
      to: query.to,
      by: query.by,
      teamId: query.team,
      agentExternalId: query.agent,
      fcr: query.fcr,
      repeatDays: query.repeatDays,
      scorecardKey: query.scorecard,
    };
    if (wantsCsv(req, query.format)) {
      return sendCsv(res, kpiCsv(await this.kpis.report(actor, options), lang));
    }
    const { result, error } = await withFallback(
      () => this.kpis.report(actor, options),
      () => this.kpis.report(actor, { by: query.by, agentExternalId: query.agent }),
      lang,
    );
    const teams = await this.teams.visibleTo(actor);
    res
      .status(error ? 400 : 200)
      .render('analytics/kpis', { ...kpiPage(result, lang, teams), error });
  }

  @Get(['analytics/drivers.csv', 'analytics/drivers'])
  @Allow(STAFF)
  async driversPage(
    @CurrentUser() actor: Actor,
    @Query() query: DriversQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const lang = languageOf(res);
    const outcome = query.outcome ?? 'csat';
    const options = {
      from: query.from,
      to: query.to,
      teamId: query.team,
      scorecardKey: query.scorecard,
    };
    if (wantsCsv(req, query.format)) {
      const report = await this.driversService.report(actor, options);
      return sendCsv(res, driversCsv(report, outcome, lang));
    }
    const { result, error } = await withFallback(
      () => this.driversService.report(actor, options),
      () => this.driversService.report(actor, {}),
      lang,
    );
    const teams = await this.teams.visibleTo(actor);
    res
      .status(error ? 400 : 200)
      .render('analytics/drivers', { ...driversPage(result, outcome, lang, teams), error });
  }

  @Get('analytics/chats')
  @Allow(STAFF)
  async chatPage(
    @CurrentUser() actor: Actor,
    @Query() query: OutcomesPeriodDto,
    @Res() res: Response,
  ) {
    const lang = languageOf(res);
    const { result, error } = await withFallback(
      () => this.chatService.report(actor, { from: query.from, to: query.to, teamId: query.team }),
      () => this.chatService.report(actor, { teamId: query.team }),
      lang,
    );
    const teams = await this.teams.visibleTo(actor);
    res
      .status(error ? 400 : 200)
      .render('analytics/chats', { ...chatPage(result, lang, teams), error });
  }
}
