import {
  child,
  isPresent,
  item,
  JsonFields,
  JsonObject,
  minOf,
  withoutUndefined,
} from './json-fields';
import { fromJsonText } from './json-text';
import { KeyedTurn, ParserOptions, resolveSpeakers, withSpeakerGuess } from './speaker-roles';
import { Channel, ParsedTranscript, Speaker, reasonKey } from './transcript';

/** Participant roles of CCAI Insights / Dialogflow, and of the Insights upload format. */
const CCAI_ROLES: Readonly<Record<string, Speaker>> = {
  AGENT: 'agent',
  HUMAN_AGENT: 'agent',
  ANY_AGENT: 'agent',
  CUSTOMER: 'customer',
  END_USER: 'customer',
  AUTOMATED_AGENT: 'system',
};

/**
 * Google Contact Center AI Insights: a Conversation resource (`transcript.transcriptSegments[]`
 * with word offsets or message times), or the conversation data upload format (`entries[]` with
 * `start_timestamp_usec`, `role`, `user_id`). See README.md.
 */
export const parseGoogleCcai = fromJsonText(fromGoogleCcaiJson);

export function fromGoogleCcaiJson(
  file: string,
  root: unknown,
  options: ParserOptions = {},
): ParsedTranscript {
  const f = new JsonFields(file);
  const doc = f.object(root, '');
  if (isPresent(doc.entries)) return fromEntries(f, doc, options);
  if (!isPresent(doc.transcript)) {
    throw f.error(
      'transcript',
      'not a CCAI Insights conversation: no transcript.transcriptSegments or entries array',
      reasonKey('notFormat', { format: 'google-ccai' }),
    );
  }
  return fromConversation(f, doc, options);
}

// ---------------------------------------------------------------------------------------------
// Conversation resource

function fromConversation(
  f: JsonFields,
  doc: JsonObject,
  options: ParserOptions,
): ParsedTranscript {
  const transcript = f.object(doc.transcript, 'transcript');
  const path = 'transcript.transcriptSegments';
  const segments = f.array(transcript.transcriptSegments, path);
  if (segments.length === 0) {
    throw f.error(path, 'no turns: the transcriptSegments array is empty', reasonKey('emptyList'));
  }
  const startTime = f.optionalDateTime(doc.startTime, 'startTime');
  const channels = readCallMetadata(f, doc.callMetadata);
  const parsed = learnChannels(
    segments.map((raw, i) => readSegment(f, raw, item(path, i), channels)),
  );
  const keyed = withTimes(f, parsed, startTime?.epochMs);
  const { turns, speakerGuess } = resolveSpeakers(f.file, keyed, options.speakerMap);
  const labelsPath = 'labels';
  const labels = f.optionalObject(doc.labels, labelsPath);
  return {
    meta: withoutUndefined({
      externalId: conversationId(f, doc.name),
      channel: readMedium(f, doc.medium),
      language: f.optionalLanguage(doc.languageCode, 'languageCode'),
      agentExternalId: f.optionalString(doc.agentId, 'agentId'),
      startedAt: startTime?.iso,
      metadata: withSpeakerGuess(
        withoutUndefined({
          labels: labels && Object.keys(labels).length > 0 ? labels : undefined,
          // CSAT, wait time, agent info as Insights recorded them (imports map the KPI fields).
          qualityMetadata: f.optionalObject(doc.qualityMetadata, 'qualityMetadata'),
        }),
        speakerGuess,
      ),
    }),
    turns,
  };
}

/** "projects/p/locations/l/conversations/123" → "123". */
function conversationId(f: JsonFields, value: unknown): string | undefined {
  const name = f.optionalString(value, 'name');
  return name?.split('/').pop() || undefined;
}

function readMedium(f: JsonFields, value: unknown): Channel | undefined {
  const medium = f.optionalString(value, 'medium')?.toUpperCase();
  if (medium === 'PHONE_CALL') return 'voice';
  if (medium === 'CHAT') return 'chat';
  if (medium === undefined || medium === 'MEDIUM_UNSPECIFIED') return undefined;
  throw f.error(
    'medium',
    `medium must be PHONE_CALL or CHAT, got ${JSON.stringify(value)}`,
    reasonKey('unknownValue', { value: JSON.stringify(value), allowed: '"PHONE_CALL", "CHAT"' }),
  );
}

/** Which audio channel is whom, when the conversation says so. */
function readCallMetadata(f: JsonFields, value: unknown): Map<number, Speaker> {
  const channels = new Map<number, Speaker>();
  const metadata = f.optionalObject(value, 'callMetadata');
  if (metadata === undefined) return channels;
  const agent = isPresent(metadata.agentChannel)
    ? f.index(metadata.agentChannel, 'callMetadata.agentChannel')
    : undefined;
  const customer = isPresent(metadata.customerChannel)
    ? f.index(metadata.customerChannel, 'callMetadata.customerChannel')
    : undefined;
  if (agent !== undefined) channels.set(agent, 'agent');
  if (customer !== undefined && customer !== agent) channels.set(customer, 'customer');
  return channels;
}

