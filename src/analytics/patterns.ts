/**
 * The pattern helpers behind the agent profile and the team heat map:
 * the agent's weakest criteria against the team, where the misses cluster, weekly trends.
 * Pure: plain data in, plain data out; all dates are read in UTC.
 */
import { isoWeek, WEEK_MS, weekStart } from '../common/iso-week';

export interface CriterionPassCounts {
  key: string;
  label: string;
  agentPassed: number;
  agentTotal: number;
  teamPassed: number;
  teamTotal: number;
}

export interface WeakCriterion extends CriterionPassCounts {
  /** 0..1 */
  agentRate: number;
  /** 0..1 */
  teamRate: number;
  /** teamRate − agentRate, > 0 for every ranked row. */
  gap: number;
  misses: number;
  /** gap × misses: a wide gap on many calls outranks a wide gap on a few. */
  weight: number;
}

/**
 * The criteria where the agent passes less often than the team, heaviest first (weight desc,
 * then key). Rows with fewer than `minSample` agent answers are set apart as `insufficient`
 * (input order) so the page can say that there are not enough evaluations yet; rows without
 * team answers or without a positive gap are left out.
 */
export function rankWeakCriteria(
  rows: CriterionPassCounts[],
  minSample = 5,
): { ranked: WeakCriterion[]; insufficient: CriterionPassCounts[] } {
  const insufficient = rows.filter((r) => r.agentTotal < minSample || r.agentTotal === 0);
  const ranked = rows
    .filter((r) => r.agentTotal >= minSample && r.agentTotal > 0 && r.teamTotal > 0)
    .map((r): WeakCriterion => {
      const agentRate = r.agentPassed / r.agentTotal;
      const teamRate = r.teamPassed / r.teamTotal;
      const gap = teamRate - agentRate;
      const misses = r.agentTotal - r.agentPassed;
      return { ...r, agentRate, teamRate, gap, misses, weight: gap * misses };
    })
    .filter((r) => r.gap > 0)
    .sort((a, b) => b.weight - a.weight || compareText(a.key, b.key));
  return { ranked, insufficient };
}

export interface MissFact {
  passed: boolean;
  /** The value of the dimension the facts are grouped by: a queue, an hour, a channel… */
  dimension: string;
}

export interface MissCluster {
  dimension: string;
  total: number;
  misses: number;
  /** 0..1 */
  missRate: number;
  /** missRate / overall miss rate; null when the overall miss rate is 0. */
  lift: number | null;
}

export interface MissClusters {
  overall: { total: number; misses: number; missRate: number | null };
  /** Values with at least `minSample` facts, by lift desc, then dimension. */
  ranked: MissCluster[];
  /** Values with fewer facts, by dimension. */
  insufficient: MissCluster[];
}

/** Where an agent's misses concentrate: each dimension value's miss rate against the overall. */
export function clusterMisses(facts: MissFact[], minSample = 5): MissClusters {
  const groups = new Map<string, { total: number; misses: number }>();
  for (const fact of facts) {
    const group = groups.get(fact.dimension) ?? { total: 0, misses: 0 };
    group.total++;
    if (!fact.passed) group.misses++;
    groups.set(fact.dimension, group);
  }
  const misses = facts.filter((f) => !f.passed).length;
  const overallRate = facts.length === 0 ? null : misses / facts.length;
  const clusters = [...groups.entries()]
    .map(([dimension, g]): MissCluster => {
      const missRate = g.misses / g.total;
      return {
        dimension,
        ...g,
        missRate,
        lift: overallRate === null || overallRate === 0 ? null : missRate / overallRate,
      };
    })
    .sort((a, b) => compareText(a.dimension, b.dimension));
  return {
    overall: { total: facts.length, misses, missRate: overallRate },
    ranked: clusters
      .filter((c) => c.total >= minSample)
      .sort((a, b) => (b.lift ?? 0) - (a.lift ?? 0) || compareText(a.dimension, b.dimension)),
    insufficient: clusters.filter((c) => c.total < minSample),
  };
}

export type HeatClass = 'heat-none' | 'heat-0' | 'heat-1' | 'heat-2' | 'heat-3' | 'heat-4';

const HEAT_BUCKETS: [below: number, colour: HeatClass][] = [
  [0.5, 'heat-0'],
  [0.7, 'heat-1'],
  [0.8, 'heat-2'],
  [0.9, 'heat-3'],
];

/** The heat-map cell class for a pass rate (0..1); 'heat-none' when there is no rate. */
export function passRateColour(rate: number | null): HeatClass {
  if (rate === null || Number.isNaN(rate)) return 'heat-none';
  return HEAT_BUCKETS.find(([below]) => rate < below)?.[1] ?? 'heat-4';
}

export interface WeeklyScore {
  week: string;
  count: number;
  average: number;
}

/**
 * Average score per ISO week (weeks without a score are absent), and the least-squares slope of
 * the weekly averages in points per week. The x axis counts calendar weeks since the first one,
 * so an empty week in between still counts as a week gone by. Null slope with fewer than 2 weeks.
 */
export function weeklyTrend(points: { at: Date; score: number | null }[]): {
  weeks: WeeklyScore[];
  slope: number | null;
} {
  const byWeek = new Map<number, { sum: number; count: number }>();
  for (const { at, score } of points) {
    if (score === null) continue;
    const start = weekStart(at);
    const week = byWeek.get(start) ?? { sum: 0, count: 0 };
    week.sum += score;
    week.count++;
    byWeek.set(start, week);
  }
  const sorted = [...byWeek.entries()].sort(([a], [b]) => a - b);
  const weeks = sorted.map(([start, w]) => ({
    week: isoWeek(new Date(start)),
    count: w.count,
    average: w.sum / w.count,
  }));
  const first = sorted[0]?.[0] ?? 0;
  const xs = sorted.map(([start]) => Math.round((start - first) / WEEK_MS));
  return {
    weeks,
    slope: leastSquaresSlope(
      xs,
      weeks.map((w) => w.average),
    ),
  };
}

function leastSquaresSlope(xs: number[], ys: number[]): number | null {
  if (xs.length < 2) return null;
  const meanX = xs.reduce((s, x) => s + x, 0) / xs.length;
  const meanY = ys.reduce((s, y) => s + y, 0) / ys.length;
  let covariance = 0;
  let variance = 0;
  xs.forEach((x, i) => {
    covariance += (x - meanX) * (ys[i] - meanY);
    variance += (x - meanX) ** 2;
  });
  return covariance / variance;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
