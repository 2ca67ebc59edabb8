/**
 * Strict validation of a criterion's `auto` block (README "The `auto` block"). The scorecard
 * loader calls it so that a bad block is refused when the file is loaded, with the path of the
 * offending field and a message key for the reader's language; the engine calls it again on
 * stored definitions before compiling them. Shared parts are in auto-block-conditions.ts, the
 * values in auto-block-values.ts.
 */
import { ScorecardValidationError } from './scorecard-validation-error';
import { describe, fail, SchemaProblem } from './scorecard-problem';
import {
  expectMapping,
  join,
  type Mapping,
  numberIn,
  rejectUnknownFields,
  choice,
} from './schema-fields';
import type {
  AutoBlock,
  CountBlock,
  DetectorName,
  ForbiddenBlock,
  HonorificsBlock,
  InterruptionsBlock,
  NegativityBlock,
  NotesBlock,
  PhrasesBlock,
  SequenceBlock,
  SilenceBlock,
  SilenceMode,
  TalkRatioBlock,
  VolunteeredGroup,
} from '../autoqa/autoqa.types';
import { readScope, readUnless, readWhen, stepList, UNLESS } from './auto-block-conditions';
import {
  compact,
  milliseconds,
  modelGate,
  optional,
  phraseGroups,
  phraseList,
  phraseListOrEmpty,
  required,
  wholeNumber,
} from './auto-block-values';

const COMMON = ['detector', 'when'] as const;
const SCOPE = ['speaker', 'window'] as const;

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
    'volunteered',
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
    'admitted',
    'model',
  ],
  notes: [...COMMON, 'purpose', 'status', 'outcome', 'date', 'vague', 'judgemental', 'minLength'],
  honorifics: [...COMMON, 'max'],
};

export const DETECTORS = Object.keys(DETECTOR_FIELDS) as DetectorName[];
const SILENCE_MODES: readonly SilenceMode[] = ['announced', 'longest'];
const MAX_SEGMENTS = 10;
const MAX_NEGATIVITY = 10;

/**
 * Checks an `auto` block and returns it as a typed plain object with the same fields (defaults
 * are applied by the engine, not stored). `path` is the block's own path, e.g.
 * `sections[0].criteria[2].auto`.
 */
export function validateAutoBlock(block: unknown, path: string, file: string): AutoBlock {
  try {
    return readBlock(block, path);
  } catch (err) {
    if (err instanceof SchemaProblem) {
      throw new ScorecardValidationError(file, err.path, err.reason, err.messageKey);
    }
    throw err;
  }
}

function readBlock(value: unknown, path: string): AutoBlock {
  const map = expectMapping(value, path);
  if (map.detector === undefined) fail(join(path, 'detector'), 'required');
  const detector = DETECTORS.find((d) => d === map.detector);
  if (detector === undefined) {
    fail(join(path, 'detector'), 'detector', {
      got: describe(map.detector),
      allowed: DETECTORS.join(', '),
    });
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
    fail(join(path, 'anyOf'), 'requiredOr', { other: 'allOf' });
  }
  const min = optional(map, 'min', path, wholeNumber(0));
  const max = optional(map, 'max', path, wholeNumber(min ?? 0));
  if (anyOf === undefined && (min !== undefined || max !== undefined)) {
    fail(join(path, min !== undefined ? 'min' : 'max'), 'countsTurnsNeedAnyOf');
  }
  if (max !== undefined && min === undefined && max < 1) {
    fail(join(path, 'max'), 'maxBelowMin', { got: describe(max) });
  }
  const count = optional(map, 'count', path, (v, p) =>
    choice(v, p, ['turns', 'distinct'] as const),
  );
  if (count !== undefined && anyOf === undefined) {
    fail(join(path, 'count'), 'countNeedsAnyOf');
  }
  const before = optional(map, 'before', path, phraseList);
  const many = optional(map, 'many', path, phraseList);
  if (many !== undefined && anyOf === undefined)
    fail(join(path, 'many'), 'needs', { field: 'anyOf' });
  const volunteered = optional(map, 'volunteered', path, (v, p) =>
    volunteeredGroup(v, p, allOf?.length ?? 0),
  );
  if (volunteered !== undefined && allOf === undefined)
    fail(join(path, 'volunteered'), 'needs', { field: 'allOf' });
  return compact({
    anyOf,
    allOf,
    min,
    max,
    count,
    before,
    many,
    volunteered,
    ...readUnless(map, path),
    ...readScope(map, path),
  });
}

/** `volunteered: { group, anyOf }`: the group is one of the block's `allOf` groups (1-based). */
function volunteeredGroup(value: unknown, path: string, groups: number): VolunteeredGroup {
  const map = expectMapping(value, path);
  rejectUnknownFields(map, ['group', 'anyOf'], path);
  return {
    group: required(map, 'group', path, wholeNumber(1, Math.max(1, groups))),
    anyOf: required(map, 'anyOf', path, phraseList),
  };
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
    fail(join(path, 'announce'), 'announceRequired');
  }
  return block;
}

function readTalkRatio(map: Mapping, path: string): Body<TalkRatioBlock> {
  const maxAgentRatio = optional(map, 'maxAgentRatio', path, ratio);
  const minAgentRatio = optional(map, 'minAgentRatio', path, ratio);
  if (maxAgentRatio === undefined && minAgentRatio === undefined) {
    fail(join(path, 'maxAgentRatio'), 'requiredOr', { other: 'minAgentRatio' });
  }
  if (maxAgentRatio !== undefined && minAgentRatio !== undefined && minAgentRatio > maxAgentRatio) {
    fail(join(path, 'minAgentRatio'), 'minAboveMax', {
      max: String(maxAgentRatio),
      got: describe(minAgentRatio),
    });
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
    admitted: optional(map, 'admitted', path, phraseList),
    model: optional(map, 'model', path, modelGate),
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

function ratio(value: unknown, path: string): number {
  return numberIn(value, path, 0, 1);
}
