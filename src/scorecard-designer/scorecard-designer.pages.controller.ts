import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.guard';
import { ADMIN } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { DomainError, InputError } from '../common/errors';
import { field, FormBody, FormFields, submitForm } from '../common/form-body';
import { formInput } from '../common/form-input';
import type { Language } from '../common/i18n/i18n';
import { Lang } from '../common/i18n/lang';
import { pageMessageOf } from '../common/http-exception.filter';
import {
  ScorecardFormDto,
  scorecardFormInput,
  scorecardFormOf,
} from '../scorecards/dto/scorecard-form.dto';
import { ScorecardEditorService, scoreSamples } from '../scorecards/scorecard-editor.service';
import type { CriterionForm, ScorecardForm, SectionForm } from '../scorecards/scorecard-form';
import { locateProblem, type LocatedProblem } from './form-problem';
import { ScorecardTrialService, TRIAL_CALLS } from './scorecard-trial.service';

const TEMPLATE = 'scorecards/design';

/** The fields of a new criterion and a new section (the page's templates for "Add"). */
const BLANK_CRITERION: CriterionForm = {
  from: '',
  key: '',
  label: '',
  guidance: '',
  scaleType: 'yes_no',
  points: '',
  weight: '',
  na: false,
  critical: '',
  failBelow: '',
  good: '',
  phrases: '',
  auto: '',
  sample: '',
};
const BLANK_SECTION: SectionForm = { from: '', key: '', label: '', weight: '', criteria: [] };

/**
 * The scorecard form editor (admins): sections and criteria as fields, Preview (the score formula
 * on sample answers), Test on recent calls (auto-QA with the draft against the published
 * version, nothing stored) and Publish (the form written into the YAML file, then the same sync
 * as for files: the next version). The YAML editor (`/scorecards/:key/edit`) stays beside it.
 */
@ApiExcludeController()
@Allow(ADMIN)
@Controller('scorecards')
export class ScorecardDesignerPagesController {
  constructor(
    private readonly editor: ScorecardEditorService,
    private readonly trials: ScorecardTrialService,
  ) {}

  @Get(':key/design')
  async design(@Param('key') key: string, @Res() res: Response) {
    const { source, form } = await this.editor.form(key);
    res.render(TEMPLATE, this.view(key, source.file, source.fileHash, form, null));
  }

  @Post(':key/design')
  @HttpCode(200)
  async submit(
    @CurrentUser() actor: Actor,
    @Param('key') key: string,
    @FormBody() body: FormFields,
    @Lang() lang: Language,
    @Res() res: Response,
  ) {
    const action = field(body, 'action') ?? 'preview';
    const input = scorecardFormInput(body);
    await submitForm(
      res,
      TEMPLATE,
      () => this.checked(actor, key, action, formInput(ScorecardFormDto, input), lang, res),
      // Refused by the DTO (a field too long …): the form comes back as typed, the field named.
      async (e) => {
        const form = scorecardFormOf(typedValues(input) as ScorecardFormDto);
        const { file } = await this.editor.source(key);
        const path = (e.field ?? '').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
        const problem = locateProblem(lang, form, path, pageMessageOf(e, lang));
        return this.view(key, file, field(body, 'baseHash') ?? '', form, problem);
      },
      (e) => e instanceof InputError,
    );
  }

  /** Preview, trial or publish of a form its DTO accepted. */
  private async checked(
    actor: Actor,
    key: string,
    action: string,
    dto: ScorecardFormDto,
    lang: Language,
    res: Response,
  ): Promise<void> {
    const form = scorecardFormOf(dto);
    const { file } = await this.editor.source(key);
    const render = (status: number, extra: object, problem: LocatedProblem | null) =>
      res
        .status(status)
        .render(TEMPLATE, { ...this.view(key, file, dto.baseHash, form, problem), ...extra });

    const draft = await this.editor.draft(key, form);
    if (!draft.ok) {
      const problem = locateProblem(lang, form, draft.path, draft.messageKey);
      render(action === 'publish' ? 400 : 200, {}, problem);
      return;
    }
    if (action === 'publish') {
      try {
        const result = await this.editor.publishForm(actor, key, form, dto.baseHash);
        res.redirect(303, `/scorecards/${encodeURIComponent(key)}?published=${result.result}`);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        const stale = e.status === 409;
        const at = e.field ?? '';
        const reason = e.message.startsWith(`${at}: `) ? e.message.slice(at.length + 2) : e.message;
        const problem = stale ? null : locateProblem(lang, form, at, e.messageKey ?? reason);
        render(e.status, { stale }, problem);
      }
      return;
    }
    if (action === 'trial') {
      const trial = await this.trials.trial(key, draft.definition);
      render(200, { trial }, null);
      return;
    }
    const samples = scoreSamples(draft.definition, form);
    const problem = samples.ok ? null : locateProblem(lang, form, samples.path, samples.messageKey);
    render(200, { preview: { definition: draft.definition, samples } }, problem);
  }

  private view(
    key: string,
    file: string,
    baseHash: string,
    form: ScorecardForm,
    problem: LocatedProblem | null,
  ) {
    return {
      title: key,
      key,
      file,
      baseHash,
      trialCalls: TRIAL_CALLS,
      problem,
      blank: { section: BLANK_SECTION, criterion: BLANK_CRITERION },
      form: {
        ...form,
        sections: form.sections.map((s, si) => ({
          ...s,
          problem: problem?.section === si && problem.criterion === null ? problem.text : undefined,
          criteria: s.criteria.map((c, ci) => ({
            ...c,
            problem: problem?.section === si && problem.criterion === ci ? problem.text : undefined,
            problemField: problem?.section === si && problem.criterion === ci ? problem.field : '',
          })),
        })),
      },
    };
  }
}

/** The form's values as posted (text, ticks, lists of them), for a form its DTO refused. */
function typedValues(value: unknown): unknown {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(typedValues);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typedValues(v)]));
  }
  return undefined;
}
