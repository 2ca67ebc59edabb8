/**
 * Strict validation of a criterion's `auto` block (README "The `auto` block"). The scorecard
 * loader calls it so that a bad block is refused when the file is loaded, with the path of the
 * offending field; the engine calls it again on stored definitions before compiling them.
 */
import { ScorecardValidationError } from '../scorecards/scorecard-validation-error';
import type {
  AutoBlock,
  AutoSpeaker,
  AutoWindow,
  CountBlock,
  DetectorName,
  ForbiddenBlock,
  HonorificsBlock,
  InterruptionsBlock,
  NegativityBlock,
  NotesBlock,
  PhraseCondition,
  PhraseList,
  PhrasesBlock,
  SequenceBlock,
  SequenceStep,
  SilenceBlock,
  SilenceMode,
  TalkRatioBlock,
  WhenCondition,
} from './autoqa.types';
import { familyRef, hasWords, regexBody } from './text-match';

type Mapping = Record<string, unknown>;

const COMMON = ['detector', 'when'] as const;
const SCOPE = ['speaker', 'window'] as const;
const UNLESS = ['unless', 'unlessWithin'] as const;

/** The fields each detector accepts, in the order they are checked. */
export const DETECTOR_FIELDS: Record<DetectorName, readonly string[]> = {
  phrases: [
    ...COMMON,
    'anyOf',
    'allOf',
    'min',
    'max',
    'count',
    'before',
    'many',
    ...UNLESS,
    ...SCOPE,
  ],
  forbidden: [...COMMON, 'anyOf', ...UNLESS, ...SCOPE],
  sequence: [...COMMON, 'steps', 'minSteps', ...SCOPE],
  interruptions: [...COMMON, 'overlapMs', 'max', 'backchannels'],
  silence: [
    ...COMMON,
    'thresholdMs',
    'chatThresholdMs',
    'announce',
    'thank',
    'announceWithinTurns',
    'mode',
    'none',
  ],
  talk_ratio: [...COMMON, 'maxAgentRatio', 'minAgentRatio'],
  count: [...COMMON, 'anyOf', 'max', ...UNLESS, ...SCOPE],
  negativity: [
    ...COMMON,
    'lexicon',
    'minPeak',
    'segments',
    'strong',
    'calm',
    'negation',
    'resigned',
    'relief',
  ],
  notes: [...COMMON, 'purpose', 'status', 'outcome', 'date', 'vague', 'judgemental', 'minLength'],
  honorifics: [...COMMON, 'max'],
};

export const DETECTORS = Object.keys(DETECTOR_FIELDS) as DetectorName[];
const SPEAKERS: readonly AutoSpeaker[] = ['agent', 'customer', 'any'];
const WINDOW_FIELDS = [
  'firstSeconds',
  'lastSeconds',
  'firstTurns',
  'lastTurns',
  'afterCondition',
] as const;
const WHEN_FIELDS = ['customerNegative', 'silenceOverMs', 'phrases'] as const;
const PHRASE_CONDITION_FIELDS = ['anyOf', 'speaker', 'window', 'notAfter', ...UNLESS] as const;
const NOT_AFTER_FIELDS = ['anyOf', 'speaker'] as const;
const STEP_FIELDS = ['name', 'anyOf'] as const;
const SILENCE_MODES: readonly SilenceMode[] = ['announced', 'longest'];
const MAX_SEGMENTS = 10;
const MAX_NEGATIVITY = 10;

/** Thrown inside; turned into a ScorecardValidationError with the file at the entry point. */
class BlockProblem extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

function fail(path: string, reason: string): never {
  throw new BlockProblem(path, reason);
}

/**
 * Checks an `auto` block and returns it as a typed plain object with the same fields (defaults
 * are applied by the engine, not stored). `path` is the block's own path, e.g.
 * `sections[0].criteria[2].auto`.
 */
