import { child, isPresent, item, JsonFields, JsonObject, withoutUndefined } from './json-fields';
import { fromJsonText } from './json-text';
import { splitSpeakerPrefix } from './speaker-prefix';
import { KeyedTurn, ParserOptions, resolveSpeakers, withSpeakerGuess } from './speaker-roles';
import { ParsedTranscript, reasonKey } from './transcript';
import { MAX_PAUSE_MS } from './word-turns';

/** tinydiarize's marker for "the speaker changes here" when special tokens are printed. */
const TURN_MARKER = /\s*\[SPEAKER_TURN\]\s*/;
const EVERY_TURN_MARKER = /\s*\[SPEAKER_TURN\]\s*/g;
/** What whisper writes for stretches without speech. */
const NON_SPEECH = /^\[BLANK_AUDIO\]$/i;

interface Segment {
  index: number;
  startMs: number;
  endMs: number;
  text: string;
  /** `speaker` from --diarize: "0", "1" or "?" (undecided). */
  speaker?: string;
  turnNext?: boolean;
}

type Piece = KeyedTurn & { index: number };

/**
 * whisper.cpp JSON (`-oj` / `-ojf`): `transcription[]` with `offsets.from/to` in ms. Speakers
 * from `speaker` (stereo --diarize), from `speaker_turn_next` / "[SPEAKER_TURN]" (--tinydiarize,
 * two alternating speakers), or from speaker prefixes in the text. See README.md.
 */
export const parseWhisper = fromJsonText(fromWhisperJson);

export function fromWhisperJson(
  file: string,
  root: unknown,
  options: ParserOptions = {},
): ParsedTranscript {
  const f = new JsonFields(file);
  const doc = f.object(root, '');
  if (!isPresent(doc.transcription)) {
    throw f.error(
      'transcription',
      'not a whisper.cpp JSON file: no transcription array',
      reasonKey('notFormat', { format: 'whisper' }),
    );
  }
  const raw = f.array(doc.transcription, 'transcription');
  if (raw.length === 0) {
    throw f.error(
      'transcription',
      'no turns: the transcription array is empty',
      reasonKey('emptyList'),
    );
  }
  const segments = raw.map((s, i) => readSegment(f, s, i));
  const pieces = mergeRuns(f, speakerPieces(f, segments, options));
  const { turns, speakerGuess } = resolveSpeakers(file, pieces, options.speakerMap);
  return {
    meta: withoutUndefined({
      channel: 'voice' as const,
      language: readLanguage(f, doc),
      metadata: withSpeakerGuess({}, speakerGuess),
    }),
    turns,
  };
}

function readLanguage(f: JsonFields, doc: JsonObject): string | undefined {
  const result = f.optionalObject(doc.result, 'result');
  const params = f.optionalObject(doc.params, 'params');
  const language =
    f.optionalString(result?.language, 'result.language') ??
    f.optionalString(params?.language, 'params.language');
  if (language === undefined || language === 'auto') return undefined;
  return f.optionalLanguage(language, result?.language ? 'result.language' : 'params.language');
}

function readSegment(f: JsonFields, raw: unknown, index: number): Segment {
  const path = item('transcription', index);
  const segment = f.object(raw, path);
  const offsetsPath = child(path, 'offsets');
  const offsets = f.object(segment.offsets, offsetsPath);
  const startMs = f.milliseconds(offsets.from, child(offsetsPath, 'from'));
  const endMs = f.milliseconds(offsets.to, child(offsetsPath, 'to'));
  if (endMs < startMs) {
    throw f.error(
      child(offsetsPath, 'to'),
      `the segment ends (${endMs} ms) before it starts (${startMs} ms)`,
      reasonKey('endsBeforeStart', { startMs, endMs }),
    );
  }
  return {
    index,
    startMs,
    endMs,
    text: f.string(segment.text, child(path, 'text')).trim(),
    speaker: f.optionalString(segment.speaker, child(path, 'speaker')),
    turnNext: f.optionalBoolean(segment.speaker_turn_next, child(path, 'speaker_turn_next')),
  };
}

function isSpeech(text: string): boolean {
  const plain = text.replace(EVERY_TURN_MARKER, ' ').trim();
  return plain !== '' && !NON_SPEECH.test(plain);
}

function speakerPieces(f: JsonFields, segments: Segment[], options: ParserOptions): Piece[] {
  if (segments.some((s) => s.speaker !== undefined)) return bySpeakerField(f, segments);
  const hasTurnFlags = segments.some((s) => s.turnNext !== undefined);
  if (hasTurnFlags || segments.some((s) => TURN_MARKER.test(s.text))) {
    return byTurnMarkers(segments, hasTurnFlags);
  }
  return byPrefixes(f, segments, options);
}

