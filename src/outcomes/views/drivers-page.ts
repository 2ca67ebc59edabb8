/** The drivers page and its CSV. Pure. */
import { link, translator } from '../../analytics/views/format';
import { callsByIdHref, callsListHref } from '../../common/calls-link';
import type { CsvTable } from '../../analytics/csv';
import type { Coefficient } from '../../statistics';
import type { AnswerSource, CriterionEffect, DriversResult, Outcome } from '../drivers';
import type { DriversReport } from '../drivers.service';
import { csvNumber, pctText, round } from './format';

const isRate = (outcome: Outcome) => outcome === 'fcr';

function value(outcome: Outcome, n: number | null) {
  if (n === null) return '–';
  return isRate(outcome) ? pctText(n) : String(round(n, 2));
}

function sideText(outcome: Outcome, e: CriterionEffect['passed']) {
  const v = 'rate' in e ? e.rate : e.mean;
  const ci = e.ci ? `${value(outcome, e.ci.low)}–${value(outcome, e.ci.high)}` : '';
  return { text: value(outcome, v), ci, n: e.n };
}

function differenceText(outcome: Outcome, e: CriterionEffect) {
  if (!e.difference) return { text: '–', ci: '' };
  const f = (n: number) =>
    isRate(outcome)
      ? `${n >= 0 ? '+' : ''}${round(n * 100)} pt`
      : `${n >= 0 ? '+' : ''}${round(n, 2)}`;
  return {
    text: f(e.difference.estimate),
    ci: `${f(e.difference.ci.low)} … ${f(e.difference.ci.high)}`,
  };
}

/** What the drivers page was asked for: the scope of every link to calls. */
interface LinkScope {
  from: string;
  to: string;
  team: number | null;
  scorecard: string | null;
}

/**
 * The calls behind one side of a criterion: its ids (the calls that also carry the outcome), or
 * past MAX_LISTED_IDS the criterion filter alone (which also lists calls without the outcome).
 */
function sideHref(scope: LinkScope, source: AnswerSource, e: CriterionEffect, passed: boolean) {
  const filter = {
    ...scope,
    criterion: e.criterionKey,
    result: passed ? 'pass' : 'fail',
    source,
  };
  const ids = passed ? e.passedCalls : e.failedCalls;
  if (ids.length === 0) return null;
  return callsByIdHref(ids, filter) ?? callsListHref(filter);
}

function resultView(
  result: DriversResult,
  labels: Map<string, string>,
  t: ReturnType<typeof translator>,
  scope: LinkScope,
) {
  const label = (key: string) => labels.get(key) ?? key;
  const coefficient = (c: Coefficient) => ({
    label: label(c.name),
    estimate: round(c.estimate, 3),
    se: round(c.se, 3),
    p: c.pValue < 0.001 ? '< 0.001' : String(round(c.pValue, 3)),
  });
  return {
    source: result.source,
    sourceLabel: t(`outcomes.source.${result.source}`),
    calls: result.calls,
    rows: result.effects.map((e) => ({
      key: e.criterionKey,
      label: e.label,
      passed: {
        ...sideText(result.outcome, e.passed),
        href: sideHref(scope, result.source, e, true),
      },
      failed: {
        ...sideText(result.outcome, e.failed),
        href: sideHref(scope, result.source, e, false),
      },
      difference: differenceText(result.outcome, e),
      test: e.test ? t(`outcomes.test.${e.test.test}`) : '–',
      p: e.test ? (e.test.pValue < 0.001 ? '< 0.001' : String(round(e.test.pValue, 3))) : '–',
      clear: e.clear,
      small: e.small,
    })),
    top: result.top.map(label),
    none: result.none.map(label),
    model: result.model
      ? {
          kind: t(`outcomes.model.${result.model.kind}`),
          n: result.model.n,
          r2: round(result.model.r2, 3),
          converged: result.model.converged,
          coefficients: result.model.coefficients.map(coefficient),
          dropped: result.model.dropped.map(label),
        }
      : null,
  };
}

export function driversPage(
  report: DriversReport,
  outcome: Outcome,
  lang: string,
  teams: { id: number; name: string }[],
) {
  const t = translator(lang);
  const labels = new Map<string, string>();
  for (const source of ['human', 'auto'] as AnswerSource[]) {
    for (const e of report.results[outcome][source].effects) labels.set(e.criterionKey, e.label);
  }
  const query = {
    from: report.period.from,
    to: report.period.to,
    team: report.teamId,
    scorecard: report.scorecardKey,
  };
  return {
    title: t('outcomes.driversTitle'),
    report,
    filter: { ...query, outcome },
    outcomeLabel: t(`outcomes.outcome.${outcome}`),
    outcomes: (['csat', 'fcr'] as Outcome[]).map((o) => ({
      key: o,
      label: t(`outcomes.outcome.${o}`),
      selected: o === outcome,
      href: link('/analytics/drivers', { ...query, outcome: o }),
    })),
    scorecards: report.scorecards.map((s) => ({ ...s, selected: s.key === report.scorecardKey })),
    teams: teams.map((team) => ({ ...team, selected: team.id === report.teamId })),
    results: (['human', 'auto'] as AnswerSource[]).map((s) =>
      resultView(report.results[outcome][s], labels, t, query),
    ),
    csv: link('/analytics/drivers.csv', { ...query, outcome }),
    kpis: link('/analytics/kpis', { from: query.from, to: query.to, team: query.team }),
  };
}

export function driversCsv(report: DriversReport, outcome: Outcome, lang: string): CsvTable {
  const t = translator(lang);
  const rows = (['human', 'auto'] as AnswerSource[]).flatMap((source) =>
    report.results[outcome][source].effects.map((e) => {
      const v = (side: CriterionEffect['passed']) => ('rate' in side ? side.rate : side.mean);
      return [
        source,
        e.criterionKey,
        e.label,
        csvNumber(v(e.passed)),
        e.passed.n,
        csvNumber(v(e.failed)),
        e.failed.n,
        csvNumber(e.difference?.estimate),
        csvNumber(e.difference?.ci.low),
        csvNumber(e.difference?.ci.high),
        e.test?.test ?? null,
        csvNumber(e.test?.pValue, 5),
        e.clear ? 'yes' : 'no',
      ];
    }),
  );
  return {
    name: `drivers-${report.scorecardKey ?? 'none'}-${outcome}`,
    header: [
      t('outcomes.csv.source'),
      t('outcomes.csv.key'),
      t('outcomes.criterion'),
      t('outcomes.csv.whenPassed'),
      t('outcomes.csv.passedN'),
      t('outcomes.csv.whenFailed'),
      t('outcomes.csv.failedN'),
      t('outcomes.difference'),
      t('outcomes.csv.low'),
      t('outcomes.csv.high'),
      t('outcomes.test'),
      t('outcomes.pValue'),
      t('outcomes.csv.clear'),
    ],
    rows,
  };
}
