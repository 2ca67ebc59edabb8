/**
 * runAutoQa: pre-scores a call on every criterion of a scorecard version that has an `auto`
 * block, with evidence, plus the call metrics. Pure and synchronous.
 *
 * Work per scorecard version (validation, regex compilation) is done once and cached by the
 * definition object's identity; work per call is one normalisation of each turn, shared memos
 * of phrase-list × turn matches, and linear passes over the turns.
 */
import {
  isModelRef,
  type ScorecardDefinition,
  type TextModelRef,
} from '../scorecards/scorecard-definition';
import { ScorecardValidationError } from '../scorecard-schema/scorecard-validation-error';
import { protectFromAbuse } from './abuse-protection';
import { validateAutoBlock } from '../scorecard-schema/auto-block';
import type {
  AutoBlock,
  AutoQaInput,
  AutoQaResult,
  AutoQaSourceMetrics,
  AutoResult,
  CriterionResult,
  DetectorOutcome,
  Evidence,
} from './autoqa.types';
import type { ReasonParams } from './reason-codes';
import { checkCondition, compileCondition, type ConditionConfig } from './detectors/conditions';
import { CallContext, type NegativitySettings } from './detectors/context';
import { compileCount, detectCount } from './detectors/count';
import { compileForbidden, detectForbidden } from './detectors/forbidden';
import { compileHonorifics, detectHonorifics } from './detectors/honorifics';
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
import {
  MatcherLibrary,
  matchLanguage,
  type MatchLanguage,
  ScorecardCache,
  UnknownFamilyError,
} from './text-match';

import {
  type CompiledTextModel,
  compileTextModels,
  type TextModelData,
  UnknownModelError,
} from './text-model';
import type { LiteralPrefilter } from './literal-prefilter';

export const NO_AGENT_TURNS = 'no agent turns in this transcript';

/** `condition`: the outcome of the criterion's `when` (its evidence says where it held). */
type Detector = (ctx: CallContext, condition: DetectorOutcome | null) => DetectorOutcome;

type CompiledCriterion =
  | { key: string; when: ConditionConfig | null; detect: Detector }
  | { key: string; invalid: string };

interface Plan {
  criteria: CompiledCriterion[];
  reviewBelow: number;
  /** The scorecard's company names (the call's known names are added to them). */
  company: string[];
  metrics: MetricsConfig;
  /** Phrase lists compiled for this scorecard (the per-call match memo's size), prefiltered. */
  lists: LiteralPrefilter;
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
    plan.lists,
    {
      agent: cleanNames(input.names?.agent),
      company: [...plan.company, ...cleanNames(input.names?.company)],
    },
  );
  // Agent turns that say nothing once fillers are gone count as no agent turns.
  const noAgent = ctx.agentTurns.every((i) => ctx.norm[i] === '');
  // A call in the other language than the scorecard: best guesses, each for a person to check.
  const mismatch = languageMismatch(ctx, scorecard.language);
  const answer = (key: string, outcome: DetectorOutcome): CriterionResult => {
    let confidence = round2(outcome.confidence ?? DEFAULT_CONFIDENCE[outcome.result]);
    const { result, evidence } = outcome;
    let reason = outcome.reason;
    let reasonCode = outcome.reasonCode;
    let reasonParams = outcome.reasonParams ?? {};
    if (mismatch !== null) {
      confidence = Math.min(confidence, MISMATCH_CONFIDENCE);
      reason = `${mismatch.text}: ${reason}`;
      reasonParams = { ...mismatch.params, reason: { code: reasonCode, params: reasonParams } };
      reasonCode = 'languageMismatch';
    }
    return {
      key,
      result,
      evidence,
      reason,
      reasonCode,
      reasonParams,
      confidence,
      needsReview: confidence < plan.reviewBelow,
    };
  };
  const criteria = plan.criteria.map((c): CriterionResult => {
    if ('invalid' in c) {
      return answer(c.key, {
        result: 'na',
        evidence: [],
        reason: `the auto block is invalid: ${c.invalid}`,
        reasonCode: 'invalidBlock',
        reasonParams: { problem: c.invalid },
        // Not a judgement: for a person to decide.
        confidence: 0,
      });
    }
    if (noAgent) {
      return answer(c.key, {
        result: 'na',
        evidence: [],
        reason: NO_AGENT_TURNS,
        reasonCode: 'noAgentTurns',
        confidence: 0.3,
      });
    }
    if (c.when !== null) {
      const condition = checkCondition(ctx, c.when);
      if (condition.result !== 'pass') return answer(c.key, condition);
      const outcome = c.detect(ctx, condition);
      // A detector is no surer than the condition that let it run.
      const sure = Math.min(
        outcome.confidence ?? DEFAULT_CONFIDENCE[outcome.result],
        condition.confidence ?? 1,
      );
      return answer(c.key, {
        ...outcome,
        evidence: withCondition(condition, outcome),
        confidence: sure,
      });
    }
    return answer(c.key, c.detect(ctx, null));
  });
  return {
    criteria: protectFromAbuse(criteria, scorecard.abuseProtection, input.abuse, input.turns),
    metrics: computeMetrics(ctx, plan.metrics),
  };
}

