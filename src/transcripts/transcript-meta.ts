import { TranscriptMeta, TranscriptParseError } from './transcript';

/**
 * Reads the meta fields of a native JSON transcript or of a `<file>.meta.json` sidecar:
 * { externalId, source, channel, language, agent: { externalId, name, team }, startedAt, queue,
 *   notes, recordingUrl, metadata }. Every field is optional; a wrong type names the field.
 */
export function readTranscriptMeta(file: string, raw: Record<string, unknown>): TranscriptMeta {
  const fail = (field: string, reason: string): never => {
    throw new TranscriptParseError(file, reason, undefined, field);
  };
  const text = (field: string, value: unknown, max = 2000): string | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && field.endsWith('xternalId')) return String(value);
    if (typeof value !== 'string') return fail(field, `must be a string (got ${typeof value})`);
    if (value.length > max) return fail(field, `is longer than ${max} characters`);
    return value.trim() === '' ? undefined : value.trim();
  };
  const meta: TranscriptMeta = {};
  meta.externalId = text('externalId', raw.externalId, 200);
  meta.source = text('source', raw.source, 120);
  const channel = text('channel', raw.channel, 10);
  if (channel !== undefined) {
    if (channel !== 'voice' && channel !== 'chat') fail('channel', `must be "voice" or "chat" (got "${channel}")`);
    meta.channel = channel as 'voice' | 'chat';
  }
  meta.language = text('language', raw.language, 10);
  if (meta.language !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(meta.language)) {
    fail('language', `must be a language tag such as "ko" or "en" (got "${meta.language}")`);
  }
  if (raw.agent !== undefined && raw.agent !== null) {
    if (typeof raw.agent !== 'object' || Array.isArray(raw.agent)) fail('agent', 'must be an object');
    const agent = raw.agent as Record<string, unknown>;
    meta.agentExternalId = text('agent.externalId', agent.externalId, 120);
    meta.agentName = text('agent.name', agent.name, 200);
    meta.teamName = text('agent.team', agent.team, 120);
  }
  const startedAt = text('startedAt', raw.startedAt, 64);
  if (startedAt !== undefined) {
    if (Number.isNaN(Date.parse(startedAt))) fail('startedAt', `is not a date-time (got "${startedAt}")`);
    meta.startedAt = new Date(startedAt).toISOString();
  }
  meta.queue = text('queue', raw.queue, 120);
  meta.notes = text('notes', raw.notes, 20000);
  meta.recordingUrl = text('recordingUrl', raw.recordingUrl, 2000);
  if (meta.recordingUrl !== undefined && !/^https?:\/\//.test(meta.recordingUrl)) {
    fail('recordingUrl', 'must be an http(s) URL');
  }
  if (raw.metadata !== undefined && raw.metadata !== null) {
    if (typeof raw.metadata !== 'object' || Array.isArray(raw.metadata)) {
      fail('metadata', 'must be an object');
    }
    meta.metadata = raw.metadata as Record<string, unknown>;
  }
  return Object.fromEntries(
    Object.entries(meta).filter(([, v]) => v !== undefined),
  ) as TranscriptMeta;
}
