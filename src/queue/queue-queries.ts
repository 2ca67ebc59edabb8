import { Brackets, SelectQueryBuilder } from 'typeorm';
import { Agent } from '../agents/entities/agent.entity';
import { interactionScope } from '../auth/visibility';
import type { Actor } from '../common/current-user';
import { Interaction } from '../interactions/entities/interaction.entity';
import { User } from '../users/entities/user.entity';
import { QueueItem } from './entities/queue-item.entity';
import { listStatuses, QueueFilter, ROW_COLUMNS } from './queue-rows';

/**
 * The SQL behind the work queue's reads, as plain functions over a query builder on queue_items
 * ("q") that queue.repository.ts creates: the list's order, the joins of a displayed row, and the
 * list's filters.
 */

/** Oldest due first; the id breaks ties so that pages never overlap. */
export const DUE_FIRST = { 'q.dueAt': 'ASC', 'q.id': 'ASC' } as const;

/** The call's agent ("a") is of no team or not of this one: calls the actor may take. */
export const notOfTeam = (blockedTeamId: number) =>
  new Brackets((w) =>
    w.where('a.teamId IS NULL').orWhere('a.teamId <> :blockedTeamId', { blockedTeamId }),
  );

/** Queue items ("q") joined for display: ROW_COLUMNS, mapped by toRow. */
export function joinedForDisplay(q: SelectQueryBuilder<QueueItem>): SelectQueryBuilder<QueueItem> {
  return q
    .innerJoin(Interaction, 'i', 'i.id = q.interactionId')
    .leftJoin(Agent, 'a', 'a.id = i.agentId')
    .leftJoin(User, 'u', 'u.id = q.evaluatorId')
    .leftJoin('q.rule', 'r')
    .select(ROW_COLUMNS);
}

/** The items a list filter selects, on queue_items with only the joins the filter needs. */
export function filtered(
  qb: SelectQueryBuilder<QueueItem>,
  actor: Actor,
  filter: QueueFilter,
  blockedTeamId: number | null,
  now: Date,
): SelectQueryBuilder<QueueItem> {
  // Work-queue roles see every call today; the scope keeps it right if that ever changes.
  const scope = interactionScope(actor, '"i"."agentId"');
  const blocked = filter.view === 'unassigned' && blockedTeamId !== null;
  if (scope || blocked) qb.innerJoin(Interaction, 'i', 'i.id = q.interactionId');
  if (scope) qb.andWhere(scope.sql, scope.params);
  switch (filter.view) {
    case 'mine':
      qb.andWhere('q.evaluatorId = :me', { me: actor.id });
      break;
    case 'unassigned':
      qb.andWhere('q.evaluatorId IS NULL');
      // Calls the actor may not take (own team) are not offered to them.
      if (blocked) {
        qb.leftJoin(Agent, 'a', 'a.id = i.agentId').andWhere(notOfTeam(blockedTeamId));
      }
      break;
    case 'all':
      break;
  }
  const statuses = listStatuses(filter);
  if (statuses) qb.andWhere('q.status IN (:...statuses)', { statuses });
  if (filter.overdue) qb.andWhere('q.dueAt < :now', { now });
  return qb;
}
