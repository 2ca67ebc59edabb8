/** The KPI page and its CSV: one row per agent, team, queue, channel or week. Pure. */
import { link, translator } from '../../analytics/views/format';
import { callsListHref } from '../../common/calls-link';
import type { CsvTable } from '../../analytics/csv';
import { KPI_DIMENSIONS, NO_VALUE, type KpiRow } from '../kpi-facts';
import type { KpiReport } from '../kpi.service';
import { csvNumber, meanCell, rateCell, round, shareText } from './format';

/**
 * The calls behind a row: the calls list with the row's value and the page's period, team and
 * agent, which select the same calls the row counts (null for a row of calls without a value).
 */
export function callsHref(report: KpiReport, row: KpiRow): string | null {
  const base = {
    from: report.period.from,
    to: report.period.to,
    team: report.teamId,
    agent: report.agent,
  };
  if (row === report.total) return callsListHref(base);
  if (row.key === NO_VALUE) return null;
  const by: Record<typeof report.by, string> = {
    agent: 'agent',
    team: 'team',
    queue: 'queue',
    channel: 'channel',
    week: 'week',
  };
  return callsListHref({ ...base, [by[report.by]]: row.key });
}

export function kpiQuery(report: KpiReport) {
  return {
    from: report.period.from,
    to: report.period.to,
    by: report.by,
    team: report.teamId,
    agent: report.agent,
    fcr: report.fcrMode,
    repeatDays: report.repeatDays,
    scorecard: report.scorecardKey,
  };
}

function rowView(report: KpiReport, row: KpiRow, label: string) {
  return {
    key: row.key,
    label,
    calls: row.calls,
    href: callsHref(report, row),
    qa: meanCell(row.qaScore),
    autoQa: meanCell(row.autoQaScore),
    fcr: rateCell(row.fcr),
    csat: meanCell(row.csat, 2),
    aht: meanCell(row.ahtSeconds, 0),
    hold: shareText(row.holdShare),
    holdCalls: row.holdCalls,
    silence: shareText(row.silenceShare),
    transfers: rateCell(row.transfers),
    perHour: row.contactsPerHandledHour === null ? '–' : String(round(row.contactsPerHandledHour)),
  };
}

export function kpiPage(report: KpiReport, lang: string, teams: { id: number; name: string }[]) {
  const t = translator(lang);
  const label = (row: KpiRow) => {
    if (row.key === NO_VALUE) return t('outcomes.none');
    if (report.by === 'channel') return t(`channel.${row.key}`);
    return row.label;
  };
  const query = kpiQuery(report);
  return {
    title: t('outcomes.kpiTitle'),
    report,
    filter: query,
    dimensions: KPI_DIMENSIONS.map((d) => ({
      key: d,
      label: t(`outcomes.by.${d}`),
      selected: d === report.by,
    })),
    fcrModes: ['auto', 'metadata', 'derived'].map((m) => ({
      key: m,
      label: t(`outcomes.fcrMode.${m}`),
      selected: m === report.fcrMode,
    })),
    teams: teams.map((team) => ({ ...team, selected: team.id === report.teamId })),
    byLabel: t(`outcomes.by.${report.by}`),
    rows: report.rows.map((r) => rowView(report, r, label(r))),
    total: rowView(report, report.total, t('outcomes.total')),
    csv: link('/analytics/kpis.csv', query),
    drivers: link('/analytics/drivers', { from: query.from, to: query.to, team: query.team }),
  };
}

export function kpiCsv(report: KpiReport, lang: string): CsvTable {
  const t = translator(lang);
  const header = [
    t(`outcomes.by.${report.by}`),
    t('outcomes.csv.key'),
    t('outcomes.calls'),
    t('outcomes.qaScore'),
    t('outcomes.csv.qaLow'),
    t('outcomes.csv.qaHigh'),
    t('outcomes.csv.qaN'),
    t('outcomes.autoQaScore'),
    t('outcomes.fcrPercent'),
    t('outcomes.csv.fcrLow'),
    t('outcomes.csv.fcrHigh'),
    t('outcomes.csv.fcrN'),
    t('outcomes.csat'),
    t('outcomes.csv.csatLow'),
    t('outcomes.csv.csatHigh'),
    t('outcomes.csv.csatN'),
    t('outcomes.ahtSeconds'),
    t('outcomes.holdPercent'),
    t('outcomes.silencePercent'),
    t('outcomes.transferPercent'),
    t('outcomes.perHour'),
  ];
  const pct = (n: number | null | undefined) =>
    n === null || n === undefined ? null : round(n * 100);
  const rows = [...report.rows, report.total].map((r) => [
    r === report.total ? t('outcomes.total') : r.label,
    r.key,
    r.calls,
    csvNumber(r.qaScore.mean, 1),
    csvNumber(r.qaScore.ci?.low, 1),
    csvNumber(r.qaScore.ci?.high, 1),
    r.qaScore.n,
    csvNumber(r.autoQaScore.mean, 1),
    pct(r.fcr.rate),
    pct(r.fcr.ci?.low),
    pct(r.fcr.ci?.high),
    r.fcr.n,
    csvNumber(r.csat.mean, 2),
    csvNumber(r.csat.ci?.low, 2),
    csvNumber(r.csat.ci?.high, 2),
    r.csat.n,
    csvNumber(r.ahtSeconds.mean, 0),
    pct(r.holdShare),
    pct(r.silenceShare),
    pct(r.transfers.rate),
    csvNumber(r.contactsPerHandledHour, 2),
  ]);
  return { name: `kpis-${report.by}`, header, rows };
}
