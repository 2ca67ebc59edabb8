import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ASSIGNMENTS, type Assignment } from '../entities/experiment.entity';

export class VariantDto {
  @ApiProperty({ example: 'A' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'use letters, digits, - or _ (at most 40)' })
  key: string;

  @ApiProperty({ example: 'Current script' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  label: string;

  @ApiProperty({ description: 'The metadata value, queue or phrase that puts a call in it' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  value: string;
}

export class CreateExperimentDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ enum: ASSIGNMENTS })
  @IsIn(ASSIGNMENTS)
  assignment: Assignment;

  @ApiPropertyOptional({ description: 'The metadata field (assignment = metadata)' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,120}$/, { message: 'a field name: letters, digits, _ . -' })
  field?: string;

  @ApiProperty({ type: [VariantDto], description: 'Two to six; the first is the control' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => VariantDto)
  variants: VariantDto[];

  @ApiPropertyOptional({ description: 'Scorecard of the QA score and criteria compared' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  scorecard?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  criteria?: string[];

  @ApiProperty({ example: '2026-10-01' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'give a date as YYYY-MM-DD' })
  from: string;

  @ApiProperty({ example: '2026-10-31' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'give a date as YYYY-MM-DD' })
  to: string;
}
