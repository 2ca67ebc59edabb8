import type { Page } from '../common/pagination';
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import type { Source } from './analytics.repository';
import type { CallsQueryDto } from './dto/analytics-query.dto';
import type { Period } from './period';
import type { CallFact } from './profile-builder';

/** The calls behind an agent's number (/analytics/agents/:id/calls): rows, labels and order. */

/** A call as the profile knows it (without its metrics object), with its scores and counts. */
export interface CallRow extends Omit<CallFact, 'metrics'> {
  humanScore: number | null;
  autoScore: number | null;
  /** The chosen source's answers on the chosen criteria (N/A left out). */
  passed: number;
  failed: number;
  /** Criteria where auto-QA and the human differ (with result=disagree). */
  disagreements: number;
  interruptions: number | null;
  longestSilenceMs: number | null;
  talkRatio: number | null;
}

export interface CallsList {
  agent: { externalId: string; name: string };
  period: Period;
  source: Source;
  criterionKeys: string[] | null;
  /** What the list is about, in the scorecard's words (null when not asked for). */
  labels: { criterion: string | null; section: string | null };
  page: Page<CallRow>;
  /** Over every listed call, not just this page. */
  totals: { passed: number; failed: number; disagreements: number };
}

/** The criteria a calls list is about: one, a section's, or all (undefined). */
export function criterionKeysOf(
  definitions: Map<string, ScorecardDefinition>,
  query: CallsQueryDto,
  scorecardKey: string | null,
): string[] | undefined {
  if (query.criterion) return [query.criterion];
  if (!query.section) return undefined;
  const keys = new Set<string>();
  for (const section of sectionsOf(definitions, scorecardKey)) {
    if (section.key === query.section) section.criteria.forEach((c) => keys.add(c.key));
  }
  return [...keys];
}

export function labelsOf(
  definitions: Map<string, ScorecardDefinition>,
  query: CallsQueryDto,
  scorecardKey: string | null,
): CallsList['labels'] {
  const sections = sectionsOf(definitions, scorecardKey);
  const criterion = query.criterion
    ? (sections.flatMap((s) => s.criteria).find((c) => c.key === query.criterion)?.label ??
      query.criterion)
    : null;
  const section = query.section
    ? (sections.find((s) => s.key === query.section)?.label ?? query.section)
    : null;
  return { criterion, section };
}

function sectionsOf(definitions: Map<string, ScorecardDefinition>, scorecardKey: string | null) {
  return [...definitions]
    .filter(([key]) => !scorecardKey || key === scorecardKey)
    .flatMap(([, definition]) => definition.sections);
}

export function sortByMetric(
  rows: CallRow[],
  metric: 'interruptions' | 'silence' | 'talk',
): CallRow[] {
  const value = (r: CallRow) =>
    metric === 'interruptions'
      ? (r.interruptions ?? -1)
      : metric === 'silence'
        ? (r.longestSilenceMs ?? -1)
        : (r.talkRatio ?? -1);
  return [...rows].sort(
    (a, b) => value(b) - value(a) || b.startedAt.getTime() - a.startedAt.getTime(),
  );
}
