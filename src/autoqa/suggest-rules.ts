/**
 * Learning from the evaluators: where an evaluator overrode auto-QA's `fail` with a pass and
 * pinned the turn that earned it, that turn says something the criterion's phrase list does not
 * know. This proposes phrase additions from those turns — the word spans most pinned turns share —
 * and measures each on a labelled corpus (the dev split) before and after, so a person can
 * decide. Nothing is changed: the output is a suggestion for the scorecard's YAML. Pure.
 */
import type { AutoQaInput, PhrasesBlock } from './autoqa.types';
import { runAutoQa } from './engine';
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import { familyRef, MatcherLibrary, matchLanguage, normalizeText } from './text-match';

export type Verdict = 'pass' | 'fail' | 'na';

/** A turn an evaluator pinned when they overrode the machine's fail with a pass. */
export interface PinnedTurn {
  criterionKey: string;
  text: string;
  comment: string | null;
}

export interface LabelledCall {
  name: string;
  input: AutoQaInput;
  expected: Record<string, Verdict>;
}

export interface RuleProposal {
  criterionKey: string;
  /** Where the phrase would go: a phrase family (`@name`) or the block's own `anyOf`. */
  target: string;
  phrase: string;
  /** Pinned turns the phrase appears in, of `pinned` pinned turns the rules missed. */
  support: number;
  pinned: number;
  examples: string[];
  /** Strict agreement on the criterion over the labelled calls, now and with the phrase. */
  corpus: { calls: number; before: number; after: number } | null;
}

export interface SuggestOptions {
  /** Candidate spans, in words (default 2..4). */
  minWords?: number;
  maxWords?: number;
  /** Proposals kept per criterion (default 5). */
  perCriterion?: number;
}

const WORD = /[\p{L}\p{N}']+/gu;

export function suggestRules(
  scorecard: ScorecardDefinition,
  pinned: readonly PinnedTurn[],
  corpus: readonly LabelledCall[],
  options: SuggestOptions = {},
): RuleProposal[] {
  const minWords = options.minWords ?? 2;
  const maxWords = options.maxWords ?? 4;
  const perCriterion = options.perCriterion ?? 5;
  const language = matchLanguage(scorecard.language, scorecard.language);
  const lib = new MatcherLibrary(language, scorecard.autoQa?.phraseFamilies ?? {});
  // The current rules' answers, once per labelled call (every criterion's "before").
  const baseline = corpus.map((call) => runAutoQa(call.input, scorecard));
  const proposals: RuleProposal[] = [];
  for (const criterion of scorecard.sections.flatMap((s) => s.criteria)) {
    const block = criterion.auto as PhrasesBlock | undefined;
    if (block?.detector !== 'phrases' || !Array.isArray(block.anyOf)) continue;
    const anyOf = block.anyOf;
    const current = lib.matcher(anyOf);
    // Only the turns the list does not already match: the others failed for another reason.
    const missed = pinned
      .filter((p) => p.criterionKey === criterion.key)
      .filter((p) => !current.test(normalizeText(p.text, language)));
    if (missed.length === 0) continue;
    const support = new Map<string, { count: number; examples: string[] }>();
    for (const turn of missed) {
      for (const span of new Set(spans(turn.text, minWords, maxWords))) {
        const entry = support.get(span) ?? { count: 0, examples: [] };
        entry.count++;
        if (entry.examples.length < 3) entry.examples.push(turn.text);
        support.set(span, entry);
      }
    }
    // Only the spans shared by the most pinned turns; among those the shorter (more general)
    // first, then alphabetical.
    const best = Math.max(...[...support.values()].map((v) => v.count));
    const ranked = [...support.entries()]
      .filter(([, v]) => v.count === best)
      .sort(
        ([a, x], [b, y]) =>
          y.count - x.count || words(a).length - words(b).length || a.localeCompare(b),
      )
      .slice(0, perCriterion);
    const target = anyOf.map(familyRef).find((f) => f !== null) ?? null;
    const labelled = corpus.flatMap((call, i) =>
      call.expected[criterion.key] === undefined ? [] : [{ call, now: baseline[i] }],
    );
    const calls = labelled.map((l) => l.call);
    const before =
      calls.length > 0
        ? labelled.filter(
            ({ call, now }) =>
              now.criteria.find((c) => c.key === criterion.key)?.result ===
              call.expected[criterion.key],
          ).length
        : null;
    for (const [phrase, { count, examples }] of ranked) {
      const after =
        before === null
          ? null
          : agreement(withPhrase(scorecard, criterion.key, target, phrase), criterion.key, calls);
      proposals.push({
        criterionKey: criterion.key,
        target: target === null ? 'anyOf' : `@${target}`,
        phrase,
        support: count,
        pinned: missed.length,
        examples,
        corpus: before === null || after === null ? null : { calls: calls.length, before, after },
      });
    }
  }
  return proposals;
}

function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Every run of `min`..`max` consecutive words of the text, lower-cased. */
function spans(text: string, min: number, max: number): string[] {
  const w = words(text.toLowerCase());
  const out: string[] = [];
  for (let n = min; n <= max; n++) {
    for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n).join(' '));
  }
  return out;
}

/** Calls on which the machine's answer for the criterion equals the label. */
function agreement(
  scorecard: ScorecardDefinition,
  key: string,
  calls: readonly LabelledCall[],
): number {
  let agreed = 0;
  for (const call of calls) {
    const got = runAutoQa(call.input, scorecard).criteria.find((c) => c.key === key);
    if (got?.result === call.expected[key]) agreed++;
  }
  return agreed;
}

/** A copy of the scorecard with the phrase added to the family or the block's own list. */
function withPhrase(
  scorecard: ScorecardDefinition,
  key: string,
  family: string | null,
  phrase: string,
): ScorecardDefinition {
  const copy = structuredClone(scorecard);
  if (family !== null && copy.autoQa?.phraseFamilies?.[family] !== undefined) {
    copy.autoQa.phraseFamilies[family] = [...copy.autoQa.phraseFamilies[family], phrase];
    return copy;
  }
  for (const c of copy.sections.flatMap((s) => s.criteria)) {
    if (c.key !== key || c.auto?.detector !== 'phrases') continue;
    const block = c.auto as unknown as PhrasesBlock;
    block.anyOf = [...(block.anyOf ?? []), phrase];
  }
  return copy;
}
