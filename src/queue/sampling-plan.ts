/**
 * Which calls the sampling rules put in the work queue, and why: pure functions over plain data
 * (no Nest, no TypeORM), so the same data always gives the same picks. Random picks use a
 * seeded generator keyed by rule, agent and ISO week: running sampling again picks the same
 * calls, and a week whose quota is full gets nothing more.
 */
import { isoWeek } from '../common/iso-week';
import { createRng } from '../common/random';
import { SAMPLING_KINDS, type SamplingKind } from './entities/sampling-rule.entity';

export type RuleParams = Record<string, string | number>;

export interface RuleToApply {
  id: number;
  kind: SamplingKind;
  params: RuleParams;
}

/** A call that is not queued yet. */
export interface CandidateCall {
  id: number;
  agentId: number | null;
  channel: string;
  language: string;
  queue: string | null;
  startedAt: Date;
  metadata: Record<string, unknown> | null;
  /** Critical criteria its auto evaluation failed; undefined when none failed (or no auto score). */
  criticalFailed?: string[];
}

/** Why a call was picked, as a code and its values: pages translate `sampling.reason.<code>`. */
export type SamplingReasonCode =
  | 'lowCsat'
  | 'autoCriticalFail'
  | 'queue'
  | 'channel'
  | 'queueQuota'
  | 'channelQuota'
  | 'randomQuota';

export type SamplingReasonParams = Record<string, string | number>;

export interface SamplingReason {
  /** The same in English words, stored for the API and the command line. */
  reason: string;
  reasonCode: SamplingReasonCode;
  reasonParams: SamplingReasonParams;
}

export interface Pick extends SamplingReason {
  interactionId: number;
  ruleId: number;
}

/**
 * A rule's parameter is wrong: `field` is `params.<name>`; `key` names the same reason in the
 * locale files (`error.samplingRule.<key>`), for the reader's language.
 */
export class RuleParamError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly key: string,
    readonly params: Record<string, string> = {},
  ) {
    super(`${field}: ${reason}`);
    this.name = 'RuleParamError';
  }
}

export const CHANNELS = ['voice', 'chat'] as const;
const MAX_PER_WEEK = 1000;

/** The parameters each kind takes; anything else is refused, naming the field. */
const PARAMS_OF: Record<SamplingKind, { required: string[]; optional: string[] }> = {
  random_per_agent_week: { required: ['perWeek'], optional: [] },
  low_csat: { required: ['maxCsat'], optional: [] },
  auto_critical_fail: { required: [], optional: [] },
  queue: { required: ['queue'], optional: ['perWeek'] },
  channel: { required: ['channel'], optional: ['perWeek'] },
};

export function isSamplingKind(value: unknown): value is SamplingKind {
  return (SAMPLING_KINDS as readonly unknown[]).includes(value);
}

export function paramNamesOf(kind: SamplingKind): string[] {
  return [...PARAMS_OF[kind].required, ...PARAMS_OF[kind].optional];
}

/**
 * Checks and normalises the parameters of a rule of this kind (numbers given as text become
 * numbers, blank optional values are dropped). Throws RuleParamError naming `params.<name>`.
 */
export function checkParams(kind: SamplingKind, given: unknown): RuleParams {
  if (
    given !== undefined &&
    given !== null &&
    (typeof given !== 'object' || Array.isArray(given))
  ) {
    throw new RuleParamError('params', 'must be an object', 'paramsNotObject');
  }
  const raw = (given ?? {}) as Record<string, unknown>;
  const { required, optional } = PARAMS_OF[kind];
  for (const name of Object.keys(raw)) {
    if (![...required, ...optional].includes(name)) {
      const takes = [...required, ...optional].join(', ') || 'none';
      throw new RuleParamError(
        `params.${name}`,
        `is not a parameter of ${kind} (it takes ${takes})`,
        'notAParameter',
        { kind, takes },
      );
    }
  }
  const params: RuleParams = {};
  for (const name of [...required, ...optional]) {
    const value = raw[name];
    const blank = value === undefined || value === null || value === '';
    if (blank) {
      if (required.includes(name))
        throw new RuleParamError(`params.${name}`, 'is required', 'required');
      continue;
    }
    params[name] = checkParam(name, value);
  }
  return params;
}

