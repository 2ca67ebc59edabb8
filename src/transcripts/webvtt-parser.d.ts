/** The part of webvtt-parser (w3c/webvtt.js, untyped) that the transcript importer uses. */
declare module 'webvtt-parser' {
  /** `line` is 1-based; `col`, when given, too. */
  export interface WebVttError {
    message: string;
    line: number;
    col?: number;
  }

  export interface WebVttTextNode {
    type: 'text';
    value: string;
  }

  /** An in-cue timestamp tag such as <00:00:05.000>, in seconds. */
  export interface WebVttTimestampNode {
    type: 'timestamp';
    value: number;
  }

  /** A tag: c, i, b, u, ruby, rt, v (value = the voice name) or lang (value = the language). */
  export interface WebVttObjectNode {
    type: 'object';
    name: string;
    classes: string[];
    value?: string;
    children: WebVttNode[];
  }

  export type WebVttNode = WebVttTextNode | WebVttTimestampNode | WebVttObjectNode;

  export interface WebVttCue {
    id: string;
    /** Seconds. */
    startTime: number;
    endTime: number;
    /** The raw cue payload, lines joined with \n. */
    text: string;
    tree: { children: WebVttNode[] };
  }

  export interface WebVttParseResult {
    /** Sorted by start time, then by end time descending. */
    cues: WebVttCue[];
    errors: WebVttError[];
    time: number;
    styles: string[];
  }

  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    /** Mode 'metadata' skips the validation of cue text markup. */
    parse(input: string, mode?: 'metadata' | 'chapters'): WebVttParseResult;
  }

  /** Parses one timing line ("00:01.000 --> 00:04.000 align:start"). */
  export class WebVTTCueTimingsAndSettingsParser {
    constructor(line: string, onError: (message: string, col?: number) => void);
    /** Sets startTime/endTime (and settings) on `cue`; undefined when the timing is unreadable. */
    parse(cue: { startTime: number; endTime: number }, previousCueStart: number): true | undefined;
  }
}

/** The HTML named character references ("&amp;" → "&"), as shipped with webvtt-parser. */
declare module 'webvtt-parser/html-entities.json' {
  const entities: Record<string, string>;
  export default entities;
}
