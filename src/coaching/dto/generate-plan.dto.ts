import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { DateRangeDto } from '../../common/date-range.dto';
import { Trim } from '../../common/dto-helpers';

/** A draft plan from an agent's profile over a period: the API body and the new-plan form. */
export class GeneratePlanDto extends DateRangeDto {
  @ApiProperty({ description: "The agent's external id (A-001 …)" })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  agent: string;

  @ApiPropertyOptional({ description: 'Only this scorecard (default: every scorecard)' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  scorecard?: string;
}
