import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';

export class OpenCalibrationDto {
  @ApiProperty({ description: 'The interaction (call) everyone scores' })
  @IsInt()
  @Min(1)
  interactionId: number;

  @ApiProperty({ example: 'voice-ko', description: "Scored on this scorecard's current version" })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-_]*$/)
  scorecardKey: string;

  @ApiProperty({ type: [Number], description: 'At least two evaluators or admins (user ids)' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  participantIds: number[];

  @ApiProperty({ description: 'One of the participants: their answers are the benchmark' })
  @IsInt()
  expertId: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ example: '2026-11-20T18:00:00+09:00' })
  @IsOptional()
  @IsISO8601()
  dueAt?: string;
}
