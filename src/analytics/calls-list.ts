import type { Page } from '../common/pagination';
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import type { AgreementRow, AnswerCountRow, EvaluationRow } from './analytics-rows';
import type { Source } from './analytics-sql';
import type { CallsQueryDto } from './dto/analytics-query.dto';
import { callFacts, evaluationFacts, scoresByCall } from './evaluation-facts';
import type { Period } from './period';
import { averageOf, dimensionValue, type CallFact } from './profile-builder';

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

export interface ListedCallsInput {
  query: CallsQueryDto;
  source: Source;
  scorecardKey: string | null;
  /** The criteria asked for (undefined: all). */
  criterionKeys: string[] | undefined;
  /** The agent's counted evaluations, their answer counts and machine-human agreement. */
  rows: EvaluationRow[];
  answers: AnswerCountRow[];
  agreementRows: AgreementRow[];
}

/**
 * The agent's calls that make up the number asked about: those with a counted evaluation on the
 * chosen scorecard, of the asked dimension value, with a metric, or with a failed, passed or
 * disputed answer of the source on the criteria; sorted by the metric when one is asked for.
 */
export function listedCalls(input: ListedCallsInput): CallRow[] {
  const { query, source, scorecardKey, criterionKeys, rows } = input;
  const calls = callFacts(rows);
  const facts = evaluationFacts(rows, input.answers, scorecardKey);
  const disagreements = new Map<number, number>();
  for (const a of input.agreementRows) {
    const n = a.compared - a.agreed;
    disagreements.set(a.interactionId, (disagreements.get(a.interactionId) ?? 0) + n);
  }
  const byCall = new Map<number, { passed: number; failed: number; of: boolean }>();
  for (const f of facts) {
    const c = byCall.get(f.interactionId) ?? { passed: 0, failed: 0, of: false };
    if (f.source === source) {
      c.passed += f.passed;
      c.failed += f.failed;
      c.of = true;
    }
    byCall.set(f.interactionId, c);
  }
  const matches = (call: CallFact): boolean => {
    const c = byCall.get(call.interactionId);
    if (!c) return false; // no counted evaluation on the chosen scorecard
    if (query.dimension && dimensionValue(call, query.dimension) !== (query.value ?? '')) {
      return false;
    }
    if (query.metric) {
      const m = call.channel === 'voice' ? call.metrics : null;
      return m !== null && (query.metric !== 'interruptions' || m.interruptions > 0);
    }
    switch (query.result) {
      case 'fail':
        return c.failed > 0;
      case 'pass':
        return c.passed > 0;
      case 'disagree':
        return (disagreements.get(call.interactionId) ?? 0) > 0;
      case undefined:
        return criterionKeys ? c.passed + c.failed > 0 : c.of;
    }
  };
  const scores = scoresByCall(rows, scorecardKey);
  const listed = [...calls.values()].filter(matches).map((call): CallRow => ({
    interactionId: call.interactionId,
    externalId: call.externalId,
    startedAt: call.startedAt,
    channel: call.channel,
    queue: call.queue,
    escalated: call.escalated,
    humanScore: averageOf(scores.get(call.interactionId)?.human ?? []),
    autoScore: averageOf(scores.get(call.interactionId)?.auto ?? []),
    passed: byCall.get(call.interactionId)?.passed ?? 0,
    failed: byCall.get(call.interactionId)?.failed ?? 0,
    disagreements: disagreements.get(call.interactionId) ?? 0,
    interruptions: call.metrics?.interruptions ?? null,
    longestSilenceMs: call.metrics?.longestSilenceMs ?? null,
    talkRatio: call.metrics?.agentTalkRatio ?? null,
  }));
  return query.metric ? sortByMetric(listed, query.metric) : listed;
}

/** The totals of a calls list, over every listed call. */
export function callTotals(listed: CallRow[]): CallsList['totals'] {
  return {
    passed: listed.reduce((n, c) => n + c.passed, 0),
    failed: listed.reduce((n, c) => n + c.failed, 0),
    disagreements: listed.reduce((n, c) => n + c.disagreements, 0),
  };
}
