import { Controller, Get, Param, ParseIntPipe, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.guard';
import { EVERYONE } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { Lang } from '../common/i18n/lang';
import { ResponsesPanel } from '../disputes/responses-panel';
import { evaluationPageView } from '../evaluations/evaluation.view';
import { EvaluationsService } from '../evaluations/evaluations.service';
import { InteractionsService } from '../interactions/interactions.service';

/**
 * The submitted evaluation's page: the scores (evaluations) with the agent's acknowledgement or
 * dispute and its resolution (disputes). It sits above both features so that neither imports
 * the other's module.
 */
@ApiExcludeController()
@Allow(EVERYONE)
@Controller('evaluations')
export class EvaluationPageController {
  constructor(
    private readonly evaluations: EvaluationsService,
    private readonly interactions: InteractionsService,
    private readonly responses: ResponsesPanel,
  ) {}

  @Get(':id')
  async detail(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Lang() lang: string,
    @Res() res: Response,
  ) {
    const evaluation = await this.evaluations.get(id, actor);
    if (evaluation.status === 'draft') return res.redirect(303, `/evaluations/${id}/edit`);
    const interaction = await this.interactions.getUnscoped(evaluation.interactionId);
    res.render('evaluations/detail', {
      ...evaluationPageView(evaluation, interaction, lang),
      responses: await this.responses.build(actor, evaluation, lang),
    });
  }
}
