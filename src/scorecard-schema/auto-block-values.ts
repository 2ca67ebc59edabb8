/**
 * The values of an `auto` block (README "The `auto` block"): phrases and phrase lists, speakers,
 * durations, ratios and whole numbers. Each reader returns the value it checked or throws a
 * `SchemaProblem` with the field's path and a message key. Pure.
 */
import type { AutoSpeaker, ModelGate, PhraseList } from '../autoqa/autoqa.types';
import { describe, fail } from './scorecard-problem';
import { choice, isFiniteNumber, join, type Mapping } from './schema-fields';
import { familyRef, hasWords, regexBody } from './phrase-syntax';

const SPEAKERS: readonly AutoSpeaker[] = ['agent', 'customer', 'any'];

export type Reader<T> = (value: unknown, path: string) => T;

export function required<T>(map: Mapping, field: string, path: string, read: Reader<T>): T {
  if (map[field] === undefined) fail(join(path, field), 'required');
  return read(map[field], join(path, field));
}

export function optional<T>(
  map: Mapping,
  field: string,
  path: string,
  read: Reader<T>,
): T | undefined {
  return map[field] === undefined ? undefined : read(map[field], join(path, field));
}

export function phraseList(value: unknown, path: string): PhraseList {
  const list = phraseListOrEmpty(value, path);
  if (list.length === 0) fail(path, 'emptyPhrases');
  return list;
}

export function phraseListOrEmpty(value: unknown, path: string): PhraseList {
  if (!Array.isArray(value)) fail(path, 'phraseList', { got: describe(value) });
  return value.map((item: unknown, i) => phrase(item, `${path}[${i}]`));
}

export function phraseGroups(value: unknown, path: string): PhraseList[] {
  if (!Array.isArray(value)) fail(path, 'phraseGroups', { got: describe(value) });
  if (value.length === 0) fail(path, 'emptyPhraseGroups');
  return value.map((group: unknown, i) => phraseList(group, `${path}[${i}]`));
}

/** A plain phrase with letters or digits, or `re:` and a valid JavaScript regex (flag u). */
function phrase(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(path, 'emptyPhrase', { got: describe(value) });
  }
  const family = familyRef(value);
  if (family !== null) {
    if (!/^[a-z][a-z0-9_]*$/.test(family)) fail(path, 'familyName', { got: describe(value) });
    return value;
  }
  const body = regexBody(value);
  if (body === null) {
    if (!hasWords(value)) fail(path, 'noWords', { got: describe(value) });
    return value;
  }
  if (body === '') fail(path, 'emptyRegex');
  let regex: RegExp;
  try {
    regex = new RegExp(body, 'u');
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    fail(path, 'regex', { detail: message });
  }
  if (regex.test('')) fail(path, 'regexMatchesEmpty', { got: describe(value) });
  return value;
}

export function speaker(value: unknown, path: string): AutoSpeaker {
  return choice(value, path, SPEAKERS);
}

export function milliseconds(value: unknown, path: string): number {
  if (!isFiniteNumber(value) || value < 0) fail(path, 'milliseconds', { got: describe(value) });
  return value;
}

export function seconds(value: unknown, path: string): number {
  if (!isFiniteNumber(value) || value <= 0) fail(path, 'seconds', { got: describe(value) });
  return value;
}

export function wholeNumber(min: number, max?: number): Reader<number> {
  return (value, path) => {
    const ok =
      isFiniteNumber(value) &&
      Number.isInteger(value) &&
      value >= min &&
      (max === undefined || value <= max);
    if (!ok) {
      const got = describe(value);
      if (max === undefined) fail(path, 'wholeMin', { min: String(min), got });
      fail(path, 'wholeRange', { min: String(min), max: String(max), got });
    }
    return value;
  };
}

/** Drops undefined fields so the stored block has exactly the fields that were written. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const MODEL_NAME = /^[a-z][a-z0-9_]*$/;
const MODEL_GATE_FIELDS = ['name', 'below', 'above'];

/** `model: { name, below, above }` (0 ≤ below ≤ above ≤ 1); the name is checked with the file. */
export function modelGate(value: unknown, path: string): ModelGate {
  const map = value as Mapping;
  const ok =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(map).every((k) => MODEL_GATE_FIELDS.includes(k)) &&
    typeof map.name === 'string' &&
    MODEL_NAME.test(map.name) &&
    isFiniteNumber(map.below) &&
    isFiniteNumber(map.above) &&
    map.below >= 0 &&
    map.below <= map.above &&
    map.above <= 1;
  if (!ok) fail(path, 'modelGate', { fields: 'name, below, above', rule: '0 ≤ below ≤ above ≤ 1' });
  return { name: map.name as string, below: map.below as number, above: map.above as number };
}
