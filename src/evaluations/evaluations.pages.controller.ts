import { Controller, Get, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { field, FormBody, FormFields, submitForm } from '../common/form-body';
import { Actor, CurrentUser } from '../common/current-user';
import { InputError } from '../common/errors';
import { translate } from '../common/i18n/i18n';
import { InteractionsService } from '../interactions/interactions.service';
import { formInput, formNumber } from '../common/form-input';
import { CreateEvaluationDto, SaveAnswersDto, SubmitEvaluationDto } from './dto/evaluation.dto';
import {
  csatOf,
  evaluationPageView,
  PostedAnswer,
  toSectionViews,
  unansweredOf,
} from './evaluation.view';
import { EvaluationsService } from './evaluations.service';
import { Interaction } from '../interactions/entities/interaction.entity';
import { Turn } from '../interactions/entities/turn.entity';
import { ReplayViews } from './replay-views';
import { Allow } from '../auth/access.guard';
import { EVERYONE, STAFF } from '../auth/roles';
import { languageOf } from '../common/i18n/lang';
import { scorecardVersionOf } from '../scorecards/loaded-version';
import { pageMessageOf } from '../common/http-exception.filter';

@ApiExcludeController()
@Allow(EVERYONE)
@Controller('evaluations')
export class EvaluationsPagesController {
  constructor(
    private readonly evaluations: EvaluationsService,
    private readonly interactions: InteractionsService,
    private readonly replayViews: ReplayViews,
  ) {}

  /** From the replay page: open (or reopen) a draft and go to the form. */
  @Post()
  @Allow(STAFF)
  async open(
    @CurrentUser() actor: Actor,
    @FormBody(CreateEvaluationDto) dto: CreateEvaluationDto,
    @Res() res: Response,
  ) {
    const evaluation = await this.evaluations.create(actor, dto);
    res.redirect(303, `/evaluations/${evaluation.id}/edit`);
  }

  @Get(':id/edit')
  @Allow(STAFF)
  async edit(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    const evaluation = await this.evaluations.get(id, actor);
    if (evaluation.status !== 'draft') return res.redirect(303, `/evaluations/${id}`);
    // The evaluation was read with the actor's scope, which covers its interaction.
    const interaction = await this.interactions.getUnscoped(evaluation.interactionId);
    res.render('evaluations/form', {
      ...evaluationPageView(evaluation, interaction, languageOf(res)),
      ...(await this.workspace(actor, interaction, languageOf(res))),
      saved: res.req.query.saved === '1',
    });
  }

  /** The plain form post: works without JavaScript. */
  @Post(':id')
  @Allow(STAFF)
  async save(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    const current = await this.evaluations.get(id, actor);
    if (current.status !== 'draft') return res.redirect(303, `/evaluations/${id}`);
    const interaction = await this.interactions.getUnscoped(current.interactionId);
    const definition = scorecardVersionOf(current).definition;
    const posted: Record<string, PostedAnswer> = {};
    const answers: object[] = [];
    const language = languageOf(res);
    await submitForm(
      res,
      'evaluations/form',
      async () => {
        for (const c of definition.sections.flatMap((s) => s.criteria)) {
          posted[c.key] = {
            value: field(body, `value_${c.key}`),
            comment: field(body, `comment_${c.key}`),
            turnIndex: field(body, `turn_${c.key}`),
          };
          const answer = toAnswer(c.key, posted[c.key], interaction.turns);
          if (answer) answers.push(answer);
        }
        // The same DTOs as PATCH /api/evaluations/:id and POST …/submit.
        const input = { version: formNumber(field(body, 'version')), answers };
        if (field(body, 'action') === 'submit') {
          await this.evaluations.submit(actor, id, formInput(SubmitEvaluationDto, input));
          return res.redirect(303, `/evaluations/${id}`);
        }
        await this.evaluations.saveAnswers(actor, id, formInput(SaveAnswersDto, input));
        return res.redirect(303, `/evaluations/${id}/edit?saved=1`);
      },
      async (e) => {
        const key = e instanceof InputError ? criterionOf(e.field, answers) : '';
        const errors: Record<string, string> = key ? { [key]: pageMessageOf(e, language) } : {};
        // A submit with criteria unanswered (no JavaScript to check first): every one is marked
        // and named, in the page's language.
        const missing =
          e instanceof InputError && field(body, 'action') === 'submit'
            ? unansweredOf(evaluationPageView(current, interaction, language, posted).sections)
            : [];
        for (const c of missing) errors[c.key] = translate(language, 'evaluation.needsAnswer');
        return {
          ...evaluationPageView(current, interaction, language, posted, errors),
          ...(await this.workspace(actor, interaction, language)),
          // A conflict: what is saved now (another tab, another save) is shown beside each answer.
          ...(e.status === 409 ? { theirs: await this.savedNow(actor, id, language) } : {}),
          formError:
            missing.length > 0
              ? translate(language, 'evaluation.missingBeforeSubmit', {
                  list: missing.map((c) => c.label).join(', '),
                })
              : e instanceof InputError
                ? translate(language, 'evaluation.fixErrors')
                : pageMessageOf(e, language),
          conflict: e.status === 409,
        };
      },
    );
  }

  /** The timed transcript and its marks for the scoring page (the workspace). */
  private async workspace(
    actor: Actor,
    interaction: Interaction & { turns: Turn[] },
    lang: string,
  ) {
    const visible = await this.evaluations.summariesOf(interaction.id, actor);
    return {
      ...(await this.replayViews.view(
        interaction,
        visible.map((e) => e.id),
        lang,
      )),
      // The header: the call in view while scoring (notes_quality is judged from the notes).
      csat: csatOf(interaction.metadata),
    };
  }

  /** Each criterion's saved answer as it is now, for showing a conflict. */
  private async savedNow(actor: Actor, id: number, language: string) {
    const now = await this.evaluations.get(id, actor);
    const views = toSectionViews(
      scorecardVersionOf(now).definition,
      now.answers ?? [],
      now.breakdown,
      language,
    );
    return {
      version: now.version,
      updatedAt: now.updatedAt,
      answers: Object.fromEntries(
        views
          .flatMap((s) => s.criteria)
          .map((c) => [c.key, { value: c.valueLabel, comment: c.comment }]),
      ),
    };
  }
}

/**
 * The criterion an error is about: the DTO names `answers.<index>.<property>`, the service
 * `answers.<key>`; the form shows it beside the criterion.
 */
function criterionOf(field: string, answers: object[]): string {
  const index = /^answers\.(\d+)(\.|$)/.exec(field)?.[1];
  if (index !== undefined) return (answers[Number(index)] as { key?: string })?.key ?? '';
  return field.replace(/^answers\./, '');
}

/** One criterion's fields as the API's answer (checked by the DTO); null when left blank. */
function toAnswer(key: string, posted: PostedAnswer, turns: { seq: number; startMs: number }[]) {
  const comment = posted.comment?.trim() || undefined;
  const turn = posted.turnIndex ? turns.find((t) => t.seq === Number(posted.turnIndex)) : undefined;
  if (posted.value === undefined || posted.value === '') {
    if (comment || turn)
      throw new InputError(`answers.${key}`, 'give a value or N/A with the comment');
    return null;
  }
  const moment = turn ? { turnIndex: turn.seq, timeMs: turn.startMs } : {};
  if (posted.value === 'na') return { key, na: true, comment, ...moment };
  return { key, value: formNumber(posted.value), comment, ...moment };
}
