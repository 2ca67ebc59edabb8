import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import type { QueueRow } from './queue-rows';
import { defaultScorecard } from './sampling.service';

/**
 * "auto-QA failed a critical criterion" names the criteria by key in what is stored
 * (`identity_verification, no_rude_language`); a page shows their labels instead, from the
 * scorecard auto-QA scored the call on (the call's channel-language one) or else the item's
 * scorecard. A key neither knows is shown as it is. Scorecards have one label per criterion (in
 * the scorecard's language), so that label is shown in either page language.
 */
export async function withCriterionLabels<T extends QueueRow>(
  items: T[],
  definitionOf: (key: string) => Promise<ScorecardDefinition | null>,
): Promise<T[]> {
  const definitions = new Map<string, ScorecardDefinition | null>();
  const definition = async (key: string | null) => {
    if (!key) return null;
    if (!definitions.has(key)) definitions.set(key, await definitionOf(key));
    return definitions.get(key) ?? null;
  };
  const out: T[] = [];
  for (const item of items) {
    const criteria = item.reasonParams?.criteria;
    if (item.reasonCode !== 'autoCriticalFail' || typeof criteria !== 'string') {
      out.push(item);
      continue;
    }
    const sources = [await definition(defaultScorecard(item)), await definition(item.scorecardKey)];
    const label = (key: string) => {
      for (const d of sources)
        for (const s of d?.sections ?? [])
          for (const c of s.criteria) if (c.key === key) return c.label;
      return key;
    };
    const labels = criteria
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean)
      .map(label)
      .join(', ');
    out.push({ ...item, reasonParams: { ...item.reasonParams, criteria: labels } });
  }
  return out;
}
