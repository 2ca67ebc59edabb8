import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DateRangeDto, PagedDateRangeDto } from '../../common/date-range.dto';

/**
 * What every analytics page and export takes: the period (the common DateRangeDto, checked by
 * resolvePeriod so that a page can show the error beside the field), the scorecard, the page
 * language.
 */
class PeriodQueryDto extends DateRangeDto {
  /** A scorecard key; empty = every scorecard together (profile) or the busiest (team). */
  @IsOptional()
  @IsString()
  @MaxLength(120)
  scorecard?: string;

  /** The page's language switch (read by the i18n middleware). */
  @IsOptional()
  @IsIn(['ko', 'en'])
  lang?: 'ko' | 'en';

  /** `csv` = the same table as a CSV file (like the `.csv` URL). */
  @IsOptional()
  @IsIn(['csv', 'html'])
  format?: 'csv' | 'html';
}

export const PROFILE_TABLES = [
  'criteria',
  'summary',
  'trend',
  'sections',
  'weakest',
  'strongest',
  'clusters',
  'agreement',
] as const;
export type ProfileTable = (typeof PROFILE_TABLES)[number];

export class ProfileQueryDto extends PeriodQueryDto {
  /** `include`: count calls where the customer abused the agent too (left out by default). */
  @IsOptional()
  @IsIn(['include'])
  abusive?: 'include';

  /** Answers an agent needs on a criterion before it counts as a pattern. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  minSample?: number;

  /** Which table a CSV export holds. */
  @IsOptional()
  @IsIn(PROFILE_TABLES)
  table?: ProfileTable;
}

export const TEAM_TABLES = ['heatmap', 'trend', 'misses'] as const;
export type TeamTable = (typeof TEAM_TABLES)[number];

export class HeatMapQueryDto extends PeriodQueryDto {
  /** `include`: count calls where the customer abused the agent too (left out by default). */
  @IsOptional()
  @IsIn(['include'])
  abusive?: 'include';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  team?: number;

  /** `agent`, `overall` or a criterion key. */
  @IsOptional()
  @IsString()
  @MaxLength(120)
  sort?: string;

  @IsOptional()
  @IsIn(['asc', 'desc'])
  dir?: 'asc' | 'desc';

  @IsOptional()
  @IsIn(TEAM_TABLES)
  table?: TeamTable;
}

/** A list of calls behind a number: a period (checked by resolvePeriod) and a page of rows. */
export class CallsQueryDto extends PagedDateRangeDto {
  /** `include`: count calls where the customer abused the agent too (left out by default). */
  @IsOptional()
  @IsIn(['include'])
  abusive?: 'include';

  @IsOptional()
  @IsString()
  @MaxLength(120)
  scorecard?: string;

  @IsOptional()
  @IsString()
  @MaxLength(120)
  criterion?: string;

  /** A section key: its criteria (of the chosen scorecard, or of every scorecard). */
  @IsOptional()
  @IsString()
  @MaxLength(120)
  section?: string;

  /** Whose answers: human (manual + mystery shop, the default) or auto. */
  @IsOptional()
  @IsIn(['human', 'auto'])
  source?: 'human' | 'auto';

  /** fail: a failed answer; pass: a passed one; disagree: auto-QA and the human differ. */
  @IsOptional()
  @IsIn(['fail', 'pass', 'disagree'])
  result?: 'fail' | 'pass' | 'disagree';

  @IsOptional()
  @IsIn(['channel', 'queue', 'escalated', 'hour'])
  dimension?: 'channel' | 'queue' | 'escalated' | 'hour';

  @IsOptional()
  @IsString()
  @MaxLength(120)
  value?: string;

  /** Voice calls measured by auto-QA: with interruptions, or ordered by silence / talk ratio. */
  @IsOptional()
  @IsIn(['interruptions', 'silence', 'talk'])
  metric?: 'interruptions' | 'silence' | 'talk';

  // `lang` (the page's language switch) comes with the page fields (PageQueryDto).

  @IsOptional()
  @IsIn(['csv', 'html'])
  format?: 'csv' | 'html';
}
