import { child, isPresent, item, JsonFields, withoutUndefined } from './json-fields';
import { fromJsonText } from './json-text';
import { KeyedTurn, ParserOptions, resolveSpeakers, withSpeakerGuess } from './speaker-roles';
import { ParsedTranscript, reasonKey } from './transcript';

/**
 * AssemblyAI transcript: `utterances[]` (speaker_labels=true or multichannel) with `start`/`end`
 * in milliseconds, `speaker` ("A", "B", ... or a channel number) and `text`. See README.md.
 */
export const parseAssemblyAi = fromJsonText(fromAssemblyAiJson);

export function fromAssemblyAiJson(
  file: string,
  root: unknown,
  options: ParserOptions = {},
): ParsedTranscript {
  const f = new JsonFields(file);
  const doc = f.object(root, '');
  const status = f.optionalString(doc.status, 'status')?.toLowerCase();
  if (status !== undefined && status !== 'completed') {
    const error = f.optionalString(doc.error, 'error');
    throw f.error(
      'status',
      `the transcript is not completed (status ${JSON.stringify(status)})${error ? `: ${error}` : ''}`,
      reasonKey('notCompleted', { status: JSON.stringify(status) }),
    );
  }
  if (!isPresent(doc.utterances)) {
    throw f.error(
      'utterances',
      'no speaker labels: cannot tell agent from customer; re-run the transcript with ' +
        'speaker_labels: true (or multichannel: true)',
      reasonKey('noSpeakerLabels'),
    );
  }
  const path = 'utterances';
  const utterances = f.array(doc.utterances, path);
  if (utterances.length === 0) {
    throw f.error(path, 'no turns: the utterances array is empty', reasonKey('emptyList'));
  }
  const keyed = utterances.map((raw, i) => readUtterance(f, raw, item(path, i)));
  const { turns, speakerGuess } = resolveSpeakers(file, keyed, options.speakerMap);
  const id = f.optionalString(doc.id, 'id');
  return {
    meta: withoutUndefined({
      channel: 'voice' as const,
      language: f.optionalLanguage(doc.language_code, 'language_code'),
      metadata: withSpeakerGuess(id ? { assemblyAiId: id } : {}, speakerGuess),
    }),
    turns,
  };
}

function readUtterance(f: JsonFields, raw: unknown, path: string): KeyedTurn {
  const utterance = f.object(raw, path);
  const startMs = f.milliseconds(utterance.start, child(path, 'start'));
  const endMs = f.milliseconds(utterance.end, child(path, 'end'));
  if (endMs < startMs) {
    throw f.error(
      child(path, 'end'),
      `the utterance ends (${endMs} ms) before it starts (${startMs} ms)`,
      reasonKey('endsBeforeStart', { startMs, endMs }),
    );
  }
  const speaker = f.optionalId(utterance.speaker, child(path, 'speaker'));
  if (speaker === undefined) {
    throw f.error(child(path, 'speaker'), 'missing speaker', reasonKey('fieldMissing'));
  }
  return { key: speaker, startMs, endMs, text: f.text(utterance.text, child(path, 'text')) };
}
