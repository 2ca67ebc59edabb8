/**
 * What each role may see, as SQL conditions added to the queries themselves (not by hiding
 * links): a row outside the actor's scope is never read, so asking for it by id gives 404.
 * - admin, evaluator: every interaction; team_lead: their teams' agents'; agent: their own.
 * - evaluations: admin all; evaluator their own plus machine (auto) and mystery-shop results;
 *   team_lead those on their teams' interactions, except others' drafts and calibration;
 *   agent the submitted (or later) manual and mystery-shop evaluations of their interactions.
 * Identifiers are quoted by hand so the fragments work unchanged on SQLite and PostgreSQL.
 */
import type { Actor } from '../common/current-user';

export interface Condition {
  sql: string;
  params: Record<string, unknown>;
}

const NOTHING: Condition = { sql: '1 = 0', params: {} };

/** `agentIdColumn` is the quoted column holding the interaction's agent, e.g. `"i"."agentId"`. */
export function interactionScope(actor: Actor, agentIdColumn: string): Condition | null {
  switch (actor.role) {
    case 'admin':
    case 'evaluator':
      return null;
    case 'team_lead':
      if (actor.teamIds.length === 0) return NOTHING;
      return {
        sql: `${agentIdColumn} IN (SELECT "sa"."id" FROM "agents" "sa" WHERE "sa"."teamId" IN (:...scopeTeamIds))`,
        params: { scopeTeamIds: actor.teamIds },
      };
    case 'agent':
      if (actor.agentId === null) return NOTHING;
      return { sql: `${agentIdColumn} = :scopeAgentId`, params: { scopeAgentId: actor.agentId } };
  }
}

/** `alias` is the evaluations table's alias in the query. */
export function evaluationScope(actor: Actor, alias: string): Condition | null {
  const e = (column: string) => `"${alias}"."${column}"`;
  const onVisibleInteraction = (): Condition => {
    const inner = interactionScope(actor, '"si"."agentId"') ?? { sql: '1 = 1', params: {} };
    return {
      sql: `${e('interactionId')} IN (SELECT "si"."id" FROM "interactions" "si" WHERE ${inner.sql})`,
      params: inner.params,
    };
  };
  switch (actor.role) {
    case 'admin':
      return null;
    case 'evaluator':
      return {
        sql: `(${e('evaluatorId')} = :scopeUserId OR ${e('kind')} IN ('auto', 'mystery_shop'))`,
        params: { scopeUserId: actor.id },
      };
    case 'team_lead': {
      const base = onVisibleInteraction();
      return {
        sql: `${base.sql} AND ${e('kind')} <> 'calibration' AND (${e('status')} <> 'draft' OR ${e('evaluatorId')} = :scopeUserId)`,
        params: { ...base.params, scopeUserId: actor.id },
      };
    }
    case 'agent': {
      const base = onVisibleInteraction();
      return {
        sql: `${base.sql} AND ${e('kind')} IN ('manual', 'mystery_shop') AND ${e('status')} <> 'draft'`,
        params: base.params,
      };
    }
  }
}
