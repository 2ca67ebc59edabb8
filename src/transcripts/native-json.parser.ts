import { JsonDocument, parseJsonText } from './json-text';
import {
  Channel,
  ParsedTranscript,
  Speaker,
  TranscriptMeta,
  TranscriptTurn,
  reasonKey,
} from './transcript';

/** Longer "turns" are almost always a whole call pasted into one field, not one utterance. */
export const MAX_TURN_TEXT_CHARS = 20_000;

/** Korean exports label speakers in Korean; accepting both saves a mapping step. */
const SPEAKER_NAMES: Readonly<Record<string, Speaker>> = {
  agent: 'agent',
  customer: 'customer',
  system: 'system',
  상담사: 'agent',
  상담원: 'agent',
  고객: 'customer',
  시스템: 'system',
};

type JsonObject = Record<string, unknown>;

/**
 * Parses the native JSON transcript format (see README.md in this folder).
 * Throws TranscriptParseError on the first problem, located by `field` and, when the JSON text
 * allows it, by the 1-based `line` where the offending turn or property starts.
 */
export function parseNativeJson(file: string, text: string): ParsedTranscript {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const root = parseJsonText(file, source);
  const doc = new JsonDocument(file, source);
  if (!isObject(root)) {
    throw doc.error(
      `not a transcript: no turns array (the file holds ${kindOf(root)}, not an object)`,
      reasonKey('noTurnsArray'),
    );
  }
  const meta = readMeta(doc, root);
  const turns = readTurns(doc, root, meta.channel);
  return { meta, turns };
}

/**
 * Parses a `<file>.meta.json` sidecar: the meta fields of the native format without turns, for
 * formats that carry none (WebVTT). Same checks and error locations as the native format.
 */
export function parseSidecarJson(file: string, text: string): TranscriptMeta {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const root = parseJsonText(file, source);
  const doc = new JsonDocument(file, source);
  if (!isObject(root)) {
    throw doc.error(
      `a sidecar must be a JSON object of meta fields (got ${kindOf(root)})`,
      reasonKey('sidecarNotObject'),
    );
  }
  return readMeta(doc, root);
}

// ---------------------------------------------------------------------------------------------
// Meta

function readMeta(doc: JsonDocument, root: JsonObject): TranscriptMeta {
  const agent = readAgent(doc, root.agent);
  const meta: TranscriptMeta = {
    externalId: readId(doc, root.externalId, 'externalId'),
    source: readString(doc, root.source, 'source'),
    channel: readChannel(doc, root.channel),
    language: readLanguage(doc, root.language),
    agentExternalId: agent.externalId,
    agentName: agent.name,
    teamName: agent.team,
    startedAt: readStartedAt(doc, root.startedAt),
    queue: readString(doc, root.queue, 'queue'),
    notes: readString(doc, root.notes, 'notes'),
    recordingUrl: readRecordingUrl(doc, root.recordingUrl),
    metadata: readMetadata(doc, root.metadata),
  };
  return withoutUndefined(meta);
}

function withoutUndefined(meta: TranscriptMeta): TranscriptMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined));
}

/** Exports commonly write null or "" for "not known"; both mean absent rather than an error. */
function readString(doc: JsonDocument, value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw doc.propertyError(
      field,
      `${field} must be a string, got ${kindOf(value)}`,
      reasonKey('mustBeString'),
    );
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Telephony systems often emit numeric call and agent ids; they are still identifiers. */
function readId(doc: JsonDocument, value: unknown, field: string): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (isPresent(value) && typeof value !== 'string') {
    throw doc.propertyError(
      field,
      `${field} must be a string or an integer, got ${kindOf(value)}`,
      reasonKey('mustBeStringOrInteger'),
    );
  }
  return readString(doc, value, field);
}

function readChannel(doc: JsonDocument, value: unknown): Channel | undefined {
  const channel = readString(doc, value, 'channel')?.toLowerCase();
  if (channel === undefined || channel === 'voice' || channel === 'chat') return channel;
  throw doc.propertyError(
    'channel',
    `channel must be "voice" or "chat", got ${JSON.stringify(value)}`,
    reasonKey('unknownValue', { value: JSON.stringify(value), allowed: '"voice", "chat"' }),
  );
}