function checkParam(name: string, value: unknown): string | number {
  const field = `params.${name}`;
  switch (name) {
    case 'perWeek': {
      const n = toNumber(value);
      if (n === null || !Number.isInteger(n) || n < 1 || n > MAX_PER_WEEK) {
        throw new RuleParamError(
          field,
          `must be a whole number from 1 to ${MAX_PER_WEEK}`,
          'perWeek',
          { max: String(MAX_PER_WEEK) },
        );
      }
      return n;
    }
    case 'maxCsat': {
      const n = toNumber(value);
      if (n === null || n < 0 || n > 100) {
        throw new RuleParamError(
          field,
          'must be a number from 0 to 100 (the CSAT at or below which a call is queued)',
          'maxCsat',
        );
      }
      return n;
    }
    case 'queue': {
      if (typeof value !== 'string' || value.trim() === '' || value.trim().length > 120) {
        throw new RuleParamError(
          field,
          'must be the name of a queue (1–120 characters)',
          'queueName',
        );
      }
      return value.trim();
    }
    case 'channel': {
      if (typeof value !== 'string' || !(CHANNELS as readonly string[]).includes(value)) {
        const channels = CHANNELS.join(', ');
        throw new RuleParamError(field, `must be one of ${channels}`, 'channel', { channels });
      }
      return value;
    }
    default:
      throw new RuleParamError(field, 'is not a known parameter', 'unknownParameter');
  }
}

/** A number, or a string holding one ("2", " 1.5 "); anything else is null. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** The call's CSAT from its metadata (`csat`, a number or numeric text); null when it has none. */
export function csatOf(metadata: Record<string, unknown> | null): number | null {
  return metadata ? toNumber(metadata.csat) : null;
}

/** A rule that takes a number of calls per agent per week rather than every matching call. */
export function isQuotaRule(rule: RuleToApply): boolean {
  return rule.kind === 'random_per_agent_week' || typeof rule.params.perWeek === 'number';
}

/**
 * Rules that take every matching call go first, so a call with CSAT 1 is queued for its CSAT,
 * not as one of the random calls; then the quotas. Within a group, by rule id.
 */
export function applyOrder(rules: RuleToApply[]): RuleToApply[] {
  return [...rules].sort((a, b) => Number(isQuotaRule(a)) - Number(isQuotaRule(b)) || a.id - b.id);
}

/** Key of an agent's week: `<agentId>|<ISO week>`. */
export function agentWeekKey(agentId: number, startedAt: Date): string {
  return `${agentId}|${isoWeek(startedAt)}`;
}

/**
 * The calls every active rule picks among the candidates (calls not queued yet). A call is
 * picked once, by the first rule (in `applyOrder`) that wants it. `quotaUsed` holds, per quota
 * rule, how many calls it already queued in each agent's week (`agentWeekKey`).
 */
export function planSample(
  rules: RuleToApply[],
  candidates: CandidateCall[],
  quotaUsed: Map<number, Map<string, number>> = new Map(),
): Pick[] {
  const taken = new Set<number>();
  const picks: Pick[] = [];
  const sorted = [...candidates].sort((a, b) => a.id - b.id);
  for (const rule of applyOrder(rules)) {
    const open = sorted.filter((c) => !taken.has(c.id));
    const found = isQuotaRule(rule)
      ? pickPerAgentWeek(rule, open, quotaUsed.get(rule.id) ?? new Map<string, number>())
      : pickEvery(rule, open);
    for (const pick of found) {
      taken.add(pick.interactionId);
      picks.push(pick);
    }
  }
  return picks;
}

function pickEvery(rule: RuleToApply, calls: CandidateCall[]): Pick[] {
  const picks: Pick[] = [];
  for (const call of calls) {
    const reason = everyReason(rule, call);
    if (reason) picks.push({ interactionId: call.id, ruleId: rule.id, ...reason });
  }
  return picks;
}

