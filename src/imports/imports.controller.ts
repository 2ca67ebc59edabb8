import { TRANSCRIPT_FORMATS } from '../transcripts/parse-transcript';
import { Body, Controller, HttpCode, Post, Res, UploadedFiles } from '@nestjs/common';
import { FileUploads } from '../common/file-uploads';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ImportOptionsDto } from './dto/import-options.dto';
import { ImportService } from './import.service';
import { nothingImported, refusalMessage, summarise } from './import-summary';
import { toImportOptions, UploadedFileLike } from './upload-batch';
import { Allow } from '../auth/access.guard';
import { QA } from '../auth/roles';
import { languageOf } from '../common/i18n/lang';

@ApiTags('interactions')
@Allow(QA)
@Controller('api/interactions')
export class ImportsController {
  constructor(private readonly imports: ImportService) {}

  @Post('import')
  @HttpCode(200)
  @FileUploads({ field: 'files', sizeFactor: 3 })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        files: { type: 'array', items: { type: 'string', format: 'binary' } },
        agent: { type: 'string' },
        externalId: { type: 'string' },
        source: { type: 'string' },
        channel: { type: 'string', enum: ['voice', 'chat'] },
        language: { type: 'string', enum: ['ko', 'en'] },
        format: { type: 'string', enum: [...TRANSCRIPT_FORMATS] },
        speakers: { type: 'string', example: 'spk_0=agent,spk_1=customer' },
      },
    },
  })
  @ApiOperation({
    summary:
      'Import transcripts in any supported format; each file succeeds or fails on its own, one result per interaction (200). When no file could be imported: 400 with the same report, the message naming the first file and why',
  })
  async import(
    @UploadedFiles() files: UploadedFileLike[],
    @Body() dto: ImportOptionsDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const batch = await this.imports.readUploads(files);
    const summary = summarise(
      await this.imports.importFiles(batch, toImportOptions(dto, batch.length)),
    );
    const refused = nothingImported(summary);
    if (!refused) return summary;
    res.status(refused.status);
    return {
      statusCode: refused.status,
      error: 'Bad Request',
      message: refusalMessage(summary, refused, languageOf(res)),
      field: refused.field,
      ...summary,
    };
  }
}
