import { decodeUtf8, invalidUtf8, isUtf16 } from '../common/utf8';
import { fromAssemblyAiJson } from './assemblyai.parser';
import { fromChatJson } from './chat-json.parser';
import { fromConnectChatJson } from './connect-chat.parser';
import { fromContactLensJson } from './contact-lens.parser';
import { fromDeepgramJson } from './deepgram.parser';
import {
  isTranscriptFormat,
  Sniffed,
  sniffFormat,
  TRANSCRIPT_FORMATS,
  TranscriptFormat,
} from './detect-format';
import { fromAbcdJson, fromHgTodsJson } from './dialogue-datasets.parser';
import { fromGoogleCcaiJson } from './google-ccai.parser';
import { parseJsonText } from './json-text';
import { parseNativeJson } from './native-json.parser';
import { ParserOptions } from './speaker-roles';
import { parseSrt } from './srt.parser';
import { parsePlainText } from './text.parser';
import {
  ParsedTranscript,
  Speaker,
  reasonKey,
  TranscriptParseError,
  TranscriptTurn,
} from './transcript';
import { fromTranscribeJson } from './transcribe.parser';
import { parseWebVtt } from './webvtt.parser';
import { fromWhisperJson } from './whisper.parser';

export { detectJsonFormat, TRANSCRIPT_FORMATS } from './detect-format';
export type { TranscriptFormat } from './detect-format';

export interface ParseTranscriptOptions {
  /** Skips detection, e.g. when the user picked the format explicitly. */
  format?: TranscriptFormat;
  /**
   * Speaker names or labels → speaker, for names the parser cannot place: WebVTT voices
   * ("Jordan", "김민지"), text prefixes, and the numbered speakers of speech-to-text output
   * ("spk_0", "A", "speaker_1"). See README.md for each format's labels.
   */
  speakerMap?: Record<string, Speaker>;
  maxBytes?: number;
}

const MIB = 1024 * 1024;

/** A long call is well under 1 MB of text: 20 MB leaves room but stops one upload eating memory. */
export const DEFAULT_MAX_TRANSCRIPT_BYTES = 20 * MIB;

type Parse = (
  file: string,
  text: string,
  json: () => unknown,
  options: ParserOptions,
) => ParsedTranscript[];

const one =
  (parse: (file: string, root: unknown, options: ParserOptions) => ParsedTranscript): Parse =>
  (file, _text, json, options) => [parse(file, json(), options)];

/** Each format's parser; JSON formats get the document already parsed. */
const PARSERS: Readonly<Record<TranscriptFormat, Parse>> = {
  json: (file, text) => [parseNativeJson(file, text)],
  vtt: (file, text, _json, options) => [parseWebVtt(file, text, options.speakerMap)],
  srt: (file, text, _json, options) => [parseSrt(file, text, options)],
  text: (file, text, _json, options) => [parsePlainText(file, text, options)],
  transcribe: one(fromTranscribeJson),
  'contact-lens': one(fromContactLensJson),
  'google-ccai': one(fromGoogleCcaiJson),
  deepgram: one(fromDeepgramJson),
  assemblyai: one(fromAssemblyAiJson),
  whisper: one(fromWhisperJson),
  'connect-chat': one(fromConnectChatJson),
  'chat-json': (file, _text, json) => fromChatJson(file, json()),
  abcd: (file, _text, json) => fromAbcdJson(file, json()),
  'hg-tods': (file, _text, json) => fromHgTodsJson(file, json()),
};

/**
 * Turns an uploaded file into a transcript: checks size and encoding, picks the format by
 * extension or content, parses, and returns the turns sorted by start time.
 * Every problem is a TranscriptParseError meant to be shown to the user as is. A file holding
 * several dialogues (ABCD, HG-TODS, an array of chats) is refused: see parseTranscripts.
 */
export function parseTranscript(
  file: string,
  bytes: Buffer,
  options: ParseTranscriptOptions = {},
): ParsedTranscript {
  const transcripts = parseTranscripts(file, bytes, options);
  if (transcripts.length > 1) {
    throw new TranscriptParseError(
      file,
      `the file holds ${transcripts.length.toLocaleString('en-US')} dialogues: import it with ` +
        'the batch importer, which makes one interaction per dialogue',
      undefined,
      undefined,
      reasonKey('manyDialogues', { count: transcripts.length }),
    );
  }
  return transcripts[0];
}

/**
 * Like parseTranscript, for files that may hold several dialogues: one transcript per dialogue
 * (externalId `<file base>#<dialogue id or index>`), or `[transcript]` for a single one. Any
 * problem in any dialogue refuses the whole file.
 */
