import { child, item, isPresent, JsonFields, JsonObject, withoutUndefined } from './json-fields';
import { fromJsonText } from './json-text';
import {
  KeyedTurn,
  lookupSpeaker,
  ParserOptions,
  resolveSpeakers,
  withSpeakerGuess,
} from './speaker-roles';
import { ParsedTranscript, reasonKey, TranscriptParseError } from './transcript';
import { joinChannels, joinTokens, TimedToken } from './word-turns';

/** The speaker a plain file's words belong to, so that a speaker map can claim them. */
export const TRANSCRIBE_PLAIN_SPEAKER = 'spk_0';

interface Word extends TimedToken {
  /** `speaker_label` / `channel_label` on the item itself (newer outputs), else ''. */
  label: string;
  index: number;
}

/**
 * Amazon Transcribe batch output: one item per word or punctuation mark, turns rebuilt from
 * `speaker_labels` (spk_0, spk_1, ...) or `channel_labels` (ch_0, ch_1). See README.md.
 */
export const parseTranscribe = fromJsonText(fromTranscribeJson);

export function fromTranscribeJson(
  file: string,
  root: unknown,
  options: ParserOptions = {},
): ParsedTranscript {
  const f = new JsonFields(file);
  const doc = f.object(root, '');
  if (!isPresent(doc.results)) {
    throw f.error(
      'results',
      'not an Amazon Transcribe output: no results object',
      reasonKey('notFormat', { format: 'transcribe' }),
    );
  }
  const results = f.object(doc.results, 'results');
  const keyed = readTurns(f, results, options);
  const { turns, speakerGuess } = resolveSpeakers(file, keyed, options.speakerMap);
  const redacted = f.optionalBoolean(doc.isRedacted, 'isRedacted');
  return {
    meta: withoutUndefined({
      externalId: f.optionalString(doc.jobName, 'jobName'),
      channel: 'voice',
      language: f.optionalLanguage(results.language_code, 'results.language_code'),
      metadata: withSpeakerGuess(redacted === undefined ? {} : { redacted }, speakerGuess),
    }),
    turns,
  };
}

function readTurns(f: JsonFields, results: JsonObject, options: ParserOptions): KeyedTurn[] {
  if (isPresent(results.channel_labels)) {
    return joinChannels(
      readChannels(f, f.object(results.channel_labels, 'results.channel_labels')),
    );
  }
  const words = readWords(f, f.array(results.items, 'results.items'), 'results.items');
  if (isPresent(results.speaker_labels)) {
    const speakerOf = speakerLookup(f, f.object(results.speaker_labels, 'results.speaker_labels'));
    return joinTokens(words.map((word) => ({ ...word, key: word.label || speakerOf(word) })));
  }
  if (words.some((word) => word.label !== '')) {
    const unlabelled = words.find((word) => word.label === '');
    if (unlabelled) {
      throw f.error(
        item('results.items', unlabelled.index),
        'this word has no speaker_label while other words have one',
        reasonKey('wordNoSpeaker'),
      );
    }
    return joinTokens(words.map((word) => ({ ...word, key: word.label })));
  }
  if (lookupSpeaker(f.file, options.speakerMap, TRANSCRIBE_PLAIN_SPEAKER) === undefined) {
    throw new TranscriptParseError(
      f.file,
      'no speaker or channel labels: cannot tell agent from customer; re-run with speaker ' +
        'identification or channel identification (or map the single speaker, ' +
        `e.g. {"${TRANSCRIBE_PLAIN_SPEAKER}": "agent"})`,
      undefined,
      undefined,
      reasonKey('noSpeakerLabels'),
    );
  }
  return joinTokens(words.map((word) => ({ ...word, key: TRANSCRIBE_PLAIN_SPEAKER })));
}

function readChannels(f: JsonFields, labels: JsonObject): Word[][] {
  const path = 'results.channel_labels.channels';
  const channels = f.array(labels.channels, path);
  if (channels.length === 0) {
    throw f.error(path, 'no channels: the channels array is empty', reasonKey('emptyList'));
  }
  return channels.map((raw, c) => {
    const channelPath = item(path, c);
    const channel = f.object(raw, channelPath);
    const label = f.text(channel.channel_label, child(channelPath, 'channel_label'));
    const itemsPath = child(channelPath, 'items');
    return readWords(f, f.array(channel.items, itemsPath), itemsPath).map((word) => ({
      ...word,
      key: label,
    }));
  });
}

