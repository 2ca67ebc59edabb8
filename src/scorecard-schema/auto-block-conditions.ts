/**
 * The parts of an `auto` block several detectors share: `when`, `speaker` and `window`,
 * `unless`, and a sequence's steps. Problems are `SchemaProblem`s with the field's path. Pure.
 */
import type {
  AutoSpeaker,
  AutoWindow,
  PhraseCondition,
  PhraseList,
  SequenceStep,
  WhenCondition,
} from '../autoqa/autoqa.types';
import { describe, fail } from './scorecard-problem';
import {
  booleanValue,
  expectMapping,
  join,
  type Mapping,
  rejectUnknownFields,
  text,
} from './schema-fields';
import {
  compact,
  milliseconds,
  modelGate,
  optional,
  phraseList,
  required,
  seconds,
  speaker,
  wholeNumber,
} from './auto-block-values';

export const UNLESS = ['unless', 'unlessWithin'] as const;
const WINDOW_FIELDS = [
  'firstSeconds',
  'lastSeconds',
  'firstTurns',
  'lastTurns',
  'afterCondition',
] as const;
const WHEN_FIELDS = ['customerNegative', 'silenceOverMs', 'phrases'] as const;
const PHRASE_CONDITION_FIELDS = [
  'anyOf',
  'speaker',
  'window',
  'notAfter',
  'keepIf',
  'model',
  ...UNLESS,
] as const;
const NOT_AFTER_FIELDS = ['anyOf', 'speaker'] as const;
const STEP_FIELDS = ['name', 'anyOf'] as const;

/** `unless`: a turn that also says one of these (or whose next `unlessWithin` turns of the same
 * speaker do) does not count. */
export function readUnless(
  map: Mapping,
  path: string,
): { unless?: PhraseList; unlessWithin?: number } {
  const unless = optional(map, 'unless', path, phraseList);
  const unlessWithin = optional(map, 'unlessWithin', path, wholeNumber(0, 10));
  if (unlessWithin !== undefined && unless === undefined) {
    fail(join(path, 'unlessWithin'), 'needs', { field: 'unless' });
  }
  return compact({ unless, unlessWithin });
}

export function readScope(
  map: Mapping,
  path: string,
): { speaker?: AutoSpeaker; window?: AutoWindow } {
  return compact({
    speaker: optional(map, 'speaker', path, speaker),
    window: optional(map, 'window', path, readWindow),
  });
}

export function readWhen(value: unknown, path: string): WhenCondition {
  const map = expectMapping(value, path);
  rejectUnknownFields(map, WHEN_FIELDS, path);
  exactlyOne(map, WHEN_FIELDS, path);
  if (map.customerNegative !== undefined) {
    return { customerNegative: booleanValue(map.customerNegative, join(path, 'customerNegative')) };
  }
  if (map.silenceOverMs !== undefined) {
    return { silenceOverMs: milliseconds(map.silenceOverMs, join(path, 'silenceOverMs')) };
  }
  return { phrases: readPhraseCondition(map.phrases, join(path, 'phrases')) };
}

function exactlyOne(map: Mapping, fields: readonly string[], path: string): void {
  const count = Object.keys(map).length;
  if (count !== 1) fail(path, 'exactlyOne', { choices: fields.join(', '), count: String(count) });
}

function readPhraseCondition(value: unknown, path: string): PhraseCondition {
  const map = expectMapping(value, path);
  rejectUnknownFields(map, PHRASE_CONDITION_FIELDS, path);
  const unless = readUnless(map, path);
  const keepIf = optional(map, 'keepIf', path, phraseList);
  if (keepIf !== undefined && unless.unless === undefined) {
    fail(join(path, 'keepIf'), 'needs', { field: 'unless' });
  }
  return compact({
    anyOf: required(map, 'anyOf', path, phraseList),
    ...readScope(map, path),
    ...unless,
    notAfter: optional(map, 'notAfter', path, readNotAfter),
    keepIf,
    model: optional(map, 'model', path, modelGate),
  });
}

function readNotAfter(value: unknown, path: string): NonNullable<PhraseCondition['notAfter']> {
  const map = expectMapping(value, path);
  rejectUnknownFields(map, NOT_AFTER_FIELDS, path);
  return compact({
    anyOf: required(map, 'anyOf', path, phraseList),
    speaker: optional(map, 'speaker', path, speaker),
  });
}

function readWindow(value: unknown, path: string): AutoWindow {
  const map = expectMapping(value, path);
  rejectUnknownFields(map, WINDOW_FIELDS, path);
  exactlyOne(map, WINDOW_FIELDS, path);
  if (map.firstSeconds !== undefined) {
    return { firstSeconds: seconds(map.firstSeconds, join(path, 'firstSeconds')) };
  }
  if (map.lastSeconds !== undefined) {
    return { lastSeconds: seconds(map.lastSeconds, join(path, 'lastSeconds')) };
  }
  if (map.firstTurns !== undefined) {
    return { firstTurns: wholeNumber(1)(map.firstTurns, join(path, 'firstTurns')) };
  }
  if (map.afterCondition !== undefined) {
    if (map.afterCondition !== true) {
      fail(join(path, 'afterCondition'), 'mustBeTrue', { got: describe(map.afterCondition) });
    }
    return { afterCondition: true };
  }
  return { lastTurns: wholeNumber(1)(map.lastTurns, join(path, 'lastTurns')) };
}

export function stepList(value: unknown, path: string): SequenceStep[] {
  if (!Array.isArray(value)) fail(path, 'stepList', { got: describe(value) });
  if (value.length === 0) fail(path, 'emptySteps');
  const names = new Map<string, number>();
  return value.map((item: unknown, i) => {
    const stepPath = `${path}[${i}]`;
    const map = expectMapping(item, stepPath);
    rejectUnknownFields(map, STEP_FIELDS, stepPath);
    const name = required(map, 'name', stepPath, text);
    const previous = names.get(name);
    if (previous !== undefined) {
      fail(join(stepPath, 'name'), 'duplicateStep', { name, at: `${path}[${previous}]` });
    }
    names.set(name, i);
    return { name, anyOf: required(map, 'anyOf', stepPath, phraseList) };
  });
}