/**
 * The detector's evidence after the turn where the criterion's condition held (marked
 * `condition`), so a reader sees what made it apply: the complaint that was never thanked.
 */
function withCondition(condition: DetectorOutcome, outcome: DetectorOutcome): Evidence[] {
  const turns = new Set(outcome.evidence.map((e) => e.turn));
  const because = condition.evidence
    .filter((e) => e.turn !== null && !turns.has(e.turn))
    .map((e): Evidence => ({ ...e, condition: true }));
  return [...because, ...outcome.evidence];
}

const MISMATCH_CONFIDENCE = 0.3;
const LANGUAGE_NAMES: Record<string, string> = { ko: 'Korean', en: 'English' };
const WORDS = /[\p{L}\p{N}']+/gu;
const HANGUL = /\p{Script=Hangul}/u;
const LATIN = /\p{Script=Latin}/u;
/** Words of agent speech looked at to tell the language (enough, and a 3-hour call stays fast). */
const LANGUAGE_SAMPLE = 1000;
/** The share of words in the other script that makes a call "in the other language". */
const OTHER_LANGUAGE_SHARE = 2 / 3;

/**
 * "the agent speaks English but the scorecard is Korean" when at least two thirds of the agent's
 * words are in the other script than the scorecard's language (Hangul for ko, Latin for en),
 * else null. A call mixing both is not flagged; under 5 words nothing is said.
 */
function languageMismatch(
  ctx: CallContext,
  scorecardLanguage: string,
): { text: string; params: ReasonParams } | null {
  if (scorecardLanguage !== 'ko' && scorecardLanguage !== 'en') return null;
  let hangul = 0;
  let latin = 0;
  for (const i of ctx.agentTurns) {
    const text = ctx.turns[i].text;
    const simple = typeof text === 'string' ? countSimpleWords(text) : null;
    if (simple !== null) {
      hangul += simple.hangul;
      latin += simple.latin;
    } else {
      for (const word of text.match(WORDS) ?? []) {
        if (HANGUL.test(word)) hangul++;
        else if (LATIN.test(word)) latin++;
      }
    }
    if (hangul + latin >= LANGUAGE_SAMPLE) break;
  }
  const total = hangul + latin;
  if (total < 5) return null;
  const other = scorecardLanguage === 'ko' ? latin : hangul;
  if (other / total < OTHER_LANGUAGE_SHARE) return null;
  const spoken = scorecardLanguage === 'ko' ? 'en' : 'ko';
  return {
    text: `the agent speaks ${LANGUAGE_NAMES[spoken]} but the scorecard is ${LANGUAGE_NAMES[scorecardLanguage]}`,
    params: {
      spoken: { code: `language.${spoken}` },
      scorecard: { code: `language.${scorecardLanguage}` },
    },
  };
}

/**
 * The same count as WORDS / HANGUL / LATIN for a text of ASCII and Hangul syllables only (most
 * turns), in one pass over its character codes; null for any other text.
 */
function countSimpleWords(text: string): { hangul: number; latin: number } | null {
  let hangul = 0;
  let latin = 0;
  let inWord = false;
  let hasHangul = false;
  let hasLatin = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const syllable = c >= 0xac00 && c <= 0xd7a3;
    if (c >= 0x80 && !syllable) return null;
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (syllable || letter || (c >= 48 && c <= 57) || c === 39) {
      inWord = true;
      hasHangul ||= syllable;
      hasLatin ||= letter;
    } else if (inWord) {
      if (hasHangul) hangul++;
      else if (hasLatin) latin++;
      inWord = hasHangul = hasLatin = false;
    }
  }
  return { hangul, latin };
}