export function validateAutoBlock(block: unknown, path: string, file: string): AutoBlock {
  try {
    return readBlock(block, path);
  } catch (err) {
    if (err instanceof BlockProblem) throw new ScorecardValidationError(file, err.path, err.reason);
    throw err;
  }
}

function readBlock(value: unknown, path: string): AutoBlock {
  const map = expectMapping(value, path);
  if (map.detector === undefined) fail(join(path, 'detector'), 'is required');
  const detector = DETECTORS.find((d) => d === map.detector);
  if (detector === undefined) {
    fail(
      join(path, 'detector'),
      `unknown detector ${describe(map.detector)} (allowed: ${DETECTORS.join(', ')})`,
    );
  }
  rejectUnknownFields(map, DETECTOR_FIELDS[detector], path);
  const when = map.when === undefined ? undefined : readWhen(map.when, join(path, 'when'));
  const common = when === undefined ? {} : { when };
  switch (detector) {
    case 'phrases':
      return { detector, ...common, ...readPhrases(map, path) };
    case 'forbidden':
      return { detector, ...common, ...readForbidden(map, path) };
    case 'sequence':
      return { detector, ...common, ...readSequence(map, path) };
    case 'interruptions':
      return { detector, ...common, ...readInterruptions(map, path) };
    case 'silence':
      return { detector, ...common, ...readSilence(map, path) };
    case 'talk_ratio':
      return { detector, ...common, ...readTalkRatio(map, path) };
    case 'count':
      return { detector, ...common, ...readCount(map, path) };
    case 'negativity':
      return { detector, ...common, ...readNegativity(map, path) };
    case 'notes':
      return { detector, ...common, ...readNotes(map, path) };
    case 'honorifics':
      return { detector, ...common, ...readHonorifics(map, path) };
  }
}

function readHonorifics(map: Mapping, path: string): Body<HonorificsBlock> {
  return compact({ max: optional(map, 'max', path, wholeNumber(0)) });
}

type Body<T extends AutoBlock> = Omit<T, 'detector' | 'when'>;

function readPhrases(map: Mapping, path: string): Body<PhrasesBlock> {
  const anyOf = optional(map, 'anyOf', path, phraseList);
  const allOf = optional(map, 'allOf', path, phraseGroups);
  if (anyOf === undefined && allOf === undefined) {
    fail(join(path, 'anyOf'), 'is required (or allOf)');
  }
  const min = optional(map, 'min', path, wholeNumber(0));
  const max = optional(map, 'max', path, wholeNumber(min ?? 0));
  if (anyOf === undefined && (min !== undefined || max !== undefined)) {
    fail(
      join(path, min !== undefined ? 'min' : 'max'),
      'counts turns matching anyOf, which is missing',
    );
  }
  if (max !== undefined && min === undefined && max < 1) {
    fail(join(path, 'max'), `must be at least min (1 by default) (got ${describe(max)})`);
  }
  const count = optional(map, 'count', path, (v, p) =>
    choice(v, p, ['turns', 'distinct'] as const),
  );
  if (count !== undefined && anyOf === undefined) {
    fail(join(path, 'count'), 'counts matches of anyOf, which is missing');
  }
  const before = optional(map, 'before', path, phraseList);
  const many = optional(map, 'many', path, phraseList);
  if (many !== undefined && anyOf === undefined) fail(join(path, 'many'), 'needs anyOf');
  return compact({
    anyOf,
    allOf,
    min,
    max,
    count,
    before,
    many,
    ...readUnless(map, path),
    ...readScope(map, path),
  });
}

/** `unless`: a turn that also says one of these (or whose next `unlessWithin` turns of the same
 * speaker do) does not count. */
function readUnless(map: Mapping, path: string): { unless?: PhraseList; unlessWithin?: number } {
  const unless = optional(map, 'unless', path, phraseList);
  const unlessWithin = optional(map, 'unlessWithin', path, wholeNumber(0, 10));
  if (unlessWithin !== undefined && unless === undefined) {
    fail(join(path, 'unlessWithin'), 'needs unless');
  }
  return compact({ unless, unlessWithin });
}

