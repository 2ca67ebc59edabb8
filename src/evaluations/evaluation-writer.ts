import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StaleVersionError } from '../common/errors';
import { scorecardVersionOf } from '../scorecards/loaded-version';
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import { passedFor } from '../scoring/answer-passed';
import { evaluationPassed } from '../scoring/evaluation-passed';
import { AnswerInput, computeScore, ScoreBreakdown } from '../scoring/score-formula';
import type { AutoSuggestion, StoredEvidence } from './entities/evaluation-answer.entity';
import type { Evaluation, EvaluationKind, EvaluationStatus } from './entities/evaluation.entity';
import type { AnswerRow } from './evaluation-rows';
import { EvaluationsRepository } from './evaluations.repository';

/** An answer as a feature gives it; the writer adds whether it passed. */
export interface AnswerWrite {
  key: string;
  /** On the criterion's scale; null = N/A. */
  value: number | null;
  comment?: string | null;
  turnIndex?: number | null;
  timeMs?: number | null;
  /** The machine's suggestion and evidence, kept beside whatever a person answers. */
  suggestion?: AutoSuggestion | null;
  evidence?: StoredEvidence | null;
}

export interface NewEvaluation {
  interactionId: number;
  scorecardVersion: { id: number; definition: ScorecardDefinition };
  evaluatorId: number | null;
  kind: EvaluationKind;
  status: 'draft' | 'submitted';
  answers: AnswerWrite[];
  /** When it counts from (submitted evaluations); now when not given. */
  submittedAt?: Date;
  /** Auto-QA's call metrics. */
  metrics?: Record<string, unknown>;
}

/** What a step changes on the evaluation row besides its version. */
export interface EvaluationChange {
  status: EvaluationStatus;
  /** A new score (after changed answers); the row's score stays when absent. */
  breakdown?: ScoreBreakdown;
  submittedAt?: Date | null;
}

/**
 * The one owner of evaluation rows: every feature that creates an evaluation or changes its
 * answers, score or status (scoring, auto-QA, mystery shops, disputes, calibration) does it
 * here, inside its own transaction (the manager it passes). The score comes from the scoring
 * formula and `passed` from src/scoring, the same way for every kind.
 */
@Injectable()
export class EvaluationWriter {
  constructor(private readonly repository: EvaluationsRepository) {}

  /**
   * Inserts the evaluation, scored from its answers (no answers: no score yet); a unique index
   * may refuse it (throws). Returns its id and score.
   */
  async create(
    manager: EntityManager,
    input: NewEvaluation,
  ): Promise<{ id: number; breakdown: ScoreBreakdown | null }> {
    const { row, answers } = this.rows(input);
    return { id: await this.repository.insert(manager, row, answers), breakdown: row.breakdown };
  }

  /**
   * Auto-QA's evaluation, unless the call already has one on this scorecard version (another
   * process scored it first): then nothing is written and the answer is null.
   */
  createUnlessScored(manager: EntityManager, input: NewEvaluation): Promise<number | null> {
    const { row, answers } = this.rows(input);
    return this.repository.insertUnlessPresent(manager, row, answers);
  }

  /**
   * Writes new answers to these criteria over the evaluation's saved ones (loaded with its
   * answers and scorecard version) and returns the score of the result. Fields an answer does
   * not give (a comment, the machine's suggestion) stay as they were saved.
   */
  async changeAnswers(
    manager: EntityManager,
    evaluation: Evaluation,
    changes: AnswerWrite[],
  ): Promise<ScoreBreakdown> {
    const definition = scorecardVersionOf(evaluation).definition;
    const saved = new Map((evaluation.answers ?? []).map((a) => [a.criterionKey, a]));
    await this.repository.replaceAnswers(
      manager,
      evaluation.id,
      changes.map((change) => {
        const before = saved.get(change.key);
        return answerRow(evaluation.kind, definition, {
          comment: before?.comment ?? null,
          turnIndex: before?.turnIndex ?? null,
          timeMs: before?.timeMs ?? null,
          suggestion: before?.suggestion ?? null,
          evidence: before?.evidence ?? null,
          ...change,
        });
      }),
    );
    const merged: Record<string, AnswerInput> = Object.fromEntries(
      [...saved.values()].map((a) => [a.criterionKey, { value: a.value }]),
    );
    for (const change of changes) merged[change.key] = { value: change.value };
    return computeScore(definition, merged);
  }

