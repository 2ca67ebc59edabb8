import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

/** A lead confirms or changes a team's weekly focus (the API body and the chats page's form). */
export class SetTeamFocusDto {
  @ApiProperty({ description: 'Team id' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  team: number;

  @ApiProperty({ description: 'ISO week, e.g. 2026-W41' })
  @Matches(/^\d{4}-W\d{2}$/, { message: 'give an ISO week as YYYY-Www, e.g. 2026-W41' })
  week: string;

  @ApiProperty({ description: 'Scorecard of the criterion' })
  @IsString()
  @MaxLength(120)
  scorecard: string;

  @ApiProperty({ description: 'The criterion the team works on this week' })
  @IsString()
  @MaxLength(120)
  criterion: string;

  @ApiPropertyOptional({ description: 'The suggested criterion shown when the lead chose' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  suggested?: string;

  /** The chats page's period, to go back to it (the form only). */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'give a date as YYYY-MM-DD' })
  from?: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'give a date as YYYY-MM-DD' })
  to?: string;
}
