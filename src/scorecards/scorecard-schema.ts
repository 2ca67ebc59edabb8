/**
 * The scorecard file format: parses a YAML scorecard and validates it strictly into a
 * `ScorecardDefinition`. Pure (no framework, no I/O) so the loader, the API and the tests share it.
 *
 * Validation stops at the FIRST problem and names it with a JSON-path-like path
 * (`sections[2].criteria[0].scale`) so an admin can fix the file without guessing.
 * The format is documented in `scorecards/README.md`.
 */
import { createHash } from 'crypto';
import { parseDocument } from 'yaml';
import { validateAutoBlock } from '../autoqa/auto-block';
import { checkFamilyReferences, validateAutoSettings } from '../autoqa/auto-settings';
import type {
  CriterionDefinition,
  CriticalScope,
  Scale,
  ScorecardDefinition,
  SectionDefinition,
} from './scorecard-definition';

import { ScorecardValidationError } from './scorecard-validation-error';
import { validateAbuseProtection } from './abuse-protection-schema';

export { ScorecardValidationError };

/** Thrown inside the validators, which do not know the file name; wrapped at the entry points. */
class SchemaProblem extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

function fail(path: string, reason: string): never {
  throw new SchemaProblem(path, reason);
}

/** Path shown for a problem with the document itself rather than one of its fields. */
const ROOT = '(root)';

const SCORECARD_KEY = /^[a-z0-9][a-z0-9-_]*$/;
const ITEM_KEY = /^[a-z][a-z0-9_]*$/;
const LANGUAGES = ['ko', 'en'] as const;
const CHANNELS = ['voice', 'chat'] as const;
const SCOPES: readonly CriticalScope[] = ['evaluation', 'section'];
const MAX_POINTS = 100;

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
const CRITICAL_FIELDS = ['scope', 'failBelow'] as const;
const COACHING_FIELDS = ['good', 'phrases'] as const;

type Mapping = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Entry points

/**
 * Parses and validates one scorecard file. Every problem (YAML syntax or schema) surfaces as a
 * `ScorecardValidationError` naming the file, so a bad file never half-loads.
 */
export function parseScorecardYaml(
  text: string,
  file: string,
  libraries: PhraseLibraries = {},
): ScorecardDefinition {
  return withFile(file, () => validateScorecard(readYaml(text), libraries));
}

/**
 * Phrase libraries shared by several scorecards (`scorecards/phrases/<name>.yaml`: a mapping of
 * family name to phrases), by name. A scorecard names one in `autoQa.phraseLibrary`; its own
 * `autoQa.phraseFamilies` add to the library's and win over a family of the same name. The stored
 * definition holds the merged families, so a version is self-contained.
 */
export type PhraseLibraries = Readonly<Record<string, unknown>>;

/** Parses one phrase library file; problems name the file like a scorecard's do. */
export function parsePhraseLibraryYaml(text: string, file: string): Record<string, unknown> {
  return withFile(file, () => {
    const data = readYaml(text);
    if (data === null || data === undefined) fail(ROOT, 'the document is empty');
    return expectMapping(data, ROOT);
  });
}

/**
 * Validates data already parsed from the file format (same fields as the YAML, e.g. a scorecard
 * edited through the API as JSON) with the same rules. Not for stored `ScorecardDefinition`s.
 */
export function validateScorecardData(
  data: unknown,
  file: string,
  libraries: PhraseLibraries = {},
): ScorecardDefinition {
  return withFile(file, () => validateScorecard(data, libraries));
}

/**
 * sha256 of a canonical JSON of the definition. Keys are sorted at every level so the hash
 * depends on the content only, not on the order in which a file (or an `auto` block) lists keys;
 * the loader compares it with the stored version to decide whether a new version is needed.
 */
export function scorecardContentHash(def: ScorecardDefinition): string {
  return createHash('sha256').update(canonicalJson(def)).digest('hex');
}

function withFile<T>(file: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof SchemaProblem) {
      throw new ScorecardValidationError(file, err.path, err.reason);
    }
    throw err;
  }
}

