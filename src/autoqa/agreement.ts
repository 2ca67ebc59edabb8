/**
 * How auto-QA fares against the evaluators, per criterion: accuracy, and coverage (the share of
 * answers the machine was sure enough to assert, i.e. not "needs review") with the accuracy on
 * that share, like Genesys' "adequate confidence"; and the latest answers where an evaluator
 * overrode it, with their comment and the turn they pinned. Pure: rows in, figures out.
 */
import type { CriterionDefinition } from '../scorecards/scorecard-definition';
import { resultOfValue, Suggestion } from './suggestions';

/** Submitted human answers beside the machine's suggestion, counted per group. */
export interface AgreementRow {
  criterionKey: string;
  suggestion: string;
  value: number | null;
  /** 1 when the suggestion was flagged "needs review", else 0. */
  review: number;
  n: number;
}

/** One submitted human answer beside the suggestion it may have overridden, newest first. */
export interface OverrideRow {
  criterionKey: string;
  suggestion: string;
  value: number | null;
  comment: string | null;
  turnIndex: number | null;
  turnText: string | null;
  turnStartMs: number | null;
  evaluationId: number;
  interactionId: number;
  externalId: string;
  submittedAt: Date | string | null;
}

export interface MissedAnswer {
  evaluationId: number;
  interactionId: number;
  externalId: string;
  machine: Suggestion;
  human: Suggestion;
  comment: string | null;
  turn: { index: number; text: string; startMs: number | null } | null;
}

export interface CriterionAgreement {
  key: string;
  label: string;
  compared: number;
  agreed: number;
  /** 0..100, null when no human answer has a suggestion to compare with. */
  rate: number | null;
  /** Answers the machine asserted (not "needs review"), and how many of those agreed. */
  confident: number;
  confidentAgreed: number;
  /** 0..100: confident / compared; null when nothing was compared. */
  coverage: number | null;
  /** 0..100: accuracy on the confident answers; null when there were none. */
  confidentRate: number | null;
  /** The latest overrides, newest first. */
  missed: MissedAnswer[];
}

const pct = (n: number, d: number): number | null =>
  d === 0 ? null : Math.round((n / d) * 1000) / 10;

/** A stored human answer read as pass/fail/na (raw driver values may come back as strings). */
const humanVerdict = (c: CriterionDefinition, value: number | string | null): Suggestion =>
  resultOfValue(c, value === null ? null : Number(value));

const isSuggestion = (s: string): s is Suggestion => s === 'pass' || s === 'fail' || s === 'na';

export function agreementFigures(
  criteria: CriterionDefinition[],
  rows: AgreementRow[],
  overrides: OverrideRow[],
  missedPerCriterion = 10,
): CriterionAgreement[] {
  return criteria
    .filter((c) => c.auto)
    .map((c) => {
      let compared = 0;
      let agreed = 0;
      let confident = 0;
      let confidentAgreed = 0;
      for (const r of rows) {
        if (r.criterionKey !== c.key) continue;
        const same = humanVerdict(c, r.value) === r.suggestion;
        compared += r.n;
        if (same) agreed += r.n;
        if (Number(r.review) === 1) continue;
        confident += r.n;
        if (same) confidentAgreed += r.n;
      }
      const missed: MissedAnswer[] = [];
      for (const o of overrides) {
        if (missed.length >= missedPerCriterion) break;
        if (o.criterionKey !== c.key || !isSuggestion(o.suggestion)) continue;
        const human = humanVerdict(c, o.value);
        if (human === o.suggestion) continue;
        missed.push({
          evaluationId: Number(o.evaluationId),
          interactionId: Number(o.interactionId),
          externalId: o.externalId,
          machine: o.suggestion,
          human,
          comment: o.comment,
          turn:
            o.turnIndex === null || o.turnText === null
              ? null
              : {
                  index: Number(o.turnIndex),
                  text: o.turnText,
                  startMs: o.turnStartMs === null ? null : Number(o.turnStartMs),
                },
        });
      }
      return {
        key: c.key,
        label: c.label,
        compared,
        agreed,
        rate: pct(agreed, compared),
        confident,
        confidentAgreed,
        coverage: pct(confident, compared),
        confidentRate: pct(confidentAgreed, confident),
        missed,
      };
    });
}

/**
 * The turns evaluators pinned when they overrode the machine's `fail` with a pass: what the
 * criterion's phrases did not know (input of `autoqa suggest-rules`).
 */
export function pinnedPasses(
  criteria: CriterionDefinition[],
  overrides: OverrideRow[],
): { criterionKey: string; text: string; comment: string | null }[] {
  const byKey = new Map(criteria.map((c) => [c.key, c] as const));
  return overrides.flatMap((o) => {
    const c = byKey.get(o.criterionKey);
    if (c === undefined || o.suggestion !== 'fail' || o.turnText === null) return [];
    if (humanVerdict(c, o.value) !== 'pass') return [];
    return [{ criterionKey: o.criterionKey, text: o.turnText, comment: o.comment }];
  });
}
