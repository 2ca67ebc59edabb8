/**
 * drivers() as it was before the answer matrix (git a16dea5, src/outcomes/drivers.ts), kept only as
 * the reference drivers-same.spec.ts holds the new code to: the same result, value for value.
 */
import {
  linearRegression,
  logisticRegression,
  meanDifference,
  meanWithCi,
  proportionDifference,
  proportionTest,
  proportionWithCi,
  welchTTest,
  type Difference,
  type MeanEstimate,
  type ProportionEstimate,
  type RegressionResult,
  type TestResult,
} from '../../../src/statistics';

export type Outcome = 'csat' | 'fcr';
export type AnswerSource = 'human' | 'auto';

/** One call: its outcome and its answers (criterion → passed; N/A left out). */
export interface DriverCall {
  interactionId: number;
  outcome: number | boolean;
  answers: Map<string, boolean>;
}

export interface CriterionEffect {
  criterionKey: string;
  label: string;
  passed: MeanEstimate | ProportionEstimate;
  failed: MeanEstimate | ProportionEstimate;
  /** passed − failed (CSAT points, or FCR rate). */
  difference: Difference | null;
  test: TestResult | null;
  /** The interval leaves out 0: a difference the data show (not a cause). */
  clear: boolean;
  /** Fewer than MIN_GROUP calls on a side: read with care. */
  small: boolean;
  /** The calls behind each side (interaction ids), for the links to them. */
  passedCalls: number[];
  failedCalls: number[];
}

export interface DriversResult {
  outcome: Outcome;
  source: AnswerSource;
  calls: number;
  effects: CriterionEffect[];
  /** Up to 3 criteria with a clear positive effect, largest first. */
  top: string[];
  /** Criteria with enough calls on both sides and no clear effect. */
  none: string[];
  model: RegressionResult | null;
}

export const MIN_GROUP = 10;
/** A criterion needs this many failures to enter the model (else its coefficient is noise). */
export const MIN_MODEL_FAILURES = 5;

function estimate(values: (number | boolean)[], outcome: Outcome) {
  if (outcome === 'fcr') {
    const n = values.length;
    return proportionWithCi(values.filter((v) => v === true).length, n);
  }
  return meanWithCi(values as number[]);
}

function compare(passed: (number | boolean)[], failed: (number | boolean)[], outcome: Outcome) {
  if (outcome === 'fcr') {
    const a = { successes: passed.filter((v) => v === true).length, n: passed.length };
    const b = { successes: failed.filter((v) => v === true).length, n: failed.length };
    return { difference: proportionDifference(a, b), test: proportionTest(a, b) };
  }
  const a = passed as number[];
  const b = failed as number[];
  return { difference: meanDifference(a, b), test: welchTTest(a, b) };
}

export function drivers(
  calls: readonly DriverCall[],
  criteria: readonly { key: string; label: string }[],
  outcome: Outcome,
  source: AnswerSource,
): DriversResult {
  const effects = criteria.map((c): CriterionEffect => {
    const passed: (number | boolean)[] = [];
    const failed: (number | boolean)[] = [];
    const passedCalls: number[] = [];
    const failedCalls: number[] = [];
    for (const call of calls) {
      const answer = call.answers.get(c.key);
      if (answer === true) {
        passed.push(call.outcome);
        passedCalls.push(call.interactionId);
      } else if (answer === false) {
        failed.push(call.outcome);
        failedCalls.push(call.interactionId);
      }
    }
    const { difference, test } = compare(passed, failed, outcome);
    return {
      criterionKey: c.key,
      label: c.label,
      passed: estimate(passed, outcome),
      failed: estimate(failed, outcome),
      difference,
      test,
      clear: difference !== null && (difference.ci.low > 0 || difference.ci.high < 0),
      small: passed.length < MIN_GROUP || failed.length < MIN_GROUP,
      passedCalls,
      failedCalls,
    };
  });
  const size = (e: CriterionEffect) => Math.abs(e.difference?.estimate ?? 0);
  effects.sort(
    (a, b) =>
      Number(b.clear) - Number(a.clear) ||
      size(b) - size(a) ||
      (a.criterionKey < b.criterionKey ? -1 : 1),
  );
  return {
    outcome,
    source,
    calls: calls.length,
    effects,
    top: effects
      .filter((e) => e.clear && !e.small && (e.difference?.estimate ?? 0) > 0)
      .slice(0, 3)
      .map((e) => e.criterionKey),
    none: effects.filter((e) => !e.clear && !e.small).map((e) => e.criterionKey),
    model: model(calls, effects, outcome),
  };
}

