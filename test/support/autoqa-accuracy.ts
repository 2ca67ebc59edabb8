/**
 * Agreement of auto-QA with what the demo generator made its agents do: per criterion and
 * overall. Used by `npm run autoqa:accuracy` and by the accuracy test. (The labelled corpus is
 * measured by ./autoqa-corpus.ts.)
 */
import * as path from 'path';
import { runAutoQa } from '../../src/autoqa/engine';
import { loadScorecardFile } from '../../src/cli/score-command';
import { generateDemoContactCenter } from '../../src/demo/demo-data';

const SCORECARDS = path.resolve(__dirname, '..', '..', 'scorecards');

export interface CriterionAccuracy {
  key: string;
  compared: number;
  agreed: number;
  rate: number;
  misses: string[];
}

export interface AccuracyReport {
  files: number;
  compared: number;
  agreed: number;
  overall: number;
  criteria: CriterionAccuracy[];
}

/**
 * A second, independent check: the demo generator's calls, whose behaviour flags say what the
 * agent really did. Its phrasing was written separately from the packs and the labelled set,
 * so it shows how the phrase lists generalise. Criteria the generator leaves null are skipped.
 * The generator has no N/A: a machine `na` agrees with "did it well" and misses a fault.
 */
export function measureDemoAccuracy(calls = 400, seed = 99): AccuracyReport {
  const center = generateDemoContactCenter({ calls, seed });
  const byKey = new Map<string, CriterionAccuracy>();
  const cards = new Map<string, ReturnType<typeof loadScorecardFile>>();
  for (const call of center.calls) {
    const { meta, turns } = call.transcript;
    const key = `${meta.channel ?? 'voice'}-${meta.language ?? 'ko'}`;
    if (!cards.has(key)) cards.set(key, loadScorecardFile(SCORECARDS, key));
    const scorecard = cards.get(key)!;
    const result = runAutoQa(
      {
        turns,
        channel: meta.channel ?? 'voice',
        language: meta.language ?? 'ko',
        notes: meta.notes ?? null,
      },
      scorecard,
    );
    for (const got of result.criteria) {
      const did = call.behaviour[got.key];
      if (did === null || did === undefined) continue; // the generator says nothing
      const expected = did ? 'pass' : 'fail';
      const entry = byKey.get(got.key) ?? {
        key: got.key,
        compared: 0,
        agreed: 0,
        rate: 0,
        misses: [],
      };
      entry.compared++;
      // The generator knows no "not applicable": its `true` means "no fault", which a machine
      // `na` (nothing to judge, no penalty) agrees with. A `na` where it made a fault is a miss.
      if (got.result === expected || (got.result === 'na' && did)) entry.agreed++;
      else
        entry.misses.push(
          `${meta.externalId}: expected ${expected}, got ${got.result} (${got.reason})`,
        );
      byKey.set(got.key, entry);
    }
  }
  const criteria = [...byKey.values()].map((c) => ({ ...c, rate: c.agreed / c.compared }));
  const compared = criteria.reduce((n, c) => n + c.compared, 0);
  const agreed = criteria.reduce((n, c) => n + c.agreed, 0);
  return { files: center.calls.length, compared, agreed, overall: agreed / compared, criteria };
}
