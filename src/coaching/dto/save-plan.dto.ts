import { IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';

/**
 * The coaching plan form's checked fields: the version the lead started from (a stale one is a
 * conflict), the target score and the follow-up day. The texts, actions and focus targets are
 * read per field (a focus target's range is checked by the service, which names the criterion).
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

  /** YYYY-MM-DD; empty leaves it as it is. */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  followUpDate?: string;
}
