/**
 * The score formula, as Genesys Cloud and Amazon Connect evaluation forms document it:
 * - a criterion earns points on its scale (times its weight); N/A counts 0 of 0;
 * - section score = earned / possible over the section's applicable criteria;
 * - overall = Σ(section weight × earned/possible) / Σ(weights of sections with an applicable
 *   criterion) × 100;
 * - a failed critical criterion zeroes the overall score, or only its section when so scoped;
 * - pass/fail against the scorecard's passing score.
 * Pure: every number is reproducible from the stored answers and the scorecard version.
 */
import type {
  CriterionDefinition,
  Scale,
  ScorecardDefinition,
} from '../scorecards/scorecard-definition';

/** One answer: a value on the criterion's scale, or N/A (value null). */
export interface AnswerInput {
  value: number | null;
}

export interface CriterionScore {
  key: string;
  na: boolean;
  value: number | null;
  earned: number;
  possible: number;
  criticalFailed: boolean;
}

export interface SectionScore {
  key: string;
  weight: number;
  earned: number;
  possible: number;
  /** 0..100, null when no criterion of the section applied. */
  score: number | null;
  criticalFailed: boolean;
  criteria: CriterionScore[];
}

export interface ScoreBreakdown {
  /** 0..100 rounded to two decimals, null when nothing applied at all. */
  overall: number | null;
  passed: boolean;
  passingScore: number;
  criticalFailed: boolean;
  sections: SectionScore[];
}

/** A problem with the answers, naming the criterion key (the API reports it as the field). */
export class AnswerValidationError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
    /** The reason in the locale files, for the reader's language (pure: a key, not a text). */
    readonly messageKey: { key: string; params?: Record<string, string> },
  ) {
    super(`${field}: ${reason}`);
    this.name = 'AnswerValidationError';
  }
}

export function scaleRange(scale: Scale): { min: number; max: number } {
  switch (scale.type) {
    case 'yes_no':
      return { min: 0, max: 1 };
    case 'rating':
      return { min: scale.min, max: scale.max };
    case 'points':
      return { min: 0, max: scale.max };
  }
}

export function validateAnswer(criterion: CriterionDefinition, answer: AnswerInput): void {
  if (answer.value === null) {
    if (!criterion.naAllowed) {
      throw new AnswerValidationError(criterion.key, 'N/A is not allowed for this criterion', {
        key: 'error.answer.naNotAllowed',
      });
    }
    return;
  }
  const { min, max } = scaleRange(criterion.scale);
  if (!Number.isInteger(answer.value) || answer.value < min || answer.value > max) {
    throw new AnswerValidationError(
      criterion.key,
      `value ${answer.value} is outside the scale (a whole number from ${min} to ${max})`,
      {
        key: 'error.answer.outsideScale',
        params: { value: String(answer.value), min: String(min), max: String(max) },
      },
    );
  }
}

/** Rejects keys the scorecard version does not have. Missing answers are allowed (drafts). */
export function validateAnswers(
  scorecard: ScorecardDefinition,
  answers: Record<string, AnswerInput>,
): void {
  const criteria = new Map(
    scorecard.sections.flatMap((s) => s.criteria).map((c) => [c.key, c] as const),
  );
  for (const [key, answer] of Object.entries(answers)) {
    const criterion = criteria.get(key);
    if (!criterion) {
      throw new AnswerValidationError(key, 'unknown criterion for this scorecard', {
        key: 'error.answer.unknownCriterion',
      });
    }
    validateAnswer(criterion, answer);
  }
}

/** Keys of the criteria that still lack an answer (a submit needs all of them). */
export function missingAnswers(
  scorecard: ScorecardDefinition,
  answers: Record<string, AnswerInput>,
): string[] {
  return scorecard.sections
    .flatMap((s) => s.criteria)
    .filter((c) => !(c.key in answers))
    .map((c) => c.key);
}

function scoreCriterion(criterion: CriterionDefinition, answer: AnswerInput | undefined) {
  if (!answer || answer.value === null) {
    return {
      key: criterion.key,
      na: true,
      value: null,
      earned: 0,
      possible: 0,
      criticalFailed: false,
    };
  }
  const { max } = scaleRange(criterion.scale);
  return {
    key: criterion.key,
    na: false,
    value: answer.value,
    earned: answer.value * criterion.weight,
    possible: max * criterion.weight,
    criticalFailed: criterion.critical !== undefined && answer.value < criterion.critical.failBelow,
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function scoreSection(
  section: ScorecardDefinition['sections'][number],
  answers: Record<string, AnswerInput>,
): { section: SectionScore; ratio: number | null; failsEvaluation: boolean } {
  const criteria = section.criteria.map((c) => scoreCriterion(c, answers[c.key]));
  const earned = criteria.reduce((sum, c) => sum + c.earned, 0);
  const possible = criteria.reduce((sum, c) => sum + c.possible, 0);
  const failedIn = (scope: string) =>
    section.criteria.some((c, i) => c.critical?.scope === scope && criteria[i].criticalFailed);
  const criticalFailed = failedIn('section');
  const ratio = possible === 0 ? null : criticalFailed ? 0 : earned / possible;
  return {
    section: {
      key: section.key,
      weight: section.weight,
      earned,
      possible,
      score: ratio === null ? null : round2(ratio * 100),
      criticalFailed,
      criteria,
    },
    ratio,
    failsEvaluation: failedIn('evaluation'),
  };
}

/**
 * Computes the breakdown. Unanswered criteria count as not applicable, so a draft can be
 * previewed; submitting requires every criterion answered (see `missingAnswers`).
 */
export function computeScore(
  scorecard: ScorecardDefinition,
  answers: Record<string, AnswerInput>,
): ScoreBreakdown {
  validateAnswers(scorecard, answers);
  const scored = scorecard.sections.map((s) => scoreSection(s, answers));
  const applicable = scored.filter((s) => s.ratio !== null);
  const weights = applicable.reduce((sum, s) => sum + s.section.weight, 0);
  const weighted = applicable.reduce((sum, s) => sum + s.section.weight * (s.ratio ?? 0), 0);
  const criticalFailed = scored.some((s) => s.failsEvaluation);
  const overall = weights === 0 ? null : criticalFailed ? 0 : round2((weighted / weights) * 100);
  return {
    overall,
    passed: overall !== null && overall >= scorecard.passingScore,
    passingScore: scorecard.passingScore,
    criticalFailed,
    sections: scored.map((s) => s.section),
  };
}