/** Words with their punctuation attached; punctuation items carry no times. */
function readWords(f: JsonFields, items: unknown[], path: string): Word[] {
  if (items.length === 0) {
    throw f.error(path, 'no words: the items array is empty', reasonKey('emptyList'));
  }
  const words: Word[] = [];
  items.forEach((raw, index) => {
    const itemPath = item(path, index);
    const entry = f.object(raw, itemPath);
    const type = f.string(entry.type, child(itemPath, 'type'));
    const content = readContent(f, entry, itemPath);
    if (type === 'punctuation') {
      const previous = words[words.length - 1];
      // A mark before any word has nothing to attach to and says nothing on its own.
      if (previous) previous.text += content;
      return;
    }
    if (type !== 'pronunciation') {
      throw f.error(
        child(itemPath, 'type'),
        `unknown item type ${JSON.stringify(type)}: expected pronunciation or punctuation`,
        reasonKey('unknownValue', {
          value: JSON.stringify(type),
          allowed: '"pronunciation", "punctuation"',
        }),
      );
    }
    const startMs = f.seconds(entry.start_time, child(itemPath, 'start_time'));
    const endMs = f.seconds(entry.end_time, child(itemPath, 'end_time'));
    if (endMs < startMs) {
      throw f.error(
        child(itemPath, 'end_time'),
        `the word ends (${endMs} ms) before it starts (${startMs} ms)`,
        reasonKey('endsBeforeStart', { startMs, endMs }),
      );
    }
    const label =
      f.optionalString(entry.speaker_label, child(itemPath, 'speaker_label')) ??
      f.optionalString(entry.channel_label, child(itemPath, 'channel_label')) ??
      '';
    words.push({ key: '', label, index, startMs, endMs, text: content });
  });
  if (words.length === 0) {
    throw f.error(path, 'no words: only punctuation items', reasonKey('onlyPunctuation'));
  }
  return words;
}

function readContent(f: JsonFields, entry: JsonObject, itemPath: string): string {
  const alternativesPath = child(itemPath, 'alternatives');
  const alternatives = f.array(entry.alternatives, alternativesPath);
  if (alternatives.length === 0) {
    throw f.error(alternativesPath, 'no alternatives for this item', reasonKey('emptyList'));
  }
  const best = f.object(alternatives[0], item(alternativesPath, 0));
  return f.text(best.content, child(item(alternativesPath, 0), 'content'));
}

/**
 * The speaker of a word: the segment item that starts at the same time, else the segment whose
 * time range contains the word. Every word Transcribe labels is covered by one of the two.
 */
function speakerLookup(f: JsonFields, labels: JsonObject): (word: Word) => string {
  const path = 'results.speaker_labels.segments';
  const segments = f.array(labels.segments, path);
  const byStart = new Map<number, string>();
  const ranges: Array<{ startMs: number; endMs: number; label: string }> = [];
  segments.forEach((raw, s) => {
    const segmentPath = item(path, s);
    const segment = f.object(raw, segmentPath);
    const label = f.text(segment.speaker_label, child(segmentPath, 'speaker_label'));
    const startMs = f.seconds(segment.start_time, child(segmentPath, 'start_time'));
    const endMs = f.seconds(segment.end_time, child(segmentPath, 'end_time'));
    ranges.push({ startMs, endMs, label });
    const itemsPath = child(segmentPath, 'items');
    (f.optionalArray(segment.items, itemsPath) ?? []).forEach((rawItem, i) => {
      const segmentItem = f.object(rawItem, item(itemsPath, i));
      const itemLabel =
        f.optionalString(segmentItem.speaker_label, child(item(itemsPath, i), 'speaker_label')) ??
        label;
      const itemStart = f.seconds(segmentItem.start_time, child(item(itemsPath, i), 'start_time'));
      if (!byStart.has(itemStart)) byStart.set(itemStart, itemLabel);
    });
  });
  return (word) => {
    const label =
      byStart.get(word.startMs) ??
      ranges.find((r) => r.startMs <= word.startMs && word.startMs <= r.endMs)?.label;
    if (label === undefined) {
      throw f.error(
        item('results.items', word.index),
        `the word ${JSON.stringify(word.text)} at ${word.startMs} ms is in no speaker segment ` +
          'of results.speaker_labels',
        reasonKey('wordOutsideSpeakers', { word: JSON.stringify(word.text), ms: word.startMs }),
      );
    }
    return label;
  };
}
