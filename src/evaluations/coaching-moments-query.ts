/**
 * The moments a coaching plan quotes: counted answers of one criterion that passed (a peer did
 * it well) or failed (the agent missed it), with where they point in the call. Read from
 * `evaluation_answers`, so EvaluationsRepository runs the query; this builds its SQL.
 */
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { StoredEvidence } from './entities/evaluation-answer.entity';

export interface MomentRow {
  interactionId: number;
  externalId: string;
  turnIndex: number | null;
  timeMs: number | null;
  evidence: string | StoredEvidence | null;
  agentName: string;
}

export interface MomentQuery {
  scorecardKey: string;
  criterionKey: string;
  passed: boolean;
  limit: number;
  /** Only this agent's calls. */
  agentId?: number;
  /** Only other agents' calls. */
  notAgentId?: number;
  /** Only calls of agents in this team. */
  teamId?: number;
  /** Only calls started in [start, end). */
  startedFrom?: Date;
  startedBefore?: Date;
}

const COUNTED = `e.status IN ('submitted', 'acknowledged', 'disputed', 'resolved')`;

/** Builds the query on `base`, a fresh query builder of the owning repository. */
export function momentsQuery(base: SelectQueryBuilder<ObjectLiteral>, q: MomentQuery) {
  const qb = base
    .select([
      'i.id AS "interactionId"',
      'i.externalId AS "externalId"',
      'ans.turnIndex AS "turnIndex"',
      'ans.timeMs AS "timeMs"',
      'ans.evidence AS "evidence"',
      'a.name AS "agentName"',
    ])
    .from('evaluation_answers', 'ans')
    .innerJoin('evaluations', 'e', 'e.id = ans.evaluationId')
    .innerJoin('interactions', 'i', 'i.id = e.interactionId')
    .innerJoin('agents', 'a', 'a.id = i.agentId')
    .innerJoin('scorecard_versions', 'v', 'v.id = e.scorecardVersionId')
    .innerJoin('scorecards', 's', 's.id = v.scorecardId')
    .where('s.key = :scorecardKey', { scorecardKey: q.scorecardKey })
    .andWhere('ans.criterionKey = :criterionKey', { criterionKey: q.criterionKey })
    .andWhere('ans.passed = :passed', { passed: q.passed })
    .andWhere(`e.kind IN ('manual', 'mystery_shop', 'auto')`)
    .andWhere(COUNTED);
  if (q.agentId !== undefined) qb.andWhere('i.agentId = :agentId', { agentId: q.agentId });
  if (q.notAgentId !== undefined) {
    qb.andWhere('i.agentId <> :notAgentId', { notAgentId: q.notAgentId });
  }
  if (q.teamId !== undefined) qb.andWhere('a.teamId = :teamId', { teamId: q.teamId });
  if (q.startedFrom !== undefined && q.startedBefore !== undefined) {
    qb.andWhere('i.startedAt >= :start AND i.startedAt < :end', {
      start: q.startedFrom,
      end: q.startedBefore,
    });
  }
  // Human answers with a pinned moment first, then machine evidence.
  return qb
    .orderBy(`CASE WHEN e.kind = 'auto' THEN 1 ELSE 0 END`, 'ASC')
    .addOrderBy('i.startedAt', 'DESC')
    .limit(q.limit);
}
