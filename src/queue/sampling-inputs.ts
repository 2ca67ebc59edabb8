import { agentWeekKey, type CandidateCall, failedCriticalKeys } from './sampling-plan';

/**
 * What sampling reads besides the candidate calls, turned into what planSample needs: the
 * failed critical criteria of each call's latest auto evaluation, and how many calls each quota
 * rule already queued in each agent's week. Pure (queue.repository.ts reads the rows).
 */

/** A call's latest auto evaluation breakdown (parsed JSON, not yet checked). */
export interface AutoBreakdown {
  interactionId: number;
  breakdown: unknown;
}

/** A call a sampling rule queued: its agent and when it started. */
export interface RuleQueued {
  ruleId: number;
  agentId: number;
  startedAt: Date;
}

/** The candidates with the failed critical criteria of their latest auto evaluation. */
export function withCriticalFailures(
  candidates: CandidateCall[],
  breakdowns: AutoBreakdown[],
): CandidateCall[] {
  const failed = new Map<number, string[]>();
  for (const b of breakdowns) {
    const keys = failedCriticalKeys(b.breakdown);
    if (keys.length > 0) failed.set(b.interactionId, keys);
  }
  return candidates.map((c) => ({ ...c, criticalFailed: failed.get(c.id) }));
}

/** Per quota rule: how many calls it queued in each agent's week. */
export function quotaUsed(
  ruleIds: number[],
  queued: RuleQueued[],
): Map<number, Map<string, number>> {
  const used = new Map<number, Map<string, number>>(ruleIds.map((id) => [id, new Map()]));
  for (const q of queued) {
    const weeks = used.get(q.ruleId);
    if (!weeks) continue;
    const key = agentWeekKey(q.agentId, q.startedAt);
    weeks.set(key, (weeks.get(key) ?? 0) + 1);
  }
  return used;
}
