import { Body, Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.guard';
import { EVERYONE, STAFF } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { AGENTS, DisputesService } from './disputes.service';
import { AcknowledgeDto, DisputeDto, ResolveDto } from './dto/responses.dto';

@ApiTags('disputes')
@Controller('api/evaluations')
export class DisputesController {
  constructor(private readonly disputes: DisputesService) {}

  @Get(':id/responses')
  @Allow(EVERYONE)
  @ApiOperation({
    summary: 'The history: acknowledgements, disputes and resolutions, oldest first',
  })
  responses(@CurrentUser() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.disputes.history(actor, id);
  }

  @Post(':id/acknowledge')
  @Allow(AGENTS)
  @ApiOperation({
    summary: 'Agent: acknowledge a submitted evaluation of yours (optional comment)',
  })
  acknowledge(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: AcknowledgeDto,
  ) {
    return this.disputes.acknowledge(actor, id, dto);
  }

  @Post(':id/dispute')
  @Allow(AGENTS)
  @ApiOperation({ summary: 'Agent: dispute criteria of a submitted evaluation, with a reason' })
  dispute(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: DisputeDto,
  ) {
    return this.disputes.dispute(actor, id, dto);
  }

  @Post(':id/resolve')
  @Allow(STAFF)
  @ApiOperation({
    summary: 'Resolve a dispute: upheld, or changed with new values (the score is recomputed)',
  })
  resolve(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ResolveDto,
  ) {
    return this.disputes.resolve(actor, id, dto);
  }
}
