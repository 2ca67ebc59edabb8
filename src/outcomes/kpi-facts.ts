/**
 * The contact-center KPIs of one call, read from what the source carried (interactions.metadata)
 * and from the transcript, and their roll-up per agent, team, queue, channel or ISO week. Pure.
 *
 * Metadata keys read (the first present wins; imports keep a source's fields as they came):
 * - CSAT: csat, CSAT, customerSatisfaction, satisfaction (a number, or a numeric string)
 * - FCR: fcr, FCR, firstContactResolution, first_contact_resolution (true/false, yes/no, 1/0)
 * - customer: customerId, customer_id, CustomerId, callerId (for derived FCR)
 * - after-call work: afterCallWorkMs, acwMs (ms); AfterContactWorkDuration, afterCallWorkSeconds,
 *   acwSeconds, acw (seconds)
 * - hold: holdMs (ms); CustomerHoldDuration, holdSeconds, holdDuration (seconds)
 * - transfer: transferred (boolean), transfers (a count), or disposition = 'transferred'
 * - handle time given by the source: ahtMs (ms), used as AHT in place of talk + after-call work
 * Imports write these keys from the sources' own names and from a mapping file
 * (src/imports/source-fields.ts).
 */
import { isoWeek } from '../common/iso-week';
import {
  meanWithCi,
  proportionWithCi,
  type MeanEstimate,
  type ProportionEstimate,
} from '../statistics';

export type FcrMode = 'auto' | 'metadata' | 'derived';
export const FCR_MODES: readonly FcrMode[] = ['auto', 'metadata', 'derived'];
export const KPI_DIMENSIONS = ['agent', 'team', 'queue', 'channel', 'week'] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];
export const DEFAULT_REPEAT_DAYS = 7;

/** One call as the KPI queries return it. */
export interface KpiCallRow {
  interactionId: number;
  externalId: string;
  /** The agent's row id (the roll-ups are per agent). */
  agentId?: number | null;
  agentExternalId: string | null;
  agentName: string | null;
  teamId: number | null;
  teamName: string | null;
  queue: string | null;
  channel: string;
  startedAt: Date;
  durationMs: number;
  metadata: Record<string, unknown> | null;
  /** Sum of the turns' lengths (overlapping speech counted twice). */
  speechMs: number;
  humanScore: number | null;
  autoScore: number | null;
}

export interface KpiFact {
  interactionId: number;
  externalId: string;
  agentExternalId: string | null;
  agentName: string | null;
  teamId: number | null;
  teamName: string | null;
  queue: string | null;
  channel: string;
  startedAt: Date;
  week: string;
  /** Talk time + after-call work when the source has it. */
  handleMs: number;
  durationMs: number;
  holdMs: number | null;
  /** Voice only: the call's length not covered by any turn. */
  silenceMs: number | null;
  transferred: boolean | null;
  csat: number | null;
  fcr: boolean | null;
  fcrSource: 'metadata' | 'derived' | null;
  humanScore: number | null;
  autoScore: number | null;
  /** As the source carried it (experiments assign calls by a field of it). */
  metadata: Record<string, unknown> | null;
}

const first = (m: Record<string, unknown>, keys: readonly string[]): unknown =>
  keys.map((k) => m[k]).find((v) => v !== undefined && v !== null && v !== '');

function numberOf(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value.trim()) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

function booleanOf(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', 'resolved'].includes(v)) return true;
  if (['false', 'no', 'n', '0', 'unresolved'].includes(v)) return false;
  return null;
}

export const readCsat = (m: Record<string, unknown> | null): number | null =>
  m ? numberOf(first(m, ['csat', 'CSAT', 'customerSatisfaction', 'satisfaction'])) : null;

export const readFcr = (m: Record<string, unknown> | null): boolean | null =>
  m
    ? booleanOf(first(m, ['fcr', 'FCR', 'firstContactResolution', 'first_contact_resolution']))
    : null;

