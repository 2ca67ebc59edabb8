/**
 * `abuseProtection:` in a scorecard file: the keys of the criteria answered N/A on a call where
 * the customer abused the agent (src/autoqa/abuse-protection.ts). Each must name a criterion of
 * the scorecard that allows N/A (`na: true`): the score formula refuses N/A elsewhere. Pure.
 */
import type { SectionDefinition } from './scorecard-definition';
import { ScorecardValidationError } from './scorecard-validation-error';

const FIELD = 'abuseProtection';

export function validateAbuseProtection(
  value: unknown,
  sections: SectionDefinition[],
): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    problem(FIELD, `must be a list of criterion keys (got ${typeof value})`);
  }
  const criteria = new Map(sections.flatMap((s) => s.criteria).map((c) => [c.key, c] as const));
  const keys: string[] = [];
  value.forEach((item: unknown, i) => {
    const path = `${FIELD}[${i}]`;
    if (typeof item !== 'string') problem(path, `must be a criterion key (got ${typeof item})`);
    const criterion = criteria.get(item);
    if (!criterion) problem(path, `no criterion "${item}" in this scorecard`);
    if (!criterion.naAllowed) {
      problem(
        path,
        `criterion "${item}" must allow N/A (na: true) to be answered N/A on an abusive call`,
      );
    }
    if (keys.includes(item)) problem(path, `criterion "${item}" is listed twice`);
    keys.push(item);
  });
  return keys;
}

function problem(path: string, reason: string): never {
  // The entry point puts the file name in (asSchemaProblem in scorecard-schema.ts).
  throw new ScorecardValidationError('', path, reason);
}
