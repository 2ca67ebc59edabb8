import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.guard';
import { ADMIN } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { InputError } from '../common/errors';
import { ScorecardFormDto, scorecardFormOf } from '../scorecards/dto/scorecard-form.dto';
import { ScorecardEditorService, scoreSamples } from '../scorecards/scorecard-editor.service';
import { ScorecardTrialService } from './scorecard-trial.service';

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
  async preview(@Param('key') key: string, @Body() dto: ScorecardFormDto) {
    const form = scorecardFormOf(dto);
    const definition = await this.valid(key, dto);
    const samples = scoreSamples(definition, form);
    if (!samples.ok) throw new InputError(samples.path, samples.reason);
    return { definition, score: samples.score, answered: samples.answered };
  }

  @Post(':key/form/trial')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Auto-QA with the form on the 20 newest calls of its channel and language, against the published version; stores nothing',
  })
  async trial(@Param('key') key: string, @Body() dto: ScorecardFormDto) {
    return this.trials.trial(key, await this.valid(key, dto));
  }

  @Post(':key/form/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Writes the form into the YAML file and syncs: the next version' })
  publish(@CurrentUser() actor: Actor, @Param('key') key: string, @Body() dto: ScorecardFormDto) {
    return this.editor.publishForm(actor, key, scorecardFormOf(dto), dto.baseHash);
  }

  private async valid(key: string, dto: ScorecardFormDto) {
    const draft = await this.editor.draft(key, scorecardFormOf(dto));
    if (!draft.ok) throw new InputError(draft.path, draft.reason);
    return draft.definition;
  }
}