/** --diarize: "0"/"1" per segment; "?" (undecided) goes with the previous decided speaker. */
function bySpeakerField(f: JsonFields, segments: Segment[]): Piece[] {
  const speech = segments.filter((s) => isSpeech(s.text));
  const decided = speech.filter((s) => s.speaker !== undefined && speakerId(s.speaker) !== '?');
  if (decided.length === 0) {
    throw f.error(
      'transcription',
      'whisper could not tell the speakers apart (every speaker is "?"): map them by hand or ' +
        'use a transcript with speaker labels',
      reasonKey('speakersUnknown'),
    );
  }
  let last = speakerId(decided[0].speaker as string);
  return speech.map((segment) => {
    if (segment.speaker !== undefined && speakerId(segment.speaker) !== '?') {
      last = speakerId(segment.speaker);
    }
    return { ...piece(segment), key: `speaker_${last}` };
  });
}

/** "0", "?" — or "(speaker 0)", "(speaker ?)" as older whisper.cpp versions wrote it. */
function speakerId(speaker: string): string {
  return /^\(?\s*(?:speaker\s*)?([0-9]+|\?)\s*\)?$/i.exec(speaker)?.[1] ?? speaker;
}

/**
 * --tinydiarize: two speakers taking turns. `speaker_turn_next` on a segment means the next
 * segment is the other speaker; without those flags, each "[SPEAKER_TURN]" in the text switches
 * speaker at that point (the segment's time is shared out by the length of each part).
 */
function byTurnMarkers(segments: Segment[], useFlags: boolean): Piece[] {
  let speaker = 0;
  const pieces: Piece[] = [];
  for (const segment of segments) {
    const parts = useFlags
      ? [segment.text.replace(EVERY_TURN_MARKER, ' ')]
      : segment.text.split(TURN_MARKER);
    const weights = parts.map((p) => p.trim().length);
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    const span = segment.endMs - segment.startMs;
    let done = 0;
    parts.forEach((part, k) => {
      if (k > 0) speaker = 1 - speaker;
      const startMs = segment.startMs + Math.round((span * done) / total);
      done += weights[k];
      const endMs = segment.startMs + Math.round((span * done) / total);
      if (isSpeech(part)) {
        pieces.push({
          index: segment.index,
          key: `speaker_${speaker}`,
          startMs,
          endMs,
          text: part.trim(),
        });
      }
    });
    if (useFlags && segment.turnNext === true) speaker = 1 - speaker;
  }
  return pieces;
}

/** Speaker prefixes in the text ("상담사: …"); segments without one continue the speaker. */
function byPrefixes(f: JsonFields, segments: Segment[], options: ParserOptions): Piece[] {
  const pieces: Piece[] = [];
  let current: { key: string; role?: KeyedTurn['role'] } | undefined;
  for (const segment of segments) {
    if (!isSpeech(segment.text)) continue;
    const prefix = splitSpeakerPrefix(f.file, segment.text, options.speakerMap);
    current = prefix ?? current;
    if (current === undefined) {
      throw f.error(
        child(item('transcription', segment.index), 'text'),
        'no speaker information: whisper.cpp gives none unless run with --diarize (stereo) or ' +
          '--tinydiarize; or start the text with a speaker prefix such as "상담사:" or "Agent:"',
        reasonKey('noSpeakerLabels'),
      );
    }
    const text = prefix ? prefix.rest : segment.text;
    if (text !== '') pieces.push({ ...piece(segment), key: current.key, role: current.role, text });
  }
  return pieces;
}

function piece(segment: Segment): Piece {
  return {
    index: segment.index,
    key: '',
    startMs: segment.startMs,
    endMs: segment.endMs,
    text: segment.text.replace(EVERY_TURN_MARKER, ' ').trim(),
  };
}

/** Whisper cuts speech every few seconds: consecutive segments of one speaker make one turn. */
function mergeRuns(f: JsonFields, pieces: Piece[]): KeyedTurn[] {
  const turns: KeyedTurn[] = [];
  for (const p of pieces) {
    const last = turns[turns.length - 1];
    if (
      last &&
      last.key === p.key &&
      last.role === p.role &&
      p.startMs - last.endMs <= MAX_PAUSE_MS
    ) {
      last.text = `${last.text} ${p.text}`;
      last.endMs = Math.max(last.endMs, p.endMs);
    } else {
      turns.push({ key: p.key, role: p.role, startMs: p.startMs, endMs: p.endMs, text: p.text });
    }
  }
  if (turns.length === 0) {
    throw f.error('transcription', 'no turns: no segment has any speech', reasonKey('noSpeech'));
  }
  return turns;
}
