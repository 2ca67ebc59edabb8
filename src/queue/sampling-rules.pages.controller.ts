import { Controller, Get, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.guard';
import { ADMIN } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { InputError } from '../common/errors';
import { field, FormBody, FormFields, submitForm } from '../common/form-body';
import { formInput } from '../common/form-input';
import { pageMessageOf } from '../common/http-exception.filter';
import { translate } from '../common/i18n/i18n';
import { languageOf } from '../common/i18n/lang';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { SamplingRuleDto } from './dto/queue.dto';
import { SAMPLING_KINDS, SamplingKind } from './entities/sampling-rule.entity';
import { CHANNELS, isSamplingKind, paramNamesOf } from './sampling-plan';
import { RuleInput, SamplingService } from './sampling.service';

/** The form's fields beside which an error is shown. */
type FormErrors = Record<string, string>;

/** The sampling rules that fill the work queue, as a page (admins). */
@ApiExcludeController()
@Controller('queue')
export class SamplingRulesPagesController {
  constructor(
    private readonly sampling: SamplingService,
    private readonly scorecards: ScorecardsService,
  ) {}

  @Get('rules')
  @Allow(ADMIN)
  async rules(@Res() res: Response) {
    res.render('queue/rules', await this.rulesView(res, { saved: res.req.query.saved }));
  }

  @Post('rules')
  @Allow(ADMIN)
  async createRule(
    @CurrentUser() actor: Actor,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    await submitForm(
      res,
      'queue/rules',
      async () => {
        const input = formInput(SamplingRuleDto, ruleInput(body, false));
        const rule = await this.sampling.createRule(actor, input);
        res.redirect(303, `/queue/rules?saved=${rule.id}#rule-${rule.id}`);
      },
      async (e) =>
        this.rulesView(res, {
          newRule: formValues(body),
          newErrors: errorsOf(e as InputError, languageOf(res)),
        }),
      (e) => e instanceof InputError,
    );
  }

  /** Changes a rule; a form with only `active` switches it on or off. */
  @Post('rules/:id')
  @Allow(ADMIN)
  async updateRule(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    await submitForm(
      res,
      'queue/rules',
      async () => {
        const input = formInput(SamplingRuleDto, ruleInput(body, field(body, 'toggle') === '1'));
        await this.sampling.updateRule(actor, id, input);
        res.redirect(303, `/queue/rules?saved=${id}#rule-${id}`);
      },
      async (e) =>
        this.rulesView(res, {
          editing: {
            id,
            values: formValues(body),
            errors: errorsOf(e as InputError, languageOf(res)),
          },
        }),
      (e) => e instanceof InputError,
    );
  }

  private async rulesView(
    res: Response,
    state: {
      saved?: unknown;
      newRule?: Record<string, string>;
      newErrors?: FormErrors;
      editing?: { id: number; values: Record<string, string>; errors: FormErrors };
    },
  ) {
    const lang = languageOf(res);
    const scorecards = (await this.scorecards.list()).map((s) => s.key);
    const rules = await this.sampling.listRules();
    const form = (values: Record<string, string>, errors: FormErrors = {}) => ({
      values,
      errors,
      kinds: SAMPLING_KINDS.map((k) => ({ value: k, selected: k === values.kind })),
      channels: CHANNELS.map((c) => ({ value: c, selected: c === values.channel })),
      scorecards: scorecards.map((key) => ({ key, selected: key === values.scorecardKey })),
    });
    return {
      title: translate(lang, 'queue.rules.title'),
      saved: Number(state.saved) || null,
      kinds: SAMPLING_KINDS.map((k) => ({ value: k, params: paramNamesOf(k).join(', ') })),
      rules: rules.map((r) => {
        const editing = state.editing?.id === r.id ? state.editing : null;
        return {
          ...r,
          summary: summaryOf(lang, r.kind, r.params),
          justSaved: Number(state.saved) === r.id,
          editing: !!editing,
          form: form(
            editing?.values ?? {
              name: r.name,
              kind: r.kind,
              ...Object.fromEntries(Object.entries(r.params).map(([k, v]) => [k, String(v)])),
              scorecardKey: r.scorecardKey ?? '',
              dueDays: String(r.dueDays),
              active: r.active ? 'on' : '',
            },
            editing?.errors,
          ),
        };
      }),
      newRule: form(
        state.newRule ?? {
          kind: 'random_per_agent_week',
          perWeek: '3',
          dueDays: '7',
          active: 'on',
        },
        state.newErrors,
      ),
      newOpen: !!state.newErrors || rules.length === 0,
    };
  }
}

/** The rule as the form posted it: only the parameters of the chosen kind. */
function ruleInput(body: FormFields, toggleOnly: boolean): RuleInput {
  const active = field(body, 'active') === 'on' || field(body, 'active') === 'true';
  if (toggleOnly) return { active };
  const kind = field(body, 'kind');
  const params = isSamplingKind(kind)
    ? Object.fromEntries(paramNamesOf(kind).map((name) => [name, field(body, name)?.trim() ?? '']))
    : {};
  return {
    name: field(body, 'name') ?? '',
    kind: kind ?? '',
    params,
    scorecardKey: field(body, 'scorecardKey') ?? '',
    dueDays: field(body, 'dueDays') ?? '',
    active,
  };
}

function formValues(body: FormFields): Record<string, string> {
  const names = [
    'name',
    'kind',
    'perWeek',
    'maxCsat',
    'queue',
    'channel',
    'scorecardKey',
    'dueDays',
    'active',
  ];
  return Object.fromEntries(names.map((n) => [n, field(body, n) ?? '']));
}

/** `params.perWeek` is the form's `perWeek` field. */
function errorsOf(e: InputError, lang: string): FormErrors {
  return { [e.field.replace(/^params\./, '')]: pageMessageOf(e, lang) };
}

function summaryOf(lang: string, kind: SamplingKind, params: Record<string, string | number>) {
  const key =
    typeof params.perWeek === 'number' && kind !== 'random_per_agent_week'
      ? `${kind}.perWeek`
      : kind;
  return translate(lang, `queue.rules.summary.${key}`, params);
}
