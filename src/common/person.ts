import type { Actor } from './current-user';

/** Another person as a reader is shown them in an API answer (an evaluator, a plan's author). */
export type PersonView = { name: string } | { id: number; name: string; email: string };

/**
 * Agents get a display name only; staff also the id and e-mail. Nobody gets another person's
 * sign-in times, role links or anything else of their account.
 */
export function personFor(
  reader: Actor,
  user: { id: number; name: string; email: string } | null | undefined,
): PersonView | null {
  if (!user) return null;
  if (reader.role === 'agent') return { name: user.name };
  return { id: user.id, name: user.name, email: user.email };
}
