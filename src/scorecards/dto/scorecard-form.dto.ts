/**
 * The scorecard form editor's post (and the same body as JSON on the API): the fields a person
 * edits, as text. This DTO only checks the shape (texts, sizes, list lengths); what the values
 * must be is the scorecard schema's, which checks the YAML they are written into exactly as it
 * checks a file (src/scorecards/scorecard-form.ts, scorecard-schema.ts).
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { CriterionForm, ScorecardForm, SectionForm } from '../scorecard-form';

const SHORT = 200;
const LONG = 8000;

export class CriterionFormDto {
  @ApiPropertyOptional({ description: 'Where it was in the file ("1.0"); empty for a new one' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  from?: string;

  @ApiPropertyOptional({ example: 'greeting' })
  @IsOptional()
  @IsString()
  @MaxLength(SHORT)
  key?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(SHORT * 2)
  label?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(LONG)
  guidance?: string;

  @ApiPropertyOptional({ enum: ['yes_no', '1-5', 'points'] })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  scaleType?: string;

  @ApiPropertyOptional({ description: 'N of a 0-N points scale' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  points?: string;

  @ApiPropertyOptional({ example: '1' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  weight?: string;

  @ApiPropertyOptional({ description: 'N/A allowed' })
  @IsOptional()
  @IsBoolean()
  na?: boolean;

  @ApiPropertyOptional({ enum: ['', 'evaluation', 'section'] })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  critical?: string;

  @ApiPropertyOptional({ description: "Empty: the scale's default" })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  failBelow?: string;

  @ApiPropertyOptional({ description: 'Coaching: what good looks like' })
  @IsOptional()
  @IsString()
  @MaxLength(LONG)
  good?: string;

  @ApiPropertyOptional({ description: 'Coaching: recommended phrases, one a line' })
  @IsOptional()
  @IsString()
  @MaxLength(LONG)
  phrases?: string;

  @ApiPropertyOptional({ description: 'The auto block as YAML text' })
  @IsOptional()
  @IsString()
  @MaxLength(LONG * 2)
  auto?: string;

  @ApiPropertyOptional({ description: "Sample answer for the preview: a value, 'na' or empty" })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  sample?: string;
}

export class SectionFormDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20)
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(SHORT)
  key?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(SHORT * 2)
  label?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20)
  weight?: string;

  @ApiPropertyOptional({ type: [CriterionFormDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CriterionFormDto)
  criteria?: CriterionFormDto[];
}

export class ScorecardFormDto {
  @ApiProperty({ description: 'The fingerprint of the file the form was opened on' })
  @IsString()
  @MaxLength(64)
  baseHash: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(SHORT * 2)
  name?: string;

  @ApiPropertyOptional({ enum: ['ko', 'en'] })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  language?: string;

  @ApiPropertyOptional({ enum: ['voice', 'chat'] })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  channel?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(LONG)
  description?: string;

  @ApiPropertyOptional({ example: '80' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  passingScore?: string;

  @ApiPropertyOptional({ description: 'The autoQa block (phrase families …) as YAML text' })
  @IsOptional()
  @IsString()
  @MaxLength(LONG * 8)
  autoQa?: string;

  @ApiPropertyOptional({ type: [SectionFormDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SectionFormDto)
  sections?: SectionFormDto[];
}

/** The DTO as the form model, every field present. */
export function scorecardFormOf(dto: ScorecardFormDto): ScorecardForm {
  return {
    name: dto.name ?? '',
    language: dto.language ?? '',
    channel: dto.channel ?? '',
    description: dto.description ?? '',
    passingScore: dto.passingScore ?? '',
    autoQa: dto.autoQa ?? '',
    sections: (dto.sections ?? []).map((s): SectionForm => ({
      from: s.from ?? '',
      key: s.key ?? '',
      label: s.label ?? '',
      weight: s.weight ?? '',
      criteria: (s.criteria ?? []).map((c): CriterionForm => ({
        from: c.from ?? '',
        key: c.key ?? '',
        label: c.label ?? '',
        guidance: c.guidance ?? '',
        scaleType: c.scaleType ?? '',
        points: c.points ?? '',
        weight: c.weight ?? '',
        na: c.na === true,
        critical: c.critical ?? '',
        failBelow: c.failBelow ?? '',
        good: c.good ?? '',
        phrases: c.phrases ?? '',
        auto: c.auto ?? '',
        sample: c.sample ?? '',
      })),
    })),
  };
}

/**
 * A browser's form post as the DTO's shape: `sections[12][criteria][30][key]` arrives from the
 * body parser as a list, or, past its list size limit, as an object keyed by index; both become
 * lists in index order. A checked `na` box posts "1".
 */
export function scorecardFormInput(body: Record<string, unknown>): Record<string, unknown> {
  const sections = listOf(body.sections).map((s) => {
    const section = record(s);
    return {
      ...section,
      criteria: listOf(section.criteria).map((c) => {
        const criterion = record(c);
        return { ...criterion, na: criterion.na === undefined ? undefined : criterion.na !== '' };
      }),
    };
  });
  return { ...body, sections };
}

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  const map = record(value);
  return Object.keys(map)
    .filter((k) => /^\d{1,4}$/.test(k))
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => map[k]);
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
