import { Controller, Get, HttpCode, Param, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ScorecardsService } from './scorecards.service';
import { Allow } from '../auth/access.guard';
import { ADMIN, EVERYONE } from '../auth/roles';
import { contentDisposition } from '../common/content-disposition';
import { Actor, CurrentUser } from '../common/current-user';
import { InputError } from '../common/errors';
import { field, FormBody, FormFields, submitForm } from '../common/form-body';
import { QueryTextPipe } from '../common/query-text';
import { translate, type Language } from '../common/i18n/i18n';
import { Lang } from '../common/i18n/lang';
import { ScorecardEditorService } from './scorecard-editor.service';
import { ScorecardEditDto } from './dto/scorecard-edit.dto';
import { formInput } from '../common/form-input';
import { pageMessageOf } from '../common/http-exception.filter';
import { problemWords } from '../scorecard-schema/scorecard-problem';

@ApiExcludeController()
@Allow(EVERYONE)
@Controller('scorecards')
export class ScorecardsPagesController {
  constructor(
    private readonly scorecards: ScorecardsService,
    private readonly editor: ScorecardEditorService,
  ) {}

  @Get()
  @Render('scorecards/list')
  async list(@CurrentUser() actor: Actor, @Lang() lang: Language) {
    return this.listView(actor, lang);
  }

  /** Admin: reload scorecards/*.yaml and show, per file, what happened. */
  @Post('sync')
  @Allow(ADMIN)
  @HttpCode(200)
  @Render('scorecards/list')
  async sync(@CurrentUser() actor: Actor, @Lang() lang: Language) {
    const synced = (await this.scorecards.syncFromFiles(actor)).map((r) =>
      r.result === 'invalid' ? { ...r, words: problemWords(lang, r) } : r,
    );
    return { ...(await this.listView(actor, lang)), synced };
  }

  @Get(':key')
  @Render('scorecards/show')
  async show(
    @CurrentUser() actor: Actor,
    @Param('key') key: string,
    @Query('version', QueryTextPipe) version?: string,
    @Query('published', QueryTextPipe) published?: string,
  ) {
    if (version && !/^[1-9]\d{0,8}$/.test(version)) {
      throw new InputError('version', 'must be a version number (1, 2, …)');
    }
    const shown = version
      ? await this.scorecards.version(key, Number(version))
      : await this.scorecards.current(key);
    const versions = await this.scorecards.versionsOf(key);
    return {
      title: shown.definition.name,
      key,
      shown,
      definition: shown.definition,
      isAdmin: actor.role === 'admin',
      published: published === 'new_version' || published === 'unchanged' ? published : null,
      isCurrent: versions[0]?.id === shown.id,
      versions: versions.map((v) => ({ ...v, selected: v.id === shown.id })),
    };
  }

  /** Admin: the scorecard's YAML file in a text area, as it is on disk now. */
  @Get(':key/edit')
  @Allow(ADMIN)
  @Render('scorecards/edit')
  async edit(@Param('key') key: string) {
    const source = await this.editor.source(key);
    return { title: key, ...source, baseHash: source.fileHash };
  }

  /** Admin: "Preview" validates and scores samples; "Publish" writes the file and syncs. */
  @Post(':key/edit')
  @Allow(ADMIN)
  @HttpCode(200)
  async submitEdit(
    @CurrentUser() actor: Actor,
    @Param('key') key: string,
    @FormBody() body: FormFields,
    @Lang() lang: Language,
    @Res() res: Response,
  ) {
    const text = field(body, 'yaml') ?? '';
    const baseHash = field(body, 'baseHash') ?? '';
    const source = await this.editor.source(key);
    const view = { title: key, key, file: source.file, text, baseHash };
    await submitForm(
      res,
      'scorecards/edit',
      async () => {
        const dto = formInput(ScorecardEditDto, body);
        if (dto.action !== 'publish') {
          res.render('scorecards/edit', { ...view, preview: await this.preview(key, text, lang) });
          return;
        }
        const result = await this.editor.publish(actor, key, dto.yaml, dto.baseHash);
        res.redirect(303, `/scorecards/${encodeURIComponent(key)}?published=${result.result}`);
      },
      async (e) => ({
        ...view,
        stale: e.status === 409,
        // A refused form (no text, no fingerprint) says why; an invalid scorecard is the preview's.
        formError:
          e instanceof InputError && !e.field.startsWith('yaml.') ? pageMessageOf(e, lang) : null,
        preview: e.status === 409 ? null : await this.preview(key, text, lang),
      }),
    );
  }

  /** Admin: download the scorecard's YAML file. */
  @Get(':key/export')
  @Allow(ADMIN)
  async export(@Param('key') key: string, @Res() res: Response) {
    const source = await this.editor.source(key);
    res.setHeader('Content-Type', 'application/yaml; charset=utf-8');
    res.setHeader('Content-Disposition', contentDisposition(`${key}.yaml`));
    res.send(source.text);
  }

  /** The editor's preview, an invalid text's problem worded in the reader's language. */
  private async preview(key: string, text: string, lang: Language) {
    const preview = await this.editor.preview(key, text);
    return preview.ok ? preview : { ...preview, words: problemWords(lang, preview) };
  }

  private async listView(actor: Actor, lang: Language) {
    return {
      title: translate(lang, 'nav.scorecards'),
      isAdmin: actor.role === 'admin',
      scorecards: await this.scorecards.history(),
    };
  }
}
