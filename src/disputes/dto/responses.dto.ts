import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsInt, IsObject, IsOptional, IsString, Min } from 'class-validator';

/**
 * The bodies of acknowledge / dispute / resolve. Presence and content (non-empty reason, known
 * criteria, values on the scale) are checked by the service, so the answer names the field
 * (`reason`, `criteria`, `changes.<key>`) whether it came from the API or the page's form.
 */
class VersionedDto {
  @ApiPropertyOptional({ description: 'The evaluation version you saw; 409 when it is stale' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class AcknowledgeDto extends VersionedDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  comment?: string;
}

export class DisputeDto extends VersionedDto {
  @ApiPropertyOptional({ type: [String], description: 'criterion keys of the scorecard version' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  criteria?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  reason?: string;
}

export class ResolveDto extends VersionedDto {
  @ApiPropertyOptional({ enum: ['upheld', 'changed'] })
  @IsOptional()
  @IsString()
  outcome?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  reason?: string;

  @ApiPropertyOptional({
    description: 'criterion key → new value on its scale, or null for N/A (disputed criteria only)',
    type: 'object',
    additionalProperties: { type: 'integer', nullable: true },
  })
  @IsOptional()
  @IsObject()
  changes?: Record<string, unknown>;
}
