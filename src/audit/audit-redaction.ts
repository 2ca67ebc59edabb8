import type { AuditEntry } from './entities/audit-entry.entity';

/** What an audit entry of a calibration evaluation keeps while its session is open. */
const HIDDEN_KEYS = new Set(['answers', 'overallScore', 'passed', 'breakdown']);

export type ShownAuditEntry = AuditEntry & {
  /** Set when answer details were left out: another participant's open calibration. */
  hidden?: 'calibration_open';
};

/**
 * The audit log shows a calibration evaluation's answers and score only once its session has
 * closed (to anyone but the evaluator): before that, the entries keep who did what and when,
 * without the details. `blind` holds the evaluation ids still hidden from the reader.
 */
export function redactBlind(entries: AuditEntry[], blind: Set<number>): ShownAuditEntry[] {
  return entries.map((entry) => {
    if (entry.entityType !== 'evaluation' || !blind.has(Number(entry.entityId))) return entry;
    return {
      ...entry,
      before: withoutDetails(entry.before),
      after: withoutDetails(entry.after),
      hidden: 'calibration_open',
    };
  });
}

/** Ids of the evaluations these entries are about. */
export function evaluationIdsOf(entries: AuditEntry[]): number[] {
  return entries.filter((e) => e.entityType === 'evaluation').map((e) => Number(e.entityId));
}

function withoutDetails(state: object | null): object | null {
  if (!state) return state;
  return Object.fromEntries(Object.entries(state).filter(([key]) => !HIDDEN_KEYS.has(key)));
}
