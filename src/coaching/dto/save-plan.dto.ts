import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';

/**
 * The coaching plan form's checked fields: the version the lead started from (a stale one is a
 * conflict) and the target score. The texts, actions and focus targets are read per field.
 */
export class SavePlanDto {
  @IsInt()
  @Min(1)
  version: number;

  /** Percent; empty means no target. */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  targetScore?: number;
}
