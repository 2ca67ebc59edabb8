/**
 * The team view: agents × criteria pass rates of one scorecard (human answers, N/A left out),
 * the team's row, its weekly trend and its most common misses. Pure: built from the roll-up's
 * counts, so every cell can be checked by hand.
 */
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import { passRateColour, weeklyTrend, type HeatClass } from './patterns';
import { weeksOf, type Period } from './period';

export interface HeatCell {
  key: string;
  passed: number;
  total: number;
  /** 0..1, null without answers. */
  rate: number | null;
  colour: HeatClass;
}

export interface HeatMapAgent {
  id: number;
  externalId: string;
  name: string;
  teamId: number | null;
  teamName: string | null;
}

export interface HeatMapRow {
  agent: HeatMapAgent;
  overall: HeatCell;
  /** Aligned with `criteria`. */
  cells: HeatCell[];
}

export interface Tally {
  passed: number;
  total: number;
  rate: number | null;
}

export interface HeatMap {
  period: Period;
  scorecardKey: string | null;
  /** The teams the user may choose from (the map covers `teamId`, or all of them). */
  teams: { id: number; name: string }[];
  /** The team asked for; null = every team the user may see. */
  teamId: number | null;
  criteria: { key: string; label: string; section: string }[];
  rows: HeatMapRow[];
  team: { overall: HeatCell; cells: HeatCell[] };
  /** Pass rate per ISO week, human and auto apart; slope in percentage points per week (human). */
  trend: {
    weeks: { week: string; from: string; to: string; human: Tally; auto: Tally }[];
    slope: number | null;
  };
  /** The criteria the team misses most (human), with the agents who miss them most. */
  misses: {
    key: string;
    label: string;
    misses: number;
    total: number;
    missRate: number | null;
    agents: { externalId: string; name: string; misses: number; total: number }[];
  }[];
  sort: { by: string; dir: 'asc' | 'desc' };
}

export interface CellCount {
  agentId: number;
  criterionKey: string;
  passed: number;
  failed: number;
}

export interface DayCount {
  day: string;
  source: 'human' | 'auto';
  passed: number;
  failed: number;
}

const rateOf = (passed: number, total: number) => (total === 0 ? null : passed / total);
const cell = (key: string, passed: number, total: number): HeatCell => {
  const rate = rateOf(passed, total);
  return { key, passed, total, rate, colour: passRateColour(rate) };
};
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const TOP_MISSES = 10;
const TOP_AGENTS = 3;

export function buildHeatMap(input: {
  period: Period;
  scorecardKey: string | null;
  definition: ScorecardDefinition | null;
  teams: { id: number; name: string }[];
  teamId: number | null;
  agents: HeatMapAgent[];
  cells: CellCount[];
  days: DayCount[];
  sort?: { by?: string; dir?: 'asc' | 'desc' };
}): HeatMap {
  const criteria = (input.definition?.sections ?? []).flatMap((s) =>
    s.criteria.map((c) => ({ key: c.key, label: c.label, section: s.key })),
  );
  // Criteria answered once but gone from the current version still get a column.
  for (const key of new Set(input.cells.map((c) => c.criterionKey))) {
    if (!criteria.some((c) => c.key === key)) criteria.push({ key, label: key, section: '' });
  }
  const counts = new Map(input.cells.map((c) => [`${c.agentId}/${c.criterionKey}`, c]));
  const agents = [...input.agents];
  for (const id of new Set(input.cells.map((c) => c.agentId))) {
    if (!agents.some((a) => a.id === id)) {
      agents.push({ id, externalId: `#${id}`, name: `#${id}`, teamId: null, teamName: null });
    }
  }
  const rows = agents.map((agent): HeatMapRow => {
    let passed = 0;
    let total = 0;
    const cells = criteria.map((c) => {
      const n = counts.get(`${agent.id}/${c.key}`);
      const p = n?.passed ?? 0;
      const t = (n?.passed ?? 0) + (n?.failed ?? 0);
      passed += p;
      total += t;
      return cell(c.key, p, t);
    });
    return { agent, overall: cell('overall', passed, total), cells };
  });
  const teamCells = criteria.map((c, i) =>
    cell(
      c.key,
      rows.reduce((n, r) => n + r.cells[i].passed, 0),
      rows.reduce((n, r) => n + r.cells[i].total, 0),
    ),
  );
  const team = {
    overall: cell(
      'overall',
      teamCells.reduce((n, c) => n + c.passed, 0),
      teamCells.reduce((n, c) => n + c.total, 0),
    ),
    cells: teamCells,
  };
  const sort = {
    by:
      input.sort?.by &&
      (input.sort.by === 'agent' ||
        input.sort.by === 'overall' ||
        criteria.some((c) => c.key === input.sort!.by))
        ? input.sort.by
        : 'agent',
    dir: input.sort?.dir === 'desc' ? ('desc' as const) : ('asc' as const),
  };
  return {
    period: input.period,
    scorecardKey: input.scorecardKey,
    teams: input.teams,
    teamId: input.teamId,
    criteria,
    rows: sortRows(rows, criteria, sort.by, sort.dir),
    team,
    trend: teamTrend(input.period, input.days),
    misses: commonMisses(criteria, rows, teamCells),
    sort,
  };
}

