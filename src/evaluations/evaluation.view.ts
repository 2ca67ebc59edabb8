/**
 * The view model of an evaluation, shared by the scoring form and the detail page: the
 * scorecard version's sections and criteria with the stored answers and computed scores.
 */
import type { ScorecardDefinition, CriterionDefinition } from '../scorecards/scorecard-definition';
import { resultOfValue } from '../scoring/suggestion';
import { scaleRange, ScoreBreakdown } from '../scoring/score-formula';
import { translate } from '../common/i18n/i18n';
import { storedReasonText } from '../common/i18n/auto-reason';
import { evidenceText } from '../common/i18n/evidence-text';
import type { Turn } from '../interactions/entities/turn.entity';
import type { EvaluationAnswer } from './entities/evaluation-answer.entity';
import type { Evaluation } from './entities/evaluation.entity';
import { scorecardVersionOf } from '../scorecards/loaded-version';

export interface ScaleOption {
  value: string;
  label: string;
  checked: boolean;
}

export interface CriterionView {
  key: string;
  label: string;
  guidance: string;
  critical: string | null;
  naAllowed: boolean;
  options: ScaleOption[];
  answered: boolean;
  na: boolean;
  valueLabel: string;
  earned: number | null;
  possible: number | null;
  criticalFailed: boolean;
  comment: string;
  turnIndex: number | null;
  timeMs: number | null;
  error?: string;
  /** Auto-QA's suggestion and why, when the criterion has one. */
  suggestion: string | null;
  suggestionReason: string | null;
  /** Auto-QA's confidence in percent, and whether its suggestion is only a best guess. */
  confidencePct: number | null;
  needsReview: boolean;
  evidence: {
    turn: number | null;
    startMs: number | null;
    text: string;
    value?: number | string;
  }[];
  /** The evaluator's answer differs from the suggestion. */
  overridden: boolean;
}

export interface SectionView {
  key: string;
  label: string;
  weight: number;
  score: number | null;
  criticalFailed: boolean;
  criteria: CriterionView[];
}

/** A value as the form posted it, to keep the user's input when the form is re-rendered. */
export interface PostedAnswer {
  value?: string;
  comment?: string;
  turnIndex?: string;
}

export function scaleOptions(
  criterion: CriterionDefinition,
  lang: string,
  selected: string | undefined,
): ScaleOption[] {
  const option = (value: number, label: string) => ({
    value: String(value),
    label,
    checked: selected === String(value),
  });
  if (criterion.scale.type === 'yes_no') {
    return [option(1, lang === 'en' ? 'Yes' : '예'), option(0, lang === 'en' ? 'No' : '아니오')];
  }
  const { min, max } = scaleRange(criterion.scale);
  return Array.from({ length: max - min + 1 }, (_, i) => option(min + i, String(min + i)));
}

export function toSectionViews(
  definition: ScorecardDefinition,
  answers: EvaluationAnswer[],
  breakdown: ScoreBreakdown | null,
  lang: string,
  posted: Record<string, PostedAnswer> = {},
  errors: Record<string, string> = {},
): SectionView[] {
  const byKey = new Map(answers.map((a) => [a.criterionKey, a]));
  return definition.sections.map((section) => {
    const sectionScore = breakdown?.sections.find((s) => s.key === section.key);
    return {
      key: section.key,
      label: section.label,
      weight: section.weight,
      score: sectionScore?.score ?? null,
      criticalFailed: sectionScore?.criticalFailed ?? false,
      criteria: section.criteria.map((c) => {
        const answer = byKey.get(c.key);
        const scored = sectionScore?.criteria.find((s) => s.key === c.key);
        const stored = answer ? (answer.value === null ? 'na' : String(answer.value)) : undefined;
        const selected = posted[c.key]?.value ?? stored;
        const options = scaleOptions(c, lang, selected);
        return {
          key: c.key,
          label: c.label,
          guidance: c.guidance,
          critical: c.critical?.scope ?? null,
          naAllowed: c.naAllowed,
          options,
          answered: answer !== undefined,
          na: selected === 'na',
          valueLabel: selected === 'na' ? 'N/A' : (options.find((o) => o.checked)?.label ?? '–'),
          earned: scored && !scored.na ? scored.earned : null,
          possible: scored && !scored.na ? scored.possible : null,
          criticalFailed: scored?.criticalFailed ?? false,
          comment: posted[c.key]?.comment ?? answer?.comment ?? '',
          turnIndex: posted[c.key]?.turnIndex
            ? Number(posted[c.key].turnIndex)
            : (answer?.turnIndex ?? null),
          timeMs: answer?.timeMs ?? null,
          error: errors[c.key],
          suggestion: answer?.suggestion ?? null,
          suggestionReason: answer?.evidence?.reason
            ? storedReasonText(lang, answer.evidence)
            : null,
          confidencePct:
            typeof answer?.evidence?.confidence === 'number'
              ? Math.round(answer.evidence.confidence * 100)
              : null,
          needsReview: answer?.evidence?.needsReview === true,
          evidence: answer?.evidence
            ? evidenceText(lang, answer.evidence.items ?? [], answer.evidence.reasonCode)
            : [],
          overridden: !!answer?.suggestion && answer.suggestion !== resultOfValue(c, answer.value),
        };
      }),
    };
  });
}

/**
 * What the evaluation pages (form and detail) show: the evaluation, its call, scorecard, scores,
 * the criteria with answers (posted ones and errors when re-rendering a refused form), and the
 * call's turns shortened for the "about which turn" choice (none when they were not loaded).
 */
export function evaluationPageView(
  evaluation: Evaluation,
  interaction: { id: number; externalId: string; turns?: Turn[] } | undefined,
  language: string,
  posted?: Record<string, PostedAnswer>,
  errors?: Record<string, string>,
) {
  const version = scorecardVersionOf(evaluation);
  const sections = toSectionViews(
    version.definition,
    evaluation.answers ?? [],
    evaluation.breakdown,
    language,
    posted,
    errors,
  );
  return {
    title: `${translate(language, 'evaluation.title')} #${evaluation.id}`,
    evaluation,
    interaction,
    scorecard: {
      key: version.scorecard?.key,
      name: version.definition.name,
      version: version.version,
    },
    breakdown: evaluation.breakdown,
    sections,
    unanswered: unansweredOf(sections).length,
    turns: (interaction?.turns ?? []).map((t) => ({
      seq: t.seq,
      startMs: t.startMs,
      speaker: t.speaker,
      text: t.text.length > 70 ? `${t.text.slice(0, 70)}…` : t.text,
    })),
  };
}

/** The criteria with neither a value nor N/A chosen (saved or posted), in scorecard order. */
export function unansweredOf(sections: SectionView[]): CriterionView[] {
  return sections
    .flatMap((s) => s.criteria)
    .filter((c) => !c.na && !c.options.some((o) => o.checked));
}

/**
 * What the scoring page's header shows about the call: the CSAT from its metadata (a number or
 * numeric text, as the sources give it); null when the call has none.
 */
export function csatOf(metadata: Record<string, unknown> | null | undefined): string | null {
  const value = metadata?.csat;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
}
