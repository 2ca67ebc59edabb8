import { Body, Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.guard';
import { QA, STAFF } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { CreateExperimentDto } from './dto/experiment.dto';
import { ExperimentsService } from './experiments.service';

@ApiTags('experiments')
@Controller('api/experiments')
export class ExperimentsController {
  constructor(private readonly experiments: ExperimentsService) {}

  @Get()
  @Allow(STAFF)
  @ApiOperation({ summary: 'Every script A/B experiment, newest period first.' })
  list() {
    return this.experiments.list();
  }

  @Get(':id')
  @Allow(STAFF)
  @ApiOperation({
    summary:
      "One experiment's result over the calls you may see: per variant n, CSAT/AHT/QA means and FCR/criterion rates with 95% intervals; each variant against the first on every metric: difference with interval, effect size, the test suited to the metric (proportions: two-proportion z, or Fisher's exact when an expected count is under 5; means: Welch's t) and its p-value, a small-sample flag and the calls per variant needed for 80% power at the difference seen.",
  })
  get(@CurrentUser() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.experiments.report(actor, id);
  }

  @Post()
  @Allow(QA)
  @ApiOperation({
    summary:
      'Defines an experiment: name, two or more variants (the first is the control), assignment by metadata field, queue or a phrase the agent says, the period, and optional criteria of a scorecard.',
  })
  create(@CurrentUser() actor: Actor, @Body() dto: CreateExperimentDto) {
    return this.experiments.create(actor, dto);
  }
}