/**
 * By agent (external id) or by a pass rate; agents without a rate go last whichever the
 * direction, ties by external id.
 */
export function sortRows(
  rows: HeatMapRow[],
  criteria: { key: string }[],
  by: string,
  dir: 'asc' | 'desc',
): HeatMapRow[] {
  const sign = dir === 'desc' ? -1 : 1;
  const byAgent = (a: HeatMapRow, b: HeatMapRow) =>
    compareText(a.agent.externalId, b.agent.externalId);
  if (by === 'agent') return [...rows].sort((a, b) => sign * byAgent(a, b));
  const index = criteria.findIndex((c) => c.key === by);
  const rateOfRow = (r: HeatMapRow) => (index < 0 ? r.overall.rate : r.cells[index].rate);
  return [...rows].sort((a, b) => {
    const ra = rateOfRow(a);
    const rb = rateOfRow(b);
    if (ra === null || rb === null) return ra === rb ? byAgent(a, b) : ra === null ? 1 : -1;
    return sign * (ra - rb) || byAgent(a, b);
  });
}

function teamTrend(period: Period, days: DayCount[]): HeatMap['trend'] {
  const weeks = weeksOf(period).map((w) => {
    const sum = (source: 'human' | 'auto') => {
      const inWeek = days.filter((d) => d.source === source && d.day >= w.from && d.day <= w.to);
      const passed = inWeek.reduce((n, d) => n + d.passed, 0);
      const total = inWeek.reduce((n, d) => n + d.passed + d.failed, 0);
      return { passed, total, rate: rateOf(passed, total) };
    };
    return { ...w, human: sum('human'), auto: sum('auto') };
  });
  const { slope } = weeklyTrend(
    weeks
      .filter((w) => w.human.rate !== null)
      .map((w) => ({ at: new Date(`${w.from}T12:00:00Z`), score: w.human.rate! * 100 })),
  );
  return { weeks, slope };
}

function commonMisses(
  criteria: HeatMap['criteria'],
  rows: HeatMapRow[],
  teamCells: HeatCell[],
): HeatMap['misses'] {
  return criteria
    .map((c, i) => ({
      key: c.key,
      label: c.label,
      misses: teamCells[i].total - teamCells[i].passed,
      total: teamCells[i].total,
      missRate: teamCells[i].rate === null ? null : 1 - teamCells[i].rate,
      agents: rows
        .map((r) => ({
          externalId: r.agent.externalId,
          name: r.agent.name,
          misses: r.cells[i].total - r.cells[i].passed,
          total: r.cells[i].total,
        }))
        .filter((a) => a.misses > 0)
        .sort((a, b) => b.misses - a.misses || compareText(a.externalId, b.externalId))
        .slice(0, TOP_AGENTS),
    }))
    .filter((m) => m.misses > 0)
    .sort(
      (a, b) =>
        b.misses - a.misses || (b.missRate ?? 0) - (a.missRate ?? 0) || compareText(a.key, b.key),
    )
    .slice(0, TOP_MISSES);
}

/** The scorecard with the most human answers in these cells (ties: the first key), or null. */
export function busiestScorecard(
  cells: { scorecardKey: string; passed: number; failed: number }[],
): string | null {
  const answers = new Map<string, number>();
  for (const c of cells) {
    answers.set(c.scorecardKey, (answers.get(c.scorecardKey) ?? 0) + c.passed + c.failed);
  }
  return (
    [...answers.entries()].sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : 1))[0]?.[0] ?? null
  );
}
