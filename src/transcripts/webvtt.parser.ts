import {
  WebVTTCueTimingsAndSettingsParser,
  WebVTTParser,
  WebVttCue,
  WebVttError,
  WebVttNode,
} from 'webvtt-parser';
import htmlEntities from 'webvtt-parser/html-entities.json';
import {
  ParsedTranscript,
  Speaker,
  noCuesError,
  reasonKey,
  TranscriptParseError,
  TranscriptTurn,
} from './transcript';

const SPEAKERS: ReadonlySet<string> = new Set<Speaker>(['agent', 'customer', 'system']);

/**
 * Voice names that say which side is talking. Matched case-insensitively at the start of the name,
 * so "Agent 1", "상담사 김민지" and "고객님" work; "ARS" is what Korean centres call their IVR.
 */
const SPEAKER_WORDS: ReadonlyArray<readonly [Speaker, readonly string[]]> = [
  ['agent', ['agent', 'rep', 'representative', 'advisor', '상담사', '상담원']],
  ['customer', ['customer', 'caller', 'client', '고객']],
  ['system', ['system', 'ivr', 'ars', '시스템']],
];

const SPEAKER_PATTERNS: ReadonlyArray<readonly [Speaker, RegExp]> = SPEAKER_WORDS.flatMap(
  ([speaker, words]) =>
    // The word must end the name or be followed by a non-letter (or the honorific 님), so that
    // "Representative" is not read as "Rep" and "고객센터" (the company side) is not a customer.
    words.map((word) => [speaker, new RegExp(`^${word}(?:$|님|[^\\p{L}])`, 'iu')] as const),
);

/**
 * The validator reports many cosmetic problems (cue settings, missing blank lines, cue order).
 * Only these drop or invent content, so only these stop an import.
 */
const FATAL_ERRORS: ReadonlySet<string> = new Set([
  'Cannot have timestamp in a comment.',
  'Cannot have timestamp in a style block.',
  'Cue identifier cannot be standalone.',
  'Cue identifier needs to be followed by timestamp.',
  'No valid timestamp separator found.',
  'No timestamp found.',
  'Timestamp must start with a character in the range 0-9.',
  'No time unit separator found.',
  'Must be exactly two digits.',
  'No seconds found or minutes is greater than 59.',
  'No decimal separator (".") found.',
  'Milliseconds must be given in three digits.',
  'You cannot have more than 59 minutes.',
  'You cannot have more than 59 seconds.',
]);

/**
 * The package's built-in entity table is keyed without the ";" and turns "&amp;" into "&;".
 * Its full HTML table, which the package documents for spec-compliant parsing, decodes correctly.
 */
const ENTITIES: Record<string, string> = htmlEntities;

const TIMING_EXAMPLE = '"00:00:01.000 --> 00:00:04.000"';

/** A cue with the 1-based line of its timing line, which the parser does not keep. */
interface LocatedCue {
  cue: WebVttCue;
  line: number;
}

/**
 * Parses a WebVTT transcript: one turn per cue, the speaker from the cue's <v Name> tag.
 * Names are resolved through `speakerMap` (exact name) first, then by well-known words.
 * WebVTT carries no call metadata, hence `meta` is only the channel.
 */
export function parseWebVtt(
  file: string,
  text: string,
  speakerMap?: Record<string, Speaker>,
): ParsedTranscript {
  const lines = text.split(/\r\n|\r|\n/);
  const result = new WebVTTParser(ENTITIES).parse(text, 'metadata');
  const fatal = result.errors.find((error) => isFatal(error));
  if (fatal) throw fromParserError(file, fatal, lines);

  const cues = locateCues(file, result.cues, lines);
  if (cues.length === 0) throw noCuesError(file);
  const turns = cues.map((located) => toTurn(file, located, speakerMap));
  return { meta: { channel: 'voice' }, turns };
}

