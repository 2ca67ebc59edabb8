/**
 * Which evaluations an actor may read, as SQL conditions for a query over `evaluations` (alias
 * given): the role's scope (visibility.ts) and the calibration blind. Every query that
 * lists or reads evaluations for a person applies all of them.
 */
import { type Condition, evaluationScope } from './visibility';
import type { Actor } from '../common/current-user';

export function visibleEvaluations(actor: Actor, alias: string): Condition[] {
  const scope = evaluationScope(actor, alias);
  return [...(scope ? [scope] : []), blindCalibration(actor, alias)];
}

/**
 * Calibration is blind for everyone, admins included: while its session is open, a calibration
 * evaluation is readable by its own evaluator only, so nobody scores with another's answers in
 * view. Once the session closes, the role's scope alone decides.
 */
export function blindCalibration(actor: Actor, alias: string): Condition {
  const e = (column: string) => `"${alias}"."${column}"`;
  return {
    sql: `(${e('kind')} <> 'calibration' OR ${e('evaluatorId')} = :blindUserId OR NOT EXISTS (
      SELECT 1 FROM "calibration_participants" "bcp"
      JOIN "calibration_sessions" "bcs" ON "bcs"."id" = "bcp"."sessionId"
      WHERE "bcp"."evaluationId" = ${e('id')} AND "bcs"."status" = 'open'))`,
    params: { blindUserId: actor.id },
  };
}
