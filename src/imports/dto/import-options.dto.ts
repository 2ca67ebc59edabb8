import { TRANSCRIPT_FORMATS, TranscriptFormat } from '../../transcripts/parse-transcript';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Multipart form fields sent with the files; each applies where the file itself is silent. */
export class ImportOptionsDto {
  @ApiPropertyOptional({ description: 'Agent external id for files that carry none (WebVTT)' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  agent?: string;

  @ApiPropertyOptional({ description: 'Call id, for a single file that carries none' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  externalId?: string;

  @ApiPropertyOptional({ description: 'Source system name (default "import")' })
  @IsOptional()
  @IsString()
  @Matches(/^[\w.-]{1,120}$/, { message: 'source may hold letters, digits, . _ - only' })
  source?: string;

  @ApiPropertyOptional({ enum: ['voice', 'chat'] })
  @IsOptional()
  @IsIn(['voice', 'chat'])
  channel?: 'voice' | 'chat';

  @ApiPropertyOptional({ enum: ['ko', 'en'] })
  @IsOptional()
  @IsIn(['ko', 'en'])
  language?: string;

  @ApiPropertyOptional({ enum: TRANSCRIPT_FORMATS, description: 'Overrides format detection' })
  @IsOptional()
  @IsIn([...TRANSCRIPT_FORMATS])
  format?: TranscriptFormat;

  @ApiPropertyOptional({
    description: 'Who is who when the format does not say: "spk_0=agent,spk_1=customer"',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  speakers?: string;
}
