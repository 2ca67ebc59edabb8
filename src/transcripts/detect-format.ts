import { isObject, JsonObject } from './json-fields';
import { looksLikeSrt } from './srt.parser';
import { looksLikeSpeakerText } from './text.parser';

/** Every format `parseTranscript` reads; `json` is the native format. */
export const TRANSCRIPT_FORMATS = [
  'json',
  'vtt',
  'transcribe',
  'contact-lens',
  'google-ccai',
  'deepgram',
  'assemblyai',
  'whisper',
  'srt',
  'text',
  'connect-chat',
  'chat-json',
  'abcd',
  'hg-tods',
] as const;

export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

export function isTranscriptFormat(value: unknown): value is TranscriptFormat {
  return typeof value === 'string' && (TRANSCRIPT_FORMATS as readonly string[]).includes(value);
}

/** The format, and the parsed JSON when detection had to parse it (parsed once, used twice). */
export interface Sniffed {
  format: TranscriptFormat | undefined;
  json?: { root: unknown };
}

/**
 * By extension where it is unambiguous (.vtt, .srt), else by content: JSON by its shape, WebVTT
 * by its signature, SubRip by its first cue, plain text by a speaker prefix on its first line.
 * A .json file that is not valid JSON is native JSON (whose parser locates the syntax error); a
 * .txt file that is nothing else is plain text (whose parser says what is missing).
 */
export function sniffFormat(file: string, text: string): Sniffed {
  const extension = /\.([^./\\]+)$/.exec(file)?.[1].toLowerCase();
  if (extension === 'vtt' || extension === 'webvtt') return { format: 'vtt' };
  if (extension === 'srt') return { format: 'srt' };
  const start = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    const json = tryJson(start);
    if (json !== undefined) return { format: detectJsonFormat(json.root) ?? 'json', json };
    if (start.startsWith('{')) return { format: 'json' };
  }
  if (extension === 'json') return { format: 'json' };
  if (start.startsWith('WEBVTT')) return { format: 'vtt' };
  if (looksLikeSrt(start)) return { format: 'srt' };
  if (looksLikeSpeakerText(start) || extension === 'txt') return { format: 'text' };
  return { format: undefined };
}

function tryJson(text: string): { root: unknown } | undefined {
  try {
    return { root: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** Which vendor wrote this JSON, from the properties only that vendor writes. */
export function detectJsonFormat(root: unknown): TranscriptFormat | undefined {
  if (Array.isArray(root)) return detectArray(root);
  if (!isObject(root)) return undefined;
  return (
    detectDataset(root) ??
    detectNative(root) ??
    detectVendor(root) ??
    (Array.isArray(root.messages) ? 'chat-json' : undefined)
  );
}

function detectArray(root: unknown[]): TranscriptFormat | undefined {
  const first: unknown = root[0];
  if (!isObject(first)) return undefined;
  if (Array.isArray(first.original)) return 'abcd';
  if (Array.isArray(first.messages)) return 'chat-json';
  if (isHgTodsDialogue(first)) return 'hg-tods';
  return undefined;
}

function detectDataset(root: JsonObject): TranscriptFormat | undefined {
  if (isObject(root.dial_data) || isHgTodsDialogue(root)) return 'hg-tods';
  if (Array.isArray(root.original)) return 'abcd';
  const splits = ['train', 'dev', 'test'].map((k) => root[k]);
  if (splits.some((s) => Array.isArray(s) && isObject(s[0]) && Array.isArray(s[0].original))) {
    return 'abcd';
  }
  return undefined;
}

function isHgTodsDialogue(value: JsonObject): boolean {
  const turns = value.turns;
  return Array.isArray(turns) && isObject(turns[0]) && 'utterance' in turns[0];
}

function detectNative(root: JsonObject): TranscriptFormat | undefined {
  return Array.isArray(root.turns) ? 'json' : undefined;
}

/**
 * Keys only one vendor writes are enough, whatever they hold: a broken file is then refused by
 * its own parser, with the field named, instead of being read as some other format.
 */
function detectVendor(root: JsonObject): TranscriptFormat | undefined {
  const results = root.results;
  if (isObject(results)) {
    if (['items', 'channel_labels', 'speaker_labels'].some((k) => k in results)) {
      return 'transcribe';
    }
    if ('utterances' in results || 'channels' in results) return 'deepgram';
  }
  if ('Transcript' in root) {
    return detectConnect(root, Array.isArray(root.Transcript) ? root.Transcript : []);
  }
  if (isObject(root.transcript) && 'transcriptSegments' in root.transcript) return 'google-ccai';
  if (Array.isArray(root.entries)) return 'google-ccai';
  if ('transcription' in root) return 'whisper';
  if ('utterances' in root) return 'assemblyai';
  return undefined;
}

/** Contact Lens voice / Call Analytics turns have offsets; a Connect chat has absolute times. */
function detectConnect(root: JsonObject, transcript: unknown[]): TranscriptFormat {
  const items = transcript.filter(isObject);
  if (items.some((i) => 'BeginOffsetMillis' in i)) return 'contact-lens';
  if (items.some((i) => 'AbsoluteTime' in i)) return 'connect-chat';
  return root.Channel === 'CHAT' ? 'connect-chat' : 'contact-lens';
}
