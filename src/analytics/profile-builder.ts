/**
 * Builds the agent profile from counts and facts the repository read: criterion rows beside the
 * team, sections, weakest and strongest criteria, where the misses cluster, call metrics and
 * machine-human agreement. Pure: no I/O, so every number can be checked by hand.
 */
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import {
  clusterMisses,
  rankWeakCriteria,
  weeklyTrend,
  type CriterionPassCounts,
  type MissFact,
} from './patterns';
import { localHour, weeksOf, type Period } from './period';
import type { AgentProfile, CriterionRow } from './profile.types';
import { parseJson } from '../database/raw-values';

export type Source = 'human' | 'auto';

export interface CriterionCount {
  scorecardKey: string;
  criterionKey: string;
  source: Source;
  passed: number;
  failed: number;
}

/** One call of the agent in the period. */
export interface CallFact {
  interactionId: number;
  externalId: string;
  startedAt: Date;
  channel: string;
  queue: string | null;
  escalated: boolean;
  /** Measured by auto-QA (its evaluation of the call); null without one. */
  metrics: CallMetrics | null;
}

export interface CallMetrics {
  interruptions: number;
  longestSilenceMs: number;
  agentTalkRatio: number | null;
  negativityPeak: number | null;
}

/** One counted evaluation, with its passed/failed answers (N/A left out). */
export interface EvaluationFact {
  evaluationId: number;
  interactionId: number;
  source: Source;
  scorecardKey: string;
  overallScore: number | null;
  passed: number;
  failed: number;
}

export interface AgreementCount {
  scorecardKey: string;
  criterionKey: string;
  compared: number;
  agreed: number;
}

/**
 * A customer counts as escalated when the source says so (`metadata.escalated`) or auto-QA
 * measured a customer-negativity peak of at least 6 on its 0–10 scale (0.6 of the scale; the
 * de-escalation criteria already act from 2, this is the clearly upset customer).
 */
export const ESCALATED_NEGATIVITY_PEAK = 6;

export function isEscalated(metadata: unknown, metrics: CallMetrics | null): boolean {
  const flagged =
    typeof metadata === 'object' &&
    metadata !== null &&
    (metadata as Record<string, unknown>).escalated === true;
  return flagged || (metrics?.negativityPeak ?? 0) >= ESCALATED_NEGATIVITY_PEAK;
}

/** Auto-QA's stored metrics (evaluations.metrics), read defensively. */
export function readMetrics(stored: unknown): CallMetrics | null {
  const m = parseJson(stored);
  if (typeof m !== 'object' || m === null) return null;
  const r = m as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const negativity = r.customerNegativity as Record<string, unknown> | undefined;
  return {
    interruptions: num(r.interruptions) ?? 0,
    longestSilenceMs: num(r.longestSilenceMs) ?? 0,
    agentTalkRatio: num(r.agentTalkRatio),
    negativityPeak: num(negativity?.peak),
  };
}

const rate = (passed: number, total: number) => (total === 0 ? null : passed / total);
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface CriterionInfo {
  label: string;
  section: string;
  sectionLabel: string;
  order: number;
}

/** Every criterion of the scorecards, by `scorecardKey/criterionKey`, in scorecard order. */
function catalogue(definitions: Map<string, ScorecardDefinition>) {
  const info = new Map<string, CriterionInfo>();
  let order = 0;
  for (const [key, definition] of [...definitions].sort(([a], [b]) => compareText(a, b))) {
    for (const section of definition.sections) {
      for (const c of section.criteria) {
        info.set(`${key}/${c.key}`, {
          label: c.label,
          section: section.key,
          sectionLabel: section.label,
          order: order++,
        });
      }
    }
  }
  return info;
}

type Tally = { passed: number; total: number };
const tally = (): Tally => ({ passed: 0, total: 0 });

/**
 * One row per criterion the agent has answers on (human or auto) — with a scorecard chosen,
 * every criterion of that scorecard — in scorecard order; criteria no longer on the current
 * version come last, labelled by their key.
 */
