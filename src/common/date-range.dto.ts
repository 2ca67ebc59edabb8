import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from './pagination';

/**
 * A period of days, both inclusive, as every report, export and the coaching plan take it:
 * `from` and `to` as YYYY-MM-DD, each optional. Whether they are real days, in order and at
 * most MAX_PERIOD_DAYS apart is `resolvePeriod`'s question (src/analytics/period.ts), which
 * fills in the default (the last 8 ISO weeks) and names the field it refuses, so that a page
 * can show the error beside it. A DTO that takes more extends this one.
 */
export class DateRangeDto {
  @ApiPropertyOptional({ description: 'First day, YYYY-MM-DD (default: 8 weeks ago, Monday)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  from?: string;

  @ApiPropertyOptional({ description: 'Last day, YYYY-MM-DD, inclusive (default: today)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  to?: string;
}

/** A period and a page of a list (`page`, `pageSize`), for reports that list rows. */
export class PagedDateRangeDto extends IntersectionType(DateRangeDto, PageQueryDto) {}