const LANGUAGE_TAG = /^([a-z]{2,3})(?:-[a-z0-9]{1,8})*$/i;

/** Stored as the primary subtag only: scoring cares about Korean vs English, not ko-KR vs ko. */
function readLanguage(doc: JsonDocument, value: unknown): string | undefined {
  const language = readString(doc, value, 'language');
  if (language === undefined) return undefined;
  const match = LANGUAGE_TAG.exec(language);
  if (!match) {
    throw doc.propertyError(
      'language',
      `language must be a language tag like "ko" or "en-US", got ${JSON.stringify(language)}`,
      reasonKey('mustBeLanguage'),
    );
  }
  return match[1].toLowerCase();
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

function readStartedAt(doc: JsonDocument, value: unknown): string | undefined {
  const startedAt = readString(doc, value, 'startedAt');
  if (startedAt === undefined) return undefined;
  const match = ISO_DATE_TIME.exec(startedAt);
  // Date.parse alone accepts "2026-02-30" (rolling over to March) and free-form English dates.
  if (!match || !isCalendarDate(+match[1], +match[2], +match[3]) || isNaN(Date.parse(startedAt))) {
    throw doc.propertyError(
      'startedAt',
      'startedAt must be an ISO-8601 date-time like "2026-11-02T09:15:00+09:00", ' +
        `got ${JSON.stringify(startedAt)}`,
      reasonKey('mustBeDateTime'),
    );
  }
  return startedAt.replace(' ', 'T');
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The UI links to it, so only web URLs: a javascript: or file: link would be a hazard. */
function readRecordingUrl(doc: JsonDocument, value: unknown): string | undefined {
  const url = readString(doc, value, 'recordingUrl');
  if (url === undefined) return undefined;
  if (!/^https?:$/.test(parseUrl(url)?.protocol ?? '')) {
    throw doc.propertyError(
      'recordingUrl',
      `recordingUrl must be an absolute http(s) URL, got ${JSON.stringify(url)}`,
      reasonKey('mustBeUrl'),
    );
  }
  return url;
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function readMetadata(doc: JsonDocument, value: unknown): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) {
    throw doc.propertyError(
      'metadata',
      `metadata must be an object, got ${kindOf(value)}`,
      reasonKey('mustBeObject'),
    );
  }
  return value;
}

function readAgent(
  doc: JsonDocument,
  value: unknown,
): { externalId?: string; name?: string; team?: string } {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) {
    throw doc.propertyError(
      'agent',
      'agent must be an object like {"externalId": "A-001", "name": "김민지", "team": "1팀"}, ' +
        `got ${kindOf(value)}`,
      reasonKey('mustBeObject'),
    );
  }
  return {
    externalId: readId(doc, value.externalId, 'agent.externalId'),
    name: readString(doc, value.name, 'agent.name'),
    team: readString(doc, value.team, 'agent.team'),
  };
}

// ---------------------------------------------------------------------------------------------
// Turns

function readTurns(
  doc: JsonDocument,
  root: JsonObject,
  channel: Channel | undefined,
): TranscriptTurn[] {
  const raw = root.turns;
  if (raw === undefined) {
    throw doc.error('not a transcript: no turns array', reasonKey('noTurnsArray'));
  }
  if (!Array.isArray(raw)) {
    throw doc.propertyError(
      'turns',
      `not a transcript: no turns array (turns is ${kindOf(raw)})`,
      reasonKey('mustBeArray'),
    );
  }
  if (raw.length === 0) {
    throw doc.propertyError('turns', 'no turns: the turns array is empty', reasonKey('emptyList'));
  }

  const turns: TranscriptTurn[] = [];
  raw.forEach((item: unknown, index) => {
    const { turn, startKey } = readTurn(doc, item, index, channel);
    const previous = turns[turns.length - 1];
    if (previous && isGarbageOrder(previous, turn)) {
      throw doc.turnError(
        index,
        startKey,
        garbageOrderReason(previous, turn),
        reasonKey('turnsOutOfOrder', {
          startMs: turn.startMs,
          previousStartMs: previous.startMs,
          previousEndMs: previous.endMs,
        }),
      );
    }
    turns.push(turn);
  });
  return turns;
}