export function criterionRows(
  definitions: Map<string, ScorecardDefinition>,
  scorecardKey: string | null,
  agent: CriterionCount[],
  team: CriterionCount[],
): CriterionRow[] {
  const info = catalogue(definitions);
  const rows = new Map<string, { human: Tally; auto: Tally; team: Tally }>();
  const row = (key: string) => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { human: tally(), auto: tally(), team: tally() }));
    return r;
  };
  if (scorecardKey) {
    for (const key of info.keys()) if (key.startsWith(`${scorecardKey}/`)) row(key);
  }
  for (const c of agent) {
    const t = row(`${c.scorecardKey}/${c.criterionKey}`)[c.source];
    t.passed += c.passed;
    t.total += c.passed + c.failed;
  }
  for (const c of team) {
    if (c.source !== 'human') continue;
    const r = rows.get(`${c.scorecardKey}/${c.criterionKey}`);
    if (!r) continue;
    r.team.passed += c.passed;
    r.team.total += c.passed + c.failed;
  }
  return [...rows.entries()]
    .sort(([a], [b]) => {
      const oa = info.get(a)?.order ?? Number.MAX_SAFE_INTEGER;
      const ob = info.get(b)?.order ?? Number.MAX_SAFE_INTEGER;
      return oa - ob || compareText(a, b);
    })
    .map(([composite, r]) => {
      const slash = composite.indexOf('/');
      const c = info.get(composite);
      return {
        scorecardKey: composite.slice(0, slash),
        key: composite.slice(slash + 1),
        label: c?.label ?? composite.slice(slash + 1),
        section: c?.section ?? '',
        agentPassed: r.human.passed,
        agentTotal: r.human.total,
        agentRate: rate(r.human.passed, r.human.total),
        teamPassed: r.team.passed,
        teamTotal: r.team.total,
        teamRate: rate(r.team.passed, r.team.total),
        autoRate: rate(r.auto.passed, r.auto.total),
        autoPassed: r.auto.passed,
        autoTotal: r.auto.total,
      };
    });
}

/** Sections: the share of their human answers that passed, agent beside team (0..100). */
export function sectionRows(
  rows: CriterionRow[],
  definitions: Map<string, ScorecardDefinition>,
): AgentProfile['sections'] {
  const labels = new Map<string, string>();
  for (const d of definitions.values()) for (const s of d.sections) labels.set(s.key, s.label);
  const sections = new Map<string, { agent: Tally; team: Tally }>();
  for (const r of rows) {
    if (!r.section) continue;
    const s = sections.get(r.section) ?? { agent: tally(), team: tally() };
    s.agent.passed += r.agentPassed;
    s.agent.total += r.agentTotal;
    s.team.passed += r.teamPassed;
    s.team.total += r.teamTotal;
    sections.set(r.section, s);
  }
  const percent = (t: Tally) => (t.total === 0 ? null : (t.passed / t.total) * 100);
  return [...sections.entries()].map(([key, s]) => ({
    key,
    label: labels.get(key) ?? key,
    average: percent(s.agent),
    teamAverage: percent(s.team),
    agentPassed: s.agent.passed,
    agentTotal: s.agent.total,
    teamPassed: s.team.passed,
    teamTotal: s.team.total,
  }));
}

const STRONGEST = 5;

export function weakestAndStrongest(rows: CriterionRow[], minSample: number) {
  const byKey = new Map(rows.map((r) => [`${r.scorecardKey}/${r.key}`, r]));
  const counts: CriterionPassCounts[] = rows.map((r) => ({
    key: `${r.scorecardKey}/${r.key}`,
    label: r.label,
    agentPassed: r.agentPassed,
    agentTotal: r.agentTotal,
    teamPassed: r.teamPassed,
    teamTotal: r.teamTotal,
  }));
  const { ranked } = rankWeakCriteria(counts, minSample);
  const weakest = ranked.map((w) => ({
    ...byKey.get(w.key)!,
    gap: w.gap,
    misses: w.misses,
    weight: w.weight,
  }));
  const strongest = rows
    .filter(
      (r) =>
        r.agentTotal >= minSample &&
        r.agentRate !== null &&
        r.teamRate !== null &&
        r.agentRate >= r.teamRate,
    )
    .sort(
      (a, b) =>
        b.agentRate! - a.agentRate! ||
        b.agentTotal - a.agentTotal ||
        compareText(`${a.scorecardKey}/${a.key}`, `${b.scorecardKey}/${b.key}`),
    )
    .slice(0, STRONGEST);
  return { weakest, strongest };
}

export const CLUSTER_DIMENSIONS = ['channel', 'queue', 'escalated', 'hour'] as const;
export type ClusterDimension = (typeof CLUSTER_DIMENSIONS)[number];
/** The queue value of calls that came without one. */
export const NO_QUEUE = '(none)';

export function dimensionValue(call: CallFact, dimension: ClusterDimension): string {
  switch (dimension) {
    case 'channel':
      return call.channel;
    case 'queue':
      return call.queue ?? NO_QUEUE;
    case 'escalated':
      return call.escalated ? 'yes' : 'no';
    case 'hour':
      return localHour(call.startedAt);
  }
}

