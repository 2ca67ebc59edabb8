/**
 * What the analytics pages show and what their CSV exports hold, built from the service's
 * results: formatted numbers, the links to the calls behind every number, chart geometry.
 * Pure (translation is a plain lookup), so the templates stay simple.
 */
import { translate } from '../common/i18n/i18n';
import { isoWithOffset } from '../common/time-zone';
import { lineChart } from './charts';
import type { CsvCell, CsvTable } from './csv';
import type { HeatCell, HeatMap } from './heat-map';
import type { CallsList } from './analytics.service';
import type { CallsQueryDto, ProfileTable, TeamTable } from './dto/analytics-query.dto';
import { passRateColour } from './patterns';
import type { AgentProfile, CriterionRow } from './profile.types';
import { NO_QUEUE } from './profile-builder';
import { weeksOf } from './period';

type Params = Record<string, string | number | null | undefined>;

export function link(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') search.set(k, String(v));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
/** 0..1 → '67%' for the pages. */
export const pct = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '–' : `${Math.round(rate * 100)}%`;
/** 0..1 → 66.7 for CSV (a number a spreadsheet can use). */
const pctNumber = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? null : round1(rate * 100);
const score = (value: number | null) => (value === null ? '–' : String(round1(value)));
const seconds = (ms: number | null) => (ms === null ? '–' : `${round1(ms / 1000)} s`);
const barWidth = (rate: number | null) => (rate === null ? 0 : round1(rate * 100));

export const profilePath = (externalId: string) =>
  `/analytics/agents/${encodeURIComponent(externalId)}`;
export const callsPath = (externalId: string) => `${profilePath(externalId)}/calls`;

type T = (key: string, params?: Record<string, unknown>) => string;
export const translator =
  (lang: string): T =>
  (key, params) =>
    translate(lang, key, params);

// -- the agent profile ------------------------------------------------------------------------

export function profilePage(
  profile: AgentProfile,
  lang: string,
  scorecards: { key: string; name: string }[],
) {
  const t = translator(lang);
  const ext = profile.agent.externalId;
  const base = {
    from: profile.period.from,
    to: profile.period.to,
    scorecard: profile.scorecardKey,
  };
  const calls = (params: Params) => link(callsPath(ext), { ...base, ...params });
  const csv = (table: ProfileTable) =>
    link(`${profilePath(ext)}.csv`, {
      ...base,
      minSample: profile.minSample === 5 ? null : profile.minSample,
      table,
    });
  const criterion = (r: CriterionRow) => ({
    ...r,
    anchor: `criterion-${r.scorecardKey}-${r.key}`,
    agentText: pct(r.agentRate),
    teamText: pct(r.teamRate),
    autoText: pct(r.autoRate),
    misses: r.agentTotal - r.agentPassed,
    colour: passRateColour(r.agentRate),
    agentBar: barWidth(r.agentRate),
    teamBar: barWidth(r.teamRate),
    answersHref: calls({ scorecard: r.scorecardKey, criterion: r.key }),
    missesHref: calls({ scorecard: r.scorecardKey, criterion: r.key, result: 'fail' }),
    autoHref: calls({ scorecard: r.scorecardKey, criterion: r.key, source: 'auto' }),
    autoMissesHref: calls({
      scorecard: r.scorecardKey,
      criterion: r.key,
      source: 'auto',
      result: 'fail',
    }),
    few: r.agentTotal < profile.minSample,
  });
  const weeks = profile.trend.weeks;
  // The same weeks, in the same order, as profile.trend.weeks (see trend() in profile-builder).
  const weekRanges = weeksOf(profile.period).map(({ from, to }) => ({ from, to }));
  const chart = lineChart(
    weeks.map((w) => w.week.slice(5)),
    [
      {
        name: t('analytics.human'),
        className: 'line-human',
        values: weeks.map((w) => w.average),
        hrefs: weeks.map((w, i) =>
          w.count > 0 ? calls({ source: 'human', ...weekRanges[i] }) : null,
        ),
      },
    ],
    { min: 0, max: 100, ticks: [0, 50, 100], format: (v) => String(round1(v)) },
  );
  const m = profile.metrics;
  return {
    title: `${profile.agent.name} · ${t('analytics.profile')}`,
    profile,
    action: profilePath(ext),
    filter: { ...base, minSample: profile.minSample },
    scorecards: scorecards.map((s) => ({ ...s, selected: s.key === profile.scorecardKey })),
    teamLabel:
      profile.comparedWith === 'team' ? (profile.agent.teamName ?? '') : t('analytics.everyone'),
    counts: {
      human: profile.evaluations.human,
      auto: profile.evaluations.auto,
      humanHref: calls({ source: 'human' }),
      autoHref: calls({ source: 'auto' }),
      humanAverage: score(profile.averageScore.human),
      autoAverage: score(profile.averageScore.auto),
    },
    slope:
      profile.trend.slope === null
        ? null
        : `${profile.trend.slope >= 0 ? '+' : ''}${round1(profile.trend.slope)}`,
    chart,
    trendRows: weeks.map((w, i) => ({
      ...w,
      averageText: score(w.average),
      href: w.count > 0 ? calls({ source: 'human', ...weekRanges[i] }) : null,
    })),
    sections: profile.sections.map((s) => ({
      ...s,
      agentText: s.average === null ? '–' : `${Math.round(s.average)}%`,
      teamText: s.teamAverage === null ? '–' : `${Math.round(s.teamAverage)}%`,
      agentBar: s.average === null ? 0 : round1(s.average),
      teamBar: s.teamAverage === null ? 0 : round1(s.teamAverage),
      misses: s.agentTotal - s.agentPassed,
      answersHref: calls({ section: s.key }),
      missesHref: calls({ section: s.key, result: 'fail' }),
    })),
    criteria: profile.criteria.map(criterion),
    weakest: profile.weakest.map((w, i) => ({
      ...criterion(w),
      rank: i + 1,
      gapText: `${round1(w.gap * 100)}`,
      weightText: String(round1(w.weight)),
    })),
    strongest: profile.strongest.map(criterion),
    clusters: profile.clusters.map((c) => ({
      dimension: c.dimension,
      label: t(`analytics.dimension.${c.dimension}`),
      values: c.values.map((v) => ({
        ...v,
        label: valueLabel(c.dimension, v.value, t),
        missRateText: pct(v.missRate),
        liftText: v.lift === null ? '–' : `${round1(v.lift)}×`,
        high: v.enough && v.lift !== null && v.lift > 1,
        href: calls({ dimension: c.dimension, value: v.value }),
        missesHref: calls({ dimension: c.dimension, value: v.value, result: 'fail' }),
      })),
    })),
    metrics: {
      calls: m.calls,
      callsHref: calls({ metric: 'silence' }),
      interruptions: m.interruptionsPerCall === null ? '–' : String(round1(m.interruptionsPerCall)),
      withInterruptions: m.callsWithInterruptions,
      interruptionsHref: calls({ metric: 'interruptions' }),
      silence: seconds(m.longestSilenceMs),
      maxSilence: seconds(m.maxSilenceMs),
      silenceHref: calls({ metric: 'silence' }),
      talk: pct(m.talkRatio),
      talkHref: calls({ metric: 'talk' }),
    },
    agreement: {
      ...profile.agreement,
      rateText: pct(profile.agreement.rate),
      disagreed: profile.agreement.compared - profile.agreement.agreed,
      disagreeHref: calls({ result: 'disagree' }),
      byCriterion: profile.agreement.byCriterion.map((a) => ({
        ...a,
        label:
          profile.criteria.find((r) => r.scorecardKey === a.scorecardKey && r.key === a.key)
            ?.label ?? a.key,
        rateText: pct(a.rate),
        disagreed: a.compared - a.agreed,
        href: calls({ scorecard: a.scorecardKey, criterion: a.key, result: 'disagree' }),
      })),
    },
    csv: Object.fromEntries(
      (
        [
          'summary',
          'trend',
          'sections',
          'criteria',
          'weakest',
          'strongest',
          'clusters',
          'agreement',
        ] as const
      ).map((table) => [table, csv(table)]),
    ),
  };
}

function valueLabel(dimension: string, value: string, t: T): string {
  if (dimension === 'channel') return t(`channel.${value}`);
  if (dimension === 'escalated')
    return t(value === 'yes' ? 'analytics.escalatedYes' : 'analytics.escalatedNo');
  if (dimension === 'hour') return `${value}:00–${value}:59`;
  if (dimension === 'queue' && value === NO_QUEUE) return t('analytics.noQueue');
  return value;
}

export function profileCsv(profile: AgentProfile, table: ProfileTable, lang: string): CsvTable {
  const t = translator(lang);
  const name = `${profile.agent.externalId}-${profile.period.from}-${profile.period.to}-${table}`;
  const criterionCells = (r: CriterionRow): CsvCell[] => [
    r.scorecardKey,
    r.section,
    r.key,
    r.label,
  ];
  const criterionHeader = [
    t('analytics.csv.scorecard'),
    t('analytics.csv.section'),
    t('analytics.csv.criterionKey'),
    t('analytics.csv.criterion'),
  ];
  switch (table) {
    case 'summary': {
      const m = profile.metrics;
      const rows: CsvCell[][] = [
        [t('analytics.csv.agent'), `${profile.agent.externalId} ${profile.agent.name}`],
        [t('analytics.csv.period'), `${profile.period.from} – ${profile.period.to}`],
        [t('analytics.csv.scorecard'), profile.scorecardKey ?? t('analytics.allScorecards')],
        [t('analytics.humanEvaluations'), profile.evaluations.human],
        [t('analytics.autoEvaluations'), profile.evaluations.auto],
        [t('analytics.humanAverage'), roundOrNull(profile.averageScore.human)],
        [t('analytics.autoAverage'), roundOrNull(profile.averageScore.auto)],
        [t('analytics.slope'), roundOrNull(profile.trend.slope)],
        [t('analytics.metrics.calls'), m.calls],
        [t('analytics.metrics.interruptions'), roundOrNull(m.interruptionsPerCall)],
        [t('analytics.metrics.withInterruptions'), m.callsWithInterruptions],
        [
          t('analytics.metrics.silence'),
          m.longestSilenceMs === null ? null : round1(m.longestSilenceMs / 1000),
        ],
        [
          t('analytics.metrics.maxSilence'),
          m.maxSilenceMs === null ? null : round1(m.maxSilenceMs / 1000),
        ],
        [t('analytics.metrics.talk'), pctNumber(m.talkRatio)],
        [t('analytics.agreement.compared'), profile.agreement.compared],
        [t('analytics.agreement.agreed'), profile.agreement.agreed],
        [t('analytics.agreement.rate'), pctNumber(profile.agreement.rate)],
      ];
      return { name, header: [t('analytics.csv.what'), t('analytics.csv.value')], rows };
    }
    case 'trend':
      return {
        name,
        header: [
          t('analytics.csv.week'),
          t('analytics.csv.evaluations'),
          t('analytics.csv.average'),
        ],
        rows: profile.trend.weeks.map((w) => [w.week, w.count, roundOrNull(w.average)]),
      };
    case 'sections':
      return {
        name,
        header: [
          t('analytics.csv.section'),
          t('analytics.csv.label'),
          t('analytics.csv.agentPassed'),
          t('analytics.csv.agentAnswers'),
          t('analytics.csv.agentPercent'),
          t('analytics.csv.teamPassed'),
          t('analytics.csv.teamAnswers'),
          t('analytics.csv.teamPercent'),
        ],
        rows: profile.sections.map((s) => [
          s.key,
          s.label,
          s.agentPassed,
          s.agentTotal,
          roundOrNull(s.average),
          s.teamPassed,
          s.teamTotal,
          roundOrNull(s.teamAverage),
        ]),
      };
    case 'criteria':
      return {
        name,
        header: [
          ...criterionHeader,
          t('analytics.csv.agentPassed'),
          t('analytics.csv.agentAnswers'),
          t('analytics.csv.agentPercent'),
          t('analytics.csv.teamPassed'),
          t('analytics.csv.teamAnswers'),
          t('analytics.csv.teamPercent'),
          t('analytics.csv.autoPassed'),
          t('analytics.csv.autoAnswers'),
          t('analytics.csv.autoPercent'),
        ],
        rows: profile.criteria.map((r) => [
          ...criterionCells(r),
          r.agentPassed,
          r.agentTotal,
          pctNumber(r.agentRate),
          r.teamPassed,
          r.teamTotal,
          pctNumber(r.teamRate),
          r.autoPassed,
          r.autoTotal,
          pctNumber(r.autoRate),
        ]),
      };
    case 'weakest':
      return {
        name,
        header: [
          t('analytics.csv.rank'),
          ...criterionHeader,
          t('analytics.csv.agentAnswers'),
          t('analytics.csv.agentPercent'),
          t('analytics.csv.teamPercent'),
          t('analytics.csv.gap'),
          t('analytics.csv.misses'),
          t('analytics.csv.weight'),
        ],
        rows: profile.weakest.map((w, i) => [
          i + 1,
          ...criterionCells(w),
          w.agentTotal,
          pctNumber(w.agentRate),
          pctNumber(w.teamRate),
          round1(w.gap * 100),
          w.misses,
          round1(w.weight * 100) / 100,
        ]),
      };
    case 'strongest':
      return {
        name,
        header: [
          ...criterionHeader,
          t('analytics.csv.agentAnswers'),
          t('analytics.csv.agentPercent'),
          t('analytics.csv.teamPercent'),
        ],
        rows: profile.strongest.map((r) => [
          ...criterionCells(r),
          r.agentTotal,
          pctNumber(r.agentRate),
          pctNumber(r.teamRate),
        ]),
      };
    case 'clusters':
      return {
        name,
        header: [
          t('analytics.csv.dimension'),
          t('analytics.csv.value'),
          t('analytics.csv.calls'),
          t('analytics.csv.answers'),
          t('analytics.csv.misses'),
          t('analytics.csv.missPercent'),
          t('analytics.csv.lift'),
          t('analytics.csv.enough'),
        ],
        rows: profile.clusters.flatMap((c) =>
          c.values.map((v) => [
            c.dimension,
            v.value,
            v.calls,
            v.total,
            v.misses,
            pctNumber(v.missRate),
            v.lift === null ? null : Math.round(v.lift * 100) / 100,
            v.enough ? 'yes' : 'no',
          ]),
        ),
      };
    case 'agreement':
      return {
        name,
        header: [
          t('analytics.csv.scorecard'),
          t('analytics.csv.criterionKey'),
          t('analytics.agreement.compared'),
          t('analytics.agreement.agreed'),
          t('analytics.agreement.rate'),
        ],
        rows: profile.agreement.byCriterion.map((a) => [
          a.scorecardKey,
          a.key,
          a.compared,
          a.agreed,
          pctNumber(a.rate),
        ]),
      };
  }
}

const roundOrNull = (v: number | null) => (v === null ? null : round1(v));

// -- the team view ----------------------------------------------------------------------------

export function teamPage(heat: HeatMap, lang: string, scorecards: { key: string; name: string }[]) {
  const t = translator(lang);
  const base = {
    team: heat.teamId,
    from: heat.period.from,
    to: heat.period.to,
    scorecard: heat.scorecardKey,
  };
  const profileHref = (externalId: string, anchor?: string) =>
    link(profilePath(externalId), {
      from: heat.period.from,
      to: heat.period.to,
      scorecard: heat.scorecardKey,
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
    rows: heat.rows.map((r) => ({
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

// -- the calls behind a number ----------------------------------------------------------------

export function callsPage(list: CallsList, query: CallsQueryDto, lang: string) {
  const t = translator(lang);
  const ext = list.agent.externalId;
  const kept: Params = {
    from: list.period.from,
    to: list.period.to,
    scorecard: query.scorecard,
    criterion: query.criterion,
    section: query.section,
    source: query.source,
    result: query.result,
    dimension: query.dimension,
    value: query.value,
    metric: query.metric,
    pageSize: query.pageSize,
  };
  const at = (page: number) => link(callsPath(ext), { ...kept, page });
  const p = list.page;
  const about: string[] = [t(`analytics.source.${list.source}`)];
  if (list.labels.criterion)
    about.push(`${t('analytics.csv.criterion')}: ${list.labels.criterion}`);
  if (list.labels.section) about.push(`${t('analytics.csv.section')}: ${list.labels.section}`);
  if (query.result) about.push(t(`analytics.result.${query.result}`));
  if (query.dimension) {
    about.push(
      `${t(`analytics.dimension.${query.dimension}`)}: ${valueLabel(query.dimension, query.value ?? '', t)}`,
    );
  }
  if (query.metric) about.push(t(`analytics.metric.${query.metric}`));
  if (query.scorecard) about.push(query.scorecard);
  return {
    title: `${list.agent.name} · ${t('analytics.calls')}`,
    list,
    about: about.join(' · '),
    profileHref: link(profilePath(ext), {
      from: list.period.from,
      to: list.period.to,
      scorecard: query.scorecard,
    }),
    rows: p.items.map((c) => ({
      ...c,
      href: `/interactions/${c.interactionId}`,
      queueText: c.queue ?? t('analytics.noQueue'),
      humanText: score(c.humanScore),
      autoText: score(c.autoScore),
      silenceText: seconds(c.longestSilenceMs),
      talkText: pct(c.talkRatio),
    })),
    prev: p.page > 1 ? at(p.page - 1) : null,
    next: p.page < p.pages ? at(p.page + 1) : null,
    csv: link(`${callsPath(ext)}.csv`, kept),
    showDisagreements: query.result === 'disagree',
  };
}

export function callsCsv(list: CallsList, lang: string): CsvTable {
  const t = translator(lang);
  return {
    name: `${list.agent.externalId}-${list.period.from}-${list.period.to}-calls`,
    header: [
      t('analytics.csv.interactionId'),
      t('analytics.csv.callId'),
      t('analytics.csv.startedAt'),
      t('analytics.csv.channel'),
      t('analytics.csv.queue'),
      t('analytics.csv.escalated'),
      t('analytics.csv.humanScore'),
      t('analytics.csv.autoScore'),
      t('analytics.csv.passed'),
      t('analytics.csv.failed'),
      t('analytics.csv.disagreements'),
      t('analytics.csv.interruptions'),
      t('analytics.csv.longestSilence'),
      t('analytics.csv.talkRatio'),
    ],
    rows: list.page.items.map((c) => [
      c.interactionId,
      c.externalId,
      isoWithOffset(c.startedAt),
      c.channel,
      c.queue,
      c.escalated ? 'yes' : 'no',
      roundOrNull(c.humanScore),
      roundOrNull(c.autoScore),
      c.passed,
      c.failed,
      c.disagreements,
      c.interruptions,
      c.longestSilenceMs === null ? null : round1(c.longestSilenceMs / 1000),
      pctNumber(c.talkRatio),
    ]),
  };
}
