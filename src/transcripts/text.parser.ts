import {
  nameBeforeColon,
  PREFIX_EXAMPLES,
  PREFIX_LIST,
  splitSpeakerPrefix,
} from './speaker-prefix';
import { KeyedTurn, ParserOptions, resolveSpeakers, withSpeakerGuess } from './speaker-roles';
import { ParsedTranscript, Speaker, reasonKey, TranscriptParseError } from './transcript';

/** Turns of a transcript without time stamps are spaced this far apart. */
export const SYNTHETIC_TURN_GAP_MS = 2000;

interface TextTurn {
  key: string;
  role?: Speaker;
  line: number;
  startMs?: number;
  text: string;
}

/** "[00:01:02]", "[01:02]", "[00:01:02.500]" */
const BRACKET_TIME = /^\s*\[(?:(\d{1,2}):)?(\d{1,3}):(\d{2})(?:[.,](\d{1,3}))?\]\s*/;
/** "00:01:02 - ", "01:02 – " */
const DASH_TIME = /^\s*(?:(\d{1,2}):)?(\d{1,3}):(\d{2})(?:[.,](\d{1,3}))?\s*[-–—]\s*/;

/**
 * Plain text, one turn per line, each starting with a speaker prefix ("상담사: …", "Agent: …",
 * "[Customer] …", "(speaker 0) …"), optionally after a time stamp ("[00:01:02]" or
 * "00:01:02 -"). Lines without a prefix continue the previous turn. See README.md.
 */
export function parsePlainText(
  file: string,
  text: string,
  options: ParserOptions = {},
): ParsedTranscript {
  const lines = text.split(/\r\n|\r|\n/);
  const turns = readTurns(file, lines, options);
  const timed = withTimes(file, turns);
  const { turns: resolved, speakerGuess } = resolveSpeakers(file, timed, options.speakerMap);
  const metadata = withSpeakerGuess({}, speakerGuess);
  return { meta: metadata ? { metadata } : {}, turns: resolved };
}

/** True when the first non-blank line starts with a speaker prefix (for format detection). */
export function looksLikeSpeakerText(text: string): boolean {
  const first = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '');
  if (first === undefined) return false;
  const body = matchTime(first)?.rest ?? first;
  return splitSpeakerPrefix('', body, undefined) !== undefined;
}

function readTurns(file: string, lines: string[], options: ParserOptions): TextTurn[] {
  const turns: TextTurn[] = [];
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    if (raw.trim() === '') return;
    const time = readTime(file, raw, lineNo);
    const body = time ? time.rest : raw;
    const prefix = splitSpeakerPrefix(file, body, options.speakerMap);
    const previous = turns[turns.length - 1];
    if (prefix) {
      turns.push({
        key: prefix.key,
        role: prefix.role,
        line: lineNo,
        startMs: time?.ms,
        text: prefix.rest,
      });
    } else if (previous === undefined) {
      throw noSpeakerError(file, body, lineNo);
    } else if (time) {
      // A new time stamp without a name: the same person again.
      turns.push({ ...previous, line: lineNo, startMs: time.ms, text: body.trim() });
    } else {
      previous.text = previous.text === '' ? raw.trim() : `${previous.text} ${raw.trim()}`;
    }
  });
  if (turns.length === 0) {
    throw new TranscriptParseError(
      file,
      'no turns: the file has no lines',
      undefined,
      undefined,
      reasonKey('noLines'),
    );
  }
  const empty = turns.find((turn) => turn.text === '');
  if (empty) {
    throw new TranscriptParseError(
      file,
      `line ${empty.line} names a speaker but has no text`,
      empty.line,
      undefined,
      reasonKey('lineNoText', { line: empty.line }),
    );
  }
  return turns;
}

