import {
  child,
  isPresent,
  item,
  JsonFields,
  JsonObject,
  maxOf,
  withoutUndefined,
} from './json-fields';
import { fromJsonText } from './json-text';
import { KeyedTurn, ParserOptions, resolveSpeakers, withSpeakerGuess } from './speaker-roles';
import { Channel, ParsedTranscript, Speaker } from './transcript';

/** Amazon Connect / Transcribe participant roles. A supervisor barging in speaks for the centre. */
export const CONNECT_ROLES: Readonly<Record<string, Speaker>> = {
  AGENT: 'agent',
  SUPERVISOR: 'agent',
  CUSTOMER: 'customer',
  SYSTEM: 'system',
  CUSTOM_BOT: 'system',
};

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

/**
 * Amazon Connect Contact Lens analysis output and Amazon Transcribe Call Analytics output:
 * `Transcript[]` turns with millisecond offsets and a participant role; conversation
 * characteristics and categories are kept in `meta.metadata`. See README.md.
 */
export const parseContactLens = fromJsonText(fromContactLensJson);

export function fromContactLensJson(
  file: string,
  root: unknown,
  options: ParserOptions = {},
): ParsedTranscript {
  const f = new JsonFields(file);
  const doc = f.object(root, '');
  if (!isPresent(doc.Transcript)) {
    throw f.error('Transcript', 'not a Contact Lens or Call Analytics file: no Transcript array');
  }
  const participants = readParticipants(f, doc.Participants);
  const raw = f.array(doc.Transcript, 'Transcript');
  if (raw.length === 0) throw f.error('Transcript', 'no turns: the Transcript array is empty');
  const keyed = raw.map((entry, i) => readTurn(f, entry, item('Transcript', i), participants));
  const { turns, speakerGuess } = resolveSpeakers(file, keyed, options.speakerMap);
  const characteristics = readCharacteristics(f, doc.ConversationCharacteristics, participants);
  const metadata = withoutUndefined({
    conversationCharacteristics: characteristics.summary,
    matchedCategories: readCategories(f, doc.Categories),
    callSummary: readCallSummary(f, raw),
    sourceMetrics: isEmpty(characteristics.metrics) ? undefined : characteristics.metrics,
  });
  const customerMetadata = f.optionalObject(doc.CustomerMetadata, 'CustomerMetadata');
  return {
    meta: withoutUndefined({
      externalId:
        f.optionalString(customerMetadata?.ContactId, 'CustomerMetadata.ContactId') ??
        f.optionalString(doc.ContactId, 'ContactId') ??
        f.optionalString(doc.JobName, 'JobName'),
      channel: readChannel(f, doc.Channel),
      language: f.optionalLanguage(doc.LanguageCode, 'LanguageCode'),
      metadata: withSpeakerGuess(metadata, speakerGuess),
    }),
    turns,
  };
}

function readChannel(f: JsonFields, value: unknown): Channel {
  const channel = f.optionalString(value, 'Channel')?.toUpperCase();
  if (channel === undefined || channel === 'VOICE') return 'voice';
  if (channel === 'CHAT') return 'chat';
  throw f.error('Channel', `Channel must be VOICE or CHAT, got ${JSON.stringify(value)}`);
}

/** ParticipantId → role name (AGENT, CUSTOMER, ...). */
export function readParticipants(f: JsonFields, value: unknown): Map<string, string> {
  const participants = new Map<string, string>();
  (f.optionalArray(value, 'Participants') ?? []).forEach((raw, i) => {
    const path = item('Participants', i);
    const participant = f.object(raw, path);
    const role = f.optionalString(participant.ParticipantRole, child(path, 'ParticipantRole'));
    const id = f.optionalString(participant.ParticipantId, child(path, 'ParticipantId'));
    if (role !== undefined) participants.set(id ?? role, role.toUpperCase());
  });
  return participants;
}

/**
 * The role named on the turn, else the participant's role, else the id itself when it is a role
 * name (AGENT); an unknown id is left to the speaker map or the heuristic.
 */
