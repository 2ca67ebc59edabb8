import type SrtParser from 'srt-parser-2';
import { PREFIX_EXAMPLES, splitSpeakerPrefix } from './speaker-prefix';
import { KeyedTurn, ParserOptions, resolveSpeakers, withSpeakerGuess } from './speaker-roles';
import { noCuesError, ParsedTranscript, reasonKey, TranscriptParseError } from './transcript';

/** "00:00:01,000 --> 00:00:04,000", a dot for the comma, 1-2 hour and 1-3 millisecond digits. */
const TIMING =
  /^\s*(\d{1,2}):(\d{2}):(\d{2})[,.](\d{1,3})\s*-->\s*(\d{1,2}):(\d{2}):(\d{2})[,.](\d{1,3})(?:\s.*)?$/;
/** A timing anywhere in a line: a cue's text must not contain one (a blank line is missing). */
const TIMING_INSIDE = /\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->/;
const CUE_NUMBER = /^\s*\d+\s*$/;
const TIMING_EXAMPLE = '"00:00:01,000 --> 00:00:04,000"';

/** A cue as found by our own scan: where it is, for errors, and its canonical form. */
interface ScannedCue {
  /** 1-based line of the timing line. */
  line: number;
  start: string;
  end: string;
  text: string[];
}

/** The parser's output as it reaches us (the package's `Line`). */
interface SrtLine {
  startSeconds: number;
  endSeconds: number;
  text: string;
}

/**
 * SubRip (.srt) via the `srt-parser-2` package; the speaker comes from a prefix in the cue text
 * ("상담사: …", "[Agent] …", "(speaker 0) …"). The package keeps no line numbers and reads
 * malformed cues as text of the previous cue, so the file is first scanned here: every problem
 * is reported with its line, and the package gets a canonical copy of the cues.
 */
export function parseSrt(
  file: string,
  text: string,
  options: ParserOptions = {},
): ParsedTranscript {
  const scanned = scanCues(file, text.split(/\r\n|\r|\n/));
  const lines = readWithPackage(scanned);
  if (lines.length !== scanned.length) {
    throw new TranscriptParseError(
      file,
      'could not read every cue of this SubRip file',
      undefined,
      undefined,
      reasonKey('unreadableCues'),
    );
  }
  const keyed = toTurns(file, scanned, lines, options);
  const { turns, speakerGuess } = resolveSpeakers(file, keyed, options.speakerMap);
  const metadata = withSpeakerGuess({}, speakerGuess);
  return { meta: metadata ? { channel: 'voice', metadata } : { channel: 'voice' }, turns };
}

/** True when the file starts like SubRip: a cue number and a timing line, or a timing line. */
export function looksLikeSrt(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  return (
    (lines.length > 1 && CUE_NUMBER.test(lines[0]) && TIMING.test(lines[1])) ||
    (lines.length > 0 && TIMING.test(lines[0]))
  );
}

function scanCues(file: string, lines: string[]): ScannedCue[] {
  const cues: ScannedCue[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].trim() === '') {
      i++;
      continue;
    }
    // The cue number is optional here: the canonical copy numbers cues itself.
    if (CUE_NUMBER.test(lines[i]) && i + 1 < lines.length && lines[i + 1].trim() !== '') i++;
    const timing = TIMING.exec(lines[i]);
    if (!timing) {
      throw new TranscriptParseError(
        file,
        `expected a cue timing like ${TIMING_EXAMPLE}, got ${quote(lines[i])}`,
        i + 1,
        undefined,
        reasonKey('cueTiming', { line: i + 1, example: TIMING_EXAMPLE }),
      );
    }
    const cue = readCue(file, lines, i, timing);
    cues.push(cue);
    i = cue.line + cue.text.length;
  }
  if (cues.length === 0) throw noCuesError(file);
  return cues;
}

function readCue(file: string, lines: string[], i: number, timing: RegExpExecArray): ScannedCue {
  const line = i + 1;
  const [start, end] = [timing.slice(1, 5), timing.slice(5, 9)].map((parts) =>
    canonicalTime(file, parts, line),
  );
  const text: string[] = [];
  for (let j = i + 1; j < lines.length && lines[j].trim() !== ''; j++) {
    if (TIMING_INSIDE.test(lines[j])) {
      throw new TranscriptParseError(
        file,
        `a cue runs into the next one: add a blank line before line ${j + 1}`,
        j + 1,
        undefined,
        reasonKey('cueRunsOn', { line: j + 1 }),
      );
    }
    text.push(lines[j]);
  }
  if (text.length === 0) {
    throw new TranscriptParseError(
      file,
      `cue at line ${line} is empty`,
      line,
      undefined,
      reasonKey('cueEmpty', { line }),
    );
  }
  return { line, start, end, text };
}

