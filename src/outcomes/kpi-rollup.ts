/**
 * The KPI roll-up (outcome_stats) in pure terms: the counts and sums one group of calls adds up
 * to, and the KPI table made from them — the same figures kpiTable gives from the calls
 * (src/outcomes/kpi-facts.ts), up to float rounding, as long as FCR comes from the metadata
 * (derived FCR depends on later contacts and on the day it is asked, so it is not rolled up).
 * Pure.
 */
import { isoWeek } from '../common/iso-week';
import { meanWithCiFromSums, proportionWithCi } from '../statistics';
import { NO_VALUE, type KpiDimension, type KpiFact, type KpiRow } from './kpi-facts';

export interface OutcomeSums {
  calls: number;
  ahtSum: number;
  ahtSumSq: number;
  holdCalls: number;
  holdMs: number;
  holdDurationMs: number;
  silenceMs: number;
  voiceDurationMs: number;
  transferN: number;
  transferYes: number;
  csatN: number;
  csatSum: number;
  csatSumSq: number;
  fcrN: number;
  fcrYes: number;
  fcrMissing: number;
  humanN: number;
  humanSum: number;
  humanSumSq: number;
  autoN: number;
  autoSum: number;
  autoSumSq: number;
}

export const SUM_COLUMNS: readonly (keyof OutcomeSums)[] = [
  'calls',
  'ahtSum',
  'ahtSumSq',
  'holdCalls',
  'holdMs',
  'holdDurationMs',
  'silenceMs',
  'voiceDurationMs',
  'transferN',
  'transferYes',
  'csatN',
  'csatSum',
  'csatSumSq',
  'fcrN',
  'fcrYes',
  'fcrMissing',
  'humanN',
  'humanSum',
  'humanSumSq',
  'autoN',
  'autoSum',
  'autoSumSq',
];

export const emptySums = (): OutcomeSums =>
  Object.fromEntries(SUM_COLUMNS.map((c) => [c, 0])) as unknown as OutcomeSums;

/** Adds one call, its FCR read from the metadata only (kpiFact in 'metadata' mode). */
export function addFact(s: OutcomeSums, f: KpiFact): void {
  const aht = f.handleMs / 1000;
  s.calls += 1;
  s.ahtSum += aht;
  s.ahtSumSq += aht * aht;
  if (f.holdMs !== null) {
    s.holdCalls += 1;
    s.holdMs += f.holdMs;
    s.holdDurationMs += f.durationMs;
  }
  if (f.silenceMs !== null) {
    s.silenceMs += f.silenceMs;
    s.voiceDurationMs += f.durationMs;
  }
  if (f.transferred !== null) {
    s.transferN += 1;
    if (f.transferred) s.transferYes += 1;
  }
  if (f.csat !== null) {
    s.csatN += 1;
    s.csatSum += f.csat;
    s.csatSumSq += f.csat * f.csat;
  }
  if (f.fcr === null) s.fcrMissing += 1;
  else {
    s.fcrN += 1;
    if (f.fcr) s.fcrYes += 1;
  }
  if (f.humanScore !== null) {
    s.humanN += 1;
    s.humanSum += f.humanScore;
    s.humanSumSq += f.humanScore * f.humanScore;
  }
  if (f.autoScore !== null) {
    s.autoN += 1;
    s.autoSum += f.autoScore;
    s.autoSumSq += f.autoScore * f.autoScore;
  }
}

export function addSums(into: OutcomeSums, s: OutcomeSums): void {
  for (const c of SUM_COLUMNS) into[c] += s[c];
}

/**
 * Adds `rows` into `into`, one row per key: a row whose key is already there has its sums added
 * to that row's (the rebuild's ranges of calls, merged before they are written).
 */
