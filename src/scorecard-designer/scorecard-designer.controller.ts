import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.guard';
import { ADMIN } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { InputError } from '../common/errors';
import { ScorecardFormDto, scorecardFormOf } from '../scorecards/dto/scorecard-form.dto';
import { ScorecardEditorService, scoreSamples } from '../scorecards/scorecard-editor.service';
import { ScorecardTrialService } from './scorecard-trial.service';
import type { Language } from '../common/i18n/i18n';
import { Lang } from '../common/i18n/lang';
import { withoutWeights } from '../scorecards/text-model-refs';
import { PROBLEM_PREFIX, problemWords } from '../scorecard-schema/scorecard-problem';

/**
 * The form editor's API: the same ScorecardFormDto as the page's post, written into the YAML
 * file and checked by the same parser. A form that makes no valid scorecard is a 400 naming the
 * path (`sections[1].criteria[0].weight`) and why.
 */
@ApiTags('scorecards')
@Allow(ADMIN)
@Controller('api/scorecards')
export class ScorecardDesignerController {
  constructor(
    private readonly editor: ScorecardEditorService,
    private readonly trials: ScorecardTrialService,
  ) {}

  @Get(':key/form')
  @ApiOperation({ summary: "The scorecard's file as form fields, with its fingerprint (baseHash)" })
  async form(@Param('key') key: string) {
    const { source, form } = await this.editor.form(key);
    return { file: source.file, baseHash: source.fileHash, ...form };
  }

  @Post(':key/form/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'The form as a scorecard, and the score formula on its sample answers' })
  async preview(@Param('key') key: string, @Body() dto: ScorecardFormDto, @Lang() lang: Language) {
    const form = scorecardFormOf(dto);
    const definition = await this.valid(key, dto, lang);
    const samples = scoreSamples(definition, form);
    if (!samples.ok) throw new InputError(samples.path, samples.reason, samples.messageKey);
    // The text models as references (what each answers and its size), not their weights.
    return {
      definition: withoutWeights(definition),
      score: samples.score,
      answered: samples.answered,
    };
  }

  @Post(':key/form/trial')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Auto-QA with the form on the 20 newest calls of its channel and language, against the published version; stores nothing',
  })
  async trial(@Param('key') key: string, @Body() dto: ScorecardFormDto, @Lang() lang: Language) {
    return this.trials.trial(key, await this.valid(key, dto, lang));
  }

  @Post(':key/form/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Writes the form into the YAML file and syncs: the next version' })
  async publish(
    @CurrentUser() actor: Actor,
    @Param('key') key: string,
    @Body() dto: ScorecardFormDto,
    @Lang() lang: Language,
  ) {
    await this.valid(key, dto, lang);
    return this.editor.publishForm(actor, key, scorecardFormOf(dto), dto.baseHash);
  }

  /** The form's scorecard, or a 400 naming the path and why in the reader's language. */
  private async valid(key: string, dto: ScorecardFormDto, lang: Language) {
    const draft = await this.editor.draft(key, scorecardFormOf(dto));
    if (!draft.ok) {
      const { why } = problemWords(lang, draft);
      throw new InputError(draft.path, draft.reason, {
        key: `${PROBLEM_PREFIX}asWritten`,
        params: { reason: why },
      });
    }
    return draft.definition;
  }
}
