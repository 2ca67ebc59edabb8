/**
 * What a loaded call shows of the abuse check (its stored flag, the protective actions leads
 * recorded): read from the abuse tables' owner, AbuseRepository, which the global
 * AbuseStoreModule provides as `CALL_ABUSE`. The abuse feature builds on calls, so interactions
 * imports no abuse code at run time.
 */
import type { AbuseFlag } from '../abuse/entities/abuse-flag.entity';
import type { ProtectiveAction } from '../abuse/entities/protective-action.entity';

export const CALL_ABUSE = Symbol('CALL_ABUSE');

export interface CallAbuse {
  /** The call's stored flag; null when it was never checked. */
  flagOf(interactionId: number): Promise<AbuseFlag | null>;
  /** Oldest first, with who recorded each. */
  actionsOf(interactionIds: number[]): Promise<ProtectiveAction[]>;
}