function noSpeakerError(file: string, body: string, line: number): TranscriptParseError {
  const name = nameBeforeColon(body);
  if (name !== undefined) {
    return new TranscriptParseError(
      file,
      `unknown speaker ${JSON.stringify(name)} (line ${line}): use ${PREFIX_EXAMPLES}, or pass a ` +
        `speaker mapping, e.g. {${JSON.stringify(name)}: "agent"}`,
      line,
      undefined,
      {
        key: 'import.reason.unknownSpeakerText',
        params: { name: JSON.stringify(name), line: String(line), examples: PREFIX_LIST },
      },
    );
  }
  return new TranscriptParseError(
    file,
    `line ${line} has no speaker: start each turn with ${PREFIX_EXAMPLES}`,
    line,
    undefined,
    reasonKey('lineNoSpeaker', { line }),
  );
}

interface TimeStamp {
  stamp: string;
  hours?: string;
  minutes: string;
  seconds: string;
  fraction?: string;
  rest: string;
}

function matchTime(line: string): TimeStamp | undefined {
  const match = BRACKET_TIME.exec(line) ?? DASH_TIME.exec(line);
  if (!match) return undefined;
  const [stamp, hours, minutes, seconds, fraction] = match;
  return { stamp: stamp.trim(), hours, minutes, seconds, fraction, rest: line.slice(stamp.length) };
}

function readTime(
  file: string,
  line: string,
  lineNo: number,
): { ms: number; rest: string } | undefined {
  const time = matchTime(line);
  if (time === undefined) return undefined;
  const { hours, minutes, seconds, fraction } = time;
  if (+seconds > 59 || (hours !== undefined && +minutes > 59)) {
    throw new TranscriptParseError(
      file,
      `bad time stamp ${JSON.stringify(time.stamp)}: minutes and seconds go up to 59`,
      lineNo,
      undefined,
      reasonKey('timeStampRange', { line: lineNo, stamp: JSON.stringify(time.stamp) }),
    );
  }
  const ms =
    ((Number(hours ?? 0) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 +
    Number((fraction ?? '0').padEnd(3, '0'));
  return { ms, rest: time.rest };
}

/**
 * Either every turn has a time stamp or none does. With times, a turn lasts until the next one
 * starts (the last one is a point); without, turns are 2 s apart and points (endMs = startMs).
 */
function withTimes(file: string, turns: TextTurn[]): KeyedTurn[] {
  const first = turns[0];
  const mismatch = turns.find(
    (turn) => (turn.startMs === undefined) !== (first.startMs === undefined),
  );
  if (mismatch) {
    throw new TranscriptParseError(
      file,
      `line ${mismatch.line} ${mismatch.startMs === undefined ? 'has no' : 'has a'} time stamp ` +
        `but line ${first.line} ${first.startMs === undefined ? 'has none' : 'has one'}: ` +
        'give every turn a time stamp, or none',
      mismatch.line,
      undefined,
      reasonKey(mismatch.startMs === undefined ? 'timeStampMissing' : 'timeStampUnexpected', {
        line: mismatch.line,
        first: first.line,
      }),
    );
  }
  const starts = turns.map((turn, i) => turn.startMs ?? i * SYNTHETIC_TURN_GAP_MS);
  starts.forEach((start, i) => {
    if (i > 0 && start < starts[i - 1]) {
      throw new TranscriptParseError(
        file,
        `time goes backwards: line ${turns[i].line} starts at ${formatClock(start)}, before ` +
          `line ${turns[i - 1].line} (${formatClock(starts[i - 1])})`,
        turns[i].line,
        undefined,
        reasonKey('timeBackwards', {
          line: turns[i].line,
          time: formatClock(start),
          previousLine: turns[i - 1].line,
          previousTime: formatClock(starts[i - 1]),
        }),
      );
    }
  });
  const timed = first.startMs !== undefined;
  return turns.map((turn, i) => ({
    key: turn.key,
    role: turn.role,
    text: turn.text,
    startMs: starts[i],
    endMs: timed && i + 1 < starts.length ? starts[i + 1] : starts[i],
  }));
}

function formatClock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(Math.floor(total / 3600))}:${two(Math.floor(total / 60) % 60)}:${two(total % 60)}`;
}
