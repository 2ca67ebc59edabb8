/**
 * `abuseProtection:` in a scorecard file: the keys of the criteria answered N/A on a call where
 * the customer abused the agent (src/autoqa/abuse-protection.ts). Each must name a criterion of
 * the scorecard that allows N/A (`na: true`): the score formula refuses N/A elsewhere. Pure.
 */
import type { SectionDefinition } from './scorecard-definition';
import { fail, typeName } from '../scorecard-schema/scorecard-problem';

const FIELD = 'abuseProtection';

/** Problems are `SchemaProblem`s; the entry point puts the file name in. */
export function validateAbuseProtection(
  value: unknown,
  sections: SectionDefinition[],
): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) fail(FIELD, 'abuseList', { got: typeName(value) });
  const criteria = new Map(sections.flatMap((s) => s.criteria).map((c) => [c.key, c] as const));
  const keys: string[] = [];
  value.forEach((item: unknown, i) => {
    const path = `${FIELD}[${i}]`;
    if (typeof item !== 'string') fail(path, 'abuseKey', { got: typeName(item) });
    const criterion = criteria.get(item);
    if (!criterion) fail(path, 'abuseUnknown', { key: item });
    if (!criterion.naAllowed) fail(path, 'abuseNotNa', { key: item });
    if (keys.includes(item)) fail(path, 'abuseTwice', { key: item });
    keys.push(item);
  });
  return keys;
}