function canonicalTime(file: string, [h, m, s, ms]: string[], line: number): string {
  if (+m > 59 || +s > 59) {
    throw new TranscriptParseError(
      file,
      `bad cue timing: minutes and seconds go up to 59 (e.g. ${TIMING_EXAMPLE})`,
      line,
      undefined,
      reasonKey('cueTimeRange', { line }),
    );
  }
  return `${h.padStart(2, '0')}:${m}:${s},${ms.padEnd(3, '0')}`;
}

function readWithPackage(cues: ScannedCue[]): SrtLine[] {
  const canonical = cues
    .map((cue, k) => `${k + 1}\n${cue.start} --> ${cue.end}\n${cue.text.join('\n')}\n`)
    .join('\n');
  return new (loadSrtParser())().fromSrt(canonical);
}

/**
 * `srt-parser-2` ships as an ES module only. Node (≥ 20.19) loads it with require(); loading it
 * lazily keeps every other format usable where that is not possible (Jest on Node < 24.9
 * cannot, see test/unit/transcripts/support/esm.ts).
 */
function loadSrtParser(): typeof SrtParser {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('srt-parser-2') as { default: typeof SrtParser };
  return loaded.default;
}

function toTurns(
  file: string,
  cues: ScannedCue[],
  lines: SrtLine[],
  options: ParserOptions,
): KeyedTurn[] {
  const turns: KeyedTurn[] = [];
  cues.forEach((cue, k) => {
    const startMs = Math.round(lines[k].startSeconds * 1000);
    const endMs = Math.round(lines[k].endSeconds * 1000);
    if (endMs < startMs) {
      throw new TranscriptParseError(
        file,
        `cue ends (${endMs} ms) before it starts (${startMs} ms)`,
        cue.line,
        undefined,
        reasonKey('cueEndsBeforeStart', { line: cue.line, startMs, endMs }),
      );
    }
    const textLines = lines[k].text.split('\n').map(stripTags);
    const prefix = splitSpeakerPrefix(file, textLines[0], options.speakerMap);
    const second = textLines
      .slice(1)
      .findIndex((l) => splitSpeakerPrefix(file, l, options.speakerMap) !== undefined);
    if (second >= 0) {
      throw new TranscriptParseError(
        file,
        `cue at line ${cue.line} has more than one speaker: give each its own cue`,
        cue.line + second + 2,
        undefined,
        reasonKey('cueManySpeakers', { line: cue.line }),
      );
    }
    const previous = turns[turns.length - 1];
    if (!prefix && !previous) {
      throw new TranscriptParseError(
        file,
        `cue at line ${cue.line} has no speaker: start its text with ${PREFIX_EXAMPLES}`,
        cue.line + 1,
        undefined,
        reasonKey('cueNoSpeaker', { line: cue.line }),
      );
    }
    const words = [prefix ? prefix.rest : textLines[0], ...textLines.slice(1)]
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .join(' ');
    if (words === '') {
      throw new TranscriptParseError(
        file,
        `cue at line ${cue.line} has no text`,
        cue.line + 1,
        undefined,
        reasonKey('cueNoText', { line: cue.line }),
      );
    }
    // A cue without a prefix continues the previous speaker, as subtitles usually do.
    const speaker = prefix ?? previous;
    turns.push({ key: speaker.key, role: speaker.role, startMs, endMs, text: words });
  });
  return turns;
}

/** Formatting tags (<i>, <font …>) and ASS overrides ({\an8}) are not speech. */
function stripTags(line: string): string {
  return line.replace(/<\/?[a-z][^>]*>/gi, '').replace(/\{\\[^}]*\}/g, '');
}

function quote(line: string): string {
  const trimmed = line.trim();
  return JSON.stringify(trimmed.length > 60 ? `${trimmed.slice(0, 59)}…` : trimmed);
}
