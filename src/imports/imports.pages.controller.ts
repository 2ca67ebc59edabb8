import { TRANSCRIPT_FORMATS } from '../transcripts/parse-transcript';
import { Controller, Get, Post, Render, Res, UploadedFiles } from '@nestjs/common';
import { FileUploads } from '../common/file-uploads';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '../common/errors';
import { FormBody, type FormFields } from '../common/form-body';
import { formInput } from '../common/form-input';
import { pageMessageOf } from '../common/http-exception.filter';
import { translate } from '../common/i18n/i18n';
import { ImportOptionsDto } from './dto/import-options.dto';
import { ImportService } from './import.service';
import { nothingImported, refusalForPage, summarise, summaryForPage } from './import-summary';
import { toImportOptions, UploadedFileLike } from './upload-batch';
import { Allow } from '../auth/access.guard';
import { CsrfInMultipartBody } from '../auth/csrf';
import { QA } from '../auth/roles';
import { languageOf } from '../common/i18n/lang';

@ApiExcludeController()
@Allow(QA)
@Controller('imports')
export class ImportsPagesController {
  constructor(private readonly imports: ImportService) {}

  @Get()
  @Render('imports/form')
  form(@Res({ passthrough: true }) res: Response) {
    return {
      title: translate(languageOf(res), 'nav.import'),
      options: {},
      formats: TRANSCRIPT_FORMATS,
    };
  }

  @Post()
  @CsrfInMultipartBody()
  @FileUploads({ field: 'files', sizeFactor: 3 })
  async upload(
    @UploadedFiles() files: UploadedFileLike[],
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    const lang = languageOf(res);
    const title = translate(lang, 'nav.import');
    // What was chosen comes back with the page, refused or not.
    const options = { ...body, _csrf: undefined };
    try {
      // The same DTO as POST /api/imports; a wrong option is named in the page's language.
      const dto = formInput(ImportOptionsDto, body);
      const batch = await this.imports.readUploads(files);
      const summary = summarise(
        await this.imports.importFiles(batch, toImportOptions(dto, batch.length)),
      );
      // Every file failed: a 400, the report shown below the first failure (as the API answers).
      const refused = nothingImported(summary);
      if (refused) res.status(refused.status);
      res.render('imports/form', {
        title,
        options,
        summary: summaryForPage(summary, lang),
        formError: refused ? refusalForPage(summary, refused, lang) : undefined,
        formats: TRANSCRIPT_FORMATS,
      });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      res.status(e.status).render('imports/form', {
        title,
        options,
        formError: pageMessageOf(e, lang),
        formats: TRANSCRIPT_FORMATS,
      });
    }
  }
}