/** `autoQa.phraseLibrary: en` → the library's families, then the scorecard's own on top. */
function withLibrary(autoQa: unknown, libraries: PhraseLibraries): unknown {
  if (!isMapping(autoQa) || autoQa.phraseLibrary === undefined) return autoQa;
  const { phraseLibrary: name, ...rest } = autoQa;
  const at = 'autoQa.phraseLibrary';
  if (typeof name !== 'string' || !SCORECARD_KEY.test(name)) {
    fail(at, 'must be the name of a file in scorecards/phrases/ without ".yaml" (e.g. en)');
  }
  const library = libraries[name];
  if (!isMapping(library)) {
    const known = Object.keys(libraries);
    fail(
      at,
      `no phrase library "${name}" (scorecards/phrases/${name}.yaml)` +
        (known.length > 0 ? `; known: ${known.join(', ')}` : ''),
    );
  }
  const own = rest.phraseFamilies;
  return { ...rest, phraseFamilies: isMapping(own) ? { ...library, ...own } : (own ?? library) };
}

// ---------------------------------------------------------------------------------------------
// YAML

/**
 * `parseDocument` rather than `parse`: `parse` only logs warnings (e.g. an unknown `!tag`, which
 * then silently becomes a string); a strict format treats them as errors like syntax errors.
 */
function readYaml(text: string): unknown {
  try {
    const doc = parseDocument(text);
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem !== undefined) throw problem;
    return doc.toJS();
  } catch (err) {
    // yaml's errors carry a 1-based position; alias errors (ReferenceError) do not.
    const line = errorLine(err);
    fail(line === undefined ? ROOT : `line ${line}`, yamlReason(err));
  }
}

function errorLine(err: unknown): number | undefined {
  if (!isMapping(err) || !Array.isArray(err.linePos)) return undefined;
  const first: unknown = err.linePos[0];
  return isMapping(first) && typeof first.line === 'number' ? first.line : undefined;
}

/** yaml appends " at line N, column M:" and a code excerpt; the path already says the line. */
function yamlReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const firstLine = message.split('\n')[0];
  return `invalid YAML: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}`;
}

// ---------------------------------------------------------------------------------------------
// Scorecard, sections, criteria

function validateScorecard(data: unknown, libraries: PhraseLibraries): ScorecardDefinition {
  if (data === null || data === undefined) fail(ROOT, 'the document is empty');
  const map = expectMapping(data, ROOT);
  rejectUnknownFields(map, SCORECARD_FIELDS, '');

  const key = requiredKey(map, 'key', '', SCORECARD_KEY);
  const name = requiredText(map, 'name', '');
  const language = requiredChoice(map, 'language', '', LANGUAGES);
  const channel = optionalChoice(map, 'channel', '', CHANNELS) ?? DEFAULT_CHANNEL;
  const description = optionalText(map, 'description', '');
  const passingScore = optionalPassingScore(map);
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
  const abuseProtection = asSchemaProblem(() =>
    validateAbuseProtection(map.abuseProtection, sections),
  );

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

/** Runs a part's validator, which names the file itself, and reports its problem as ours. */
function asSchemaProblem<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof ScorecardValidationError) fail(err.path, err.reason);
    throw err;
  }
}

function optionalPassingScore(map: Mapping): number {
  const value = map.passingScore;
  if (value === undefined) return DEFAULT_PASSING_SCORE;
  if (!isFiniteNumber(value) || value < 0 || value > 100) {
    fail('passingScore', `must be a number from 0 to 100 (got ${describe(value)})`);
  }
  return value;
}

function validateSections(value: unknown, path: string): SectionDefinition[] {
  const items = nonEmptyList(value, path, 'section');
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
  claimUnique(keys.sections, key, path, 'section');
  const label = requiredText(map, 'label', path);
  const weight = optionalWeight(map, path);
  const criteriaPath = join(path, 'criteria');
  const criteria = nonEmptyList(map.criteria, criteriaPath, 'criterion').map((item, i) =>
    validateCriterion(item, `${criteriaPath}[${i}]`, keys),
  );
  return { key, label, weight, criteria };
}