function readForbidden(map: Mapping, path: string): Body<ForbiddenBlock> {
  return compact({
    anyOf: required(map, 'anyOf', path, phraseList),
    ...readUnless(map, path),
    ...readScope(map, path),
  });
}

function readSequence(map: Mapping, path: string): Body<SequenceBlock> {
  const steps = required(map, 'steps', path, stepList);
  const minSteps = optional(map, 'minSteps', path, wholeNumber(1, steps.length));
  return compact({ steps, minSteps, ...readScope(map, path) });
}

function readInterruptions(map: Mapping, path: string): Body<InterruptionsBlock> {
  return compact({
    overlapMs: optional(map, 'overlapMs', path, milliseconds),
    max: optional(map, 'max', path, wholeNumber(0)),
    backchannels: optional(map, 'backchannels', path, phraseListOrEmpty),
  });
}

function readSilence(map: Mapping, path: string): Body<SilenceBlock> {
  const block = compact({
    thresholdMs: optional(map, 'thresholdMs', path, milliseconds),
    chatThresholdMs: optional(map, 'chatThresholdMs', path, milliseconds),
    announce: optional(map, 'announce', path, phraseList),
    thank: optional(map, 'thank', path, phraseList),
    announceWithinTurns: optional(map, 'announceWithinTurns', path, wholeNumber(1)),
    mode: optional(map, 'mode', path, (v, p) => choice(v, p, SILENCE_MODES)),
    none: optional(map, 'none', path, (v, p) => choice(v, p, ['pass', 'na'] as const)),
  });
  if (block.mode === 'announced' && block.announce === undefined) {
    fail(join(path, 'announce'), 'is required when mode is announced');
  }
  return block;
}

function readTalkRatio(map: Mapping, path: string): Body<TalkRatioBlock> {
  const maxAgentRatio = optional(map, 'maxAgentRatio', path, ratio);
  const minAgentRatio = optional(map, 'minAgentRatio', path, ratio);
  if (maxAgentRatio === undefined && minAgentRatio === undefined) {
    fail(join(path, 'maxAgentRatio'), 'is required (or minAgentRatio)');
  }
  if (maxAgentRatio !== undefined && minAgentRatio !== undefined && minAgentRatio > maxAgentRatio) {
    fail(
      join(path, 'minAgentRatio'),
      `must not be above maxAgentRatio ${maxAgentRatio} (got ${describe(minAgentRatio)})`,
    );
  }
  return compact({ maxAgentRatio, minAgentRatio });
}

function readCount(map: Mapping, path: string): Body<CountBlock> {
  return compact({
    anyOf: required(map, 'anyOf', path, phraseList),
    max: required(map, 'max', path, wholeNumber(0)),
    ...readUnless(map, path),
    ...readScope(map, path),
  });
}

function readNegativity(map: Mapping, path: string): Body<NegativityBlock> {
  return compact({
    lexicon: optional(map, 'lexicon', path, phraseList),
    minPeak: optional(map, 'minPeak', path, (v, p) => numberIn(v, p, 0, MAX_NEGATIVITY)),
    segments: optional(map, 'segments', path, wholeNumber(2, MAX_SEGMENTS)),
    strong: optional(map, 'strong', path, phraseList),
    calm: optional(map, 'calm', path, phraseList),
    negation: optional(map, 'negation', path, phraseList),
    resigned: optional(map, 'resigned', path, phraseList),
    relief: optional(map, 'relief', path, phraseList),
  });
}

function readNotes(map: Mapping, path: string): Body<NotesBlock> {
  return compact({
    purpose: optional(map, 'purpose', path, phraseList),
    status: optional(map, 'status', path, phraseList),
    outcome: optional(map, 'outcome', path, phraseList),
    date: optional(map, 'date', path, phraseList),
    vague: optional(map, 'vague', path, phraseListOrEmpty),
    judgemental: optional(map, 'judgemental', path, phraseListOrEmpty),
    minLength: optional(map, 'minLength', path, wholeNumber(0)),
  });
}

