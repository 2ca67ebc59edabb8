/**
 * The interactions table's row shapes and small query helpers, kept beside InteractionsRepository
 * (the one owner of `interactions` and `turns`) so that the repository holds only its queries.
 */
import type { WhereExpressionBuilder } from 'typeorm';
import type { Condition } from '../auth/visibility';
import type { Interaction } from './entities/interaction.entity';

export type RetentionCandidate = Pick<
  Interaction,
  'id' | 'source' | 'channel' | 'language' | 'startedAt'
>;
export type RequestCandidate = Pick<
  Interaction,
  | 'id'
  | 'source'
  | 'externalId'
  | 'channel'
  | 'language'
  | 'startedAt'
  | 'metadata'
  | 'turnCount'
  | 'transcriptDeletedAt'
>;
export const REQUEST_FIELDS = [
  'i.id',
  'i.source',
  'i.externalId',
  'i.channel',
  'i.language',
  'i.startedAt',
  'i.metadata',
  'i.turnCount',
  'i.transcriptDeletedAt',
];

export function where(qb: WhereExpressionBuilder, condition: Condition | null): void {
  if (condition) qb.andWhere(condition.sql, condition.params);
}

/** Turns per INSERT statement: well under both databases' parameter limits. */
export const TURN_CHUNK = 500;

/** PostgreSQL answers RETURNING rows; SQLite's driver answers the last inserted row id. */
export function insertedId(raw: unknown): number {
  const id: unknown = Array.isArray(raw) ? (raw[0] as { id?: unknown } | undefined)?.id : raw;
  if (typeof id !== 'number' || !Number.isInteger(id)) {
    throw new Error('the database did not report the id of the new interaction');
  }
  return id;
}
