/**
 * The plain shape every transcript parser produces and the importer stores.
 * No framework, no I/O: parsers, the demo generator and (later) auto-QA share it.
 */
export type Speaker = 'agent' | 'customer' | 'system';
export type Channel = 'voice' | 'chat';

export interface TranscriptTurn {
  speaker: Speaker;
  /** Offset from the start of the interaction, in milliseconds. */
  startMs: number;
  endMs: number;
  text: string;
}

export interface TranscriptMeta {
  /** The call/chat id in the source system; unique together with `source`. */
  externalId?: string;
  /** Where the interaction came from: a telephony/CRM system name, or the import format. */
  source?: string;
  channel?: Channel;
  /** BCP-47 primary tag: 'ko', 'en'. */
  language?: string;
  /** External id of the agent who handled it. */
  agentExternalId?: string;
  agentName?: string;
  teamName?: string;
  /** ISO-8601 date-time. */
  startedAt?: string;
  queue?: string;
  /** The agent's after-call notes (memo). */
  notes?: string;
  recordingUrl?: string;
  /** Anything else the source carries: csat, fcr, disposition, ... */
  metadata?: Record<string, unknown>;
}

export interface ParsedTranscript {
  meta: TranscriptMeta;
  turns: TranscriptTurn[];
}

/** A reason in the locale files (`import.reason.*`) with its variable parts. */
export interface ReasonKey {
  key: string;
  params?: Record<string, string>;
}

/**
 * `import.reason.<name>` with its params as strings. Params hold only neutral parts (numbers,
 * field paths, the file's own values, codes): never English words, which the reader may not read.
 */
export function reasonKey(name: string, params?: Record<string, string | number>): ReasonKey {
  if (!params) return { key: `import.reason.${name}` };
  const strings = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return { key: `import.reason.${name}`, params: strings };
}

/** A subtitle file (SubRip, WebVTT) with no cue at all. */
export function noCuesError(file: string): TranscriptParseError {
  return new TranscriptParseError(
    file,
    'no turns: the file has no cues',
    undefined,
    undefined,
    reasonKey('noCues'),
  );
}

/** A problem in an input file, located as precisely as the format allows. */
export class TranscriptParseError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line: number | undefined,
    readonly field: string | undefined,
    /** The reason in the locale files (`import.reason.*`), for pages and the API in the reader's language. */
    readonly messageKey: ReasonKey,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}${field ? ` (${field})` : ''}: ${reason}`);
    this.name = 'TranscriptParseError';
  }
}