export function mergeSums<T extends OutcomeSums>(
  into: Map<string, T>,
  rows: readonly T[],
  keyOf: (row: T) => string,
): void {
  for (const row of rows) {
    const key = keyOf(row);
    const had = into.get(key);
    if (had) addSums(had, row);
    else into.set(key, { ...row });
  }
}

/** One roll-up row: an agent-day-queue-channel's sums with its agent and team as read now. */
export interface OutcomeStatRow extends OutcomeSums {
  agentExternalId: string | null;
  agentName: string | null;
  teamId: number | null;
  teamName: string | null;
  queue: string | null;
  channel: string;
  day: string;
}

/** Calls as kpiFact made them, grouped per agent, UTC day, queue and channel. */
export function statRowsOf(facts: readonly KpiFact[]): OutcomeStatRow[] {
  const groups = new Map<string, OutcomeStatRow>();
  for (const f of facts) {
    const day = f.startedAt.toISOString().slice(0, 10);
    const key = JSON.stringify([f.agentExternalId, day, f.queue, f.channel]);
    let row = groups.get(key);
    if (!row) {
      row = {
        ...emptySums(),
        agentExternalId: f.agentExternalId,
        agentName: f.agentName,
        teamId: f.teamId,
        teamName: f.teamName,
        queue: f.queue,
        channel: f.channel,
        day,
      };
      groups.set(key, row);
    }
    addFact(row, f);
  }
  return [...groups.values()];
}

function keyOf(r: OutcomeStatRow, by: KpiDimension): { key: string; label: string } {
  switch (by) {
    case 'agent':
      return { key: r.agentExternalId ?? NO_VALUE, label: r.agentName ?? NO_VALUE };
    case 'team':
      return {
        key: r.teamId === null ? NO_VALUE : String(r.teamId),
        label: r.teamName ?? NO_VALUE,
      };
    case 'queue':
      return { key: r.queue ?? NO_VALUE, label: r.queue ?? NO_VALUE };
    case 'channel':
      return { key: r.channel, label: r.channel };
    case 'week': {
      const week = isoWeek(new Date(`${r.day}T00:00:00Z`));
      return { key: week, label: week };
    }
  }
}

/** kpiRow (kpi-facts.ts) from the sums. */
export function kpiRowFromSums(key: string, label: string, s: OutcomeSums): KpiRow {
  const handleMs = s.ahtSum * 1000;
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  return {
    key,
    label,
    calls: s.calls,
    qaScore: meanWithCiFromSums(s.humanN, s.humanSum, s.humanSumSq),
    autoQaScore: meanWithCiFromSums(s.autoN, s.autoSum, s.autoSumSq),
    fcr: proportionWithCi(s.fcrYes, s.fcrN),
    csat: meanWithCiFromSums(s.csatN, s.csatSum, s.csatSumSq),
    ahtSeconds: meanWithCiFromSums(s.calls, s.ahtSum, s.ahtSumSq),
    holdShare: share(s.holdMs, s.holdDurationMs),
    holdCalls: s.holdCalls,
    silenceShare: share(s.silenceMs, s.voiceDurationMs),
    transfers: proportionWithCi(s.transferYes, s.transferN),
    contactsPerHandledHour: handleMs > 0 ? s.calls / (handleMs / 3_600_000) : null,
  };
}

/** kpiTable (kpi-facts.ts) from roll-up rows: one row per value of the dimension, and the total. */
export function kpiTableFromStats(
  stats: readonly OutcomeStatRow[],
  by: KpiDimension,
): { rows: KpiRow[]; total: KpiRow } {
  const groups = new Map<string, { label: string; sums: OutcomeSums }>();
  const total = emptySums();
  for (const r of stats) {
    const { key, label } = keyOf(r, by);
    const group = groups.get(key) ?? { label, sums: emptySums() };
    addSums(group.sums, r);
    groups.set(key, group);
    addSums(total, r);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => kpiRowFromSums(key, g.label, g.sums));
  return { rows, total: kpiRowFromSums('total', 'total', total) };
}
