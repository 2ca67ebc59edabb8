import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentUser } from '../common/current-user';
import { personFor } from '../common/person';
import {
  CreateEvaluationDto,
  PreviewAnswersDto,
  SaveAnswersDto,
  SubmitEvaluationDto,
} from './dto/evaluation.dto';
import { Evaluation } from './entities/evaluation.entity';
import { EvaluationsService } from './evaluations.service';
import { Allow } from '../auth/access.guard';
import { EVERYONE, STAFF } from '../auth/roles';

@ApiTags('evaluations')
@Allow(EVERYONE)
@Controller('api/evaluations')
export class EvaluationsController {
  constructor(private readonly evaluations: EvaluationsService) {}

  @Post()
  @Allow(STAFF)
  @ApiOperation({ summary: "Open a draft on the scorecard's current version (or your open draft)" })
  create(@CurrentUser() actor: Actor, @Body() dto: CreateEvaluationDto) {
    return this.evaluations.create(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'The evaluations of an interaction that you may see' })
  async list(
    @CurrentUser() actor: Actor,
    @Query('interactionId', ParseIntPipe) interactionId: number,
  ) {
    const evaluations = await this.evaluations.forInteraction(interactionId, actor);
    return evaluations.map((e) => shown(e, actor));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One evaluation with its answers, scores and scorecard version' })
  async get(@CurrentUser() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return shown(await this.evaluations.get(id, actor), actor);
  }

  @Patch(':id')
  @Allow(STAFF)
  @ApiOperation({ summary: 'Save answers on a draft (409 when `version` is stale)' })
  save(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SaveAnswersDto,
  ) {
    return this.evaluations.saveAnswers(actor, id, dto);
  }

  @Post(':id/preview')
  @Allow(STAFF)
  @HttpCode(200)
  @ApiOperation({ summary: 'The score these answers would give (live preview); saves nothing' })
  preview(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: PreviewAnswersDto,
  ) {
    return this.evaluations.preview(actor, id, dto.answers);
  }

  @Post(':id/submit')
  @Allow(STAFF)
  @ApiOperation({ summary: 'Submit: every criterion answered; fixes the score' })
  submit(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SubmitEvaluationDto,
  ) {
    return this.evaluations.submit(actor, id, dto);
  }
}

/** The evaluator as the reader may see them (an agent: the name only). */
function shown(evaluation: Evaluation, actor: Actor) {
  return { ...evaluation, evaluator: personFor(actor, evaluation.evaluator) };
}