export function participantOf(
  f: JsonFields,
  entry: JsonObject,
  path: string,
  participants: Map<string, string>,
): { key: string; role?: Speaker } {
  const rolePath = child(path, 'ParticipantRole');
  const named = f.optionalString(entry.ParticipantRole, rolePath)?.toUpperCase();
  const id = f.optionalString(entry.ParticipantId, child(path, 'ParticipantId'));
  const roleName =
    named ?? (id === undefined ? undefined : (participants.get(id) ?? id.toUpperCase()));
  if (roleName === undefined) {
    throw f.error(path, 'this turn has neither a ParticipantRole nor a ParticipantId');
  }
  if (Object.hasOwn(CONNECT_ROLES, roleName)) {
    return { key: roleName, role: CONNECT_ROLES[roleName] };
  }
  if (named !== undefined) {
    throw f.error(
      rolePath,
      `unknown ParticipantRole ${JSON.stringify(named)}: expected AGENT, CUSTOMER or SYSTEM`,
    );
  }
  return { key: id as string };
}

function readTurn(
  f: JsonFields,
  raw: unknown,
  path: string,
  participants: Map<string, string>,
): KeyedTurn {
  const entry = f.object(raw, path);
  const speaker = participantOf(f, entry, path, participants);
  const startMs = f.milliseconds(entry.BeginOffsetMillis, child(path, 'BeginOffsetMillis'));
  const endMs = f.milliseconds(entry.EndOffsetMillis, child(path, 'EndOffsetMillis'));
  if (endMs < startMs) {
    throw f.error(
      child(path, 'EndOffsetMillis'),
      `the turn ends (${endMs} ms) before it starts (${startMs} ms)`,
    );
  }
  return { ...speaker, startMs, endMs, text: f.text(entry.Content, child(path, 'Content')) };
}

function readCategories(f: JsonFields, value: unknown): string[] | undefined {
  const categories = f.optionalObject(value, 'Categories');
  const path = 'Categories.MatchedCategories';
  const matched = f.optionalArray(categories?.MatchedCategories, path);
  // Transcribe writes names as configured, sometimes with stray spaces (" positive-resolution").
  return matched?.map((name, i) => f.text(name, item(path, i)));
}

/** Issues, outcomes and action items Contact Lens found, as quoted text. */
function readCallSummary(f: JsonFields, transcript: unknown[]): JsonObject | undefined {
  const kinds = [
    ['issues', 'IssuesDetected'],
    ['outcomes', 'OutcomesDetected'],
    ['actionItems', 'ActionItemsDetected'],
  ] as const;
  const summary: Record<string, string[]> = {};
  transcript.forEach((raw, i) => {
    const path = item('Transcript', i);
    const entry = f.object(raw, path);
    const content = f.string(entry.Content, child(path, 'Content'));
    for (const [name, key] of kinds) {
      const listPath = child(path, key);
      (f.optionalArray(entry[key], listPath) ?? []).forEach((found, k) => {
        const quote = detectedText(f, found, item(listPath, k), content);
        if (quote !== '') summary[name] = [...(summary[name] ?? []), quote];
      });
    }
  });
  return isEmpty(summary) ? undefined : summary;
}

/** Contact Lens gives `Text`; Call Analytics only character offsets into the turn. */
function detectedText(f: JsonFields, raw: unknown, path: string, content: string): string {
  const found = f.object(raw, path);
  const text = f.optionalString(found.Text, child(path, 'Text'));
  if (text !== undefined) return text;
  const offsetsPath = child(path, 'CharacterOffsets');
  const offsets = f.optionalObject(found.CharacterOffsets, offsetsPath);
  if (offsets === undefined) return '';
  const begin = f.index(offsets.BeginOffsetChar ?? offsets.Begin, child(offsetsPath, 'Begin'));
  const end = f.index(offsets.EndOffsetChar ?? offsets.End, child(offsetsPath, 'End'));
  return content.slice(begin, end).trim();
}

// ---------------------------------------------------------------------------------------------
// Conversation characteristics

interface Characteristics {
  summary?: JsonObject;
  metrics: SourceMetrics;
}

function readCharacteristics(
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

function isEmpty(value: object): boolean {
  return Object.keys(value).length === 0;
}