/**
 * Overlapping speech and diarisation jitter make a turn start a little before the previous one;
 * sorting fixes that. Starting earlier than the previous turn's start by more than its length
 * means the file is not in time order at all (e.g. one channel after the other), which we refuse
 * rather than silently interleave.
 */
function isGarbageOrder(previous: TranscriptTurn, turn: TranscriptTurn): boolean {
  return previous.startMs - turn.startMs > previous.endMs - previous.startMs;
}

function garbageOrderReason(previous: TranscriptTurn, turn: TranscriptTurn): string {
  const back = previous.startMs - turn.startMs;
  return (
    `turns out of order: this turn starts at ${turn.startMs} ms, ${back} ms before the previous ` +
    `turn (${previous.startMs}-${previous.endMs} ms); a turn may start before the previous one ` +
    "by at most that turn's length. List the turns in time order"
  );
}

function readTurn(
  doc: JsonDocument,
  item: unknown,
  index: number,
  channel: Channel | undefined,
): { turn: TranscriptTurn; startKey: string } {
  if (!isObject(item)) {
    throw doc.turnError(
      index,
      undefined,
      `turn must be an object, got ${kindOf(item)}`,
      reasonKey('mustBeObject'),
    );
  }
  const speaker = readSpeaker(doc, item.speaker, index);
  const times = readTimes(doc, item, index, channel);
  const text = readText(doc, item.text, index);
  return {
    turn: { speaker, startMs: times.startMs, endMs: times.endMs, text },
    startKey: times.startKey,
  };
}

function readSpeaker(doc: JsonDocument, value: unknown, index: number): Speaker {
  if (value === undefined || value === null) {
    throw doc.turnError(
      index,
      'speaker',
      'missing speaker (agent, customer or system)',
      reasonKey('fieldMissing'),
    );
  }
  if (typeof value !== 'string') {
    throw doc.turnError(
      index,
      'speaker',
      `speaker must be a string, got ${kindOf(value)}`,
      reasonKey('mustBeString'),
    );
  }
  const name = value.trim().toLowerCase();
  // hasOwn: "constructor" and friends are not speakers.
  const speaker = Object.hasOwn(SPEAKER_NAMES, name) ? SPEAKER_NAMES[name] : undefined;
  if (!speaker) {
    throw doc.turnError(
      index,
      'speaker',
      `unknown speaker ${JSON.stringify(value)}: use agent, customer or system (or 상담사, 고객, 시스템)`,
      reasonKey('unknownValue', {
        value: JSON.stringify(value),
        allowed: '"agent", "customer", "system", "상담사", "고객", "시스템"',
      }),
    );
  }
  return speaker;
}

interface TimeUnit {
  startKey: 'startMs' | 'start';
  endKey: 'endMs' | 'end';
  /** Factor to milliseconds. */
  scale: number;
  name: string;
}

const MILLISECONDS: TimeUnit = {
  startKey: 'startMs',
  endKey: 'endMs',
  scale: 1,
  name: 'milliseconds',
};
const SECONDS: TimeUnit = { startKey: 'start', endKey: 'end', scale: 1000, name: 'seconds' };

function readTimes(
  doc: JsonDocument,
  item: JsonObject,
  index: number,
  channel: Channel | undefined,
): { startMs: number; endMs: number; startKey: string } {
  const unit = timeUnitOf(doc, item, index);
  const startMs = readTime(doc, item[unit.startKey], index, unit, unit.startKey);
  const rawEnd = item[unit.endKey];
  if ((rawEnd === undefined || rawEnd === null) && channel === 'chat') {
    // A chat message is a point in time.
    return { startMs, endMs: startMs, startKey: unit.startKey };
  }
  const endMs = readTime(doc, rawEnd, index, unit, unit.endKey);
  if (endMs < startMs) {
    throw doc.turnError(
      index,
      unit.endKey,
      `turn ends before it starts (${unit.endKey} ${String(rawEnd)} < ` +
        `${unit.startKey} ${String(item[unit.startKey])})`,
      reasonKey('endsBeforeStart', { startMs, endMs }),
    );
  }
  return { startMs, endMs, startKey: unit.startKey };
}