export function readCustomerId(m: Record<string, unknown> | null): string | null {
  const v = m ? first(m, ['customerId', 'customer_id', 'CustomerId', 'callerId']) : undefined;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}

function readMs(
  m: Record<string, unknown> | null,
  msKeys: readonly string[],
  secondKeys: readonly string[],
): number | null {
  if (!m) return null;
  const ms = numberOf(first(m, msKeys));
  if (ms !== null && ms >= 0) return ms;
  const s = numberOf(first(m, secondKeys));
  return s !== null && s >= 0 ? s * 1000 : null;
}

export const readAfterCallWorkMs = (m: Record<string, unknown> | null) =>
  readMs(
    m,
    ['afterCallWorkMs', 'acwMs'],
    ['AfterContactWorkDuration', 'afterCallWorkSeconds', 'acwSeconds', 'acw'],
  );

export const readHoldMs = (m: Record<string, unknown> | null) =>
  readMs(m, ['holdMs'], ['CustomerHoldDuration', 'holdSeconds', 'holdDuration']);

export function readTransferred(m: Record<string, unknown> | null): boolean | null {
  if (!m) return null;
  const flag = booleanOf(m.transferred);
  if (flag !== null) return flag;
  const count = numberOf(m.transfers);
  if (count !== null) return count > 0;
  if (typeof m.disposition === 'string') return m.disposition === 'transferred';
  return null;
}

export interface Contact {
  interactionId: number;
  startedAt: Date;
  customerId: string | null;
}

/**
 * Derived FCR: resolved when the same customer did not contact again within `repeatDays` after
 * this call (any agent, any channel). null without a customer id, or when the window reaches past
 * `knownUntil` (contacts after it are not known yet).
 */
