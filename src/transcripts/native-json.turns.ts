/**
 * The turns of the native JSON format: speaker, times (milliseconds or seconds) and text of each
 * turn, and the check that they come in time order. Each problem is a TranscriptParseError located
 * at the turn (and its property).
 */
import { isObject, isPresent, kindOf, type JsonObject } from './json-fields';
import type { JsonDocument } from './json-text';
import { type Channel, reasonKey, type Speaker, type TranscriptTurn } from './transcript';

/** Longer "turns" are almost always a whole call pasted into one field, not one utterance. */
export const MAX_TURN_TEXT_CHARS = 20_000;

/** Korean exports label speakers in Korean; accepting both saves a mapping step. */
const SPEAKER_NAMES: Readonly<Record<string, Speaker>> = {
  agent: 'agent',
  customer: 'customer',
  system: 'system',
  상담사: 'agent',
  상담원: 'agent',
  고객: 'customer',
  시스템: 'system',
};

export function readTurns(
  doc: JsonDocument,
  root: JsonObject,
  channel: Channel | undefined,
): TranscriptTurn[] {
  const raw = root.turns;
  if (raw === undefined) {
    throw doc.error('not a transcript: no turns array', reasonKey('noTurnsArray'));
  }
  if (!Array.isArray(raw)) {
    throw doc.propertyError(
      'turns',
      `not a transcript: no turns array (turns is ${kindOf(raw)})`,
      reasonKey('mustBeArray'),
    );
  }
  if (raw.length === 0) {
    throw doc.propertyError('turns', 'no turns: the turns array is empty', reasonKey('emptyList'));
  }

  const turns: TranscriptTurn[] = [];
  raw.forEach((item: unknown, index) => {
    const { turn, startKey } = readTurn(doc, item, index, channel);
    const previous = turns[turns.length - 1];
    if (previous && isGarbageOrder(previous, turn)) {
      throw doc.turnError(
        index,
        startKey,
        garbageOrderReason(previous, turn),
        reasonKey('turnsOutOfOrder', {
          startMs: turn.startMs,
          previousStartMs: previous.startMs,
          previousEndMs: previous.endMs,
        }),
      );
    }
    turns.push(turn);
  });
  return turns;
}

/**
 * Overlapping speech and diarisation jitter make a turn start a little before the previous one;
 * sorting fixes that. Starting earlier than the previous turn's start by more than its length
 * means the file is not in time order at all (e.g. one channel after the other), which we refuse
 * rather than silently interleave.
 */
function isGarbageOrder(previous: TranscriptTurn, turn: TranscriptTurn): boolean {
  return previous.startMs - turn.startMs > previous.endMs - previous.startMs;
}

function garbageOrderReason(previous: TranscriptTurn, turn: TranscriptTurn): string {
  const back = previous.startMs - turn.startMs;
  return (
    `turns out of order: this turn starts at ${turn.startMs} ms, ${back} ms before the previous ` +
    `turn (${previous.startMs}-${previous.endMs} ms); a turn may start before the previous one ` +
    "by at most that turn's length. List the turns in time order"
  );
}

function readTurn(
  doc: JsonDocument,
  item: unknown,
  index: number,
  channel: Channel | undefined,
): { turn: TranscriptTurn; startKey: string } {
  if (!isObject(item)) {
    throw doc.turnError(
      index,
      undefined,
      `turn must be an object, got ${kindOf(item)}`,
      reasonKey('mustBeObject'),
    );
  }
  const speaker = readSpeaker(doc, item.speaker, index);
  const times = readTimes(doc, item, index, channel);
  const text = readText(doc, item.text, index);
  return {
    turn: { speaker, startMs: times.startMs, endMs: times.endMs, text },
    startKey: times.startKey,
  };
}

function readSpeaker(doc: JsonDocument, value: unknown, index: number): Speaker {
  if (value === undefined || value === null) {
    throw doc.turnError(
      index,
      'speaker',
      'missing speaker (agent, customer or system)',
      reasonKey('fieldMissing'),
    );
  }
  if (typeof value !== 'string') {
    throw doc.turnError(
      index,
      'speaker',
      `speaker must be a string, got ${kindOf(value)}`,
      reasonKey('mustBeString'),
    );
  }
  const name = value.trim().toLowerCase();
  // hasOwn: "constructor" and friends are not speakers.
  const speaker = Object.hasOwn(SPEAKER_NAMES, name) ? SPEAKER_NAMES[name] : undefined;
  if (!speaker) {
    throw doc.turnError(
      index,
      'speaker',
      `unknown speaker ${JSON.stringify(value)}: use agent, customer or system (or 상담사, 고객, 시스템)`,
      reasonKey('unknownValue', {
        value: JSON.stringify(value),
        allowed: '"agent", "customer", "system", "상담사", "고객", "시스템"',
      }),
    );
  }
  return speaker;
}

