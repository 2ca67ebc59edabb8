/**
 * What a resolution does to an evaluation's answers: checks the new values against the scorecard
 * version (disputed criteria only, on their scale, N/A where allowed), keeps the ones that really
 * change, and recomputes the score with the same formula as a submission. Pure.
 */
import { InputError } from '../common/errors';
import type { DisputeOutcome } from './entities/evaluation-response.entity';
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import {
  AnswerInput,
  AnswerValidationError,
  computeScore,
  ScoreBreakdown,
  validateAnswer,
} from '../scoring/score-formula';

export type AnswerChanges = Record<string, { from: number | null; to: number | null }>;

export interface ResolutionPlan {
  changes: AnswerChanges;
  /** The recomputed score; null when nothing changed (upheld). */
  breakdown: ScoreBreakdown | null;
}

export const OUTCOMES: readonly DisputeOutcome[] = ['upheld', 'changed'];

export function parseOutcome(value: unknown): DisputeOutcome {
  if (OUTCOMES.includes(value as DisputeOutcome)) return value as DisputeOutcome;
  throw new InputError('outcome', 'choose "upheld" (the score stays) or "changed"', {
    key: 'error.dispute.chooseOutcome',
  });
}

/** The criterion keys an agent disputes: at least one, each on this scorecard version. */
export function parseDisputedCriteria(
  definition: ScorecardDefinition,
  keys: readonly string[] | undefined,
): string[] {
  const wanted = new Set((keys ?? []).map((k) => k.trim()).filter(Boolean));
  if (wanted.size === 0)
    throw new InputError('criteria', 'choose at least one criterion to dispute', {
      key: 'error.dispute.chooseCriterion',
    });
  const known = definition.sections.flatMap((s) => s.criteria).map((c) => c.key);
  const unknown = [...wanted].filter((k) => !known.includes(k));
  if (unknown.length > 0) {
    throw new InputError(
      'criteria',
      `unknown criterion ${unknown.map((k) => `"${k}"`).join(', ')} for scorecard ${definition.key}`,
      {
        key: 'error.dispute.unknownCriteria',
        params: {
          criteria: unknown.map((k) => `"${k}"`).join(', '),
          scorecard: definition.key,
        },
      },
    );
  }
  return known.filter((k) => wanted.has(k));
}

export function planResolution(
  definition: ScorecardDefinition,
  answers: { criterionKey: string; value: number | null }[],
  disputed: readonly string[],
  outcome: DisputeOutcome,
  requested: Record<string, unknown> | undefined,
): ResolutionPlan {
  const criteria = new Map(
    definition.sections.flatMap((s) => s.criteria).map((c) => [c.key, c] as const),
  );
  const current = new Map(answers.map((a) => [a.criterionKey, a.value]));
  const changes: AnswerChanges = {};
  for (const [key, to] of Object.entries(requested ?? {})) {
    const criterion = criteria.get(key);
    if (!criterion) {
      throw new InputError(`changes.${key}`, `unknown criterion "${key}" for this scorecard`, {
        key: 'error.dispute.unknownCriterion',
        params: { key },
      });
    }
    if (!disputed.includes(key)) {
      throw new InputError(
        `changes.${key}`,
        `"${key}" was not disputed; a resolution changes disputed criteria only (${disputed.join(', ')})`,
        { key: 'error.dispute.notDisputed', params: { key, disputed: disputed.join(', ') } },
      );
    }
    if (to !== null && typeof to !== 'number') {
      throw new InputError(`changes.${key}`, 'give a whole number on the scale, or null for N/A', {
        key: 'error.dispute.wholeNumber',
      });
    }
    try {
      validateAnswer(criterion, { value: to });
    } catch (e) {
      if (e instanceof AnswerValidationError) {
        throw new InputError(`changes.${key}`, e.reason, e.messageKey);
      }
      throw e;
    }
    const from = current.get(key) ?? null;
    if (from !== to) changes[key] = { from, to };
  }
  const changed = Object.keys(changes).length > 0;
  if (outcome === 'changed' && !changed) {
    throw new InputError(
      'changes',
      'a "changed" resolution must give at least one disputed criterion a new value',
      { key: 'error.dispute.changeSomething' },
    );
  }
  if (outcome === 'upheld' && changed) {
    throw new InputError(
      'outcome',
      `an upheld dispute keeps every answer; choose "changed" to change ${Object.keys(changes).join(', ')}`,
      { key: 'error.dispute.upheldKeeps', params: { criteria: Object.keys(changes).join(', ') } },
    );
  }
  if (!changed) return { changes, breakdown: null };
  const merged: Record<string, AnswerInput> = Object.fromEntries(
    answers.map((a) => [a.criterionKey, { value: a.value }]),
  );
  for (const [key, { to }] of Object.entries(changes)) merged[key] = { value: to };
  return { changes, breakdown: computeScore(definition, merged) };
}
