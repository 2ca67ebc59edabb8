import { IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A feedback session to schedule: a date and time as the form's `datetime-local` gives it (read
 * in the installation's zone, TZ_DISPLAY) or ISO with an offset; the coaching service reads it.
 */
export class ScheduleSessionDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  scheduledAt: string;
}

/** The lead's record of a held session: a note per focus criterion, commitments, a follow-up. */
export class RecordSessionDto {
  /** Focus criterion key → note (the form's `note_<key>` fields). */
  @IsObject()
  notes: Record<string, string>;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  commitments?: string;

  @IsOptional()
  @Matches(DAY)
  followUpDate?: string;
}
