/**
 * Agreement of auto-QA with the labelled corpus in test/fixtures/autoqa-corpus/, labelled by
 * people by the QA guide (test/fixtures/autoqa-corpus/QA-GUIDE.md):
 *
 * - `dev`: the calls the rules may be tuned on (look at the misses); it includes the first locked
 *   test split (`dev/was-test-*`), unlocked on 2026-12-05, `holdout-2` (`dev/was-holdout-2-*`),
 *   `holdout-3` (`dev/was-holdout-3-*`), `holdout-4` (`dev/was-holdout-4-*`) and `holdout-5`
 *   (`dev/was-holdout-5-*`), unlocked on 2026-12-06, `holdout-9` (`dev/was-holdout-9-*`) and
 *   `holdout-10`, `holdout-12`, `holdout-13` to `holdout-17` (`dev/was-holdout-N-*`), unlocked on
 *   2026-12-07, each after it had been scored; and `dev/deesc-*`, written as dev data;
 * - `holdout-6`, `holdout-7`, `holdout-8`, `holdout-11`, `holdout-18`: locked splits, each written
 *   separately by someone who never saw the rules. Only their figures are printed — never their
 *   misses — and nothing is tuned on them.
 *
 * Strict: the machine's pass/fail/na equals the label. Lenient: `na` and `pass` agree (neither
 * costs the agent anything). Coverage: answers not flagged "needs review"; accuracy on those.
 */
import * as path from 'path';
import type { AutoQaResult } from '../../src/autoqa/autoqa.types';
import { runAutoQa } from '../../src/autoqa/engine';
import { loadScorecardFile } from '../../src/cli/score-command';
import type { ScorecardDefinition } from '../../src/scorecards/scorecard-definition';
import {
  corpusInput,
  CorpusFile,
  CorpusLabel,
  listLabelledCalls,
} from '../../src/cli/labelled-corpus';

export const CORPUS = path.resolve(__dirname, '..', 'fixtures', 'autoqa-corpus');
const SCORECARDS = path.resolve(__dirname, '..', '..', 'scorecards');

export type Split =
  'dev' | 'holdout-6' | 'holdout-7' | 'holdout-8' | 'holdout-11' | 'holdout-18' | 'holdout-20';

type Label = CorpusLabel;

export interface CorpusCall {
  file: string;
  label: Label;
  result: AutoQaResult;
}

export interface CriterionFigures {
  key: string;
  compared: number;
  strict: number;
  lenient: number;
  /** Answers not flagged "needs review". */
  covered: number;
  /** Strict agreements among the covered answers. */
  coveredAgreed: number;
  misses: string[];
}

export interface CorpusReport {
  split: Split;
  calls: number;
  byStyle: Record<string, { calls: number; compared: number; strict: number }>;
  compared: number;
  strict: number;
  lenient: number;
  covered: number;
  coveredAgreed: number;
  metrics: { compared: number; exact: number; misses: string[] };
  criteria: CriterionFigures[];
}

/** Every call of a split: `<split>/<group>/labels.json` with the call files beside it. */
export function loadSplit(split: Split): CorpusFile[] {
  return listLabelledCalls(path.join(CORPUS, split));
}

const cards = new Map<string, ScorecardDefinition>();
function card(key: string): ScorecardDefinition {
  let found = cards.get(key);
  if (found === undefined) {
    found = loadScorecardFile(SCORECARDS, key);
    cards.set(key, found);
  }
  return found;
}

/** Runs auto-QA on every call of the split; `names: false` as the CLI on a bare file would. */
export function scoreSplit(split: Split, names = true): CorpusCall[] {
  return loadSplit(split).map(({ file, full, label }) => {
    const scorecard = card(label.scorecard);
    const result = runAutoQa(corpusInput({ file, full, label }, scorecard, names), scorecard);
    return { file, label, result };
  });
}

export function measureCorpus(split: Split, names = true): CorpusReport {
  const calls = scoreSplit(split, names);
  const byKey = new Map<string, CriterionFigures>();
  const byStyle: CorpusReport['byStyle'] = {};
  const metrics = { compared: 0, exact: 0, misses: [] as string[] };
  for (const { file, label, result } of calls) {
    const style = (byStyle[label.style] ??= { calls: 0, compared: 0, strict: 0 });
    style.calls++;
    for (const [key, expected] of Object.entries(label.expected)) {
      const got = result.criteria.find((c) => c.key === key);
      const f = byKey.get(key) ?? {
        key,
        compared: 0,
        strict: 0,
        lenient: 0,
        covered: 0,
        coveredAgreed: 0,
        misses: [],
      };
      byKey.set(key, f);
      f.compared++;
      style.compared++;
      // A labelled criterion the scorecard does not judge counts as a disagreement.
      const answer = got?.result ?? 'not judged';
      const agreed = answer === expected;
      const lenient =
        agreed || (answer !== 'not judged' && answer !== 'fail' && expected !== 'fail');
      if (agreed) {
        f.strict++;
        style.strict++;
      }
      if (lenient) f.lenient++;
      if (got !== undefined && !got.needsReview) {
        f.covered++;
        if (agreed) f.coveredAgreed++;
      }
      if (!agreed) {
        f.misses.push(
          `${file}: expected ${expected}, got ${answer}${got ? ` ${got.confidence}${got.needsReview ? ' review' : ''} (${got.reason})` : ''}`,
        );
      }
    }
    if (result !== null && label.metrics !== undefined && label.scorecard.startsWith('voice')) {
      for (const m of ['interruptions', 'longestSilenceMs'] as const) {
        const want = label.metrics[m];
        if (want === undefined) continue;
        metrics.compared++;
        if (result.metrics[m] === want) metrics.exact++;
        else metrics.misses.push(`${file}: ${m} expected ${want}, got ${result.metrics[m]}`);
      }
    }
  }
  const criteria = [...byKey.values()];
  const sum = (pick: (c: CriterionFigures) => number) => criteria.reduce((n, c) => n + pick(c), 0);
  return {
    split,
    calls: calls.length,
    byStyle,
    compared: sum((c) => c.compared),
    strict: sum((c) => c.strict),
    lenient: sum((c) => c.lenient),
    covered: sum((c) => c.covered),
    coveredAgreed: sum((c) => c.coveredAgreed),
    metrics,
    criteria,
  };
}
