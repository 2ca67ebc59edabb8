import { child, isPresent, item, JsonFields, JsonObject, withoutUndefined } from './json-fields';
import { fromJsonText } from './json-text';
import { KeyedTurn, ParserOptions, resolveSpeakers, withSpeakerGuess } from './speaker-roles';
import { ParsedTranscript, reasonKey } from './transcript';
import { joinChannels, joinTokens, TimedToken } from './word-turns';

const NO_SPEAKERS =
  'no speaker information: cannot tell agent from customer; re-run with diarize=true ' +
  '(or multichannel=true for a stereo recording)';

/**
 * Deepgram pre-recorded response: `results.utterances[]` (utterances=true) when present, else the
 * words of `results.channels[].alternatives[0]`. Speakers are `speaker_<n>` (diarize) or
 * `channel_<n>` (multichannel without diarize). See README.md.
 */
export const parseDeepgram = fromJsonText(fromDeepgramJson);

export function fromDeepgramJson(
  file: string,
  root: unknown,
  options: ParserOptions = {},
): ParsedTranscript {
  const f = new JsonFields(file);
  const doc = f.object(root, '');
  if (!isPresent(doc.results)) {
    throw f.error(
      'results',
      'not a Deepgram response: no results object',
      reasonKey('notFormat', { format: 'deepgram' }),
    );
  }
  const results = f.object(doc.results, 'results');
  const channels = f.optionalArray(results.channels, 'results.channels') ?? [];
  const multichannel = channels.length > 1;
  const keyed = isPresent(results.utterances)
    ? readUtterances(f, results.utterances, multichannel)
    : readChannelWords(f, channels);
  const { turns, speakerGuess } = resolveSpeakers(file, keyed, options.speakerMap);
  const metadata = f.optionalObject(doc.metadata, 'metadata');
  const requestId = f.optionalString(metadata?.request_id, 'metadata.request_id');
  return {
    meta: withoutUndefined({
      channel: 'voice' as const,
      language: detectedLanguage(f, channels),
      metadata: withSpeakerGuess(requestId ? { deepgramRequestId: requestId } : {}, speakerGuess),
    }),
    turns,
  };
}

function speakerKey(
  speaker: number | undefined,
  channel: number | undefined,
  multichannel: boolean,
): string | undefined {
  if (speaker !== undefined) {
    return multichannel && channel !== undefined
      ? `channel_${channel}_speaker_${speaker}`
      : `speaker_${speaker}`;
  }
  return multichannel && channel !== undefined ? `channel_${channel}` : undefined;
}

function readUtterances(f: JsonFields, value: unknown, multichannel: boolean): KeyedTurn[] {
  const path = 'results.utterances';
  const utterances = f.array(value, path);
  if (utterances.length === 0) {
    throw f.error(path, 'no turns: the utterances array is empty', reasonKey('emptyList'));
  }
  const turns = utterances.map((raw, i) => {
    const utterancePath = item(path, i);
    const utterance = f.object(raw, utterancePath);
    const times = readTimes(f, utterance, utterancePath);
    const key = speakerKey(
      optionalIndex(f, utterance.speaker, child(utterancePath, 'speaker')),
      optionalIndex(f, utterance.channel, child(utterancePath, 'channel')),
      multichannel,
    );
    if (key === undefined) {
      throw f.error(child(utterancePath, 'speaker'), NO_SPEAKERS, reasonKey('noSpeakerLabels'));
    }
    return {
      key,
      ...times,
      text: f.string(utterance.transcript, child(utterancePath, 'transcript')).trim(),
    };
  });
  // Deepgram emits an utterance for a cough or a click now and then: nothing to keep.
  const spoken = turns.filter((t) => t.text !== '');
  if (spoken.length === 0) {
    throw f.error(path, 'no turns: every utterance is empty', reasonKey('noSpeech'));
  }
  return spoken;
}

function readChannelWords(f: JsonFields, channels: unknown[]): KeyedTurn[] {
  if (channels.length === 0) {
    throw f.error(
      'results.channels',
      'no turns: neither utterances nor channels in the results',
      reasonKey('noSpeech'),
    );
  }
  const multichannel = channels.length > 1;
  const streams = channels.map((raw, c) =>
    readWords(f, raw, item('results.channels', c), c, multichannel),
  );
  const words = streams.flat();
  if (words.length === 0) {
    throw f.error(
      'results.channels',
      'no turns: the transcript has no words',
      reasonKey('noSpeech'),
    );
  }
  const diarised = words.some((w) => w.key.includes('speaker_'));
  if (!diarised && !multichannel) {
    throw f.error(
      'results.channels[0].alternatives[0].words',
      NO_SPEAKERS,
      reasonKey('noSpeakerLabels'),
    );
  }
  const unlabelled = diarised ? words.find((w) => !w.key.includes('speaker_')) : undefined;
  if (unlabelled) {
    throw f.error(
      child(unlabelled.path, 'speaker'),
      'this word has no speaker while other words have one',
      reasonKey('wordNoSpeaker'),
    );
  }
  // Stereo without diarisation: one speaker per channel, overlapping speech kept.
  return diarised ? joinTokens(words.sort((a, b) => a.startMs - b.startMs)) : joinChannels(streams);
}

function readWords(
  f: JsonFields,
  raw: unknown,
  path: string,
  channel: number,
  multichannel: boolean,
): Array<TimedToken & { path: string }> {
  const channelObject = f.object(raw, path);
  const alternativesPath = child(path, 'alternatives');
  const alternatives = f.array(channelObject.alternatives, alternativesPath);
  if (alternatives.length === 0) {
    throw f.error(alternativesPath, 'no alternatives for this channel', reasonKey('emptyList'));
  }
  const alternativePath = item(alternativesPath, 0);
  const alternative = f.object(alternatives[0], alternativePath);
  const wordsPath = child(alternativePath, 'words');
  return f.array(alternative.words, wordsPath).map((rawWord, i) => {
    const wordPath = item(wordsPath, i);
    const word = f.object(rawWord, wordPath);
    const speaker = optionalIndex(f, word.speaker, child(wordPath, 'speaker'));
    const key = speakerKey(speaker, channel, multichannel) ?? '';
    const punctuated = f.optionalString(word.punctuated_word, child(wordPath, 'punctuated_word'));
    const text = punctuated ?? f.text(word.word, child(wordPath, 'word'));
    return { key, ...readTimes(f, word, wordPath), text, path: wordPath };
  });
}

function readTimes(
  f: JsonFields,
  value: JsonObject,
  path: string,
): { startMs: number; endMs: number } {
  const startMs = f.seconds(value.start, child(path, 'start'));
  const endMs = f.seconds(value.end, child(path, 'end'));
  if (endMs < startMs) {
    throw f.error(
      child(path, 'end'),
      `ends (${endMs} ms) before it starts (${startMs} ms)`,
      reasonKey('endsBeforeStart', { startMs, endMs }),
    );
  }
  return { startMs, endMs };
}

function optionalIndex(f: JsonFields, value: unknown, path: string): number | undefined {
  return isPresent(value) ? f.index(value, path) : undefined;
}

function detectedLanguage(f: JsonFields, channels: unknown[]): string | undefined {
  if (channels.length === 0) return undefined;
  const first = f.object(channels[0], 'results.channels[0]');
  return f.optionalLanguage(first.detected_language, 'results.channels[0].detected_language');
}