function readScope(map: Mapping, path: string): { speaker?: AutoSpeaker; window?: AutoWindow } {
  return compact({
    speaker: optional(map, 'speaker', path, speaker),
    window: optional(map, 'window', path, readWindow),
  });
}

// ---------------------------------------------------------------------------------------------
// when, window, steps

function readWhen(value: unknown, path: string): WhenCondition {
  const map = expectMapping(value, path);
  rejectUnknownFields(map, WHEN_FIELDS, path);
  const keys = Object.keys(map);
  if (keys.length !== 1) {
    fail(path, `must have exactly one of ${WHEN_FIELDS.join(', ')} (got ${keys.length})`);
  }
  if (map.customerNegative !== undefined) {
    const v = map.customerNegative;
    if (typeof v !== 'boolean') {
      fail(join(path, 'customerNegative'), `must be true or false (got ${describe(v)})`);
    }
    return { customerNegative: v };
  }
  if (map.silenceOverMs !== undefined) {
    return { silenceOverMs: milliseconds(map.silenceOverMs, join(path, 'silenceOverMs')) };
  }
  return { phrases: readPhraseCondition(map.phrases, join(path, 'phrases')) };
}

function readPhraseCondition(value: unknown, path: string): PhraseCondition {
  const map = expectMapping(value, path);
  rejectUnknownFields(map, PHRASE_CONDITION_FIELDS, path);
  return compact({
    anyOf: required(map, 'anyOf', path, phraseList),
    ...readScope(map, path),
    ...readUnless(map, path),
    notAfter: optional(map, 'notAfter', path, readNotAfter),
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
  const keys = Object.keys(map);
  if (keys.length !== 1) {
    fail(path, `must have exactly one of ${WINDOW_FIELDS.join(', ')} (got ${keys.length})`);
  }
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
      fail(join(path, 'afterCondition'), `must be true (got ${describe(map.afterCondition)})`);
    }
    return { afterCondition: true };
  }
  return { lastTurns: wholeNumber(1)(map.lastTurns, join(path, 'lastTurns')) };
}

function stepList(value: unknown, path: string): SequenceStep[] {
  if (!Array.isArray(value)) fail(path, `must be a list of steps (got ${describe(value)})`);
  if (value.length === 0) fail(path, 'must contain at least one step');
  const names = new Map<string, number>();
  return value.map((item: unknown, i) => {
    const stepPath = `${path}[${i}]`;
    const map = expectMapping(item, stepPath);
    rejectUnknownFields(map, STEP_FIELDS, stepPath);
    const name = required(map, 'name', stepPath, text);
    const previous = names.get(name);
    if (previous !== undefined) {
      fail(
        join(stepPath, 'name'),
        `duplicate step name "${name}" (already used at ${path}[${previous}])`,
      );
    }
    names.set(name, i);
    return { name, anyOf: required(map, 'anyOf', stepPath, phraseList) };
  });
}

// ---------------------------------------------------------------------------------------------
// Values

type Reader<T> = (value: unknown, path: string) => T;

function required<T>(map: Mapping, field: string, path: string, read: Reader<T>): T {
  if (map[field] === undefined) fail(join(path, field), 'is required');
  return read(map[field], join(path, field));
}

function optional<T>(map: Mapping, field: string, path: string, read: Reader<T>): T | undefined {
  return map[field] === undefined ? undefined : read(map[field], join(path, field));
}

function phraseList(value: unknown, path: string): PhraseList {
  const list = phraseListOrEmpty(value, path);
  if (list.length === 0) fail(path, 'must contain at least one phrase');
  return list;
}

