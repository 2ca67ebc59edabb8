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
import { parseJsonText, parseNativeJson } from './native-json.parser';
import { ParserOptions } from './speaker-roles';
import { parseSrt } from './srt.parser';
import { parsePlainText } from './text.parser';
import { ParsedTranscript, Speaker, TranscriptParseError, TranscriptTurn } from './transcript';
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
  if (bytes.length === 0) throw new TranscriptParseError(file, 'empty file');
  // Checked before decoding so an oversized upload costs nothing beyond its length.
  if (bytes.length > maxBytes) {
    throw new TranscriptParseError(
      file,
      `file is ${formatSize(bytes.length, Math.ceil)}; ` +
        `the limit is ${formatSize(maxBytes, Math.floor)}`,
    );
  }
  if (isUtf16(bytes)) {
    throw new TranscriptParseError(file, 'the file is UTF-16 encoded: save it as UTF-8', 1);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidUtf8Error(file, bytes);
  }
  text = stripBom(text);
  if (text.trim() === '') throw new TranscriptParseError(file, 'empty file');
  return text;
}

/** TextDecoder already drops one BOM; this covers text handed over by other callers. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Rounded away from the limit, so "20.1 MB; the limit is 20 MB" never reads "20 MB; 20 MB". */
function formatSize(bytes: number, round: (n: number) => number): string {
  if (bytes < MIB / 10) return `${bytes.toLocaleString('en-US')} bytes`;
  return `${round((bytes / MIB) * 10) / 10} MB`;
}

function isUtf16(bytes: Buffer): boolean {
  return (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  );
}

function invalidUtf8Error(file: string, bytes: Buffer): TranscriptParseError {
  const offset = firstInvalidUtf8Byte(bytes);
  const line = offset < 0 ? undefined : lineOfByte(bytes, offset);
  const byte =
    offset < 0 ? '' : ` (byte 0x${bytes[offset].toString(16).toUpperCase().padStart(2, '0')})`;
  return new TranscriptParseError(
    file,
    `not valid UTF-8${byte}: save the file as UTF-8 ` +
      '(Korean exports in EUC-KR/CP949 need converting)',
    line,
  );
}

/**
 * Offset of the lead byte of the first malformed sequence, or -1. TextDecoder only says that
 * decoding failed, not where; this follows the same rules (no overlongs, surrogates or > U+10FFFF).
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const rule = utf8Rule(lead);
    if (rule === undefined) return i;
    for (let k = 1; k <= rule.continuation; k++) {
      const byte = bytes[i + k];
      const [low, high] = k === 1 ? [rule.low, rule.high] : [0x80, 0xbf];
      if (byte === undefined || byte < low || byte > high) return i;
    }
    i += rule.continuation + 1;
  }
  return -1;
}

/** Continuation byte count and the allowed range of the first continuation byte. */
function utf8Rule(lead: number): { continuation: number; low: number; high: number } | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return { continuation: 1, low: 0x80, high: 0xbf };
  if (lead === 0xe0) return { continuation: 2, low: 0xa0, high: 0xbf };
  if (lead === 0xed) return { continuation: 2, low: 0x80, high: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { continuation: 2, low: 0x80, high: 0xbf };
  if (lead === 0xf0) return { continuation: 3, low: 0x90, high: 0xbf };
  if (lead >= 0xf1 && lead <= 0xf3) return { continuation: 3, low: 0x80, high: 0xbf };
  if (lead === 0xf4) return { continuation: 3, low: 0x80, high: 0x8f };
  return undefined;
}

/** Line breaks count as in the parsers: \r\n, \n or a lone \r. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/** The guarantees every importer relies on, whatever the parser: non-empty, trimmed, in order. */
function normaliseTurns(file: string, turns: TranscriptTurn[]): TranscriptTurn[] {
  if (turns.length === 0) throw new TranscriptParseError(file, 'no turns', undefined, 'turns');
  const trimmed = turns.map((turn, index) => {
    const text = turn.text.trim();
    if (text === '') {
      throw new TranscriptParseError(file, 'empty text', undefined, `turns[${index}].text`);
    }
    return { ...turn, text };
  });
  // Array.prototype.sort is stable, so simultaneous turns keep the file's order.
  return trimmed.sort((a, b) => a.startMs - b.startMs);
}