interface Segment {
  path: string;
  channelTag?: number;
  key: string;
  role?: Speaker;
  text: string;
  /** From word offsets (relative to the start of the conversation). */
  offsets?: { startMs: number; endMs: number };
  /** From messageTime (chat): epoch ms. */
  messageMs?: number;
}

function readSegment(
  f: JsonFields,
  raw: unknown,
  path: string,
  channels: Map<number, Speaker>,
): Segment {
  const segment = f.object(raw, path);
  const text = f.text(segment.text, child(path, 'text'));
  const messageTime = f.optionalDateTime(segment.messageTime, child(path, 'messageTime'));
  const channelTag = isPresent(segment.channelTag)
    ? f.index(segment.channelTag, child(path, 'channelTag'))
    : undefined;
  return {
    path,
    channelTag,
    ...segmentSpeaker(f, segment, path, channelTag, channels),
    text,
    offsets: readWordOffsets(f, segment.words, child(path, 'words')),
    messageMs: messageTime?.epochMs,
  };
}

/**
 * A segment that names its role also tells whose audio channel it is on: segments on that
 * channel without a role get the same one (the first named role of a channel wins).
 */
function learnChannels(segments: Segment[]): Segment[] {
  const learned = new Map<number, Speaker>();
  for (const s of segments) {
    if (
      s.role !== undefined &&
      s.channelTag !== undefined &&
      s.channelTag > 0 &&
      !learned.has(s.channelTag)
    ) {
      learned.set(s.channelTag, s.role);
    }
  }
  return segments.map((s) =>
    s.role === undefined && s.channelTag !== undefined && learned.has(s.channelTag)
      ? { ...s, role: learned.get(s.channelTag) }
      : s,
  );
}

/**
 * The participant's role (or a `role` on the segment), else the channel's role from
 * callMetadata, else a key to resolve: `channel_<n>`, or `user_<userId>` on mono audio.
 */
function segmentSpeaker(
  f: JsonFields,
  segment: JsonObject,
  path: string,
  channelTag: number | undefined,
  channels: Map<number, Speaker>,
): { key: string; role?: Speaker } {
  const participantPath = child(path, 'segmentParticipant');
  const participant = f.optionalObject(segment.segmentParticipant, participantPath);
  const rolePath = isPresent(participant?.role)
    ? child(participantPath, 'role')
    : child(path, 'role');
  const role = f.optionalString(participant?.role ?? segment.role, rolePath)?.toUpperCase();
  if (role !== undefined && Object.hasOwn(CCAI_ROLES, role)) {
    return { key: role, role: CCAI_ROLES[role] };
  }
  if (role !== undefined && role !== 'ROLE_UNSPECIFIED') {
    throw f.error(
      rolePath,
      `unknown role ${JSON.stringify(role)}: expected HUMAN_AGENT, AUTOMATED_AGENT or END_USER`,
      reasonKey('unknownValue', {
        value: JSON.stringify(role),
        allowed: '"HUMAN_AGENT", "AUTOMATED_AGENT", "END_USER"',
      }),
    );
  }
  if (channelTag !== undefined && channels.has(channelTag)) {
    return { key: `channel_${channelTag}`, role: channels.get(channelTag) };
  }
  // A channel tag of 0 means mono audio: it says nothing about the speaker.
  if (channelTag !== undefined && channelTag > 0) return { key: `channel_${channelTag}` };
  const userId = f.optionalId(participant?.userId, child(participantPath, 'userId'));
  if (userId !== undefined) return { key: `user_${userId}` };
  throw f.error(
    path,
    'this segment has no speaker: no segmentParticipant.role, no channelTag and no userId',
    reasonKey('turnNoSpeaker'),
  );
}

function readWordOffsets(
  f: JsonFields,
  value: unknown,
  path: string,
): { startMs: number; endMs: number } | undefined {
  const words = f.optionalArray(value, path);
  if (words === undefined || words.length === 0) return undefined;
  let startMs = Number.MAX_SAFE_INTEGER;
  let endMs = 0;
  words.forEach((raw, i) => {
    const wordPath = item(path, i);
    const word = f.object(raw, wordPath);
    const start = f.duration(word.startOffset, child(wordPath, 'startOffset'));
    const end = isPresent(word.endOffset)
      ? f.duration(word.endOffset, child(wordPath, 'endOffset'))
      : start;
    if (end < start) {
      throw f.error(
        child(wordPath, 'endOffset'),
        `the word ends (${end} ms) before it starts (${start} ms)`,
        reasonKey('endsBeforeStart', { startMs: start, endMs: end }),
      );
    }
    startMs = Math.min(startMs, start);
    endMs = Math.max(endMs, end);
  });
  return { startMs, endMs };
}

