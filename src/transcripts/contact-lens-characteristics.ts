/**
 * The conversation characteristics of Contact Lens / Transcribe Call Analytics output: talk time,
 * interruptions, non-talk time, sentiment and the call summary, read into the measures the
 * auto-QA engine accepts from a source (SourceMetrics). Pure; used by contact-lens.parser.ts.
 */
import {
  child,
  isPresent,
  item,
  JsonFields,
  JsonObject,
  maxOf,
  withoutUndefined,
} from './json-fields';

/** What the auto-QA engine accepts in place of its own measurements (see src/autoqa). */
export interface SourceMetrics {
  interruptions?: number;
  longestSilenceMs?: number;
  agentTalkRatio?: number;
  customerSentiment?: { start: number; peak: number; end: number };
}

/** Contact Lens sentiment scores run from -5 (negative) to +5 (positive). */
export const SENTIMENT_SCALE = 5;

/**
 * Contact Lens sentiment (-5..+5, positive is good) on the engine's negativity scale (0..10,
 * higher is more negative): neutral and positive are 0, every point below zero adds 2, rounded
 * to 0.1 (-2.5 → 5, -5 → 10).
 */
export function sentimentToNegativity(score: number): number {
  const negativity = Math.round(-score * (10 / SENTIMENT_SCALE) * 10) / 10;
  return Math.min(10, Math.max(0, negativity)) + 0;
}

export interface Characteristics {
  summary?: JsonObject;
  metrics: SourceMetrics;
}

export function readCharacteristics(
  f: JsonFields,
  value: unknown,
  participants: Map<string, string>,
): Characteristics {
  const path = 'ConversationCharacteristics';
  const cc = f.optionalObject(value, path);
  if (cc === undefined) return { metrics: {} };
  const interruptions = readInterruptions(
    f,
    cc.Interruptions,
    child(path, 'Interruptions'),
    participants,
  );
  const nonTalkTime = readNonTalkTime(f, cc.NonTalkTime, child(path, 'NonTalkTime'));
  const talkTime = readTalkTime(f, cc.TalkTime, child(path, 'TalkTime'), participants);
  const sentiment = readSentiment(f, cc.Sentiment, child(path, 'Sentiment'), participants);
  const talkSpeed = readDetails(
    f,
    cc.TalkSpeed,
    child(path, 'TalkSpeed'),
    'AverageWordsPerMinute',
    participants,
  );
  const summary = withoutUndefined({
    totalConversationDurationMillis: f.optionalNonNegative(
      cc.TotalConversationDurationMillis,
      child(path, 'TotalConversationDurationMillis'),
    ),
    interruptions,
    nonTalkTime,
    talkSpeed,
    talkTime,
    sentiment: sentiment?.summary,
  });
  return {
    summary: isEmpty(summary) ? undefined : summary,
    metrics: withoutUndefined({
      interruptions: agentInterruptions(interruptions),
      longestSilenceMs: nonTalkTime?.longestMillis,
      agentTalkRatio: talkRatio(talkTime),
      customerSentiment: sentiment?.customer,
    }),
  };
}

interface Interruptions {
  totalCount?: number;
  totalTimeMillis?: number;
  /** Interruptions made by each role (AGENT, CUSTOMER). */
  byInterrupter?: Record<string, number>;
}

function readInterruptions(
  f: JsonFields,
  value: unknown,
  path: string,
  participants: Map<string, string>,
): Interruptions | undefined {
  const interruptions = f.optionalObject(value, path);
  if (interruptions === undefined) return undefined;
  const byPath = child(path, 'InterruptionsByInterrupter');
  const by = f.optionalObject(interruptions.InterruptionsByInterrupter, byPath);
  const byInterrupter: Record<string, number> = {};
  for (const [key, list] of Object.entries(by ?? {})) {
    const role = roleKey(key, participants);
    byInterrupter[role] = (byInterrupter[role] ?? 0) + f.array(list, child(byPath, key)).length;
  }
  return withoutUndefined({
    totalCount: f.optionalNonNegative(interruptions.TotalCount, child(path, 'TotalCount')),
    totalTimeMillis: f.optionalNonNegative(
      interruptions.TotalTimeMillis,
      child(path, 'TotalTimeMillis'),
    ),
    byInterrupter: by === undefined ? undefined : byInterrupter,
  });
}

/** The engine counts the agent talking over the customer; Contact Lens counts both ways. */
function agentInterruptions(interruptions: Interruptions | undefined): number | undefined {
  if (interruptions === undefined) return undefined;
  const by = interruptions.byInterrupter;
  if (by !== undefined && Object.keys(by).length > 0) return by.AGENT ?? 0;
  return interruptions.totalCount;
}

function readNonTalkTime(
  f: JsonFields,
  value: unknown,
  path: string,
): { totalTimeMillis?: number; longestMillis: number; instances: number } | undefined {
  const nonTalk = f.optionalObject(value, path);
  if (nonTalk === undefined) return undefined;
  const instancesPath = child(path, 'Instances');
  const instances = f.optionalArray(nonTalk.Instances, instancesPath) ?? [];
  const lengths = instances.map((raw, i) => {
    const instancePath = item(instancesPath, i);
    const instance = f.object(raw, instancePath);
    const duration = f.optionalNonNegative(
      instance.DurationMillis,
      child(instancePath, 'DurationMillis'),
    );
    if (duration !== undefined) return duration;
    const begin = f.milliseconds(
      instance.BeginOffsetMillis,
      child(instancePath, 'BeginOffsetMillis'),
    );
    const end = f.milliseconds(instance.EndOffsetMillis, child(instancePath, 'EndOffsetMillis'));
    return Math.max(0, end - begin);
  });
  return withoutUndefined({
    totalTimeMillis: f.optionalNonNegative(nonTalk.TotalTimeMillis, child(path, 'TotalTimeMillis')),
    longestMillis: Math.round(maxOf(lengths, 0)),
    instances: instances.length,
  });
}

