import { participantOf, readParticipants } from './contact-lens.parser';
import { child, isPresent, item, JsonFields, JsonObject, withoutUndefined } from './json-fields';
import { fromJsonText } from './json-text';
import { ParserOptions, resolveSpeakers, withSpeakerGuess } from './speaker-roles';
import { ParsedTranscript, Speaker, reasonKey } from './transcript';

interface Message {
  key: string;
  role?: Speaker;
  epochMs: number;
  iso: string;
  text: string;
  displayName?: string;
}

/**
 * Amazon Connect chat transcript (the JSON Connect stores for a chat contact): `Transcript[]`
 * items with `AbsoluteTime`. Only MESSAGE items with text content become turns; events
 * (joined, left, typing), attachments and structured messages are skipped. Times are relative
 * to the first message. See README.md.
 */
export const parseConnectChat = fromJsonText(fromConnectChatJson);

export function fromConnectChatJson(
  file: string,
  root: unknown,
  options: ParserOptions = {},
): ParsedTranscript {
  const f = new JsonFields(file);
  const doc = f.object(root, '');
  if (!isPresent(doc.Transcript)) {
    throw f.error(
      'Transcript',
      'not an Amazon Connect chat transcript: no Transcript array',
      reasonKey('notFormat', { format: 'connect-chat' }),
    );
  }
  const participants = readParticipants(f, doc.Participants);
  const messages = f
    .array(doc.Transcript, 'Transcript')
    .flatMap((raw, i) => readMessage(f, raw, item('Transcript', i), participants));
  if (messages.length === 0) {
    throw f.error(
      'Transcript',
      'no turns: the transcript has no chat messages',
      reasonKey('noSpeech'),
    );
  }
  const first = messages.reduce((a, b) => (b.epochMs < a.epochMs ? b : a));
  const keyed = messages.map((m) => ({
    key: m.key,
    role: m.role,
    startMs: m.epochMs - first.epochMs,
    endMs: m.epochMs - first.epochMs,
    text: m.text,
  }));
  const { turns, speakerGuess } = resolveSpeakers(file, keyed, options.speakerMap);
  const agentName = messages.find(
    (m, i) => turns[i].speaker === 'agent' && m.displayName,
  )?.displayName;
  return {
    meta: withoutUndefined({
      externalId:
        f.optionalString(doc.ContactId, 'ContactId') ??
        f.optionalString(doc.InitialContactId, 'InitialContactId'),
      channel: 'chat' as const,
      startedAt: first.iso,
      agentName,
      metadata: withSpeakerGuess({}, speakerGuess),
    }),
    turns,
  };
}

function readMessage(
  f: JsonFields,
  raw: unknown,
  path: string,
  participants: Map<string, string>,
): Message[] {
  const entry: JsonObject = f.object(raw, path);
  const type = f.optionalString(entry.Type, child(path, 'Type'))?.toUpperCase();
  const contentType = f.optionalString(entry.ContentType, child(path, 'ContentType'));
  if (type !== undefined && type !== 'MESSAGE') return [];
  if (contentType !== undefined && !contentType.toLowerCase().startsWith('text/')) return [];
  const time = f.dateTime(entry.AbsoluteTime, child(path, 'AbsoluteTime'));
  return [
    {
      ...participantOf(f, entry, path, participants),
      epochMs: time.epochMs,
      iso: time.iso,
      text: f.text(entry.Content, child(path, 'Content')),
      displayName: f.optionalString(entry.DisplayName, child(path, 'DisplayName')),
    },
  ];
}
