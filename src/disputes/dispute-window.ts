/**
 * The window an agent has to acknowledge or dispute an evaluation, counted from its submission
 * (DISPUTE_WINDOW_DAYS). Pure: the clock is passed in.
 */
const DAY_MS = 24 * 3_600_000;

export interface DisputeWindow {
  closesAt: Date | null;
  open: boolean;
  /** Whole days left, rounded up (0 once closed). */
  daysLeft: number;
}

export function disputeWindow(
  submittedAt: Date | string | null,
  days: number,
  now: Date = new Date(),
): DisputeWindow {
  if (!submittedAt) return { closesAt: null, open: false, daysLeft: 0 };
  const closesAt = new Date(new Date(submittedAt).getTime() + days * DAY_MS);
  const left = closesAt.getTime() - now.getTime();
  return { closesAt, open: left > 0, daysLeft: left > 0 ? Math.ceil(left / DAY_MS) : 0 };
}

/** `2026-11-09 09:15 UTC`: how error messages name the moment the window closed. */
export function utcMinute(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