/**
 * Word offsets give a segment's time; a chat message has only messageTime, made relative to the
 * conversation's startTime (else to the first message). Every segment needs one or the other.
 */
function withTimes(
  f: JsonFields,
  segments: Segment[],
  startEpochMs: number | undefined,
): KeyedTurn[] {
  const messageTimes = segments.flatMap((s) => (s.messageMs === undefined ? [] : [s.messageMs]));
  const zero = minOf(messageTimes, startEpochMs ?? Number.MAX_SAFE_INTEGER);
  return segments.map((segment) => {
    let times = segment.offsets;
    if (times === undefined && segment.messageMs !== undefined) {
      const at = segment.messageMs - zero;
      times = { startMs: at, endMs: at };
    }
    if (times === undefined) {
      throw f.error(
        segment.path,
        'this segment has no time: neither words with offsets nor a messageTime',
        reasonKey('turnNoTime'),
      );
    }
    return { key: segment.key, role: segment.role, text: segment.text, ...times };
  });
}

// ---------------------------------------------------------------------------------------------
// Upload format: { "entries": [ { "text", "role", "user_id", "start_timestamp_usec" } ] }

function fromEntries(f: JsonFields, doc: JsonObject, options: ParserOptions): ParsedTranscript {
  const raws = f.array(doc.entries, 'entries');
  if (raws.length === 0) {
    throw f.error('entries', 'no turns: the entries array is empty', reasonKey('emptyList'));
  }
  const entries = raws.map((raw, i) => readEntry(f, raw, item('entries', i)));
  const first = minOf(
    entries.map((e) => e.usec),
    Number.MAX_SAFE_INTEGER,
  );
  const keyed = entries.map((e) => {
    const at = Math.round((e.usec - first) / 1000);
    return { key: e.key, role: e.role, text: e.text, startMs: at, endMs: at };
  });
  const { turns, speakerGuess } = resolveSpeakers(f.file, keyed, options.speakerMap);
  const startedAt = new Date(Math.round(first / 1000));
  return {
    meta: withoutUndefined({
      channel: 'chat' as const,
      startedAt: Number.isNaN(startedAt.getTime()) ? undefined : startedAt.toISOString(),
      metadata: withSpeakerGuess(readCategories(f, doc.conversation_info), speakerGuess),
    }),
    turns,
  };
}

function readEntry(
  f: JsonFields,
  raw: unknown,
  path: string,
): { key: string; role?: Speaker; text: string; usec: number } {
  const entry = f.object(raw, path);
  const text = f.text(entry.text, child(path, 'text'));
  const usecPath = child(path, 'start_timestamp_usec');
  if (!isPresent(entry.start_timestamp_usec)) {
    throw f.error(usecPath, 'missing start_timestamp_usec', reasonKey('fieldMissing'));
  }
  const usec = f.index(entry.start_timestamp_usec, usecPath);
  const rolePath = child(path, 'role');
  const role = f.optionalString(entry.role, rolePath)?.toUpperCase();
  if (role !== undefined && Object.hasOwn(CCAI_ROLES, role)) {
    return { key: role, role: CCAI_ROLES[role], text, usec };
  }
  if (role !== undefined) {
    throw f.error(
      rolePath,
      `unknown role ${JSON.stringify(entry.role)}: expected AGENT, AUTOMATED_AGENT, CUSTOMER or END_USER`,
      reasonKey('unknownValue', {
        value: JSON.stringify(entry.role),
        allowed: '"AGENT", "AUTOMATED_AGENT", "CUSTOMER", "END_USER"',
      }),
    );
  }
  const userId = f.optionalId(entry.user_id, child(path, 'user_id'));
  if (userId === undefined) {
    throw f.error(path, 'this entry has neither a role nor a user_id', reasonKey('turnNoSpeaker'));
  }
  return { key: `user_${userId}`, text, usec };
}

function readCategories(f: JsonFields, value: unknown): Record<string, unknown> {
  const info = f.optionalObject(value, 'conversation_info');
  const path = 'conversation_info.categories';
  const categories = f.optionalArray(info?.categories, path);
  if (categories === undefined || categories.length === 0) return {};
  return {
    categories: categories.map((raw, i) => {
      const category = f.object(raw, item(path, i));
      return f.text(category.display_name, child(item(path, i), 'display_name'));
    }),
  };
}