export function derivedFcr(
  contacts: readonly Contact[],
  repeatDays: number,
  knownUntil: Date,
): Map<number, boolean | null> {
  const byCustomer = new Map<string, Contact[]>();
  for (const c of contacts) {
    if (c.customerId === null) continue;
    const list = byCustomer.get(c.customerId) ?? [];
    list.push(c);
    byCustomer.set(c.customerId, list);
  }
  const windowMs = repeatDays * 86_400_000;
  const result = new Map<number, boolean | null>();
  for (const c of contacts) result.set(c.interactionId, null);
  for (const list of byCustomer.values()) {
    list.sort(
      (a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.interactionId - b.interactionId,
    );
    list.forEach((c, i) => {
      const next = list[i + 1];
      const end = c.startedAt.getTime() + windowMs;
      if (next && next.startedAt.getTime() <= end) result.set(c.interactionId, false);
      else result.set(c.interactionId, end <= knownUntil.getTime() ? true : null);
    });
  }
  return result;
}

export function kpiFact(
  row: KpiCallRow,
  mode: FcrMode,
  derived: Map<number, boolean | null>,
): KpiFact {
  const m = row.metadata;
  const acw = readAfterCallWorkMs(m);
  const fromMetadata = mode === 'derived' ? null : readFcr(m);
  const fromRepeats = mode === 'metadata' ? null : (derived.get(row.interactionId) ?? null);
  const fcr = fromMetadata ?? fromRepeats;
  return {
    interactionId: row.interactionId,
    externalId: row.externalId,
    agentExternalId: row.agentExternalId,
    agentName: row.agentName,
    teamId: row.teamId,
    teamName: row.teamName,
    queue: row.queue,
    channel: row.channel,
    startedAt: row.startedAt,
    week: isoWeek(row.startedAt),
    handleMs: readMs(m, ['ahtMs'], []) ?? row.durationMs + (acw ?? 0),
    durationMs: row.durationMs,
    holdMs: readHoldMs(m),
    silenceMs: row.channel === 'voice' ? Math.max(0, row.durationMs - row.speechMs) : null,
    transferred: readTransferred(m),
    csat: readCsat(m),
    fcr,
    fcrSource: fromMetadata !== null ? 'metadata' : fromRepeats !== null ? 'derived' : null,
    humanScore: row.humanScore,
    autoScore: row.autoScore,
    metadata: m,
  };
}

export interface KpiRow {
  key: string;
  /** The agent's name, the team's, the queue, the channel or the week. */
  label: string;
  calls: number;
  qaScore: MeanEstimate;
  autoQaScore: MeanEstimate;
  fcr: ProportionEstimate;
  csat: MeanEstimate;
  ahtSeconds: MeanEstimate;
  /** Share of the talk time spent on hold, over the calls whose source gave hold time. */
  holdShare: number | null;
  holdCalls: number;
  /** Share of voice time with no one speaking (from the transcript's turns). */
  silenceShare: number | null;
  transfers: ProportionEstimate;
  /** Calls per hour of handling time (talk + after-call work); no staffing data is kept. */
  contactsPerHandledHour: number | null;
}

export const NO_VALUE = '(none)';

function keyOf(f: KpiFact, by: KpiDimension): { key: string; label: string } {
  switch (by) {
    case 'agent':
      return { key: f.agentExternalId ?? NO_VALUE, label: f.agentName ?? NO_VALUE };
    case 'team':
      return {
        key: f.teamId === null ? NO_VALUE : String(f.teamId),
        label: f.teamName ?? NO_VALUE,
      };
    case 'queue':
      return { key: f.queue ?? NO_VALUE, label: f.queue ?? NO_VALUE };
    case 'channel':
      return { key: f.channel, label: f.channel };
    case 'week':
      return { key: f.week, label: f.week };
  }
}

const defined = <T>(values: (T | null)[]): T[] => values.filter((v): v is T => v !== null);

export function kpiRow(key: string, label: string, facts: readonly KpiFact[]): KpiRow {
  const withHold = facts.filter((f) => f.holdMs !== null);
  const voice = facts.filter((f) => f.silenceMs !== null);
  const fcr = defined(facts.map((f) => f.fcr));
  const transfers = defined(facts.map((f) => f.transferred));
  const handleMs = facts.reduce((s, f) => s + f.handleMs, 0);
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  return {
    key,
    label,
    calls: facts.length,
    qaScore: meanWithCi(defined(facts.map((f) => f.humanScore))),
    autoQaScore: meanWithCi(defined(facts.map((f) => f.autoScore))),
    fcr: proportionWithCi(fcr.filter(Boolean).length, fcr.length),
    csat: meanWithCi(defined(facts.map((f) => f.csat))),
    ahtSeconds: meanWithCi(facts.map((f) => f.handleMs / 1000)),
    holdShare: share(
      withHold.reduce((s, f) => s + (f.holdMs ?? 0), 0),
      withHold.reduce((s, f) => s + f.durationMs, 0),
    ),
    holdCalls: withHold.length,
    silenceShare: share(
      voice.reduce((s, f) => s + (f.silenceMs ?? 0), 0),
      voice.reduce((s, f) => s + f.durationMs, 0),
    ),
    transfers: proportionWithCi(transfers.filter(Boolean).length, transfers.length),
    contactsPerHandledHour: handleMs > 0 ? facts.length / (handleMs / 3_600_000) : null,
  };
}

/** One row per value of the dimension (ordered by key), and the total over every call. */
export function kpiTable(
  facts: readonly KpiFact[],
  by: KpiDimension,
): { rows: KpiRow[]; total: KpiRow } {
  const groups = new Map<string, { label: string; facts: KpiFact[] }>();
  for (const f of facts) {
    const { key, label } = keyOf(f, by);
    const group = groups.get(key) ?? { label, facts: [] };
    group.facts.push(f);
    groups.set(key, group);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => kpiRow(key, g.label, g.facts));
  return { rows, total: kpiRow('total', 'total', facts) };
}
