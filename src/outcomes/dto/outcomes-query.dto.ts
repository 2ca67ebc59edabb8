import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DateRangeDto } from '../../common/date-range.dto';
import { FCR_MODES, KPI_DIMENSIONS, type FcrMode, type KpiDimension } from '../kpi-facts';

/** The period (DateRangeDto), a team, the language and CSV: what every outcomes page and API takes. */
export class OutcomesPeriodDto extends DateRangeDto {
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
