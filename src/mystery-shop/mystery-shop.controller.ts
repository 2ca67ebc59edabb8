import { Body, Controller, HttpCode, Post, UploadedFiles } from '@nestjs/common';
import { FileUploads } from '../common/file-uploads';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Actor, CurrentUser } from '../common/current-user';
import { toMysteryShopUpload, type UploadedPart } from './mystery-shop.upload';
import { MysteryShopService } from './mystery-shop.service';
import { Allow } from '../auth/access.guard';
import { QA } from '../auth/roles';

export class MysteryShopImportDto {
  /** `true` (the default) only checks; `false` imports. */
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

@ApiTags('mystery-shop')
@Allow(QA)
@Controller('api/mystery-shop')
export class MysteryShopController {
  constructor(private readonly mysteryShop: MysteryShopService) {}

  @Post('import')
  @HttpCode(200)
  @FileUploads({ field: 'file', sizeFactor: 1 })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        file: { type: 'string', format: 'binary', description: 'CSV or XLSX, one row a shop' },
        mapping: { type: 'string', format: 'binary', description: 'optional mapping (YAML/JSON)' },
        transcripts: { type: 'array', items: { type: 'string', format: 'binary' } },
        dryRun: { type: 'string', enum: ['true', 'false'], default: 'true' },
      },
    },
  })
  @ApiOperation({
    summary:
      'Mystery-shopper results: a dry run (default) lists row errors and what would be created; dryRun=false imports, all or nothing',
  })
  import(
    @CurrentUser() actor: Actor,
    @UploadedFiles() parts: UploadedPart[],
    @Body() dto: MysteryShopImportDto,
  ) {
    const upload = toMysteryShopUpload(parts);
    return dto.dryRun === 'false'
      ? this.mysteryShop.commit(actor, upload)
      : this.mysteryShop.dryRun(upload);
  }
}