/**
 * One regression over the criteria that failed at least MIN_MODEL_FAILURES times: predictor 1 =
 * passed, 0 = failed; a criterion not answered or N/A on a call counts as not failed.
 */
function model(
  calls: readonly DriverCall[],
  effects: readonly CriterionEffect[],
  outcome: Outcome,
): RegressionResult | null {
  const keys = effects
    .filter((e) => e.failed.n >= MIN_MODEL_FAILURES && e.passed.n > 0)
    .map((e) => e.criterionKey)
    .sort();
  if (keys.length === 0) return null;
  const rows = calls.map((c) => keys.map((k) => (c.answers.get(k) === false ? 0 : 1)));
  const y = calls.map((c) =>
    outcome === 'fcr' ? (c.outcome === true ? 1 : 0) : Number(c.outcome),
  );
  return outcome === 'fcr' ? logisticRegression(rows, keys, y) : linearRegression(rows, keys, y);
}

/** One counted answer, in call then evaluation order. */
export interface DriverAnswer {
  interactionId: number;
  source: AnswerSource;
  criterionKey: string;
  passed: boolean | null;
}

/**
 * Per source, each call's answers that count: with several evaluations of one call and source
 * the latest answer of a criterion wins, and an N/A there takes it out. Calls in first-seen order.
 */
export function latestAnswers(
  answers: readonly DriverAnswer[],
): Record<AnswerSource, Map<number, Map<string, boolean>>> {
  const bySource: Record<AnswerSource, Map<number, Map<string, boolean>>> = {
    human: new Map(),
    auto: new Map(),
  };
  for (const a of answers) {
    const calls = bySource[a.source];
    const call = calls.get(a.interactionId) ?? new Map<string, boolean>();
    if (a.passed === null) call.delete(a.criterionKey);
    else call.set(a.criterionKey, a.passed);
    calls.set(a.interactionId, call);
  }
  return bySource;
}

/** One row of the drivers roll-up (driver_facts): a call's counted answers of one scorecard. */
export interface DriverFactRow {
  interactionId: number;
  scorecardKey: string;
  source: AnswerSource;
  /** Answer rows behind it (every evaluation), to pick the scorecard with the most answers. */
  answers: number;
  passedKeys: string[];
  failedKeys: string[];
  csat: number | null;
  fcr: boolean | null;
}

/** The roll-up rows of some calls, from their answers (call order) and metadata outcomes. */
export function driverFactRows(
  answers: readonly (DriverAnswer & { scorecardKey: string })[],
  outcomes: Map<number, { csat: number | null; fcr: boolean | null }>,
): DriverFactRow[] {
  const byScorecard = new Map<string, (DriverAnswer & { scorecardKey: string })[]>();
  const counts = new Map<string, number>();
  for (const a of answers) {
    const list = byScorecard.get(a.scorecardKey) ?? [];
    list.push(a);
    byScorecard.set(a.scorecardKey, list);
    const key = `${a.scorecardKey}\n${a.source}\n${a.interactionId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows: DriverFactRow[] = [];
  for (const [scorecardKey, list] of byScorecard) {
    const bySource = latestAnswers(list);
    for (const source of ['human', 'auto'] as AnswerSource[]) {
      for (const [interactionId, call] of bySource[source]) {
        const keys = [...call.entries()];
        const outcome = outcomes.get(interactionId);
        rows.push({
          interactionId,
          scorecardKey,
          source,
          answers: counts.get(`${scorecardKey}\n${source}\n${interactionId}`) ?? 0,
          passedKeys: keys.filter(([, p]) => p).map(([k]) => k),
          failedKeys: keys.filter(([, p]) => !p).map(([k]) => k),
          csat: outcome?.csat ?? null,
          fcr: outcome?.fcr ?? null,
        });
      }
    }
  }
  return rows;
}

/** The calls of one source with an outcome, in call order, as `drivers` takes them. */
export function driverCallsOf(
  rows: readonly DriverFactRow[],
  outcome: Outcome,
  source: AnswerSource,
): DriverCall[] {
  const calls: DriverCall[] = [];
  for (const r of rows) {
    if (r.source !== source) continue;
    const value = outcome === 'csat' ? r.csat : r.fcr;
    if (value === null) continue;
    const answers = new Map<string, boolean>();
    for (const k of r.passedKeys) answers.set(k, true);
    for (const k of r.failedKeys) answers.set(k, false);
    calls.push({ interactionId: r.interactionId, outcome: value, answers });
  }
  return calls.sort((a, b) => a.interactionId - b.interactionId);
}
