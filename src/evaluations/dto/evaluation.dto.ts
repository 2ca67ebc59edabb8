import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class CreateEvaluationDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  interactionId: number;

  @ApiProperty({ example: 'voice-ko' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-_]*$/)
  scorecardKey: string;
}

export class AnswerDto {
  @ApiProperty({ example: 'greeting' })
  @IsString()
  @MaxLength(120)
  key: string;

  @ApiPropertyOptional({ description: 'A value on the scale; omit or null with na: true for N/A' })
  @ValidateIf((a: AnswerDto) => !a.na)
  @IsInt({ message: 'value must be a whole number on the scale (or set na: true)' })
  value?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  na?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;

  @ApiPropertyOptional({ description: 'The turn (0-based) the comment is about' })
  @IsOptional()
  @IsInt()
  @Min(0)
  turnIndex?: number;

  @ApiPropertyOptional({ description: 'The moment of the call (ms) the comment is about' })
  @IsOptional()
  @IsInt()
  @Min(0)
  timeMs?: number;
}

export class SaveAnswersDto {
  @ApiProperty({ description: 'The version you loaded; a stale one gets 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ type: [AnswerDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers: AnswerDto[];
}

export class SubmitEvaluationDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ type: [AnswerDto], description: 'Saved before submitting' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers?: AnswerDto[];
}

export class PreviewAnswersDto {
  @ApiProperty({ type: [AnswerDto], description: 'Answers to try over the saved ones' })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers: AnswerDto[];
}
