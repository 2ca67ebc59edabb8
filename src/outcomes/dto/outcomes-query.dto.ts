import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FCR_MODES, KPI_DIMENSIONS, type FcrMode, type KpiDimension } from '../kpi-facts';

/** The period, the language and CSV: what every outcomes page and API takes. */
export class OutcomesPeriodDto {
  /** YYYY-MM-DD, checked by resolvePeriod (the error names the field). */
  @ApiPropertyOptional({ description: 'First day, YYYY-MM-DD (default: 8 weeks ago, Monday)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  from?: string;

  @ApiPropertyOptional({ description: 'Last day, YYYY-MM-DD (default: today)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  to?: string;

  @ApiPropertyOptional({ description: 'Only this team (id)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  team?: number;

  @IsOptional()
  @IsIn(['ko', 'en'])
  lang?: 'ko' | 'en';

  @IsOptional()
  @IsIn(['csv', 'html'])
  format?: 'csv' | 'html';
}

export class KpiQueryDto extends OutcomesPeriodDto {
  @ApiPropertyOptional({ enum: KPI_DIMENSIONS, description: 'One row per … (default agent)' })
  @IsOptional()
  @IsIn(KPI_DIMENSIONS)
  by?: KpiDimension;

  @ApiPropertyOptional({ description: "Only this agent's calls (external id)" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  agent?: string;

  @ApiPropertyOptional({
    enum: FCR_MODES,
    description:
      'FCR from the metadata (fcr), derived (no repeat contact by the same customerId within repeatDays), or auto = metadata where present, else derived',
  })
  @IsOptional()
  @IsIn(FCR_MODES)
  fcr?: FcrMode;

  @ApiPropertyOptional({ description: 'Days without a repeat contact for derived FCR (default 7)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  repeatDays?: number;

  @ApiPropertyOptional({
    description: 'QA scores of this scorecard only (default: every scorecard)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  scorecard?: string;
}

export class DriversQueryDto extends OutcomesPeriodDto {
  @ApiPropertyOptional({ description: 'Scorecard key (default: the one with the most answers)' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  scorecard?: string;

  @ApiPropertyOptional({ enum: ['human', 'auto'], description: 'Whose answers (default human)' })
  @IsOptional()
  @IsIn(['human', 'auto'])
  source?: 'human' | 'auto';

  @ApiPropertyOptional({ enum: ['csat', 'fcr'], description: 'Which outcome (default csat)' })
  @IsOptional()
  @IsIn(['csat', 'fcr'])
  outcome?: 'csat' | 'fcr';
}
