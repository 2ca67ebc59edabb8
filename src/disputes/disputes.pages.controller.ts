import { Controller, Get, Param, ParseIntPipe, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.guard';
import { STAFF } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { InputError } from '../common/errors';
import { field, FormBody, FormFields, submitForm } from '../common/form-body';
import { formInput, formNumber } from '../common/form-input';
import { translate } from '../common/i18n/i18n';
import { PageQueryDto } from '../common/pagination';
import { evaluationPageView } from '../evaluations/evaluation.view';
import { AGENTS, DisputesService } from './disputes.service';
import { AcknowledgeDto, DisputeDto, ResolveDto } from './dto/responses.dto';
import { PanelForm, ResponsesPanel } from './responses-panel';
import { Lang, languageOf } from '../common/i18n/lang';
import { pageMessageOf } from '../common/http-exception.filter';

@ApiExcludeController()
@Controller()
export class DisputesPagesController {
  constructor(
    private readonly disputes: DisputesService,
    private readonly panel: ResponsesPanel,
  ) {}

  @Get('my/evaluations')
  @Allow(AGENTS)
  @Render('my/evaluations')
  async mine(@CurrentUser() actor: Actor, @Query() query: PageQueryDto, @Lang() lang: string) {
    const page = await this.disputes.forAgent(actor, query.page ?? 1);
    return {
      title: translate(lang, 'nav.myEvaluations'),
      windowDays: this.disputes.windowDays,
      page: {
        ...page,
        items: page.items.map(({ evaluation, window }) => ({
          id: evaluation.id,
          submittedAt: evaluation.submittedAt,
          call: evaluation.interaction?.externalId,
          interactionId: evaluation.interactionId,
          scorecard: evaluation.scorecardVersion?.scorecard?.name,
          kind: evaluation.kind,
          overallScore: evaluation.overallScore,
          passed: evaluation.passed,
          status: evaluation.status,
          isNew: evaluation.status === 'submitted',
          daysLeft: evaluation.status === 'submitted' && window.open ? window.daysLeft : null,
          windowClosed: evaluation.status === 'submitted' && !window.open,
        })),
      },
      prev: page.page > 1 ? `/my/evaluations?page=${page.page - 1}` : null,
      next: page.page < page.pages ? `/my/evaluations?page=${page.page + 1}` : null,
    };
  }

  @Get('disputes')
  @Allow(STAFF)
  @Render('disputes/list')
  async open(@CurrentUser() actor: Actor, @Query() query: PageQueryDto, @Lang() lang: string) {
    const page = await this.disputes.openDisputes(actor, query.page ?? 1);
    const now = Date.now();
    return {
      title: translate(lang, 'nav.disputes'),
      page: {
        ...page,
        items: page.items.map(({ evaluation, dispute }) => {
          const definition = evaluation.scorecardVersion?.definition;
          const labels = new Map(
            (definition?.sections ?? []).flatMap((s) => s.criteria).map((c) => [c.key, c.label]),
          );
          return {
            id: evaluation.id,
            filedAt: dispute.createdAt,
            daysOpen: Math.floor((now - new Date(dispute.createdAt).getTime()) / DAY),
            agent: evaluation.interaction?.agent?.name ?? dispute.user?.name ?? '–',
            agentExternalId: evaluation.interaction?.agent?.externalId,
            call: evaluation.interaction?.externalId,
            interactionId: evaluation.interactionId,
            scorecard: evaluation.scorecardVersion?.scorecard?.name,
            evaluator: evaluation.evaluator?.name ?? '–',
            overallScore: evaluation.overallScore,
            criteria: (dispute.criteria ?? []).map((key) => labels.get(key) ?? key),
            reason: dispute.comment,
          };
        }),
      },
      prev: page.page > 1 ? `/disputes?page=${page.page - 1}` : null,
      next: page.page < page.pages ? `/disputes?page=${page.page + 1}` : null,
    };
  }

  @Post('evaluations/:id/acknowledge')
  @Allow(AGENTS)
  acknowledge(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    const comment = field(body, 'comment');
    return this.post(actor, id, res, { name: 'acknowledge', comment }, () =>
      this.disputes.acknowledge(
        actor,
        id,
        formInput(AcknowledgeDto, { comment, version: formNumber(field(body, 'version')) }),
      ),
    );
  }

  @Post('evaluations/:id/dispute')
  @Allow(AGENTS)
  dispute(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    const criteria = all(body, 'criteria');
    const reason = field(body, 'reason');
    return this.post(actor, id, res, { name: 'dispute', criteria, reason }, () =>
      this.disputes.dispute(
        actor,
        id,
        formInput(DisputeDto, { criteria, reason, version: formNumber(field(body, 'version')) }),
      ),
    );
  }

  @Post('evaluations/:id/resolve')
  @Allow(STAFF)
  async resolve(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    const outcome = field(body, 'outcome');
    const reason = field(body, 'reason');
    // The form offers a value for each disputed criterion, pre-set to the current answer.
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(body)) {
      const key = /^value_(.+)$/.exec(name)?.[1];
      const posted = Array.isArray(value) ? value[0] : value;
      if (key && posted !== undefined && posted !== '') values[key] = posted;
    }
    const changes = Object.fromEntries(
      Object.entries(values).map(([key, v]) => [key, v === 'na' ? null : formNumber(v)]),
    );
    return this.post(actor, id, res, { name: 'resolve', outcome, reason, values }, () =>
      this.disputes.resolve(
        actor,
        id,
        formInput(ResolveDto, {
          outcome,
          reason,
          changes: outcome === 'upheld' ? undefined : changes,
          version: formNumber(field(body, 'version')),
        }),
      ),
    );
  }

  /** Runs the step and goes back to the evaluation; a refused form comes back with its error. */
  private post(
    actor: Actor,
    id: number,
    res: Response,
    form: Omit<PanelForm, 'message'>,
    run: () => Promise<unknown>,
  ): Promise<void> {
    const language = languageOf(res);
    return submitForm(
      res,
      // The evaluation page (views/evaluations/detail.hbs) with this form's error beside its field.
      'evaluations/detail',
      async () => {
        await run();
        res.redirect(303, `/evaluations/${id}#responses`);
      },
      async (e) => {
        const evaluation = await this.disputes.visible(actor, id);
        return {
          ...evaluationPageView(evaluation, evaluation.interaction, language),
          responses: await this.panel.build(actor, evaluation, language, {
            ...form,
            field: e instanceof InputError ? e.field : undefined,
            message: pageMessageOf(e, language),
          }),
        };
      },
      (e) => e instanceof InputError || e.status === 409,
    );
  }
}

const DAY = 24 * 3_600_000;

function all(body: FormFields, name: string): string[] {
  const value = body[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
