import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.guard';
import { EVERYONE, STAFF } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { AnalyticsService } from './analytics.service';
import { HeatMapQueryDto, ProfileQueryDto } from './dto/analytics-query.dto';

@ApiTags('analytics')
@Controller('api/analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('agents/:externalId/profile')
  @Allow(EVERYONE)
  @ApiOperation({
    summary:
      "An agent's patterns for a period (default: the last 8 weeks): human and auto evaluations, weekly trend, sections and criteria against the team, weakest criteria, miss clusters, call metrics, auto-vs-human agreement. Team leads: their teams' agents; agents: themselves.",
  })
  profile(
    @CurrentUser() actor: Actor,
    @Param('externalId') externalId: string,
    @Query() query: ProfileQueryDto,
  ) {
    return this.analytics.agentProfileByExternalId(actor, externalId, {
      from: query.from,
      to: query.to,
      scorecardKey: query.scorecard,
      minSample: query.minSample,
      includeAbusive: query.abusive === 'include',
    });
  }

  @Get('heatmap')
  @Allow(STAFF)
  @ApiOperation({
    summary:
      'Agents × criteria pass rates of one scorecard (human answers), the team row, weekly trend and most common misses; `team` omitted = every team you may see.',
  })
  heatMap(@CurrentUser() actor: Actor, @Query() query: HeatMapQueryDto) {
    return this.analytics.teamHeatMap(actor, {
      teamId: query.team,
      from: query.from,
      to: query.to,
      scorecardKey: query.scorecard,
      sort: query.sort,
      dir: query.dir,
      includeAbusive: query.abusive === 'include',
    });
  }
}
