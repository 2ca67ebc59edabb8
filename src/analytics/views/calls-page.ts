/** The calls behind a number: the list page and its CSV export. Pure. */
import { isoWithOffset } from '../../common/time-zone';
import type { CsvTable } from '../csv';
import type { CallsList } from '../calls-list';
import type { CallsQueryDto } from '../dto/analytics-query.dto';
import {
  callsPath,
  link,
  pct,
  pctNumber,
  profilePath,
  round1,
  score,
  seconds,
  translator,
  type Params,
  roundOrNull,
  valueLabel,
} from './format';

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
    abusive: query.abusive,
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
      abusive: query.abusive,
    }),
    // The "include abusive calls" toggle re-asks for the same list with or without them.
    includeAbusive: query.abusive === 'include',
    action: callsPath(ext),
    hidden: Object.entries(kept)
      .filter(([k, v]) => k !== 'abusive' && v !== null && v !== undefined && v !== '')
      .map(([name, value]) => ({ name, value: String(value) })),
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
