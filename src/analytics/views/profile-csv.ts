/** The agent profile's CSV exports, one per table of the page. Pure. */
import type { CsvCell, CsvTable } from '../csv';
import type { ProfileTable } from '../dto/analytics-query.dto';
import type { AgentProfile, CriterionRow } from '../profile.types';
import { pctNumber, round1, translator, roundOrNull } from './format';

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
