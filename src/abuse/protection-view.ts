/**
 * The protection report as the page and the CSV show it, in the reader's language. Pure.
 */
import { toCsv, type CsvCell } from '../analytics/csv';
import { translate } from '../common/i18n/i18n';
import { localDateTimeText } from '../common/time-zone';
import type { FlaggedCall } from './abuse.service';
import type { ProtectiveAction } from './entities/protective-action.entity';

export function actionText(lang: string, a: ProtectiveAction): string {
  const what = translate(lang, `abuse.action.${a.action}`);
  const who = translate(lang, 'abuse.by', {
    name: a.recordedBy?.name ?? '–',
    at: localDateTimeText(a.recordedAt),
  });
  return `${what}${a.note ? `: ${a.note}` : ''} (${who})`;
}

export function kindsText(lang: string, call: FlaggedCall): string {
  return call.categories.map((c) => translate(lang, `abuse.category.${c}`)).join(', ');
}

export function protectionCsv(lang: string, calls: FlaggedCall[]): string {
  const t = (key: string) => translate(lang, key);
  const header = [
    t('protection.call'),
    t('protection.startedAt'),
    t('protection.agent'),
    t('protection.team'),
    t('protection.kinds'),
    t('protection.actions'),
  ];
  const rows: CsvCell[][] = calls.map((c) => [
    c.externalId,
    localDateTimeText(c.startedAt),
    c.agentName,
    c.teamName,
    kindsText(lang, c),
    c.actions.length > 0
      ? c.actions.map((a) => actionText(lang, a)).join(' / ')
      : t('protection.noAction'),
  ]);
  return toCsv(header, rows);
}
