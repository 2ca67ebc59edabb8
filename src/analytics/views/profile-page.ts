/** The agent profile page: its sections, charts and the links behind each number. Pure. */
import { lineChart } from '../charts';
import type { ProfileTable } from '../dto/analytics-query.dto';
import { passRateColour } from '../patterns';
import type { AgentProfile, CriterionRow } from '../profile.types';
import { weeksOf } from '../period';
import {
  barWidth,
  callsPath,
  link,
  pct,
  profilePath,
  round1,
  score,
  seconds,
  translator,
  type Params,
  valueLabel,
} from './format';

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
    abusive: profile.includeAbusive ? 'include' : null,
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
    /** The agent's KPIs by week beside the QA score (src/outcomes/). */
    kpisHref: link('/analytics/kpis', {
      agent: ext,
      by: 'week',
      from: profile.period.from,
      to: profile.period.to,
    }),
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