function validateCriterion(value: unknown, path: string, keys: UniqueKeys): CriterionDefinition {
  const map = expectMapping(value, path);
  rejectUnknownFields(map, CRITERION_FIELDS, path);
  const key = requiredKey(map, 'key', path, ITEM_KEY);
  claimUnique(keys.criteria, key, path, 'criterion');
  const label = requiredText(map, 'label', path);
  const guidance = requiredText(map, 'guidance', path);
  if (map.scale === undefined) fail(join(path, 'scale'), 'is required');
  const scale = parseScale(map.scale, join(path, 'scale'));
  const weight = optionalWeight(map, path);
  const naAllowed = optionalBoolean(map, 'na', path) ?? false;
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
 * here the file is not known yet, so its problem is re-thrown as ours and `withFile` adds it.
 */
function parseAuto(value: unknown, path: string): Mapping {
  expectMapping(value, path);
  try {
    return validateAutoBlock(value, path, '');
  } catch (err) {
    if (err instanceof ScorecardValidationError) fail(err.path, err.reason);
    throw err;
  }
}

/** `path` is the section's or criterion's own path; the problem is reported on its key. */
function claimUnique(seen: Map<string, string>, key: string, path: string, what: string): void {
  const previous = seen.get(key);
  if (previous !== undefined) {
    fail(join(path, 'key'), `duplicate ${what} key "${key}" (already used at ${previous})`);
  }
  seen.set(key, path);
}

// ---------------------------------------------------------------------------------------------
// Scale, critical, coaching

const SCALE_CHOICES = 'must be one of yes_no, 1-5, 0-N';

/** `yes_no`, `1-5` or `0-N`; YAML reads all three as plain strings, so no quoting is needed. */
function parseScale(value: unknown, path: string): Scale {
  if (value === 'yes_no') return { type: 'yes_no' };
  if (value === '1-5') return { type: 'rating', min: 1, max: 5 };
  const points = typeof value === 'string' ? /^0-(\d+)$/.exec(value) : null;
  if (points === null) fail(path, `${SCALE_CHOICES} (got ${describe(value)})`);
  const max = Number(points[1]);
  if (max < 1 || max > MAX_POINTS) {
    fail(path, `0-N needs a whole N from 1 to ${MAX_POINTS} (got ${describe(value)})`);
  }
  return { type: 'points', max };
}

/**
 * The lowest answer that does NOT fail. The default is the natural "bad answer" line:
 * a "no", a rating of 1 or 2, anything short of full points.
 */
function defaultFailBelow(scale: Scale): number {
  switch (scale.type) {
    case 'yes_no':
      return 1;
    case 'rating':
      return 3;
    case 'points':
      return scale.max;
  }
}

/**
 * failBelow must be able to both fail and pass: at or below the scale's lowest answer nothing
 * could fail, above its highest answer everything would.
 */
function failBelowRange(scale: Scale): { min: number; max: number; scaleName: string } {
  switch (scale.type) {
    case 'yes_no':
      return { min: 1, max: 1, scaleName: 'yes_no' };
    case 'rating':
      return { min: 2, max: 5, scaleName: '1-5' };
    case 'points':
      return { min: 1, max: scale.max, scaleName: `0-${scale.max}` };
  }
}

function parseCritical(
  value: unknown,
  scale: Scale,
  path: string,
): { scope: CriticalScope; failBelow: number } {
  if (typeof value === 'string') {
    return { scope: parseScope(value, path), failBelow: defaultFailBelow(scale) };
  }
  if (!isMapping(value)) {
    fail(
      path,
      `must be "evaluation", "section" or a mapping with scope and failBelow (got ${describe(value)})`,
    );
  }
  rejectUnknownFields(value, CRITICAL_FIELDS, path);
  if (value.scope === undefined) fail(join(path, 'scope'), 'is required');
  const scope = parseScope(value.scope, join(path, 'scope'));
  const failBelow =
    value.failBelow === undefined
      ? defaultFailBelow(scale)
      : parseFailBelow(value.failBelow, scale, join(path, 'failBelow'));
  return { scope, failBelow };
}

function parseScope(value: unknown, path: string): CriticalScope {
  const scope = SCOPES.find((s) => s === value);
  if (scope === undefined) fail(path, `${oneOf(SCOPES)} (got ${describe(value)})`);
  return scope;
}

function parseFailBelow(value: unknown, scale: Scale, path: string): number {
  const { min, max, scaleName } = failBelowRange(scale);
  // Answers are whole numbers, so a fractional threshold would only hide the real cut-off.
  if (!isFiniteNumber(value) || !Number.isInteger(value) || value < min || value > max) {
    const allowed = min === max ? `${min}` : `a whole number from ${min} to ${max}`;
    fail(path, `must be ${allowed} for a ${scaleName} scale (got ${describe(value)})`);
  }
  return value;
}

function parseCoaching(value: unknown, path: string): { good?: string; phrases?: string[] } {
  const map = expectMapping(value, path);
  rejectUnknownFields(map, COACHING_FIELDS, path);
  const good = optionalText(map, 'good', path);
  const phrases =
    map.phrases === undefined ? undefined : textList(map.phrases, join(path, 'phrases'));
  return {
    ...(good === undefined ? {} : { good }),
    ...(phrases === undefined ? {} : { phrases }),
  };
}

function textList(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) fail(path, `must be a list of texts (got ${describe(value)})`);
  return value.map((item: unknown, i) => {
    if (typeof item !== 'string' || item.trim() === '') {
      fail(`${path}[${i}]`, `must be a non-empty text (got ${describe(item)})`);
    }
    return item.trim();
  });
}

