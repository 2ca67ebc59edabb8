import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.guard';
import { ADMIN, QA } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { ListQueueDto, SamplingRuleDto } from './dto/queue.dto';
import { QueueService } from './queue.service';
import { SamplingService } from './sampling.service';

@ApiTags('queue')
@Controller('api/queue')
export class QueueController {
  constructor(
    private readonly queue: QueueService,
    private readonly sampling: SamplingService,
  ) {}

  @Get()
  @Allow(QA)
  @ApiOperation({
    summary: 'Work queue items by due date: mine (default), unassigned, all (admins)',
  })
  list(@CurrentUser() actor: Actor, @Query() query: ListQueueDto) {
    return this.queue.list(actor, this.queue.filterFor(actor, query));
  }

  @Post('next')
  @Allow(QA)
  @ApiOperation({
    summary: 'Take my next item (or an unassigned one) and open its scoring draft',
    description: 'Answers `{ evaluationId, itemId, interactionId }`; 404 when nothing is left.',
  })
  next(@CurrentUser() actor: Actor) {
    return this.queue.next(actor);
  }

  @Get('rules')
  @Allow(ADMIN)
  @ApiOperation({ summary: 'Sampling rules, with how many calls each queued' })
  rules() {
    return this.sampling.listRules();
  }

  @Post('rules')
  @Allow(ADMIN)
  @ApiOperation({ summary: 'Create a sampling rule (400 names the wrong field)' })
  createRule(@CurrentUser() actor: Actor, @Body() body: SamplingRuleDto) {
    return this.sampling.createRule(actor, body);
  }

  @Patch('rules/:id')
  @Allow(ADMIN)
  @ApiOperation({ summary: 'Change a sampling rule; `active: false` deactivates it' })
  updateRule(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: SamplingRuleDto,
  ) {
    return this.sampling.updateRule(actor, id, body);
  }
}
