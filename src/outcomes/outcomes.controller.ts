import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.guard';
import { EVERYONE, STAFF } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { ChatService } from './chat.service';
import { DriversService } from './drivers.service';
import { DriversQueryDto, KpiQueryDto, OutcomesPeriodDto } from './dto/outcomes-query.dto';
import { KpiService } from './kpi.service';

@ApiTags('analytics')
@Controller('api/analytics')
export class OutcomesController {
  constructor(
    private readonly kpiService: KpiService,
    private readonly driversService: DriversService,
    private readonly chatService: ChatService,
  ) {}

  @Get('kpis')
  @Allow(EVERYONE)
  @ApiOperation({
    summary:
      'KPIs beside the QA score (default: the last 8 weeks, one row per agent): calls, human and auto QA score (mean, 95% t interval), FCR (rate, Wilson interval; from metadata or derived from repeat contacts), CSAT (mean, t interval), AHT (talk + after-call work), hold and silence share, transfer rate, calls per handled hour; `by` = agent, team, queue, channel or week. Team leads: their teams; agents: their own calls.',
  })
  kpis(@CurrentUser() actor: Actor, @Query() query: KpiQueryDto) {
    return this.kpiService.report(actor, {
      from: query.from,
      to: query.to,
      by: query.by,
      teamId: query.team,
      agentExternalId: query.agent,
      fcr: query.fcr,
      repeatDays: query.repeatDays,
      scorecardKey: query.scorecard,
    });
  }

  @Get('drivers')
  @Allow(STAFF)
  @ApiOperation({
    summary:
      "Which criteria of a scorecard go with CSAT and FCR: per criterion, the outcome when it passed vs failed (95% intervals, n), the difference with its interval and test (Welch's t for CSAT; z or Fisher's exact for FCR), ranked; and one multivariable model (OLS for CSAT, logistic for FCR). Human and auto-QA answers apart. Correlation, not cause. Team leads: their teams.",
  })
  drivers(@CurrentUser() actor: Actor, @Query() query: DriversQueryDto) {
    return this.driversService.report(actor, {
      from: query.from,
      to: query.to,
      teamId: query.team,
      scorecardKey: query.scorecard,
    });
  }

  @Get('chats')
  @Allow(STAFF)
  @ApiOperation({
    summary:
      "Chat concurrency (1 + the agent's other chats open during a chat, from the chats' start and length) per agent and by level (1, 2, 3+) against the QA score (human, else auto) and the agent's mean response time (customer message → next agent reply), with 95% t intervals; and per team and ISO week the 3 best and 3 worst chats by QA score, then CSAT. Team leads: their teams.",
  })
  chats(@CurrentUser() actor: Actor, @Query() query: OutcomesPeriodDto) {
    return this.chatService.report(actor, { from: query.from, to: query.to, teamId: query.team });
  }
}
