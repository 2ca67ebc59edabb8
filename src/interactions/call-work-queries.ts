/**
 * The queries that find calls still waiting for background work (auto-QA's scoring, the abuse
 * check), as plain functions over a query builder that InteractionsRepository creates: it stays
 * the one owner of `interactions` and runs every query.
 */
import type { SelectQueryBuilder } from 'typeorm';
import type { Interaction } from './entities/interaction.entity';

/** The call `i` has an auto evaluation. */
export const AUTO_OF_I = `SELECT 1 FROM "evaluations" "e" WHERE "e"."interactionId" = "i"."id" AND "e"."kind" = 'auto'`;

/** A call waiting for its auto evaluation, and the channel-language pair that picks its scorecard. */
export interface PendingCall {
  id: number;
  pair: string;
}

/** Calls (alias `i`) with no auto evaluation yet among these pairs, with their transcript, by id. */
export function withoutAutoEvaluation(
  qb: SelectQueryBuilder<Interaction>,
  pairs: string[],
  page: { ids?: number[]; after?: number; limit?: number },
): Promise<{ id: number; pair: string }[]> {
  qb.select('i.id', 'id')
    .addSelect("i.channel || '-' || i.language", 'pair')
    .where(`NOT EXISTS (${AUTO_OF_I})`)
    .andWhere("(i.channel || '-' || i.language) IN (:...pairs)", { pairs })
    .andWhere('i.transcriptDeletedAt IS NULL')
    .orderBy('i.id', 'ASC');
  if (page.ids) qb.andWhere('i.id IN (:...ids)', { ids: page.ids });
  if (page.after !== undefined) qb.andWhere('i.id > :after', { after: page.after });
  if (page.limit !== undefined) qb.limit(page.limit);
  return qb.getRawMany<{ id: number; pair: string }>();
}

/** Calls (alias `i`) without an abuse flag that still have their turns, oldest first. */
export function notCheckedForAbuse(
  qb: SelectQueryBuilder<Interaction>,
  limit: number,
): Promise<{ id: number; language: string }[]> {
  return qb
    .select(['i.id AS "id"', 'i.language AS "language"'])
    .where('NOT EXISTS (SELECT 1 FROM "abuse_flags" "f" WHERE "f"."interactionId" = "i"."id")')
    .andWhere('EXISTS (SELECT 1 FROM "turns" "t" WHERE "t"."interactionId" = "i"."id")')
    .orderBy('i.id', 'ASC')
    .limit(limit)
    .getRawMany<{ id: number; language: string }>();
}