/** Mixing units within a turn is almost certainly a mistake that would scale one end by 1000. */
function timeUnitOf(doc: JsonDocument, item: JsonObject, index: number): TimeUnit {
  const hasMs = isPresent(item.startMs) || isPresent(item.endMs);
  const hasSeconds = isPresent(item.start) || isPresent(item.end);
  if (hasMs && hasSeconds) {
    throw doc.turnError(
      index,
      undefined,
      'turn mixes startMs/endMs (milliseconds) with start/end (seconds): use one pair',
      reasonKey('mixedTimeUnits'),
    );
  }
  return hasSeconds ? SECONDS : MILLISECONDS;
}

function readTime(
  doc: JsonDocument,
  value: unknown,
  index: number,
  unit: TimeUnit,
  key: string,
): number {
  const what = key.startsWith('start') ? 'start' : 'end';
  if (!isPresent(value)) {
    const hint = what === 'end' ? ' (only chat transcripts may omit it)' : '';
    throw doc.turnError(
      index,
      key,
      `missing ${what} time: give ${what}Ms (milliseconds) or ${what} (seconds)${hint}`,
      reasonKey(what === 'end' ? 'endTimeMissing' : 'startTimeMissing'),
    );
  }
  if (typeof value !== 'number') {
    throw doc.turnError(
      index,
      key,
      `${key} must be a number of ${unit.name}, got ${kindOf(value)}`,
      reasonKey(unit === SECONDS ? 'mustBeSeconds' : 'mustBeMilliseconds'),
    );
  }
  if (!Number.isFinite(value)) {
    throw doc.turnError(index, key, `${key} must be a finite number`, reasonKey('mustBeFinite'));
  }
  if (value < 0) {
    throw doc.turnError(
      index,
      key,
      `${key} must not be negative, got ${value}`,
      reasonKey('mustNotBeNegative'),
    );
  }
  const ms = Math.round(value * unit.scale);
  if (!Number.isSafeInteger(ms)) {
    throw doc.turnError(index, key, `${key} is too large: ${value}`, reasonKey('valueTooLarge'));
  }
  return ms + 0; // + 0 turns a JSON "-0" into 0
}

function readText(doc: JsonDocument, value: unknown, index: number): string {
  if (!isPresent(value)) {
    throw doc.turnError(index, 'text', 'missing text', reasonKey('fieldMissing'));
  }
  if (typeof value !== 'string') {
    throw doc.turnError(
      index,
      'text',
      `text must be a string, got ${kindOf(value)}`,
      reasonKey('mustBeString'),
    );
  }
  const text = value.trim();
  if (text === '') throw doc.turnError(index, 'text', 'empty text', reasonKey('fieldEmpty'));
  const length = characterCount(text);
  if (length > MAX_TURN_TEXT_CHARS) {
    throw doc.turnError(
      index,
      'text',
      `text is ${length.toLocaleString('en-US')} characters; ` +
        `the limit is ${MAX_TURN_TEXT_CHARS.toLocaleString('en-US')} per turn`,
      reasonKey('textTooLong', { length, limit: MAX_TURN_TEXT_CHARS }),
    );
  }
  return text;
}

/** Counts code points, as a person would, so Korean and emoji are not penalised. */
function characterCount(text: string): number {
  if (text.length <= MAX_TURN_TEXT_CHARS) return text.length;
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) pairs++;
    }
  }
  return text.length - pairs;
}

// ---------------------------------------------------------------------------------------------
// Small type guards

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `a string (${JSON.stringify(truncate(value, 40))})`;
  if (typeof value === 'number' || typeof value === 'boolean') {
    return `a ${typeof value} (${value})`;
  }
  return `a ${typeof value}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
