import { readFileSync } from 'fs';
import * as path from 'path';
import {
  parseTranscripts,
  ParseTranscriptOptions,
  TranscriptFormat,
} from '../../../../src/transcripts/parse-transcript';
import { ParsedTranscript, TranscriptParseError } from '../../../../src/transcripts/transcript';

/** The public real files (read in place, never copied into the project). */
export const EXTERNAL = path.resolve(__dirname, '../../../fixtures/external');
export const FORMATS = path.resolve(__dirname, '../../../fixtures/formats');

export function external(name: string): Buffer {
  return readFileSync(path.join(EXTERNAL, name));
}

export function fixture(name: string): Buffer {
  return readFileSync(path.join(FORMATS, name));
}

export function fixtureJson(name: string): unknown {
  return JSON.parse(fixture(name).toString('utf8'));
}

/** Runs `fn`, requires a TranscriptParseError, and returns it for closer inspection. */
export function parseError(fn: () => unknown): TranscriptParseError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TranscriptParseError) return error;
    throw new Error(`expected a TranscriptParseError, got ${String(error)}`);
  }
  throw new Error('expected a TranscriptParseError, but parsing succeeded');
}

export function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value, null, 2));
}

const SPEAKERS = new Set(['agent', 'customer', 'system']);

/** The guarantees every parsed transcript gives; throws with the first one broken. */
export function checkTranscript(transcript: ParsedTranscript): void {
  if (typeof transcript.meta !== 'object' || transcript.meta === null) throw new Error('no meta');
  if (!Array.isArray(transcript.turns) || transcript.turns.length === 0) {
    throw new Error('no turns');
  }
  transcript.turns.forEach((turn, i) => {
    const where = `turn ${i} ${JSON.stringify(turn)}`;
    if (!Number.isSafeInteger(turn.startMs) || !Number.isSafeInteger(turn.endMs)) {
      throw new Error(`${where}: times are not integers`);
    }
    if (turn.startMs < 0 || turn.endMs < turn.startMs) throw new Error(`${where}: bad times`);
    if (!SPEAKERS.has(turn.speaker)) throw new Error(`${where}: unknown speaker`);
    if (
      typeof turn.text !== 'string' ||
      turn.text.trim() === '' ||
      turn.text !== turn.text.trim()
    ) {
      throw new Error(`${where}: bad text`);
    }
    if (i > 0 && turn.startMs < transcript.turns[i - 1].startMs)
      throw new Error(`${where}: unsorted`);
  });
}

/**
 * The property every parser must hold: a valid transcript (or several), or a TranscriptParseError
 * with a reason — never another exception, never a partial result.
 */
export function parsesOrRefuses(
  file: string,
  bytes: Buffer,
  options: ParseTranscriptOptions = {},
): 'parsed' | 'refused' {
  let transcripts: ParsedTranscript[];
  try {
    transcripts = parseTranscripts(file, bytes, options);
  } catch (error) {
    if (error instanceof TranscriptParseError && error.reason.trim() !== '') return 'refused';
    throw error;
  }
  if (transcripts.length === 0) throw new Error('an empty list of transcripts');
  transcripts.forEach(checkTranscript);
  return 'parsed';
}

export type { TranscriptFormat };