/** Resolves a voice name to a speaker, or undefined when it needs a mapping. */
export function resolveSpeakerName(
  name: string,
  speakerMap?: Record<string, Speaker>,
): Speaker | undefined {
  const trimmed = name.trim();
  // hasOwn: a name like "constructor" must not pick up Object.prototype members.
  for (const key of [name, trimmed]) {
    if (speakerMap && Object.hasOwn(speakerMap, key)) return speakerMap[key];
  }
  return SPEAKER_PATTERNS.find(([, pattern]) => pattern.test(trimmed))?.[0];
}

function isFatal(error: WebVttError): boolean {
  return error.message.startsWith('No valid signature') || FATAL_ERRORS.has(error.message);
}

function fromParserError(file: string, error: WebVttError, lines: string[]): TranscriptParseError {
  const { message } = error;
  if (message.startsWith('No valid signature')) {
    return new TranscriptParseError(
      file,
      'not a WebVTT file: the first line must be "WEBVTT"',
      1,
      undefined,
      { key: 'import.reason.notWebVtt' },
    );
  }
  if (message.startsWith('Cue identifier')) {
    // Reported on the line after the orphan text; point at the orphan itself.
    const line = Math.max(1, error.line - 1);
    return new TranscriptParseError(
      file,
      `text outside any cue: ${quoteLine(lines, line)} has no timing line like ${TIMING_EXAMPLE} ` +
        'before it (or a cue contains a blank line)',
      line,
      undefined,
      reasonKey('textOutsideCue', { line }),
    );
  }
  if (message.startsWith('Cannot have timestamp')) {
    return new TranscriptParseError(
      file,
      'a NOTE or STYLE block runs into a cue: add a blank line before the timing line',
      error.line,
      undefined,
      reasonKey('noteRunsIntoCue', { line: error.line }),
    );
  }
  return new TranscriptParseError(
    file,
    `bad cue timing ${quoteLine(lines, error.line)}: ${message} Expected e.g. ${TIMING_EXAMPLE}`,
    error.line,
    undefined,
    reasonKey('cueTiming', { line: error.line, example: TIMING_EXAMPLE }),
  );
}

function quoteLine(lines: string[], line: number): string {
  const content = (lines[line - 1] ?? '').trim();
  return JSON.stringify(content.length > 80 ? `${content.slice(0, 79)}…` : content);
}

/**
 * Gives each cue the line of its timing line. Once the fatal errors are ruled out, every line
 * after the signature that contains "-->" is exactly one cue's timing line, in document order.
 * The parser sorts cues stably by (start, end), so the k-th cue with given times is the k-th
 * timing line with those times.
 */
function locateCues(file: string, cues: WebVttCue[], lines: string[]): LocatedCue[] {
  const linesByTiming = new Map<string, number[]>();
  lines.forEach((content, index) => {
    if (index === 0 || !content.includes('-->')) return;
    const times = { startTime: 0, endTime: 0 };
    new WebVTTCueTimingsAndSettingsParser(content, () => undefined).parse(times, 0);
    const key = timingKey(times.startTime, times.endTime);
    const sameTiming = linesByTiming.get(key);
    if (sameTiming) sameTiming.push(index + 1);
    else linesByTiming.set(key, [index + 1]);
  });
  const located = cues.map((cue) => {
    const line = linesByTiming.get(timingKey(cue.startTime, cue.endTime))?.shift();
    if (line === undefined) {
      // Cannot happen with the parser version we use; refuse rather than mislabel lines.
      throw new TranscriptParseError(
        file,
        'could not read every cue of this WebVTT file',
        undefined,
        undefined,
        reasonKey('unreadableCues'),
      );
    }
    return { cue, line };
  });
  return located.sort((a, b) => a.line - b.line);
}

function timingKey(start: number, end: number): string {
  return `${start}/${end}`;
}

