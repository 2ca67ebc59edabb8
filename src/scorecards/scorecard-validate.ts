/**
 * The rules of the scorecard format (scorecards/README.md): the scorecard's own fields, its
 * sections and criteria. Stops at the first problem with a `SchemaProblem` (path, message key);
 * the entry points in scorecard-schema.ts add the file. Scales, critical and coaching are in
 * scorecard-scale.ts; an `auto` block's content and the `autoQa` settings are checked by
 * src/scorecard-schema/auto-block.ts and auto-settings.ts (below both scorecards/ and autoqa/).
 */
import { validateAutoBlock } from '../scorecard-schema/auto-block';
import {
  checkFamilyReferences,
  checkModelReferences,
  validateAutoSettings,
} from '../scorecard-schema/auto-settings';
import { validateAbuseProtection } from './abuse-protection-schema';
import type {
  CriterionDefinition,
  ScorecardDefinition,
  SectionDefinition,
} from './scorecard-definition';
import { describe, fail, failAs } from '../scorecard-schema/scorecard-problem';
import { parseCoaching, parseCritical, parseScale } from './scorecard-scale';
import { ScorecardValidationError } from '../scorecard-schema/scorecard-validation-error';
import {
  booleanValue,
  choice,
  expectMapping,
  isFiniteNumber,
  isMapping,
  join,
  type Mapping,
  numberIn,
  rejectUnknownFields,
  ROOT,
  text,
} from '../scorecard-schema/schema-fields';

/**
 * Phrase libraries shared by several scorecards (`scorecards/phrases/<name>.yaml`: a mapping of
 * family name to phrases), by name. A scorecard names one in `autoQa.phraseLibrary`; its own
 * `autoQa.phraseFamilies` add to the library's and win over a family of the same name. The stored
 * definition holds the merged families, so a version is self-contained.
 */
export type PhraseLibraries = Readonly<Record<string, unknown>>;

const SCORECARD_KEY = /^[a-z0-9][a-z0-9-_]*$/;
const ITEM_KEY = /^[a-z][a-z0-9_]*$/;
const LANGUAGES = ['ko', 'en'] as const;
const CHANNELS = ['voice', 'chat'] as const;

const DEFAULT_CHANNEL = 'voice';
const DEFAULT_PASSING_SCORE = 80;
const DEFAULT_WEIGHT = 1;

const SCORECARD_FIELDS = [
  'key',
  'name',
  'language',
  'channel',
  'description',
  'passingScore',
  'autoQa',
  'abuseProtection',
  'sections',
] as const;
const SECTION_FIELDS = ['key', 'label', 'weight', 'criteria'] as const;
const CRITERION_FIELDS = [
  'key',
  'label',
  'guidance',
  'scale',
  'weight',
  'na',
  'critical',
  'coaching',
  'auto',
] as const;

export function validateScorecard(data: unknown, libraries: PhraseLibraries): ScorecardDefinition {
  if (data === null || data === undefined) fail(ROOT, 'empty');
  const map = expectMapping(data, ROOT);
  rejectUnknownFields(map, SCORECARD_FIELDS, '');

  const key = requiredKey(map, 'key', '', SCORECARD_KEY);
  const name = requiredText(map, 'name', '');
  const language = requiredChoice(map, 'language', '', LANGUAGES);
  const channel = optionalChoice(map, 'channel', '', CHANNELS) ?? DEFAULT_CHANNEL;
  const description = optionalText(map, 'description', '');
  const passingScore =
    map.passingScore === undefined
      ? DEFAULT_PASSING_SCORE
      : numberIn(map.passingScore, 'passingScore', 0, 100);
  const autoQa =
    map.autoQa === undefined
      ? undefined
      : asSchemaProblem(() =>
          validateAutoSettings(withLibrary(map.autoQa, libraries), 'autoQa', ''),
        );
  const sections = validateSections(map.sections, 'sections');
  const blocks = sections.flatMap((section, s) =>
    section.criteria.flatMap((c, i) =>
      c.auto === undefined ? [] : [{ path: `sections[${s}].criteria[${i}].auto`, block: c.auto }],
    ),
  );
  asSchemaProblem(() => checkFamilyReferences(blocks, autoQa?.phraseFamilies ?? {}, ''));
  asSchemaProblem(() => checkModelReferences(blocks, autoQa?.textModels ?? {}, ''));
  const abuseProtection = validateAbuseProtection(map.abuseProtection, sections);

  return {
    key,
    name,
    language,
    channel,
    ...(description === undefined ? {} : { description }),
    passingScore,
    ...(autoQa === undefined ? {} : { autoQa }),
    ...(abuseProtection === undefined ? {} : { abuseProtection }),
    sections,
  };
}

/** `autoQa.phraseLibrary: en` → the library's families, then the scorecard's own on top. */
function withLibrary(autoQa: unknown, libraries: PhraseLibraries): unknown {
  if (!isMapping(autoQa) || autoQa.phraseLibrary === undefined) return autoQa;
  const { phraseLibrary: name, ...rest } = autoQa;
  const at = 'autoQa.phraseLibrary';
  if (typeof name !== 'string' || !SCORECARD_KEY.test(name)) fail(at, 'libraryName');
  const library = libraries[name];
  if (!isMapping(library)) {
    const known = Object.keys(libraries);
    if (known.length === 0) fail(at, 'libraryUnknown', { name });
    fail(at, 'libraryUnknownKnown', { name, known: known.join(', ') });
  }
  // The library's text models come along; the scorecard's own win over one of the same name.
  const { textModels, ...families } = library;
  const own = rest.phraseFamilies;
  const ownModels = rest.textModels;
  return {
    ...rest,
    phraseFamilies: isMapping(own) ? { ...families, ...own } : (own ?? families),
    ...(isMapping(textModels)
      ? {
          textModels: isMapping(ownModels)
            ? { ...textModels, ...ownModels }
            : (ownModels ?? textModels),
        }
      : {}),
  };
}

