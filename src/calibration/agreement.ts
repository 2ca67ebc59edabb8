/**
 * Agreement statistics for calibration sessions: several evaluators score the same interaction
 * on the same scorecard version, blind, and one of them is the designated expert whose answers
 * are the benchmark. Pure: plain data in, plain data out.
 */
import { scaleRange } from '../scoring/score-formula';
import type { Scale } from '../scorecards/scorecard-definition';

/**
 * Fleiss' kappa (Fleiss 1971). `counts[i][j]` = how many raters put subject i in category j;
 * every row must hold the same number of raters n ≥ 2 and the same number of categories.
 * Returns null when kappa is undefined: no subjects, or chance agreement P̄e = 1 (every rating in
 * one single category).
 */
export function fleissKappa(counts: number[][]): number | null {
  if (counts.length === 0) return null;
  const raters = checkCounts(counts);
  const subjects = counts.length;
  const categories = counts[0].length;

  let observed = 0;
  for (const row of counts) {
    const sumSquares = row.reduce((sum, c) => sum + c * c, 0);
    observed += (sumSquares - raters) / (raters * (raters - 1));
  }
  observed /= subjects;

  let chance = 0;
  for (let j = 0; j < categories; j++) {
    const share = counts.reduce((sum, row) => sum + row[j], 0) / (subjects * raters);
    chance += share * share;
  }
  if (1 - chance < 1e-12) return null;
  return (observed - chance) / (1 - chance);
}

/** Returns the number of raters per subject, or throws a RangeError naming the offending row. */
function checkCounts(counts: number[][]): number {
  const categories = counts[0].length;
  const raters = counts[0].reduce((sum, c) => sum + c, 0);
  counts.forEach((row, i) => {
    if (row.length !== categories) {
      throw new RangeError(
        `counts[${i}] has ${row.length} categories; expected ${categories} like counts[0]`,
      );
    }
    if (row.some((c) => !Number.isInteger(c) || c < 0)) {
      throw new RangeError(`counts[${i}] holds a count that is not a whole number ≥ 0`);
    }
    const sum = row.reduce((s, c) => s + c, 0);
    if (sum !== raters) {
      throw new RangeError(`counts[${i}] sums to ${sum}; expected ${raters} like counts[0]`);
    }
  });
  if (raters < 2) {
    throw new RangeError(`counts[0] sums to ${raters}; Fleiss' kappa needs at least 2 raters`);
  }
  return raters;
}

export interface CalibrationCriterionInput {
  key: string;
  label: string;
  scale: Scale;
}

export interface CalibrationEvaluationInput {
  evaluatorId: number;
  evaluatorName: string;
  isExpert: boolean;
  overallScore: number | null;
  /** Value on the criterion's scale, null for N/A; a key left out means "not answered". */
  answers: Record<string, number | null>;
}

export interface CalibrationInput {
  criteria: CalibrationCriterionInput[];
  evaluations: CalibrationEvaluationInput[];
}

export interface EvaluatorDeviation {
  evaluatorId: number;
  evaluatorName: string;
  isExpert: boolean;
  overallScore: number | null;
  /** overallScore − the expert's, two decimals; null if either is null or there is no expert. */
  deviation: number | null;
  absDeviation: number | null;
}

export interface CriterionAgreement {
  key: string;
  label: string;
  /** % of rater pairs giving the same answer (N/A is an answer); null with fewer than 2 raters. */
  agreementPct: number | null;
  /** % of non-expert raters whose answer equals the expert's; null when there is nothing to compare. */
  matchesExpertPct: number | null;
  /** The evaluators who answered this criterion, in input order. */
  answers: { evaluatorId: number; value: number | null }[];
  /** (max − min) of the non-null values over the scale's range, 0..1; null when no value. */
  spread: number | null;
}

export interface CalibrationReport {
  evaluators: EvaluatorDeviation[];
  criteria: CriterionAgreement[];
  /**
   * Fleiss' kappa with the criteria as subjects and the distinct answer values (N/A included)
   * as categories. Only criteria answered by every evaluator (a value or an explicit null) count,
   * since Fleiss needs the same number of raters per subject; null when fewer than 2 evaluators,
   * no such criterion, or kappa is undefined.
   */
  kappa: number | null;
  /** Up to 5 criterion keys below 100 % agreement, by agreement ascending, then spread descending. */
  mostDisagreement: string[];
}

const MOST_DISAGREEMENT = 5;

/**
 * The calibration result: each evaluator's deviation from the expert's overall score and each
 * criterion's agreement. At most one evaluation may be the expert's (RangeError otherwise).
 */
