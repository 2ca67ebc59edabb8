import { QueryFailedError } from 'typeorm';

/**
 * Whether a query failed on a unique index or constraint (PostgreSQL 23505, SQLite's UNIQUE
 * constraint): the row is already there, typically put there by a request racing this one.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  if (code === '23505') return true;
  return (
    typeof code === 'string' &&
    code.startsWith('SQLITE_CONSTRAINT') &&
    /UNIQUE constraint/i.test(error.message)
  );
}