/** Why this call matches a rule that takes every matching call; null when it does not. */
function everyReason(rule: RuleToApply, call: CandidateCall): SamplingReason | null {
  switch (rule.kind) {
    case 'low_csat': {
      const csat = csatOf(call.metadata);
      const max = Number(rule.params.maxCsat);
      return csat !== null && csat <= max ? samplingReason('lowCsat', { csat, max }) : null;
    }
    case 'auto_critical_fail':
      return call.criticalFailed && call.criticalFailed.length > 0
        ? samplingReason('autoCriticalFail', { criteria: call.criticalFailed.join(', ') })
        : null;
    case 'queue':
      return call.queue === rule.params.queue
        ? samplingReason('queue', { queue: call.queue })
        : null;
    case 'channel':
      return call.channel === rule.params.channel
        ? samplingReason('channel', { channel: call.channel })
        : null;
    case 'random_per_agent_week':
      return null;
  }
}

function matchesQuota(rule: RuleToApply, call: CandidateCall): boolean {
  if (rule.kind === 'queue') return call.queue === rule.params.queue;
  if (rule.kind === 'channel') return call.channel === rule.params.channel;
  return rule.kind === 'random_per_agent_week';
}

function pickPerAgentWeek(
  rule: RuleToApply,
  calls: CandidateCall[],
  used: Map<string, number>,
): Pick[] {
  const perWeek = Number(rule.params.perWeek);
  const weeks = new Map<string, CandidateCall[]>();
  for (const call of calls) {
    if (call.agentId === null || !matchesQuota(rule, call)) continue;
    const key = agentWeekKey(call.agentId, call.startedAt);
    const list = weeks.get(key);
    if (list) list.push(call);
    else weeks.set(key, [call]);
  }
  const picks: Pick[] = [];
  for (const [key, list] of weeks) {
    const need = perWeek - (used.get(key) ?? 0);
    if (need <= 0) continue;
    const week = key.slice(key.indexOf('|') + 1);
    const reason = quotaReason(rule, perWeek, week);
    for (const call of shuffled(list, seedOf(`${rule.id}|${key}`)).slice(0, need)) {
      picks.push({ interactionId: call.id, ruleId: rule.id, ...reason });
    }
  }
  return picks;
}

function quotaReason(rule: RuleToApply, n: number, week: string): SamplingReason {
  switch (rule.kind) {
    case 'queue':
      return samplingReason('queueQuota', { n, queue: rule.params.queue, week });
    case 'channel':
      return samplingReason('channelQuota', { n, channel: rule.params.channel, week });
    case 'random_per_agent_week':
    case 'low_csat':
    case 'auto_critical_fail':
      return samplingReason('randomQuota', { n, week });
  }
}

/** The reason as code, values and English words (the words as they were stored before codes). */
export function samplingReason(
  code: SamplingReasonCode,
  params: SamplingReasonParams,
): SamplingReason {
  return { reason: clip(reasonSentence(code, params)), reasonCode: code, reasonParams: params };
}

function reasonSentence(code: SamplingReasonCode, p: SamplingReasonParams): string {
  const calls = p.n === 1 ? 'call' : 'calls';
  switch (code) {
    case 'lowCsat':
      return `CSAT ${p.csat} ≤ ${p.max}`;
    case 'autoCriticalFail':
      return `auto-QA: critical criterion failed: ${p.criteria}`;
    case 'queue':
      return `queue ${p.queue}`;
    case 'channel':
      return `channel ${p.channel}`;
    case 'queueQuota':
      return `${p.n} ${calls} per agent per week from queue ${p.queue} (${p.week})`;
    case 'channelQuota':
      return `${p.n} ${p.channel} ${calls} per agent per week (${p.week})`;
    case 'randomQuota':
      return `${p.n} random ${calls} per agent per week (${p.week})`;
  }
}

/** Fisher–Yates over the calls in id order, driven by the seeded generator. */
function shuffled<T>(items: T[], seed: number): T[] {
  const rng = createRng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** FNV-1a: a stable 32-bit seed from the rule, agent and week. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The reason column holds 200 characters. */
function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** Keys of the critical criteria an auto evaluation's breakdown failed. */
export function failedCriticalKeys(breakdown: unknown): string[] {
  if (!breakdown || typeof breakdown !== 'object') return [];
  const b = breakdown as {
    criticalFailed?: boolean;
    sections?: { criteria?: { key?: string; criticalFailed?: boolean }[] }[];
  };
  const keys = (b.sections ?? []).flatMap((s) =>
    (s.criteria ?? []).filter((c) => c.criticalFailed && c.key).map((c) => c.key as string),
  );
  if (keys.length === 0 && b.criticalFailed) return ['(critical)'];
  return keys;
}
