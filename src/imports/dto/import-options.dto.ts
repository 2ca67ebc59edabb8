import { TRANSCRIPT_FORMATS, TranscriptFormat } from '../../transcripts/parse-transcript';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsPlainText } from '../../common/plain-text';

/** A form's empty field or unselected "detect" option means: not given. */
const blankToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** Multipart form fields sent with the files; each applies where the file itself is silent. */
export class ImportOptionsDto {
  @ApiPropertyOptional({ description: 'Agent external id for files that carry none (WebVTT)' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @IsPlainText()
  agent?: string;

  @ApiPropertyOptional({ description: 'Call id, for a single file that carries none' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsPlainText()
  externalId?: string;

  @ApiPropertyOptional({ description: 'Source system name (default "import")' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @Matches(/^[\w.-]{1,120}$/, { message: 'source may hold letters, digits, . _ - only' })
  source?: string;

  @ApiPropertyOptional({ enum: ['voice', 'chat'] })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsIn(['voice', 'chat'])
  channel?: 'voice' | 'chat';

  @ApiPropertyOptional({ enum: ['ko', 'en'] })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsIn(['ko', 'en'])
  language?: string;

  @ApiPropertyOptional({ enum: TRANSCRIPT_FORMATS, description: 'Overrides format detection' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsIn([...TRANSCRIPT_FORMATS])
  format?: TranscriptFormat;

  @ApiPropertyOptional({
    description: 'Who is who when the format does not say: "spk_0=agent,spk_1=customer"',
  })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(500)
  speakers?: string;

  @ApiPropertyOptional({
    description:
      'Field mapping (YAML or JSON text): `fields: { csat: Attributes.csat, holdMs: { path: Agent.CustomerHoldDuration, unit: s } }`',
  })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  mapping?: string;
}
