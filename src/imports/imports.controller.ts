import { TRANSCRIPT_FORMATS } from '../transcripts/parse-transcript';
import { Body, Controller, HttpCode, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ImportOptionsDto } from './dto/import-options.dto';
import { ImportService } from './import.service';
import { summarise } from './import-summary';
import { toImportOptions, UploadedFileLike } from './upload-batch';
import { Allow } from '../auth/access.guard';
import { QA } from '../auth/roles';

@ApiTags('interactions')
@Allow(QA)
@Controller('api/interactions')
export class ImportsController {
  constructor(private readonly imports: ImportService) {}

  @Post('import')
  @HttpCode(200)
  @UseInterceptors(AnyFilesInterceptor())
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
      'Import transcripts in any supported format; each file succeeds or fails on its own, one result per interaction',
  })
  async import(@UploadedFiles() files: UploadedFileLike[], @Body() dto: ImportOptionsDto) {
    const batch = await this.imports.readUploads(files);
    return summarise(await this.imports.importFiles(batch, toImportOptions(dto, batch.length)));
  }
}
