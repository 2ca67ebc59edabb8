import { Controller, Get, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnalyticsService } from '../analytics/analytics.service';
import { Allow } from '../auth/access.guard';
import { QA, STAFF } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import type { InputError } from '../common/errors';
import { field, FormBody, FormFields, submitForm } from '../common/form-body';
import { formInput } from '../common/form-input';
import { languageOf } from '../common/i18n/lang';
import { CreateExperimentDto } from './dto/experiment.dto';
import { ExperimentsService } from './experiments.service';
import { experimentPage, experimentsListPage, FORM_FIELDS } from './views/experiment-page';

/** The experiments list with the form to define one, and one experiment's result. */
@ApiExcludeController()
@Controller('experiments')
export class ExperimentsPagesController {
  constructor(
    private readonly experiments: ExperimentsService,
    private readonly analytics: AnalyticsService,
  ) {}

  @Get()
  @Allow(STAFF)
  async list(@CurrentUser() actor: Actor, @Res() res: Response) {
    res.render('experiments/list', await this.listView(actor, languageOf(res), {}, null));
  }

  @Post()
  @Allow(QA)
  async create(@CurrentUser() actor: Actor, @FormBody() body: FormFields, @Res() res: Response) {
    await submitForm(
      res,
      'experiments/list',
      async () => {
        const experiment = await this.experiments.create(
          actor,
          formInput(CreateExperimentDto, formToDto(body)),
        );
        res.redirect(303, `/experiments/${experiment.id}`);
      },
      async (e) => this.listView(actor, languageOf(res), body, e as InputError),
    );
  }

  @Get(':id')
  @Allow(STAFF)
  async show(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    const report = await this.experiments.report(actor, id);
    res.render('experiments/show', experimentPage(report, languageOf(res)));
  }

  private async listView(actor: Actor, lang: string, body: FormFields, error: InputError | null) {
    return experimentsListPage(
      await this.experiments.list(),
      lang,
      await this.analytics.scorecardChoices(),
      QA.includes(actor.role),
      Object.fromEntries(FORM_FIELDS.map((name) => [name, field(body, name) ?? ''])),
      error ? { field: error.field ?? null, message: error.message } : null,
    );
  }
}

/** The form's fields as the API's body: variants one per line, "key | label | value". */
export function formToDto(body: FormFields): Record<string, unknown> {
  const lines = (field(body, 'variants') ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const criteria = (field(body, 'criteria') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  return {
    name: field(body, 'name'),
    description: field(body, 'description'),
    assignment: field(body, 'assignment'),
    field: field(body, 'field'),
    variants: lines.map((line) => {
      const [key = '', label = '', ...value] = line.split('|').map((p) => p.trim());
      return { key, label, value: value.join('|').trim() };
    }),
    scorecard: field(body, 'scorecard'),
    criteria: criteria.length > 0 ? criteria : undefined,
    from: field(body, 'from'),
    to: field(body, 'to'),
  };
}
