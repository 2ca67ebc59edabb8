/**
 * runAutoQa: pre-scores a call on every criterion of a scorecard version that has an `auto`
 * block, with evidence, plus the call metrics. Pure and synchronous.
 *
 * Work per scorecard version (validation, regex compilation) is done once and cached by the
 * definition object's identity; work per call is one normalisation of each turn, shared memos
 * of phrase-list × turn matches, and linear passes over the turns.
 */
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import { ScorecardValidationError } from '../scorecards/scorecard-schema';
import { validateAutoBlock } from './auto-block';
import type {
  AutoBlock,
  AutoQaInput,
  AutoQaResult,
  AutoQaSourceMetrics,
  CriterionResult,
  DetectorOutcome,
} from './autoqa.types';
import { checkCondition, compileCondition, type ConditionConfig } from './detectors/conditions';
import { CallContext, type NegativitySettings } from './detectors/context';
import { compileCount, detectCount } from './detectors/count';
import { compileForbidden, detectForbidden } from './detectors/forbidden';
import { compileInterruptions, detectInterruptions } from './detectors/interruptions';
import { compileNegativity, detectNegativity } from './detectors/negativity';
import { compileNotes, detectNotes } from './detectors/notes';
import { compilePhrases, detectPhrases } from './detectors/phrases';
import { compileSequence, detectSequence } from './detectors/sequence';
import { compileSilence, detectSilence } from './detectors/silence';
import { compileTalkRatio, detectTalkRatio } from './detectors/talk-ratio';
import {
  compileMetrics,
  computeMetrics,
  firstOf,
  type KeyedBlock,
  type MetricsConfig,
} from './metrics';
import { MatcherLibrary, matchLanguage, type MatchLanguage, ScorecardCache } from './text-match';

export const NO_AGENT_TURNS = 'no agent turns in this transcript';

type Detector = (ctx: CallContext) => DetectorOutcome;

type CompiledCriterion =
  | { key: string; when: ConditionConfig | null; detect: Detector }
  | { key: string; invalid: string };

interface Plan {
  criteria: CompiledCriterion[];
  metrics: MetricsConfig;
  /** Phrase lists compiled for this scorecard (size of the per-call match memo). */
  matcherCount: number;
}

const plans = new ScorecardCache<Plan>();

export function runAutoQa(input: AutoQaInput, scorecard: ScorecardDefinition): AutoQaResult {
  const language = matchLanguage(input.language, scorecard.language);
  const plan = plans.get(scorecard, language, () => compilePlan(scorecard, language));
  const ctx = new CallContext(
    input.turns,
    language,
    input.channel,
    input.notes,
    cleanSourceMetrics(input.sourceMetrics),
    plan.matcherCount,
  );
  const noAgent = ctx.agentTurns.length === 0;
  const criteria = plan.criteria.map((c): CriterionResult => {
    if ('invalid' in c) return { key: c.key, result: 'na', evidence: [], reason: c.invalid };
    if (noAgent) return { key: c.key, result: 'na', evidence: [], reason: NO_AGENT_TURNS };
    if (c.when !== null) {
      const condition = checkCondition(ctx, c.when);
      if (condition.result !== 'pass') return { key: c.key, ...condition };
    }
    return { key: c.key, ...c.detect(ctx) };
  });
  return { criteria, metrics: computeMetrics(ctx, plan.metrics) };
}

/**
 * Source metrics often come from stored JSON (`metadata.sourceMetrics`): only finite numbers
 * are used, anything else (null, text) means "not measured by the source".
 */
function cleanSourceMetrics(source: AutoQaSourceMetrics | undefined): AutoQaSourceMetrics {
  if (source === undefined || source === null || typeof source !== 'object') return {};
  const clean: AutoQaSourceMetrics = {};
  if (isFiniteNumber(source.interruptions)) clean.interruptions = source.interruptions;
  if (isFiniteNumber(source.longestSilenceMs)) clean.longestSilenceMs = source.longestSilenceMs;
  if (isFiniteNumber(source.agentTalkRatio)) clean.agentTalkRatio = source.agentTalkRatio;
  const s: unknown = source.customerSentiment;
  if (typeof s === 'object' && s !== null && 'start' in s && 'peak' in s && 'end' in s) {
    const { start, peak, end } = s;
    if (isFiniteNumber(start) && isFiniteNumber(peak) && isFiniteNumber(end)) {
      clean.customerSentiment = { start, peak, end };
    }
  }
  return clean;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function compilePlan(scorecard: ScorecardDefinition, language: MatchLanguage): Plan {
  const lib = new MatcherLibrary(language);
  const blocks: (KeyedBlock | { key: string; invalid: string })[] = [];
  scorecard.sections.forEach((section, s) =>
    section.criteria.forEach((criterion, c) => {
      if (criterion.auto === undefined) return;
      try {
        const path = `sections[${s}].criteria[${c}].auto`;
        blocks.push({
          key: criterion.key,
          block: validateAutoBlock(criterion.auto, path, scorecard.key),
        });
      } catch (err) {
        // A stored version from before validation: this criterion is left to humans.
        if (!(err instanceof ScorecardValidationError)) throw err;
        blocks.push({
          key: criterion.key,
          invalid: `the auto block is invalid: ${err.path}: ${err.reason}`,
        });
      }
    }),
  );
  const valid = blocks.filter((b): b is KeyedBlock => 'block' in b);
  const firstNegativity = compileNegativity(firstOf(valid, 'negativity'), lib, language);
  const criteria = blocks.map((b): CompiledCriterion => {
    if (!('block' in b)) return b;
    const { key, block } = b;
    const negativity =
      block.detector === 'negativity' ? compileNegativity(block, lib, language) : firstNegativity;
    return {
      key,
      when: block.when === undefined ? null : compileCondition(block.when, lib, negativity),
      detect: compileDetector(block, lib, language, negativity),
    };
  });
  const metrics = compileMetrics(valid, lib, language);
  return { criteria, metrics, matcherCount: lib.size };
}

function compileDetector(
  block: AutoBlock,
  lib: MatcherLibrary,
  language: MatchLanguage,
  negativity: NegativitySettings,
): Detector {
  switch (block.detector) {
    case 'phrases': {
      const config = compilePhrases(block, lib);
      return (ctx) => detectPhrases(ctx, config);
    }
    case 'forbidden': {
      const config = compileForbidden(block, lib);
      return (ctx) => detectForbidden(ctx, config);
    }
    case 'sequence': {
      const config = compileSequence(block, lib);
      return (ctx) => detectSequence(ctx, config);
    }
    case 'interruptions': {
      const config = compileInterruptions(block, lib, language);
      return (ctx) => detectInterruptions(ctx, config);
    }
    case 'silence': {
      const config = compileSilence(block, lib);
      return (ctx) => detectSilence(ctx, config);
    }
    case 'talk_ratio': {
      const config = compileTalkRatio(block);
      return (ctx) => detectTalkRatio(ctx, config);
    }
    case 'count': {
      const config = compileCount(block, lib);
      return (ctx) => detectCount(ctx, config);
    }
    case 'negativity':
      return (ctx) => detectNegativity(ctx, negativity);
    case 'notes': {
      const config = compileNotes(block, lib);
      return (ctx) => detectNotes(ctx, config);
    }
  }
}
