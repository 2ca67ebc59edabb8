import { Controller, Get, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.guard';
import { COACHES, EVERYONE } from '../auth/roles';
import { contentDisposition } from '../common/content-disposition';
import { Actor, CurrentUser } from '../common/current-user';
import { DomainError } from '../common/errors';
import { field, FormBody, FormFields, submitForm } from '../common/form-body';
import { translate } from '../common/i18n/i18n';
import { PageNumberPipe } from '../common/pagination';
import { CoachingPageViews, typedPlan } from './coaching-page-views';
import { CoachingService } from './coaching.service';
import { SavePlanDto } from './dto/save-plan.dto';
import { GeneratePlanDto } from './dto/generate-plan.dto';
import { formInput, formNumber } from '../common/form-input';
import type { PlanContent } from './plan-content';
import { QueryTextPipe } from '../common/query-text';
import { languageOf } from '../common/i18n/lang';
import { pageMessageOf } from '../common/http-exception.filter';

/**
 * The coaching plan pages: list, new plan, show, edit and save, share, PDF. The plan page's
 * feedback-session forms post to feedback-sessions.pages.controller.ts.
 */
@ApiExcludeController()
@Controller('coaching')
export class CoachingPagesController {
  constructor(
    private readonly coaching: CoachingService,
    private readonly views: CoachingPageViews,
  ) {}

  @Get()
  @Allow(EVERYONE)
  async list(
    @CurrentUser() actor: Actor,
    @Query('page', PageNumberPipe) page: number,
    @Res() res: Response,
  ) {
    const result = await this.coaching.list(actor, page);
    res.render('coaching/list', {
      title: t(res, 'coaching.title'),
      page: result,
      canWrite: COACHES.includes(actor.role),
      prev: result.page > 1 ? `/coaching?page=${result.page - 1}` : null,
      next: result.page < result.pages ? `/coaching?page=${result.page + 1}` : null,
    });
  }

  @Get('new')
  @Allow(COACHES)
  async newForm(
    @CurrentUser() actor: Actor,
    @Query('agent', QueryTextPipe) agent: string,
    @Res() res: Response,
  ) {
    res.render('coaching/new', await this.views.newView(actor, res, { agent: agent ?? '' }));
  }

  @Post()
  @Allow(COACHES)
  async generate(@CurrentUser() actor: Actor, @FormBody() body: FormFields, @Res() res: Response) {
    const input = {
      agent: field(body, 'agent') ?? '',
      from: field(body, 'from') ?? '',
      to: field(body, 'to') ?? '',
      scorecard: field(body, 'scorecard') ?? '',
    };
    await submitForm(
      res,
      'coaching/new',
      async () => {
        const dto = formInput(GeneratePlanDto, input);
        const plan = await this.coaching.generate(actor, {
          agentExternalId: dto.agent,
          from: dto.from,
          to: dto.to,
          scorecardKey: dto.scorecard,
          lang: languageOf(res),
        });
        res.redirect(303, `/coaching/${plan.id}/edit`);
      },
      async (e) => ({
        ...(await this.views.newView(actor, res, input)),
        error: pageMessageOf(e, languageOf(res)),
      }),
    );
  }

  @Get(':id')
  @Allow(EVERYONE)
  async show(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    res.render('coaching/show', await this.views.planView(actor, id, res));
  }

  @Get(':id/edit')
  @Allow(COACHES)
  async edit(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    res.render('coaching/edit', {
      ...(await this.views.planView(actor, id, res)),
      saved: res.req.query.saved === '1',
    });
  }

  @Post(':id')
  @Allow(COACHES)
  async save(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    const plan = await this.coaching.get(actor, id);
    const content = plan.content as unknown as PlanContent;
    const typed = typedPlan(body, content);
    await submitForm(
      res,
      'coaching/edit',
      async () => {
        const checked = formInput(SavePlanDto, {
          version: formNumber(field(body, 'version')),
          targetScore: typed.targetScore,
          followUpDate: typed.followUpDate,
        });
        await this.coaching.update(actor, id, {
          version: checked.version,
          targetScore: checked.targetScore ?? null,
          goalNote: typed.goalNote,
          actions: typed.actions.split(/\r?\n/),
          followUpDate: checked.followUpDate,
          notes: typed.notes,
          focusTargets: Object.fromEntries(
            typed.focus.filter((f) => f.keep).map((f) => [f.key, Number(f.target) / 100]),
          ),
          addFocus: typed.addFocus || undefined,
          strengths: typed.strengths,
        });
        res.redirect(303, `/coaching/${id}/edit?saved=1`);
      },
      // Refused: the form comes back with everything the lead typed, and why, in their language.
      async (e) => ({
        ...(await this.views.planView(actor, id, res, e.status === 409 ? null : typed)),
        error: pageMessageOf(e, languageOf(res)),
        conflict: e.status === 409,
      }),
    );
  }

  @Post(':id/share')
  @Allow(COACHES)
  async share(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    try {
      await this.coaching.share(actor, id);
      res.redirect(303, `/coaching/${id}`);
    } catch (e) {
      if (!(e instanceof Error) || e instanceof DomainError) throw e;
      // Chromium missing or failing: the rest of the app keeps working; say what happened.
      res.status(503).render('coaching/show', {
        ...(await this.views.planView(actor, id, res)),
        error: translate(languageOf(res), 'coaching.pdfUnavailable', { reason: e.message }),
      });
    }
  }

  @Get(':id/pdf')
  @Allow(EVERYONE)
  async pdf(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    const { bytes, name } = await this.coaching.pdfOf(actor, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', contentDisposition(name, 'inline'));
    res.send(bytes);
  }
}

function t(res: Response, key: string): string {
  return translate(languageOf(res), key);
}
