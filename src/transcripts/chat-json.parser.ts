import {
  child,
  fileBaseName,
  isPresent,
  item,
  JsonFields,
  JsonObject,
  withoutUndefined,
} from './json-fields';
import { parseJsonText } from './json-text';
import { ParsedTranscript, Speaker, TranscriptMeta, TranscriptTurn, reasonKey } from './transcript';

/** `from` values; "bot" is an automated participant, stored as system. */
const FROM: Readonly<Record<string, Speaker>> = {
  agent: 'agent',
  customer: 'customer',
  system: 'system',
  bot: 'system',
  상담사: 'agent',
  상담원: 'agent',
  고객: 'customer',
  시스템: 'system',
  챗봇: 'system',
};

/**
 * The generic chat JSON format (spec in README.md): one conversation object with `messages`,
 * or an array of them (one transcript each). Times are relative to the earliest message.
 */
export function parseChatJson(file: string, text: string): ParsedTranscript[] {
  return fromChatJson(file, parseJsonText(file, text));
}

export function fromChatJson(file: string, root: unknown): ParsedTranscript[] {
  const f = new JsonFields(file);
  if (Array.isArray(root)) {
    if (root.length === 0) {
      throw f.error('', 'no conversations: the array is empty', reasonKey('noConversations'));
    }
    return root.map((conversation, i) =>
      readConversation(f, conversation, item('', i), `${fileBaseName(file)}#${i}`),
    );
  }
  return [readConversation(f, root, '', undefined)];
}

function readConversation(
  f: JsonFields,
  raw: unknown,
  path: string,
  defaultId: string | undefined,
): ParsedTranscript {
  const conversation = f.object(raw, path);
  const messagesPath = child(path, 'messages');
  if (!isPresent(conversation.messages)) {
    throw f.error(
      messagesPath,
      'not a chat transcript: no messages array',
      reasonKey('notFormat', { format: 'chat-json' }),
    );
  }
  const raws = f.array(conversation.messages, messagesPath);
  if (raws.length === 0) {
    throw f.error(messagesPath, 'no turns: the messages array is empty', reasonKey('emptyList'));
  }
  const messages = raws.map((m, i) => readMessage(f, m, item(messagesPath, i)));
  const first = messages.reduce((a, b) => (b.epochMs < a.epochMs ? b : a));
  const turns: TranscriptTurn[] = messages.map((m) => ({
    speaker: m.speaker,
    startMs: m.epochMs - first.epochMs,
    endMs: m.epochMs - first.epochMs,
    text: m.text,
  }));
  const meta = readMeta(f, conversation, path);
  return {
    meta: withoutUndefined({
      ...meta,
      externalId: meta.externalId ?? defaultId,
      channel: 'chat' as const,
      startedAt: meta.startedAt ?? first.iso,
    }),
    turns,
  };
}

function readMessage(
  f: JsonFields,
  raw: unknown,
  path: string,
): { speaker: Speaker; epochMs: number; iso: string; text: string } {
  const message = f.object(raw, path);
  const fromPath = child(path, 'from');
  const from = f.text(message.from, fromPath).toLowerCase();
  if (!Object.hasOwn(FROM, from)) {
    throw f.error(
      fromPath,
      `unknown sender ${JSON.stringify(message.from)}: use agent, customer, system or bot`,
      reasonKey('unknownValue', {
        value: JSON.stringify(message.from),
        allowed: '"agent", "customer", "system", "bot"',
      }),
    );
  }
  const timeKey = isPresent(message.at) || !isPresent(message.sentAt) ? 'at' : 'sentAt';
  const time = f.dateTime(message[timeKey], child(path, timeKey));
  return {
    speaker: FROM[from],
    epochMs: time.epochMs,
    iso: time.iso,
    text: f.text(message.text, child(path, 'text')),
  };
}

function readMeta(f: JsonFields, conversation: JsonObject, path: string): TranscriptMeta {
  const agentPath = child(path, 'agent');
  const agent = f.optionalObject(conversation.agent, agentPath) ?? {};
  return {
    externalId: f.optionalId(conversation.externalId, child(path, 'externalId')),
    source: f.optionalString(conversation.source, child(path, 'source')),
    language: f.optionalLanguage(conversation.language, child(path, 'language')),
    agentExternalId: f.optionalId(agent.externalId, child(agentPath, 'externalId')),
    agentName: f.optionalString(agent.name, child(agentPath, 'name')),
    teamName: f.optionalString(agent.team, child(agentPath, 'team')),
    startedAt: f.optionalDateTime(conversation.startedAt, child(path, 'startedAt'))?.iso,
    queue: f.optionalString(conversation.queue, child(path, 'queue')),
    notes: f.optionalString(conversation.notes, child(path, 'notes')),
    metadata: f.optionalObject(conversation.metadata, child(path, 'metadata')),
  };
}
