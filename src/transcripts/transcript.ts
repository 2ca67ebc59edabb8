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

/** A problem in an input file, located as precisely as the format allows. */
export class TranscriptParseError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
    readonly field?: string,
    /** The reason in the locale files (`import.reason.*`), for pages in the reader's language. */
    readonly messageKey?: { key: string; params?: Record<string, string> },
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}${field ? ` (${field})` : ''}: ${reason}`);
    this.name = 'TranscriptParseError';
  }
}
