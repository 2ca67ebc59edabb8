import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { MAX_LISTED_IDS } from '../../common/calls-link';
import { PageQueryDto } from '../../common/pagination';

/**
 * The calls list's filters. Besides agent, channel, language and id text, the filters the
 * numbers on the analytics pages link with (every number opens exactly the calls behind it):
 * team, queue, a period (from/to days, an ISO week), a criterion's latest counted answer
 * (passed or failed, human or auto-QA) and explicit call ids. Filters combine with AND.
 */
export class ListInteractionsDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(120)
  agent?: string;

  @IsOptional()
  @IsIn(['voice', 'chat'])
  channel?: 'voice' | 'chat';

  @IsOptional()
  @IsIn(['ko', 'en'])
  language?: string;

  // `lang` (the page's language switch) comes with the page fields (PageQueryDto).

  /** Part of the external id. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: "Only this team's agents' calls (team id)" })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  team?: number;

  @ApiPropertyOptional({ description: 'Only calls of this queue' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  queue?: string;

  @ApiPropertyOptional({ description: 'Calls started on or after this day (UTC), YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'give a date as YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Calls started on or before this day (UTC), YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'give a date as YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ description: 'Calls started in this ISO week (UTC), e.g. 2026-W41' })
  @IsOptional()
  @Matches(/^\d{4}-W\d{2}$/, { message: 'give an ISO week as YYYY-Www, e.g. 2026-W41' })
  week?: string;

  @ApiPropertyOptional({ description: 'Scorecard key of `criterion`' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  scorecard?: string;

  @ApiPropertyOptional({
    description: 'Calls whose latest counted answer to this criterion is `result` (staff only)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  criterion?: string;

  @ApiPropertyOptional({ enum: ['pass', 'fail'] })
  @IsOptional()
  @IsIn(['pass', 'fail'])
  result?: 'pass' | 'fail';

  @ApiPropertyOptional({ enum: ['human', 'auto'], description: 'Whose answer (default human)' })
  @IsOptional()
  @IsIn(['human', 'auto'])
  source?: 'human' | 'auto';

  @ApiPropertyOptional({
    description: `Only these calls: ids separated by commas (at most ${MAX_LISTED_IDS})`,
  })
  @IsOptional()
  @MaxLength(MAX_LISTED_IDS * 11, { message: `at most ${MAX_LISTED_IDS} call ids` })
  @Matches(/^\d{1,10}(,\d{1,10})*$/, { message: 'give call ids as numbers separated by commas' })
  ids?: string;
}