interface TimeUnit {
  startKey: 'startMs' | 'start';
  endKey: 'endMs' | 'end';
  /** Factor to milliseconds. */
  scale: number;
  name: string;
}

const MILLISECONDS: TimeUnit = {
  startKey: 'startMs',
  endKey: 'endMs',
  scale: 1,
  name: 'milliseconds',
};
const SECONDS: TimeUnit = { startKey: 'start', endKey: 'end', scale: 1000, name: 'seconds' };

function readTimes(
  doc: JsonDocument,
  item: JsonObject,
  index: number,
  channel: Channel | undefined,
): { startMs: number; endMs: number; startKey: string } {
  const unit = timeUnitOf(doc, item, index);
  const startMs = readTime(doc, item[unit.startKey], index, unit, unit.startKey);
  const rawEnd = item[unit.endKey];
  if ((rawEnd === undefined || rawEnd === null) && channel === 'chat') {
    // A chat message is a point in time.
    return { startMs, endMs: startMs, startKey: unit.startKey };
  }
  const endMs = readTime(doc, rawEnd, index, unit, unit.endKey);
  if (endMs < startMs) {
    throw doc.turnError(
      index,
      unit.endKey,
      `turn ends before it starts (${unit.endKey} ${String(rawEnd)} < ` +
        `${unit.startKey} ${String(item[unit.startKey])})`,
      reasonKey('endsBeforeStart', { startMs, endMs }),
    );
  }
  return { startMs, endMs, startKey: unit.startKey };
}

/** Mixing units within a turn is almost certainly a mistake that would scale one end by 1000. */
function timeUnitOf(doc: JsonDocument, item: JsonObject, index: number): TimeUnit {
  const hasMs = isPresent(item.startMs) || isPresent(item.endMs);
  const hasSeconds = isPresent(item.start) || isPresent(item.end);
  if (hasMs && hasSeconds) {
    throw doc.turnError(
      index,
      undefined,
      'turn mixes startMs/endMs (milliseconds) with start/end (seconds): use one pair',
      reasonKey('mixedTimeUnits'),
    );
  }
  return hasSeconds ? SECONDS : MILLISECONDS;
}

function readTime(
  doc: JsonDocument,
  value: unknown,
  index: number,
  unit: TimeUnit,
  key: string,
): number {
  const what = key.startsWith('start') ? 'start' : 'end';
  if (!isPresent(value)) {
    const hint = what === 'end' ? ' (only chat transcripts may omit it)' : '';
    throw doc.turnError(
      index,
      key,
      `missing ${what} time: give ${what}Ms (milliseconds) or ${what} (seconds)${hint}`,
      reasonKey(what === 'end' ? 'endTimeMissing' : 'startTimeMissing'),
    );
  }
  if (typeof value !== 'number') {
    throw doc.turnError(
      index,
      key,
      `${key} must be a number of ${unit.name}, got ${kindOf(value)}`,
      reasonKey(unit === SECONDS ? 'mustBeSeconds' : 'mustBeMilliseconds'),
    );
  }
  if (!Number.isFinite(value)) {
    throw doc.turnError(index, key, `${key} must be a finite number`, reasonKey('mustBeFinite'));
  }
  if (value < 0) {
    throw doc.turnError(
      index,
      key,
      `${key} must not be negative, got ${value}`,
      reasonKey('mustNotBeNegative'),
    );
  }
  const ms = Math.round(value * unit.scale);
  if (!Number.isSafeInteger(ms)) {
    throw doc.turnError(index, key, `${key} is too large: ${value}`, reasonKey('valueTooLarge'));
  }
  return ms + 0; // + 0 turns a JSON "-0" into 0
}

function readText(doc: JsonDocument, value: unknown, index: number): string {
  if (!isPresent(value)) {
    throw doc.turnError(index, 'text', 'missing text', reasonKey('fieldMissing'));
  }
  if (typeof value !== 'string') {
    throw doc.turnError(
      index,
      'text',
      `text must be a string, got ${kindOf(value)}`,
      reasonKey('mustBeString'),
    );
  }
  const text = value.trim();
  if (text === '') throw doc.turnError(index, 'text', 'empty text', reasonKey('fieldEmpty'));
  const length = characterCount(text);
  if (length > MAX_TURN_TEXT_CHARS) {
    throw doc.turnError(
      index,
      'text',
      `text is ${length.toLocaleString('en-US')} characters; ` +
        `the limit is ${MAX_TURN_TEXT_CHARS.toLocaleString('en-US')} per turn`,
      reasonKey('textTooLong', { length, limit: MAX_TURN_TEXT_CHARS }),
    );
  }
  return text;
}

/** Counts code points, as a person would, so Korean and emoji are not penalised. */
function characterCount(text: string): number {
  if (text.length <= MAX_TURN_TEXT_CHARS) return text.length;
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) pairs++;
    }
  }
  return text.length - pairs;
}