export function parseTranscripts(
  file: string,
  bytes: Buffer,
  options: ParseTranscriptOptions = {},
): ParsedTranscript[] {
  const text = decodeTranscript(file, bytes, options.maxBytes ?? DEFAULT_MAX_TRANSCRIPT_BYTES);
  if (options.format !== undefined && !isTranscriptFormat(options.format)) {
    throw new TranscriptParseError(
      file,
      `unknown format ${JSON.stringify(options.format)}: use one of ${TRANSCRIPT_FORMATS.join(', ')}`,
      undefined,
      undefined,
      reasonKey('unknownFormat', {
        format: JSON.stringify(options.format),
        formats: TRANSCRIPT_FORMATS.map((f) => JSON.stringify(f)).join(', '),
      }),
    );
  }
  const sniffed: Sniffed =
    options.format === undefined ? sniffFormat(file, text) : { format: options.format };
  const format = sniffed.format;
  if (format === undefined) {
    throw new TranscriptParseError(
      file,
      'not a transcript: unrecognised format (expected native JSON, WebVTT, SubRip, text with ' +
        'speaker prefixes, or a supported vendor export)',
      undefined,
      undefined,
      { key: 'import.reason.unrecognised' },
    );
  }
  const json = (): unknown => sniffed.json?.root ?? parseJsonText(file, text);
  const parsed = PARSERS[format](file, text, json, { speakerMap: options.speakerMap });
  return parsed.map((p) => ({ meta: p.meta, turns: normaliseTurns(file, p.turns) }));
}

/** The format `parseTranscript` would use for this file (undefined: not a transcript). */
export function detectFormat(file: string, text: string): TranscriptFormat | undefined {
  return sniffFormat(file, text).format;
}

function decodeTranscript(file: string, bytes: Buffer, maxBytes: number): string {
  if (bytes.length === 0) throw emptyFile(file);
  // Checked before decoding so an oversized upload costs nothing beyond its length.
  if (bytes.length > maxBytes) {
    throw new TranscriptParseError(
      file,
      `file is ${formatSize(bytes.length, Math.ceil)}; ` +
        `the limit is ${formatSize(maxBytes, Math.floor)}`,
      undefined,
      undefined,
      {
        key: 'import.reason.tooLarge',
        params: {
          size: formatSize(bytes.length, Math.ceil),
          limit: formatSize(maxBytes, Math.floor),
        },
      },
    );
  }
  if (isUtf16(bytes)) {
    throw new TranscriptParseError(
      file,
      'the file is UTF-16 encoded: save it as UTF-8',
      1,
      undefined,
      { key: 'import.reason.utf16' },
    );
  }
  const text = decodeUtf8(bytes);
  if (text === null) throw invalidUtf8Error(file, bytes);
  if (text.trim() === '') throw emptyFile(file);
  return text;
}

function emptyFile(file: string): TranscriptParseError {
  return new TranscriptParseError(file, 'empty file', undefined, undefined, {
    key: 'import.reason.emptyFile',
  });
}

/** Rounded away from the limit, so "20.1 MB; the limit is 20 MB" never reads "20 MB; 20 MB". */
function formatSize(bytes: number, round: (n: number) => number): string {
  if (bytes < MIB / 10) return `${bytes.toLocaleString('en-US')} bytes`;
  return `${round((bytes / MIB) * 10) / 10} MB`;
}

function invalidUtf8Error(file: string, bytes: Buffer): TranscriptParseError {
  const bad = invalidUtf8(bytes);
  const hex = bad ? `0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')}` : '';
  const byte = bad ? ` (byte ${hex})` : '';
  return new TranscriptParseError(
    file,
    `not valid UTF-8${byte}: save the file as UTF-8 ` +
      '(Korean exports in EUC-KR/CP949 need converting)',
    bad?.line,
    undefined,
    bad
      ? { key: 'import.reason.invalidUtf8At', params: { byte: hex } }
      : { key: 'import.reason.invalidUtf8' },
  );
}

/** The guarantees every importer relies on, whatever the parser: non-empty, trimmed, in order. */
function normaliseTurns(file: string, turns: TranscriptTurn[]): TranscriptTurn[] {
  if (turns.length === 0) {
    throw new TranscriptParseError(file, 'no turns', undefined, 'turns', {
      key: 'import.reason.noTurns',
    });
  }
  const trimmed = turns.map((turn, index) => {
    const text = turn.text.trim();
    if (text === '') {
      throw new TranscriptParseError(
        file,
        'empty text',
        undefined,
        `turns[${index}].text`,
        reasonKey('emptyText', { field: `turns[${index}].text` }),
      );
    }
    return { ...turn, text };
  });
  // Array.prototype.sort is stable, so simultaneous turns keep the file's order.
  return trimmed.sort((a, b) => a.startMs - b.startMs);
}
