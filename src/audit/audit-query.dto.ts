import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE } from '../common/pagination';

export const AUDITED_ENTITIES = [
  'evaluation',
  'scorecard',
  'interaction',
  'user',
  'mystery_shop',
  'calibration',
  'sampling_rule',
  'queue_item',
  'coaching_plan',
  'retention',
  'data_request',
  'team_focus',
] as const;

export class AuditQueryDto {
  /** The page's language switch (read by the i18n middleware). */
  @IsOptional()
  @IsIn(['ko', 'en'])
  lang?: 'ko' | 'en';

  @IsOptional()
  @IsIn(AUDITED_ENTITIES)
  entityType?: string;

  @IsOptional()
  @IsString()
  @MaxLength(120)
  entityId?: string;

  /** Part of the action, e.g. `submitted` or `user.` */
  @IsOptional()
  @IsString()
  @MaxLength(60)
  action?: string;

  /** Part of the actor's name or e-mail. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
