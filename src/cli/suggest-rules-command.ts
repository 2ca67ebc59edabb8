/**
 * `npm run cli -- autoqa suggest-rules --scorecard voice-ko [--corpus dir] [--json]`: phrase
 * additions proposed from the turns evaluators pinned when they overrode a fail, each with the
 * agreement it would give on the labelled dev split. Prints; changes nothing.
 */
import type { INestApplicationContext } from '@nestjs/common';
import * as fs from 'fs';
import * as path from 'path';
import { AutoQaService } from '../autoqa/autoqa.service';
import { RuleProposal, suggestRules } from '../autoqa/suggest-rules';
import { loadLabelledCalls } from './labelled-corpus';

type WithApp = <T>(fn: (app: INestApplicationContext) => Promise<T>) => Promise<T>;

/** The dev split shipped with the sources, when run from a checkout. */
export const DEFAULT_CORPUS = path.join('test', 'fixtures', 'autoqa-corpus', 'dev');

export async function suggestRulesCommand(
  withApp: WithApp,
  key: string,
  corpusDir: string | undefined,
): Promise<{ proposals: RuleProposal[]; pinned: number; corpus: string | null }> {
  const { definition, pinned } = await withApp((app) => app.get(AutoQaService).pinnedPasses(key));
  const dir = corpusDir ?? (fs.existsSync(DEFAULT_CORPUS) ? DEFAULT_CORPUS : null);
  if (corpusDir !== undefined && !fs.existsSync(corpusDir)) {
    throw new Error(`--corpus ${corpusDir}: no such folder`);
  }
  const corpus = dir === null ? [] : loadLabelledCalls(dir, key, definition.channel);
  return {
    proposals: suggestRules(definition, pinned, corpus),
    pinned: pinned.length,
    corpus: dir,
  };
}

export function formatProposals(
  key: string,
  out: { proposals: RuleProposal[]; pinned: number; corpus: string | null },
): string {
  if (out.pinned === 0) {
    return `No evaluator has overridden a fail on ${key} with a pass and pinned the turn yet: nothing to learn from.`;
  }
  if (out.proposals.length === 0) {
    return `${out.pinned} pinned turns, but the current phrases already match them all: the fails were for other reasons.`;
  }
  const lines = [`${out.pinned} pinned turns where an evaluator overrode a fail on ${key}.`];
  if (out.corpus === null)
    lines.push('(no labelled corpus found: pass --corpus to measure each proposal)');
  let last = '';
  for (const p of out.proposals) {
    if (p.criterionKey !== last) {
      lines.push(
        '',
        `${p.criterionKey} — add to ${p.target} (${p.pinned} pinned turns it missed):`,
      );
      last = p.criterionKey;
    }
    const measured =
      p.corpus === null
        ? 'not in the corpus'
        : `dev ${p.corpus.before}/${p.corpus.calls} → ${p.corpus.after}/${p.corpus.calls}${p.corpus.after < p.corpus.before ? '  (worse)' : ''}`;
    lines.push(
      `  - ${JSON.stringify(p.phrase).padEnd(34)} in ${p.support} pinned turns; ${measured}`,
    );
    lines.push(`      e.g. “${p.examples[0]}”`);
  }
  lines.push(
    '',
    'Nothing was changed: add the phrases you agree with to the scorecard YAML, then `npm run cli -- scorecards sync`.',
  );
  return lines.join('\n');
}
