/**
 * The meta fields of the native JSON format (and of a `<file>.meta.json` sidecar): one reader per
 * field, each returning the value cleaned up or throwing a TranscriptParseError located at the
 * property.
 */
import { isObject, isPresent, kindOf, type JsonObject, withoutUndefined } from './json-fields';
import type { JsonDocument } from './json-text';
import { type Channel, reasonKey, type TranscriptMeta } from './transcript';

export function readMeta(doc: JsonDocument, root: JsonObject): TranscriptMeta {
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
