import { isEmpty, readCharacteristics } from './contact-lens-characteristics';
import { child, isPresent, item, JsonFields, JsonObject, withoutUndefined } from './json-fields';
import { fromJsonText } from './json-text';
import { KeyedTurn, ParserOptions, resolveSpeakers, withSpeakerGuess } from './speaker-roles';
import { Channel, ParsedTranscript, Speaker, reasonKey } from './transcript';

export {
  SENTIMENT_SCALE,
  sentimentToNegativity,
  type SourceMetrics,
} from './contact-lens-characteristics';

/** Amazon Connect / Transcribe participant roles. A supervisor barging in speaks for the centre. */
export const CONNECT_ROLES: Readonly<Record<string, Speaker>> = {
  AGENT: 'agent',
  SUPERVISOR: 'agent',
  CUSTOMER: 'customer',
  SYSTEM: 'system',
  CUSTOM_BOT: 'system',
};

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
    throw f.error(
      'Transcript',
      'not a Contact Lens or Call Analytics file: no Transcript array',
      reasonKey('notFormat', { format: 'contact-lens' }),
    );
  }
  const participants = readParticipants(f, doc.Participants);
  const raw = f.array(doc.Transcript, 'Transcript');
  if (raw.length === 0) {
    throw f.error('Transcript', 'no turns: the Transcript array is empty', reasonKey('emptyList'));
  }
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
  throw f.error(
    'Channel',
    `Channel must be VOICE or CHAT, got ${JSON.stringify(value)}`,
    reasonKey('unknownValue', { value: JSON.stringify(value), allowed: '"VOICE", "CHAT"' }),
  );
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
    throw f.error(
      path,
      'this turn has neither a ParticipantRole nor a ParticipantId',
      reasonKey('turnNoSpeaker'),
    );
  }
  if (Object.hasOwn(CONNECT_ROLES, roleName)) {
    return { key: roleName, role: CONNECT_ROLES[roleName] };
  }
  if (named !== undefined) {
    throw f.error(
      rolePath,
      `unknown ParticipantRole ${JSON.stringify(named)}: expected AGENT, CUSTOMER or SYSTEM`,
      reasonKey('unknownValue', {
        value: JSON.stringify(named),
        allowed: '"AGENT", "CUSTOMER", "SYSTEM"',
      }),
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
      reasonKey('endsBeforeStart', { startMs, endMs }),
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