  /**
   * The optimistic lock: the change is written only if the row is still at `expected`, and the
   * version moves on by one; anything else is a StaleVersionError. A new breakdown brings its
   * overall score and `passed` (null while a draft).
   */
  async bumpVersion(
    manager: EntityManager,
    id: number,
    expected: number,
    change: EvaluationChange,
  ): Promise<void> {
    const values: Partial<Evaluation> = { status: change.status };
    if (change.breakdown) {
      values.breakdown = change.breakdown;
      values.overallScore = change.breakdown.overall;
      values.passed = change.status === 'draft' ? null : evaluationPassed(change.breakdown);
    }
    if (change.submittedAt !== undefined) values.submittedAt = change.submittedAt;
    const ok = await this.repository.bumpVersion(manager, id, expected, values);
    if (!ok) throw new StaleVersionError(`evaluation ${id}`, expected, expected + 1);
  }

  /**
   * Rewrites the evidence quotes of these calls' answers with `trim` (the redacted form of a
   * quote, or '' to drop it) when their transcript is deleted. Scores, values, versions and
   * comments stay; returns how many answers changed.
   */
  async trimEvidence(
    manager: EntityManager,
    interactionIds: number[],
    trim: (quote: string, interactionId: number) => string,
  ): Promise<number> {
    let changed = 0;
    for (const answer of await this.repository.answersWithEvidence(manager, interactionIds)) {
      const items = answer.evidence.items.map((item) => ({
        ...item,
        text: trim(item.text, answer.interactionId),
      }));
      if (items.every((item, i) => item.text === answer.evidence.items[i].text)) continue;
      await this.repository.setEvidence(manager, answer.id, { ...answer.evidence, items });
      changed++;
    }
    return changed;
  }

  private rows(input: NewEvaluation) {
    const { definition } = input.scorecardVersion;
    const breakdown =
      input.answers.length > 0
        ? computeScore(
            definition,
            Object.fromEntries(input.answers.map((a) => [a.key, { value: a.value }])),
          )
        : null;
    const submitted = input.status !== 'draft';
    return {
      row: {
        interactionId: input.interactionId,
        scorecardVersionId: input.scorecardVersion.id,
        evaluatorId: input.evaluatorId,
        kind: input.kind,
        status: input.status,
        breakdown,
        overallScore: breakdown?.overall ?? null,
        passed: submitted && breakdown ? evaluationPassed(breakdown) : null,
        metrics: input.metrics ?? null,
        submittedAt: submitted ? (input.submittedAt ?? new Date()) : null,
      },
      answers: input.answers.map((a) => answerRow(input.kind, definition, a)),
    };
  }
}

/**
 * An answer row. Whether it passed is the scorecard's rule for its value; auto-QA's own rows
 * carry the machine's verdict (its suggestion), which is what its analytics count.
 */
function answerRow(
  kind: EvaluationKind,
  definition: ScorecardDefinition,
  a: AnswerWrite,
): AnswerRow {
  const passed =
    kind === 'auto' && a.suggestion
      ? a.suggestion === 'na'
        ? null
        : a.suggestion === 'pass'
      : passedFor(definition, a.key, a.value);
  return {
    criterionKey: a.key,
    value: a.value,
    passed,
    comment: a.comment ?? null,
    turnIndex: a.turnIndex ?? null,
    timeMs: a.timeMs ?? null,
    suggestion: a.suggestion ?? null,
    evidence: a.evidence ?? null,
  };
}