/** Runs a part's validator, which names the file itself, and reports its problem as ours. */
function asSchemaProblem<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof ScorecardValidationError) failAs(err);
    throw err;
  }
}

function validateSections(value: unknown, path: string): SectionDefinition[] {
  const items = nonEmptyList(value, path, 'emptySections');
  const keys: UniqueKeys = { sections: new Map(), criteria: new Map() };
  return items.map((item, i) => validateSection(item, `${path}[${i}]`, keys));
}

/**
 * Where each key was first used. Criterion keys are unique across the whole scorecard, not per
 * section: answers, imports and reports address a criterion by its key alone.
 */
interface UniqueKeys {
  sections: Map<string, string>;
  criteria: Map<string, string>;
}

function validateSection(value: unknown, path: string, keys: UniqueKeys): SectionDefinition {
  const map = expectMapping(value, path);
  rejectUnknownFields(map, SECTION_FIELDS, path);
  const key = requiredKey(map, 'key', path, ITEM_KEY);
  claimUnique(keys.sections, key, path, 'duplicateSection');
  const label = requiredText(map, 'label', path);
  const weight = optionalWeight(map, path);
  const criteriaPath = join(path, 'criteria');
  const criteria = nonEmptyList(map.criteria, criteriaPath, 'emptyCriteria').map((item, i) =>
    validateCriterion(item, `${criteriaPath}[${i}]`, keys),
  );
  return { key, label, weight, criteria };
}

function validateCriterion(value: unknown, path: string, keys: UniqueKeys): CriterionDefinition {
  const map = expectMapping(value, path);
  rejectUnknownFields(map, CRITERION_FIELDS, path);
  const key = requiredKey(map, 'key', path, ITEM_KEY);
  claimUnique(keys.criteria, key, path, 'duplicateCriterion');
  const label = requiredText(map, 'label', path);
  const guidance = requiredText(map, 'guidance', path);
  if (map.scale === undefined) fail(join(path, 'scale'), 'required');
  const scale = parseScale(map.scale, join(path, 'scale'));
  const weight = optionalWeight(map, path);
  const naAllowed = map.na === undefined ? false : booleanValue(map.na, join(path, 'na'));
  const critical =
    map.critical === undefined
      ? undefined
      : parseCritical(map.critical, scale, join(path, 'critical'));
  const coaching =
    map.coaching === undefined ? undefined : parseCoaching(map.coaching, join(path, 'coaching'));
  // `auto` belongs to the auto-QA engine, which validates its content strictly (detector,
  // fields, thresholds, regexes) so that a bad block is refused when the file is loaded.
  const auto = map.auto === undefined ? undefined : parseAuto(map.auto, join(path, 'auto'));

  return {
    key,
    label,
    guidance,
    scale,
    weight,
    naAllowed,
    ...(critical === undefined ? {} : { critical }),
    ...(coaching === undefined ? {} : { coaching }),
    ...(auto === undefined ? {} : { auto }),
  };
}

/**
 * The validated block, stored as the plain object it is. The validator names the file itself;
 * here the file is not known yet, so its problem is re-thrown as ours and the entry point adds it.
 */
function parseAuto(value: unknown, path: string): Mapping {
  expectMapping(value, path);
  return asSchemaProblem(() => validateAutoBlock(value, path, ''));
}

/** `path` is the section's or criterion's own path; the problem is reported on its key. */
function claimUnique(seen: Map<string, string>, key: string, path: string, code: string): void {
  const previous = seen.get(key);
  if (previous !== undefined) fail(join(path, 'key'), code, { key, at: previous });
  seen.set(key, path);
}

// ---------------------------------------------------------------------------------------------
// Field readers

function nonEmptyList(value: unknown, path: string, emptyCode: string): unknown[] {
  if (value === undefined) fail(path, 'required');
  if (!Array.isArray(value)) fail(path, 'list', { got: describe(value) });
  if (value.length === 0) fail(path, emptyCode);
  return value;
}

function requiredKey(map: Mapping, field: string, path: string, pattern: RegExp): string {
  const value = map[field];
  const fieldPath = join(path, field);
  if (value === undefined) fail(fieldPath, 'required');
  if (typeof value !== 'string' || !pattern.test(value)) {
    fail(fieldPath, 'keyPattern', { pattern: String(pattern), got: describe(value) });
  }
  return value;
}

function requiredText(map: Mapping, field: string, path: string): string {
  if (map[field] === undefined) fail(join(path, field), 'required');
  return text(map[field], join(path, field));
}

function optionalText(map: Mapping, field: string, path: string): string | undefined {
  return map[field] === undefined ? undefined : text(map[field], join(path, field));
}

function requiredChoice<T extends string>(
  map: Mapping,
  field: string,
  path: string,
  choices: readonly T[],
): T {
  if (map[field] === undefined) fail(join(path, field), 'required');
  return choice(map[field], join(path, field), choices);
}

function optionalChoice<T extends string>(
  map: Mapping,
  field: string,
  path: string,
  choices: readonly T[],
): T | undefined {
  return map[field] === undefined ? undefined : choice(map[field], join(path, field), choices);
}

function optionalWeight(map: Mapping, path: string): number {
  const value = map.weight;
  if (value === undefined) return DEFAULT_WEIGHT;
  if (!isFiniteNumber(value) || value <= 0) {
    fail(join(path, 'weight'), 'positive', { got: describe(value) });
  }
  return value;
}