export function calibrationReport(input: CalibrationInput): CalibrationReport {
  const experts = input.evaluations.filter((e) => e.isExpert);
  if (experts.length > 1) {
    throw new RangeError(`a calibration has at most one expert; got ${experts.length}`);
  }
  const expert = experts[0];
  const criteria = input.criteria.map((c) => criterionAgreement(c, input.evaluations, expert));
  return {
    evaluators: input.evaluations.map((e) => evaluatorDeviation(e, expert)),
    criteria,
    kappa: reportKappa(input),
    mostDisagreement: mostDisagreement(criteria),
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function evaluatorDeviation(
  evaluation: CalibrationEvaluationInput,
  expert: CalibrationEvaluationInput | undefined,
): EvaluatorDeviation {
  const expertScore = expert?.overallScore ?? null;
  const deviation =
    evaluation.overallScore === null || expertScore === null
      ? null
      : round2(evaluation.overallScore - expertScore);
  return {
    evaluatorId: evaluation.evaluatorId,
    evaluatorName: evaluation.evaluatorName,
    isExpert: evaluation.isExpert,
    overallScore: evaluation.overallScore,
    deviation,
    absDeviation: deviation === null ? null : Math.abs(deviation),
  };
}

function criterionAgreement(
  criterion: CalibrationCriterionInput,
  evaluations: CalibrationEvaluationInput[],
  expert: CalibrationEvaluationInput | undefined,
): CriterionAgreement {
  const answered = evaluations.filter((e) => criterion.key in e.answers);
  const answers = answered.map((e) => ({
    evaluatorId: e.evaluatorId,
    value: e.answers[criterion.key],
  }));
  return {
    key: criterion.key,
    label: criterion.label,
    agreementPct: pairAgreementPct(answers.map((a) => a.value)),
    matchesExpertPct: matchesExpertPct(criterion.key, answered, expert),
    answers,
    spread: spread(
      criterion.scale,
      answers.map((a) => a.value),
    ),
  };
}

function pairAgreementPct(values: (number | null)[]): number | null {
  if (values.length < 2) return null;
  let pairs = 0;
  let agreeing = 0;
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      pairs++;
      if (values[i] === values[j]) agreeing++;
    }
  }
  return (agreeing / pairs) * 100;
}

function matchesExpertPct(
  key: string,
  answered: CalibrationEvaluationInput[],
  expert: CalibrationEvaluationInput | undefined,
): number | null {
  if (!expert || !(key in expert.answers)) return null;
  const others = answered.filter((e) => !e.isExpert);
  if (others.length === 0) return null;
  const matching = others.filter((e) => e.answers[key] === expert.answers[key]).length;
  return (matching / others.length) * 100;
}

function spread(scale: Scale, values: (number | null)[]): number | null {
  const given = values.filter((v): v is number => v !== null);
  if (given.length === 0) return null;
  const { min, max } = scaleRange(scale);
  if (max === min) return 0;
  return (Math.max(...given) - Math.min(...given)) / (max - min);
}

/** Criteria as subjects, distinct answer values (N/A included) as categories. */
function reportKappa({ criteria, evaluations }: CalibrationInput): number | null {
  if (evaluations.length < 2) return null;
  const complete = criteria.filter((c) => evaluations.every((e) => c.key in e.answers));
  const categories = [
    ...new Set(complete.flatMap((c) => evaluations.map((e) => e.answers[c.key]))),
  ];
  const counts = complete.map((c) =>
    categories.map((category) => evaluations.filter((e) => e.answers[c.key] === category).length),
  );
  return fleissKappa(counts);
}

function mostDisagreement(criteria: CriterionAgreement[]): string[] {
  const below = criteria.filter(
    (c): c is CriterionAgreement & { agreementPct: number } =>
      c.agreementPct !== null && c.agreementPct < 100,
  );
  return below
    .sort((a, b) => a.agreementPct - b.agreementPct || (b.spread ?? -1) - (a.spread ?? -1))
    .slice(0, MOST_DISAGREEMENT)
    .map((c) => c.key);
}

export interface DeviationPoint {
  evaluatorId: number;
  sessionId: number;
  closedAt: Date;
  deviation: number | null;
}

export interface EvaluatorDeviationHistory {
  evaluatorId: number;
  /** All the evaluator's points, oldest first (ties by session id). */
  series: { sessionId: number; closedAt: Date; deviation: number | null }[];
  /** Mean of |deviation| over the non-null points; null when there is none. */
  meanAbsDeviation: number | null;
  /**
   * Mean |deviation| of the last 3 non-null points minus that of the first 3: negative means the
   * evaluator is getting closer to the expert. Null with fewer than 4 non-null points.
   */
  trend: number | null;
}

const TREND_WINDOW = 3;

/** Each evaluator's deviations from the expert over the sessions, by evaluator id. */
export function deviationHistory(points: DeviationPoint[]): EvaluatorDeviationHistory[] {
  const byEvaluator = new Map<number, DeviationPoint[]>();
  for (const p of points) {
    const own = byEvaluator.get(p.evaluatorId);
    if (own) own.push(p);
    else byEvaluator.set(p.evaluatorId, [p]);
  }
  return [...byEvaluator.entries()]
    .sort(([a], [b]) => a - b)
    .map(([evaluatorId, own]) => {
      const series = own
        .map(({ sessionId, closedAt, deviation }) => ({ sessionId, closedAt, deviation }))
        .sort((a, b) => a.closedAt.getTime() - b.closedAt.getTime() || a.sessionId - b.sessionId);
      const absolute = series.flatMap((p) => (p.deviation === null ? [] : [Math.abs(p.deviation)]));
      return {
        evaluatorId,
        series,
        meanAbsDeviation: mean(absolute),
        trend: trend(absolute),
      };
    });
}

function trend(absolute: number[]): number | null {
  if (absolute.length <= TREND_WINDOW) return null;
  const windowMean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  return windowMean(absolute.slice(-TREND_WINDOW)) - windowMean(absolute.slice(0, TREND_WINDOW));
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}