/**
 * Where the human misses cluster: every passed or failed human answer is a fact, grouped by the
 * call's channel, queue, escalation and hour. A value seen on fewer than `minSample` calls is
 * listed last with `enough: false` — one bad call is not a pattern.
 */
export function clusters(
  calls: Map<number, CallFact>,
  human: EvaluationFact[],
  minSample: number,
): AgentProfile['clusters'] {
  return CLUSTER_DIMENSIONS.map((dimension) => {
    const facts: MissFact[] = [];
    const callsOf = new Map<string, Set<number>>();
    for (const e of human) {
      const call = calls.get(e.interactionId);
      if (!call || e.passed + e.failed === 0) continue;
      const value = dimensionValue(call, dimension);
      for (let i = 0; i < e.passed; i++) facts.push({ passed: true, dimension: value });
      for (let i = 0; i < e.failed; i++) facts.push({ passed: false, dimension: value });
      const set = callsOf.get(value) ?? new Set<number>();
      set.add(e.interactionId);
      callsOf.set(value, set);
    }
    // Rates and lift from the shared helper; what is "enough" is counted in calls here.
    const { ranked } = clusterMisses(facts, 0);
    const values = ranked.map((c) => {
      const n = callsOf.get(c.dimension)?.size ?? 0;
      return {
        value: c.dimension,
        total: c.total,
        misses: c.misses,
        missRate: c.missRate,
        lift: c.lift,
        calls: n,
        enough: n >= minSample,
      };
    });
    return {
      dimension,
      values: [...values.filter((v) => v.enough), ...values.filter((v) => !v.enough)],
    };
  });
}

/** Voice calls with auto-QA metrics: chat has no interruptions, silences or talk ratio. */
export function callMetrics(calls: CallFact[]): AgentProfile['metrics'] {
  const measured = calls.filter((c) => c.channel === 'voice' && c.metrics !== null);
  const mean = (values: number[]) =>
    values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
  const ratios = measured
    .map((c) => c.metrics!.agentTalkRatio)
    .filter((r): r is number => r !== null);
  return {
    calls: measured.length,
    interruptionsPerCall: mean(measured.map((c) => c.metrics!.interruptions)),
    longestSilenceMs: mean(measured.map((c) => c.metrics!.longestSilenceMs)),
    talkRatio: mean(ratios),
    maxSilenceMs:
      measured.length === 0 ? null : Math.max(...measured.map((c) => c.metrics!.longestSilenceMs)),
    callsWithInterruptions: measured.filter((c) => c.metrics!.interruptions > 0).length,
  };
}

/** The human average per ISO week of the period (null in a week without one) and its slope. */
export function trend(
  calls: Map<number, CallFact>,
  human: EvaluationFact[],
  period: Period,
): AgentProfile['trend'] {
  const { weeks, slope } = weeklyTrend(
    human.map((e) => ({ at: calls.get(e.interactionId)!.startedAt, score: e.overallScore })),
  );
  const byWeek = new Map(weeks.map((w) => [w.week, w]));
  return {
    weeks: weeksOf(period).map(({ week }) => ({
      week,
      count: byWeek.get(week)?.count ?? 0,
      average: byWeek.get(week)?.average ?? null,
    })),
    slope,
  };
}

export function agreement(rows: AgreementCount[]): AgentProfile['agreement'] {
  const byCriterion = new Map<string, AgreementCount>();
  for (const r of rows) {
    const key = `${r.scorecardKey}/${r.criterionKey}`;
    const sum = byCriterion.get(key) ?? { ...r, compared: 0, agreed: 0 };
    sum.compared += r.compared;
    sum.agreed += r.agreed;
    byCriterion.set(key, sum);
  }
  const compared = rows.reduce((n, r) => n + r.compared, 0);
  const agreed = rows.reduce((n, r) => n + r.agreed, 0);
  return {
    compared,
    agreed,
    rate: rate(agreed, compared),
    byCriterion: [...byCriterion.values()]
      .sort((a, b) =>
        compareText(`${a.scorecardKey}/${a.criterionKey}`, `${b.scorecardKey}/${b.criterionKey}`),
      )
      .map((a) => ({
        scorecardKey: a.scorecardKey,
        key: a.criterionKey,
        compared: a.compared,
        agreed: a.agreed,
        rate: rate(a.agreed, a.compared),
      })),
  };
}

export function averageOf(scores: (number | null)[]): number | null {
  const given = scores.filter((s): s is number => s !== null);
  return given.length === 0 ? null : given.reduce((s, v) => s + v, 0) / given.length;
}
