import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { SAMPLING_KINDS } from '../entities/sampling-rule.entity';
import { QUEUE_STATUS_FILTERS, QUEUE_VIEWS } from '../queue.service';

/** GET /api/queue. Checked by the service, so an error names the field. */
export class ListQueueDto {
  @ApiPropertyOptional({
    enum: QUEUE_VIEWS,
    description: 'mine (default), unassigned, all (admins)',
  })
  @IsOptional()
  view?: string;

  @ApiPropertyOptional({
    enum: QUEUE_STATUS_FILTERS,
    description: 'pending = open + in progress (default); any = every status',
  })
  @IsOptional()
  status?: string;

  @ApiPropertyOptional({ description: 'true: only open or in-progress items past their due date' })
  @IsOptional()
  overdue?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  page?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  pageSize?: string;
}

/**
 * A sampling rule. Every field is checked by the service, so a mistake is a 400 naming the
 * field (`params.perWeek`, `dueDays` …). On update, fields left out keep their value.
 */
export class SamplingRuleDto {
  @ApiPropertyOptional({ example: '3 random calls per agent per week' })
  @IsOptional()
  name?: unknown;

  @ApiPropertyOptional({ enum: SAMPLING_KINDS })
  @IsOptional()
  kind?: unknown;

  @ApiPropertyOptional({
    description:
      'random_per_agent_week { perWeek }; low_csat { maxCsat }; auto_critical_fail {}; ' +
      'queue { queue, perWeek? }; channel { channel: voice | chat, perWeek? }',
    example: { perWeek: 3 },
  })
  @IsOptional()
  params?: unknown;

  @ApiPropertyOptional({ description: "null: the call's channel-language scorecard (voice-ko …)" })
  @IsOptional()
  scorecardKey?: unknown;

  @ApiPropertyOptional({ default: 7, description: 'days from queueing to the due date' })
  @IsOptional()
  dueDays?: unknown;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  active?: unknown;
}

/** The admin's "Skip" on a queue item (page form): why the call needs no evaluation. */
export class SkipItemDto {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

/** The admin's "Reassign" on a queue item (page form). */
export class AssignItemDto {
  @IsInt()
  @Min(1)
  evaluatorId: number;
}
