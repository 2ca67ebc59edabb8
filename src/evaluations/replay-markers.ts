/**
 * The marks on the replay page's seek bar: what auto-QA found at a moment of the call (the
 * evidence of its answers that has a time) and the moments evaluators pointed their comments at.
 * Only the evaluations the caller names contribute, so a page shows the marks of exactly the
 * evaluations its user may see. Pure: ReplayViews (replay-views.ts) reads the answers.
 */
import { DEFAULT_SILENCE_MS } from '../scorecards/silence-default';
import type { AutoSuggestion } from './entities/evaluation-answer.entity';
import type { TimedAnswerRow } from './evaluation-rows';
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import { storedReasonText } from '../common/i18n/auto-reason';

export const REPLAY_MARKER_KINDS = [
  'interruption',
  'silence',
  'forbidden',
  'missing',
  'finding',
  'comment',
] as const;
export type ReplayMarkerKind = (typeof REPLAY_MARKER_KINDS)[number];

export interface ReplayMarker {
  ms: number;
  kind: ReplayMarkerKind;
  /** The criteria concerned, by their scorecard labels (joined when several share the mark). */
  label: string;
  /** Auto-QA's reason, or the evaluator's comment (one line each). */
  detail: string;
  /** The evaluator who commented; null for auto-QA. */
  author: string | null;
}

/** One answer as the marks need it: a timed answer as the evaluations repository reads it. */
export type MarkerSource = TimedAnswerRow;

/** What a criterion of a scorecard version says about itself: its label and its detector. */
export interface CriterionInfo {
  label: string;
  detector: string | null;
  /** The `silence` detector's threshold, to tell a long silence from the longest short one. */
  thresholdMs: number | null;
}

export type CriteriaByVersion = Map<number, Map<string, CriterionInfo>>;

export function criteriaOf(definition: ScorecardDefinition): Map<string, CriterionInfo> {
  const out = new Map<string, CriterionInfo>();
  for (const c of definition.sections.flatMap((s) => s.criteria)) {
    const auto = c.auto ?? {};
    const detector = typeof auto.detector === 'string' ? auto.detector : null;
    const threshold = typeof auto.thresholdMs === 'number' ? auto.thresholdMs : null;
    out.set(c.key, {
      label: c.label,
      detector,
      thresholdMs: detector === 'silence' ? (threshold ?? DEFAULT_SILENCE_MS) : null,
    });
  }
  return out;
}

/**
 * Auto-QA marks: every timed evidence item of a failed criterion, and the interruptions and long
 * silences it found even where the criterion passed (a tolerated interruption, an announced
 * hold). Human marks: every answer of a human evaluation that points at a moment. Marks of the
 * same kind at the same moment (and by the same evaluator) are merged. Sorted by time.
 */
export function toReplayMarkers(
  sources: readonly MarkerSource[],
  criteria: CriteriaByVersion,
  lang = 'en',
): ReplayMarker[] {
  const merged = new Map<string, ReplayMarker>();
  const add = (m: ReplayMarker) => {
    // One comment mark per evaluator, so that each comment keeps its author.
    const id = `${m.kind}@${m.ms}@${m.author ?? ''}`;
    const seen = merged.get(id);
    if (!seen) merged.set(id, m);
    else {
      seen.label = joinUnique(seen.label, m.label, ' · ');
      seen.detail = joinUnique(seen.detail, m.detail, '\n');
    }
  };

  for (const s of sources) {
    const info = criteria.get(s.scorecardVersionId)?.get(s.criterionKey);
    const label = info?.label ?? s.criterionKey;
    if (s.evaluationKind !== 'auto') {
      if (s.timeMs !== null) {
        add({
          ms: atLeastZero(s.timeMs),
          kind: 'comment',
          label,
          detail: s.comment ?? '',
          author: s.author,
        });
      }
      continue;
    }
    const reason = s.evidence ? storedReasonText(lang, s.evidence) : '';
    for (const item of s.evidence?.items ?? []) {
      if (item.startMs === null || item.startMs === undefined) continue;
      const kind = autoKind(s.suggestion, info, item.value);
      if (kind === null) continue;
      add({
        ms: atLeastZero(item.startMs),
        kind,
        label,
        // What was said, when the mark is a turn: the reason alone quotes the rule's phrase.
        detail: joinUnique(reason, quote(item.text), ' — '),
        author: null,
      });
    }
  }
  return [...merged.values()].sort((a, b) => a.ms - b.ms || a.kind.localeCompare(b.kind));
}

const QUOTE_MAX = 120;

function quote(text: string | undefined): string {
  const t = (text ?? '').trim();
  if (t === '') return '';
  return `“${t.length > QUOTE_MAX ? `${t.slice(0, QUOTE_MAX - 1)}…` : t}”`;
}

/** The kind of mark an evidence item makes, or null when it marks nothing worth seeing. */
function autoKind(
  suggestion: AutoSuggestion | null,
  info: CriterionInfo | undefined,
  value: number | string | undefined,
): ReplayMarkerKind | null {
  const detector = info?.detector ?? null;
  if (detector === 'interruptions') return 'interruption';
  if (detector === 'silence') {
    // Silence evidence also quotes the turns that announced or thanked; only the gaps are marks,
    // and on a passed criterion only the gaps over the threshold (not "the longest was short").
    if (typeof value !== 'number') return null;
    if (suggestion === 'fail') return 'silence';
    return value > (info?.thresholdMs ?? DEFAULT_SILENCE_MS) ? 'silence' : null;
  }
  if (suggestion !== 'fail') return null;
  if (detector === 'forbidden') return 'forbidden';
  if (detector === 'sequence') return 'missing';
  return 'finding';
}

function joinUnique(a: string, b: string, separator: string): string {
  if (!b) return a;
  if (!a) return b;
  return a.split(separator).includes(b) ? a : `${a}${separator}${b}`;
}

const atLeastZero = (ms: number) => Math.max(0, Math.round(Number(ms)));