// ---------------------------------------------------------------------------------------------
// Field readers

function join(path: string, field: string): string {
  return path === '' ? field : `${path}.${field}`;
}

function expectMapping(value: unknown, path: string): Mapping {
  if (!isMapping(value)) fail(path || ROOT, `must be a mapping (got ${describe(value)})`);
  return value;
}

function rejectUnknownFields(map: Mapping, allowed: readonly string[], path: string): void {
  const unknown = Object.keys(map).find((field) => !allowed.includes(field));
  if (unknown !== undefined) {
    fail(join(path, unknown), `unknown field "${unknown}" (allowed: ${allowed.join(', ')})`);
  }
}

function nonEmptyList(value: unknown, path: string, what: string): unknown[] {
  if (value === undefined) fail(path, 'is required');
  if (!Array.isArray(value)) fail(path, `must be a list (got ${describe(value)})`);
  if (value.length === 0) fail(path, `must contain at least one ${what}`);
  return value;
}

function requiredKey(map: Mapping, field: string, path: string, pattern: RegExp): string {
  const value = map[field];
  const fieldPath = join(path, field);
  if (value === undefined) fail(fieldPath, 'is required');
  if (typeof value !== 'string' || !pattern.test(value)) {
    fail(fieldPath, `must match ${String(pattern)} (got ${describe(value)})`);
  }
  return value;
}

/** Texts are trimmed: YAML block scalars (`>` / `|`) add a trailing newline nobody means. */
function requiredText(map: Mapping, field: string, path: string): string {
  if (map[field] === undefined) fail(join(path, field), 'is required');
  return text(map[field], join(path, field));
}

function optionalText(map: Mapping, field: string, path: string): string | undefined {
  return map[field] === undefined ? undefined : text(map[field], join(path, field));
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(path, `must be a non-empty text (got ${describe(value)})`);
  }
  return value.trim();
}

function requiredChoice<T extends string>(
  map: Mapping,
  field: string,
  path: string,
  choices: readonly T[],
): T {
  if (map[field] === undefined) fail(join(path, field), 'is required');
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

function choice<T extends string>(value: unknown, path: string, choices: readonly T[]): T {
  const found = choices.find((c) => c === value);
  if (found === undefined) fail(path, `${oneOf(choices)} (got ${describe(value)})`);
  return found;
}

function optionalWeight(map: Mapping, path: string): number {
  const value = map.weight;
  if (value === undefined) return DEFAULT_WEIGHT;
  if (!isFiniteNumber(value) || value <= 0) {
    fail(join(path, 'weight'), `must be a number greater than 0 (got ${describe(value)})`);
  }
  return value;
}

function optionalBoolean(map: Mapping, field: string, path: string): boolean | undefined {
  const value = map[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') {
    fail(join(path, field), `must be true or false (got ${describe(value)})`);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function oneOf(choices: readonly string[]): string {
  return `must be one of ${choices.join(', ')}`;
}

/** Shows the offending value the way the author wrote it, without dumping whole structures. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(value) ?? String(typeof value);
}

/** JSON with object keys sorted at every level; arrays keep their order (it is meaningful). */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isMapping(value)) {
    const fields = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