/** How sure an answer is when its detector does not say. */
const DEFAULT_CONFIDENCE: Record<AutoResult, number> = { pass: 0.85, fail: 0.8, na: 0.8 };
export const DEFAULT_REVIEW_BELOW = 0.6;

function round2(n: number): number {
  return Math.round(Math.min(1, Math.max(0, n)) * 100) / 100;
}

/** Names as given (agent record, settings): trimmed, non-empty, at most 20. */
function cleanNames(names: unknown): string[] {
  if (!Array.isArray(names)) return [];
  return names
    .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
    .map((n) => n.trim())
    .slice(0, 20);
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
  const settings = scorecard.autoQa ?? {};
  const lib = new MatcherLibrary(language, settings.phraseFamilies ?? {});
  const models = compileTextModels(wholeModels(settings.textModels));
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
        blocks.push({ key: criterion.key, invalid: `${err.path}: ${err.reason}` });
      }
    }),
  );
  const criteria = compileCriteria(blocks, lib, language, models);
  const compiled = new Set(criteria.filter((c) => !('invalid' in c)).map((c) => c.key));
  const metrics = compileMetrics(
    blocks.filter((b): b is KeyedBlock => 'block' in b && compiled.has(b.key)),
    lib,
    language,
  );
  return {
    criteria,
    metrics,
    lists: lib.prefilter(),
    reviewBelow: settings.reviewBelow ?? DEFAULT_REVIEW_BELOW,
    company: settings.company?.names ?? [],
  };
}

/**
 * The text models the definition carries whole. A stored version keeps references, which
 * auto-QA's callers replace with the data (src/scorecards/text-model-refs.ts); one still a
 * reference is unknown here, so the criteria using it are left to people.
 */
function wholeModels(
  models: Readonly<Record<string, TextModelData | TextModelRef>> = {},
): Record<string, TextModelData> {
  return Object.fromEntries(
    Object.entries(models).filter((e): e is [string, TextModelData] => !isModelRef(e[1])),
  );
}

function compileCriteria(
  blocks: (KeyedBlock | { key: string; invalid: string })[],
  lib: MatcherLibrary,
  language: MatchLanguage,
  models: ReadonlyMap<string, CompiledTextModel>,
): CompiledCriterion[] {
  const valid = blocks.filter((b): b is KeyedBlock => 'block' in b);
  let firstNegativity: NegativitySettings | null = null;
  const negativityOf = (): NegativitySettings =>
    (firstNegativity ??= compileNegativity(firstOf(valid, 'negativity'), lib, language, models));
  return blocks.map((b): CompiledCriterion => {
    if (!('block' in b)) return b;
    const { key, block } = b;
    try {
      const negativity =
        block.detector === 'negativity'
          ? compileNegativity(block, lib, language, models)
          : negativityOf();
      return {
        key,
        when:
          block.when === undefined ? null : compileCondition(block.when, lib, negativity, models),
        detect: compileDetector(block, lib, language, negativity),
      };
    } catch (err) {
      if (!(err instanceof UnknownFamilyError) && !(err instanceof UnknownModelError)) throw err;
      return { key, invalid: err.message };
    }
  });
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
      return (ctx, condition) => detectPhrases(ctx, config, condition);
    }
    case 'forbidden': {
      const config = compileForbidden(block, lib);
      return (ctx, condition) => detectForbidden(ctx, config, condition);
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
    case 'honorifics': {
      const config = compileHonorifics(block);
      return (ctx) => detectHonorifics(ctx, config);
    }
  }
}