function readTalkTime(
  f: JsonFields,
  value: unknown,
  path: string,
  participants: Map<string, string>,
): Record<string, number> | undefined {
  const talkTime = f.optionalObject(value, path);
  if (talkTime === undefined) return undefined;
  const details = readDetails(f, talkTime, path, 'TotalTimeMillis', participants) ?? {};
  const total = f.optionalNonNegative(talkTime.TotalTimeMillis, child(path, 'TotalTimeMillis'));
  return total === undefined ? details : { totalTimeMillis: total, ...details };
}

function talkRatio(talkTime: Record<string, number> | undefined): number | undefined {
  const agent = talkTime?.AGENT;
  const customer = talkTime?.CUSTOMER;
  if (agent === undefined || customer === undefined || agent + customer === 0) return undefined;
  return Math.round((agent / (agent + customer)) * 1000) / 1000;
}

/** `{ DetailsByParticipant: { AGENT: { <field>: n } } }` → `{ AGENT: n }`. */
function readDetails(
  f: JsonFields,
  value: unknown,
  path: string,
  field: string,
  participants: Map<string, string>,
): Record<string, number> | undefined {
  const parent = f.optionalObject(value, path);
  if (parent === undefined) return undefined;
  const key = isPresent(parent.DetailsByParticipant)
    ? 'DetailsByParticipant'
    : 'DetailsByParticipantRole';
  const detailsPath = child(path, key);
  const details = f.optionalObject(parent[key], detailsPath);
  if (details === undefined) return undefined;
  const result: Record<string, number> = {};
  for (const [participant, raw] of Object.entries(details)) {
    const entryPath = child(detailsPath, participant);
    const entry = f.object(raw, entryPath);
    const n = f.optionalNonNegative(entry[field], child(entryPath, field));
    if (n !== undefined) result[roleKey(participant, participants)] = n;
  }
  return result;
}

interface Sentiment {
  summary: JsonObject;
  customer?: { start: number; peak: number; end: number };
}

/**
 * Overall scores per role, and the customer's score per quarter of the call. The engine's
 * customer negativity is taken from the quarters: start = first quarter, end = last quarter,
 * peak = the most negative quarter (see sentimentToNegativity).
 */
function readSentiment(
  f: JsonFields,
  value: unknown,
  path: string,
  participants: Map<string, string>,
): Sentiment | undefined {
  const sentiment = f.optionalObject(value, path);
  if (sentiment === undefined) return undefined;
  const overallPath = child(path, 'OverallSentiment');
  const overall: Record<string, number> = {};
  for (const [key, score] of Object.entries(
    f.optionalObject(sentiment.OverallSentiment, overallPath) ?? {},
  )) {
    overall[roleKey(key, participants)] = f.number(score, child(overallPath, key));
  }
  const quarters = readCustomerQuarters(
    f,
    sentiment.SentimentByPeriod,
    child(path, 'SentimentByPeriod'),
    participants,
  );
  const negativity = quarters.map(sentimentToNegativity);
  return {
    summary: withoutUndefined({
      overall: isEmpty(overall) ? undefined : overall,
      customerByQuarter: quarters.length > 0 ? quarters : undefined,
    }),
    customer:
      negativity.length === 0
        ? undefined
        : {
            start: negativity[0],
            peak: maxOf(negativity, 0),
            end: negativity[negativity.length - 1],
          },
  };
}

function readCustomerQuarters(
  f: JsonFields,
  value: unknown,
  path: string,
  participants: Map<string, string>,
): number[] {
  const byPeriod = f.optionalObject(value, path);
  const quarterPath = child(path, 'QUARTER');
  const quarter = f.optionalObject(byPeriod?.QUARTER, quarterPath);
  const customerKey = Object.keys(quarter ?? {}).find(
    (key) => roleKey(key, participants) === 'CUSTOMER',
  );
  if (quarter === undefined || customerKey === undefined) return [];
  const listPath = child(quarterPath, customerKey);
  return f
    .array(quarter[customerKey], listPath)
    .map((raw, i) => {
      const periodPath = item(listPath, i);
      const period = f.object(raw, periodPath);
      return {
        begin:
          f.optionalNonNegative(period.BeginOffsetMillis, child(periodPath, 'BeginOffsetMillis')) ??
          i,
        score: f.number(period.Score, child(periodPath, 'Score')),
      };
    })
    .sort((a, b) => a.begin - b.begin)
    .map((period) => period.score);
}

/** A key of a per-participant map as a role name: AGENT stays, a participant id is looked up. */
function roleKey(key: string, participants: Map<string, string>): string {
  return participants.get(key) ?? key.toUpperCase();
}

export function isEmpty(value: object): boolean {
  return Object.keys(value).length === 0;
}
