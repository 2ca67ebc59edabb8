/**
 * Who scores a queued call: the evaluator with the fewest open and in-progress items, never one
 * of the agent's own team when that is switched on (QUEUE_AVOID_OWN_TEAM). Pure: the caller
 * loads the evaluators with their current load and writes the result.
 */

export interface EvaluatorLoad {
  id: number;
  /** The evaluator's own team. */
  teamId: number | null;
  /** Open + in-progress items now. */
  load: number;
}

export type NoEvaluatorReason = 'no_evaluators' | 'own_team';

export type Assignment = { evaluatorId: number } | { evaluatorId: null; why: NoEvaluatorReason };

/** Ties go to the lowest user id, so the same state always gives the same choice. */
export function chooseEvaluator(
  evaluators: EvaluatorLoad[],
  agentTeamId: number | null,
  avoidOwnTeam: boolean,
): Assignment {
  if (evaluators.length === 0) return { evaluatorId: null, why: 'no_evaluators' };
  const eligible = evaluators.filter((e) => !sameTeam(e.teamId, agentTeamId, avoidOwnTeam));
  if (eligible.length === 0) return { evaluatorId: null, why: 'own_team' };
  const best = eligible.reduce((a, b) =>
    b.load < a.load || (b.load === a.load && b.id < a.id) ? b : a,
  );
  return { evaluatorId: best.id };
}

/** Whether the own-team rule keeps this evaluator from a call of an agent of this team. */
export function sameTeam(
  evaluatorTeamId: number | null,
  agentTeamId: number | null,
  avoidOwnTeam: boolean,
): boolean {
  return avoidOwnTeam && evaluatorTeamId !== null && evaluatorTeamId === agentTeamId;
}

/**
 * Assigns items one after another (oldest due first), each to the least loaded evaluator at
 * that moment, counting what this batch already gave out.
 */
export function assignAll<T extends { agentTeamId: number | null }>(
  items: T[],
  evaluators: EvaluatorLoad[],
  avoidOwnTeam: boolean,
): { item: T; assignment: Assignment }[] {
  const loads = evaluators.map((e) => ({ ...e }));
  return items.map((item) => {
    const assignment = chooseEvaluator(loads, item.agentTeamId, avoidOwnTeam);
    if (assignment.evaluatorId !== null) {
      loads.find((e) => e.id === assignment.evaluatorId)!.load++;
    }
    return { item, assignment };
  });
}