function phraseListOrEmpty(value: unknown, path: string): PhraseList {
  if (!Array.isArray(value)) fail(path, `must be a list of phrases (got ${describe(value)})`);
  return value.map((item: unknown, i) => phrase(item, `${path}[${i}]`));
}

function phraseGroups(value: unknown, path: string): PhraseList[] {
  if (!Array.isArray(value)) {
    fail(path, `must be a list of phrase lists (got ${describe(value)})`);
  }
  if (value.length === 0) fail(path, 'must contain at least one group of phrases');
  return value.map((group: unknown, i) => phraseList(group, `${path}[${i}]`));
}

/** A plain phrase with letters or digits, or `re:` and a valid JavaScript regex (flag u). */
function phrase(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(path, `must be a non-empty text (got ${describe(value)})`);
  }
  const family = familyRef(value);
  if (family !== null) {
    if (!/^[a-z][a-z0-9_]*$/.test(family)) {
      fail(path, `must name a phrase family as @lower_case_name (got ${describe(value)})`);
    }
    return value;
  }
  const body = regexBody(value);
  if (body === null) {
    if (!hasWords(value)) fail(path, `must contain a letter or digit (got ${describe(value)})`);
    return value;
  }
  if (body === '') fail(path, 'must have a regular expression after "re:"');
  let regex: RegExp;
  try {
    regex = new RegExp(body, 'u');
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    fail(path, `invalid regular expression: ${message}`);
  }
  if (regex.test(''))
    fail(path, `regular expression matches an empty text (got ${describe(value)})`);
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(path, `must be a non-empty text (got ${describe(value)})`);
  }
  return value.trim();
}

function speaker(value: unknown, path: string): AutoSpeaker {
  return choice(value, path, SPEAKERS);
}

function choice<T extends string>(value: unknown, path: string, choices: readonly T[]): T {
  const found = choices.find((c) => c === value);
  if (found === undefined)
    fail(path, `must be one of ${choices.join(', ')} (got ${describe(value)})`);
  return found;
}

function milliseconds(value: unknown, path: string): number {
  if (!isFiniteNumber(value) || value < 0) {
    fail(path, `must be a number of milliseconds ≥ 0 (got ${describe(value)})`);
  }
  return value;
}

function seconds(value: unknown, path: string): number {
  if (!isFiniteNumber(value) || value <= 0) {
    fail(path, `must be a number of seconds > 0 (got ${describe(value)})`);
  }
  return value;
}

function ratio(value: unknown, path: string): number {
  return numberIn(value, path, 0, 1);
}

function numberIn(value: unknown, path: string, min: number, max: number): number {
  if (!isFiniteNumber(value) || value < min || value > max) {
    fail(path, `must be a number from ${min} to ${max} (got ${describe(value)})`);
  }
  return value;
}

function wholeNumber(min: number, max?: number): Reader<number> {
  return (value, path) => {
    const ok =
      isFiniteNumber(value) &&
      Number.isInteger(value) &&
      value >= min &&
      (max === undefined || value <= max);
    if (!ok) {
      const range = max === undefined ? `≥ ${min}` : `from ${min} to ${max}`;
      fail(path, `must be a whole number ${range} (got ${describe(value)})`);
    }
    return value;
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

function join(path: string, field: string): string {
  return path === '' ? field : `${path}.${field}`;
}

function expectMapping(value: unknown, path: string): Mapping {
  if (!isMapping(value)) fail(path, `must be a mapping (got ${describe(value)})`);
  return value;
}

function rejectUnknownFields(map: Mapping, allowed: readonly string[], path: string): void {
  const unknown = Object.keys(map).find((field) => !allowed.includes(field));
  if (unknown !== undefined) {
    fail(join(path, unknown), `unknown field "${unknown}" (allowed: ${allowed.join(', ')})`);
  }
}

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The offending value as the author wrote it (NaN and ±Infinity included). */
function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  return typeof value;
}

/** Drops undefined fields so the stored block has exactly the fields that were written. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
