import { parseNativeJson } from './native-json.parser';
import { ParsedTranscript, Speaker, TranscriptParseError, TranscriptTurn } from './transcript';
import { parseWebVtt } from './webvtt.parser';

export type TranscriptFormat = 'json' | 'vtt';

export interface ParseTranscriptOptions {
  /** Skips detection, e.g. when the user picked the format explicitly. */
  format?: TranscriptFormat;
  /** WebVTT voice name → speaker, for names the parser cannot guess ("Jordan", "김민지"). */
  speakerMap?: Record<string, Speaker>;
  maxBytes?: number;
}

const MIB = 1024 * 1024;

/** A long call is well under 1 MB of text: 20 MB leaves room but stops one upload eating memory. */
export const DEFAULT_MAX_TRANSCRIPT_BYTES = 20 * MIB;

/**
 * Turns an uploaded file into a transcript: checks size and encoding, picks the format by
 * extension or content, parses, and returns the turns sorted by start time.
 * Every problem is a TranscriptParseError meant to be shown to the user as is.
 */
export function parseTranscript(
  file: string,
  bytes: Buffer,
  options: ParseTranscriptOptions = {},
): ParsedTranscript {
  const text = decodeTranscript(file, bytes, options.maxBytes ?? DEFAULT_MAX_TRANSCRIPT_BYTES);
  const format = options.format ?? detectFormat(file, text);
  if (format === undefined) {
    throw new TranscriptParseError(
      file,
      'not a transcript: unrecognised format (expected native JSON or WebVTT)',
    );
  }
  const parsed =
    format === 'json' ? parseNativeJson(file, text) : parseWebVtt(file, text, options.speakerMap);
  return { meta: parsed.meta, turns: normaliseTurns(file, parsed.turns) };
}

/** By extension first (cheap and what the user meant), then by the first characters. */
export function detectFormat(file: string, text: string): TranscriptFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(file)?.[1].toLowerCase();
  if (extension === 'json') return 'json';
  if (extension === 'vtt' || extension === 'webvtt') return 'vtt';
  const start = stripBom(text).trimStart();
  if (start.startsWith('{')) return 'json';
  if (start.startsWith('WEBVTT')) return 'vtt';
  return undefined;
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
