/** The team view: the heat map of criteria by agent, its page and CSV export. Pure. */
import { lineChart } from '../charts';
import type { CsvCell, CsvTable } from '../csv';
import type { HeatCell, HeatMap } from '../heat-map';
import type { TeamTable } from '../dto/analytics-query.dto';
import { callsPath, link, pct, pctNumber, profilePath, round1, translator } from './format';

/**
 * `includeAbusive`: calls where the customer abused the agent count too (`abusive=include`); the
 * links to profiles and calls keep the choice.
 */
export function teamPage(
  heat: HeatMap,
  lang: string,
  scorecards: { key: string; name: string }[],
  includeAbusive = false,
) {
  const t = translator(lang);
  const abusive = includeAbusive ? 'include' : null;
  const base = {
    team: heat.teamId,
    from: heat.period.from,
    to: heat.period.to,
    scorecard: heat.scorecardKey,
    abusive,
  };
  const profileHref = (externalId: string, anchor?: string) =>
    link(profilePath(externalId), {
      from: heat.period.from,
      to: heat.period.to,
      scorecard: heat.scorecardKey,
      abusive,
    }) + (anchor ? `#${anchor}` : '');
  const sortHref = (by: string) =>
    link('/analytics', {
      ...base,
      sort: by,
      dir: heat.sort.by === by && heat.sort.dir === 'asc' ? 'desc' : 'asc',
    });
  const ariaSort = (by: string) =>
    heat.sort.by === by ? (heat.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  const cellView = (c: HeatCell, href: string | null) => ({
    text: pct(c.rate),
    count: `${c.passed}/${c.total}`,
    colour: c.colour,
    sortValue: c.rate === null ? '' : String(c.rate),
    href: c.total > 0 ? href : null,
  });
  const csv = (table: TeamTable) =>
    link('/analytics.csv', { ...base, sort: heat.sort.by, dir: heat.sort.dir, table });
  const weeks = heat.trend.weeks;
  return {
    title: t('analytics.teamTitle'),
    heat,
    filter: base,
    includeAbusive,
    hasData: heat.rows.some((r) => r.overall.total > 0),
    teams: heat.teams.length,
    scorecards: scorecards.map((s) => ({ ...s, selected: s.key === heat.scorecardKey })),
    headers: [
      {
        key: 'overall',
        label: t('analytics.overall'),
        href: sortHref('overall'),
        aria: ariaSort('overall'),
      },
      ...heat.criteria.map((c) => ({
        key: c.key,
        label: c.label,
        href: sortHref(c.key),
        aria: ariaSort(c.key),
      })),
    ],
    agentSort: { href: sortHref('agent'), aria: ariaSort('agent') },
    // An agent with no human answer on this scorecard in the period (another language's or
    // channel's agent) is named under the table rather than shown as a row of dashes.
    unscored: heat.rows
      .filter((r) => r.overall.total === 0)
      .map((r) => ({
        name: r.agent.name,
        externalId: r.agent.externalId,
        href: profileHref(r.agent.externalId),
      })),
    rows: heat.rows
      .filter((r) => r.overall.total > 0)
      .map((r) => ({
        agent: r.agent,
        href: profileHref(r.agent.externalId),
        overall: cellView(r.overall, profileHref(r.agent.externalId)),
        cells: r.cells.map((c) =>
          cellView(c, profileHref(r.agent.externalId, `criterion-${heat.scorecardKey}-${c.key}`)),
        ),
      })),
    team: {
      overall: cellView(heat.team.overall, null),
      cells: heat.team.cells.map((c) => cellView(c, null)),
    },
    chart: lineChart(
      weeks.map((w) => w.week.slice(5)),
      [
        {
          name: t('analytics.human'),
          className: 'line-human',
          values: weeks.map((w) => (w.human.rate === null ? null : w.human.rate * 100)),
        },
        {
          name: t('analytics.auto'),
          className: 'line-auto',
          values: weeks.map((w) => (w.auto.rate === null ? null : w.auto.rate * 100)),
        },
      ],
      { min: 0, max: 100, ticks: [0, 50, 100], format: (v) => `${Math.round(v)}%` },
    ),
    slope:
      heat.trend.slope === null
        ? null
        : `${heat.trend.slope >= 0 ? '+' : ''}${round1(heat.trend.slope)}`,
    trendRows: weeks.map((w) => ({
      ...w,
      humanText: pct(w.human.rate),
      autoText: pct(w.auto.rate),
    })),
    misses: heat.misses.map((m) => ({
      ...m,
      missRateText: pct(m.missRate),
      agents: m.agents.map((a) => ({
        ...a,
        href: link(callsPath(a.externalId), {
          from: heat.period.from,
          to: heat.period.to,
          scorecard: heat.scorecardKey,
          criterion: m.key,
          result: 'fail',
          abusive,
        }),
      })),
    })),
    csv: { heatmap: csv('heatmap'), trend: csv('trend'), misses: csv('misses') },
  };
}

export function teamCsv(heat: HeatMap, table: TeamTable, lang: string): CsvTable {
  const t = translator(lang);
  const name = `team-${heat.scorecardKey ?? 'none'}-${heat.period.from}-${heat.period.to}-${table}`;
  switch (table) {
    case 'heatmap': {
      const header = [
        t('analytics.csv.agentId'),
        t('analytics.csv.agentName'),
        t('analytics.csv.team'),
        `${t('analytics.overall')} %`,
        `${t('analytics.overall')} n`,
        ...heat.criteria.flatMap((c) => [`${c.key} %`, `${c.key} n`]),
      ];
      const cells = (overall: HeatCell, list: HeatCell[]): CsvCell[] => [
        pctNumber(overall.rate),
        overall.total,
        ...list.flatMap((c) => [pctNumber(c.rate), c.total]),
      ];
      return {
        name,
        header,
        rows: [
          ...heat.rows.map((r) => [
            r.agent.externalId,
            r.agent.name,
            r.agent.teamName,
            ...cells(r.overall, r.cells),
          ]),
          ['', t('analytics.teamRow'), '', ...cells(heat.team.overall, heat.team.cells)],
        ],
      };
    }
    case 'trend':
      return {
        name,
        header: [
          t('analytics.csv.week'),
          t('analytics.csv.from'),
          t('analytics.csv.to'),
          t('analytics.csv.humanPassed'),
          t('analytics.csv.humanAnswers'),
          t('analytics.csv.humanPercent'),
          t('analytics.csv.autoPassed'),
          t('analytics.csv.autoAnswers'),
          t('analytics.csv.autoPercent'),
        ],
        rows: heat.trend.weeks.map((w) => [
          w.week,
          w.from,
          w.to,
          w.human.passed,
          w.human.total,
          pctNumber(w.human.rate),
          w.auto.passed,
          w.auto.total,
          pctNumber(w.auto.rate),
        ]),
      };
    case 'misses':
      return {
        name,
        header: [
          t('analytics.csv.criterionKey'),
          t('analytics.csv.criterion'),
          t('analytics.csv.misses'),
          t('analytics.csv.answers'),
          t('analytics.csv.missPercent'),
          t('analytics.csv.topAgents'),
        ],
        rows: heat.misses.map((m) => [
          m.key,
          m.label,
          m.misses,
          m.total,
          pctNumber(m.missRate),
          m.agents.map((a) => `${a.externalId} (${a.misses})`).join('; '),
        ]),
      };
  }
}
