import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentUser } from '../common/current-user';
import { CreateEvaluationDto, SaveAnswersDto, SubmitEvaluationDto } from './dto/evaluation.dto';
import { EvaluationsService } from './evaluations.service';

@ApiTags('evaluations')
@Controller('api/evaluations')
export class EvaluationsController {
  constructor(private readonly evaluations: EvaluationsService) {}

  @Post()
  @ApiOperation({ summary: "Open a draft on the scorecard's current version (or your open draft)" })
  create(@CurrentUser() actor: Actor, @Body() dto: CreateEvaluationDto) {
    return this.evaluations.create(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Evaluations of an interaction' })
  list(@Query('interactionId', ParseIntPipe) interactionId: number) {
    return this.evaluations.forInteraction(interactionId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One evaluation with its answers, scores and scorecard version' })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.evaluations.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Save answers on a draft (409 when `version` is stale)' })
  save(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SaveAnswersDto,
  ) {
    return this.evaluations.saveAnswers(actor, id, dto);
  }

  @Post(':id/submit')
  @ApiOperation({ summary: 'Submit: every criterion answered; fixes the score' })
  submit(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SubmitEvaluationDto,
  ) {
    return this.evaluations.submit(actor, id, dto);
  }
}