function toTurn(
  file: string,
  { cue, line }: LocatedCue,
  speakerMap: Record<string, Speaker> | undefined,
): TranscriptTurn {
  const startMs = Math.round(cue.startTime * 1000);
  const endMs = Math.round(cue.endTime * 1000);
  if (endMs < startMs) {
    throw new TranscriptParseError(
      file,
      `cue ends (${endMs} ms) before it starts (${startMs} ms)`,
      line,
      undefined,
      reasonKey('cueEndsBeforeStart', { line, startMs, endMs }),
    );
  }
  if (cue.text.trim() === '') {
    throw new TranscriptParseError(
      file,
      `cue at line ${line} is empty`,
      line,
      undefined,
      reasonKey('cueEmpty', { line }),
    );
  }
  const speaker = cueSpeaker(file, cue, line, speakerMap);
  const text = plainText(cue.tree.children);
  if (text === '') {
    throw new TranscriptParseError(
      file,
      `cue at line ${line} has no text`,
      line + 1,
      undefined,
      reasonKey('cueNoText', { line }),
    );
  }
  return { speaker, startMs, endMs, text };
}

function cueSpeaker(
  file: string,
  cue: WebVttCue,
  line: number,
  speakerMap: Record<string, Speaker> | undefined,
): Speaker {
  // Report the line holding the voice tag: that is where the fix goes.
  const textLines = cue.text.split('\n');
  const voiceLine =
    line +
    1 +
    Math.max(
      0,
      textLines.findIndex((l) => /<v[\s.>]/.test(l)),
    );
  const names = [...new Set(voiceNames(cue.tree.children))];
  if (names.length === 0) {
    throw new TranscriptParseError(
      file,
      `cue at line ${line} has no speaker: ` +
        'start its text with a voice tag such as <v Agent> or <v 고객>',
      line + 1,
      undefined,
      reasonKey('cueNoVoice', { line }),
    );
  }
  const speakers = new Set<Speaker>();
  for (const name of names) {
    const speaker = resolveSpeakerName(name, speakerMap);
    if (speaker === undefined) {
      throw new TranscriptParseError(
        file,
        `unknown speaker ${JSON.stringify(name)} (line ${voiceLine}): pass a speaker mapping, ` +
          `e.g. {${JSON.stringify(name)}: "agent"}`,
        voiceLine,
        undefined,
        {
          key: 'import.reason.unknownSpeakerVtt',
          params: { name: JSON.stringify(name), line: String(voiceLine) },
        },
      );
    }
    if (!SPEAKERS.has(speaker)) {
      throw new TranscriptParseError(
        file,
        `speaker mapping for ${JSON.stringify(name)} must be agent, customer or system, ` +
          `got ${JSON.stringify(speaker)}`,
        voiceLine,
        undefined,
        reasonKey('badSpeakerMapping', {
          name: JSON.stringify(name),
          value: JSON.stringify(speaker),
        }),
      );
    }
    speakers.add(speaker);
  }
  if (speakers.size > 1) {
    throw new TranscriptParseError(
      file,
      `cue at line ${line} has more than one speaker (${names.join(', ')}): give each its own cue`,
      voiceLine,
      undefined,
      reasonKey('cueManySpeakers', { line }),
    );
  }
  return [...speakers][0];
}

/** A <v> tag without a name counts as no voice: it cannot be attributed. */
function voiceNames(nodes: WebVttNode[]): string[] {
  return nodes.flatMap((node) => {
    if (node.type !== 'object') return [];
    const own = node.name === 'v' && node.value?.trim() ? [node.value.trim()] : [];
    return [...own, ...voiceNames(node.children)];
  });
}

/** Tags are dropped and entities already decoded; caption line wrapping is not speech. */
function plainText(nodes: WebVttNode[]): string {
  return collectText(nodes)
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

function collectText(nodes: WebVttNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.value;
      if (node.type === 'object') return collectText(node.children);
      return '';
    })
    .join('');
}
