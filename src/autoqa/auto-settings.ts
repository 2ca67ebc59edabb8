/**
 * The scorecard-wide `autoQa:` settings (src/autoqa/README.md "Phrase families, names and
 * confidence"): named phrase families, the company's names, and the confidence below which an
 * answer is pre-filled as "needs review". Validated when the file is loaded, with the path of
 * the offending field; every `@family` used by a criterion's `auto` block must exist.
 */
import type { AutoQaSettings } from '../scorecards/scorecard-definition';
import { ScorecardValidationError } from '../scorecards/scorecard-validation-error';
import { expandFamilies, familyRef, hasWords, regexBody, UnknownFamilyError } from './text-match';

const FIELDS = ['phraseFamilies', 'company', 'reviewBelow'] as const;
const FAMILY_NAME = /^[a-z][a-z0-9_]*$/;
const MAX_NAMES = 20;

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (isMapping(value)) return 'a mapping';
  return String(value);
}

export function validateAutoSettings(value: unknown, path: string, file: string): AutoQaSettings {
  const fail = (at: string, reason: string): never => {
    throw new ScorecardValidationError(file, at, reason);
  };
  if (!isMapping(value)) return fail(path, `must be a mapping (got ${describe(value)})`);
  const unknown = Object.keys(value).find((k) => !(FIELDS as readonly string[]).includes(k));
  if (unknown !== undefined) {
    fail(`${path}.${unknown}`, `unknown field "${unknown}" (allowed: ${FIELDS.join(', ')})`);
  }
  const settings: AutoQaSettings = {};
  if (value.phraseFamilies !== undefined) {
    const at = `${path}.phraseFamilies`;
    const families = value.phraseFamilies;
    if (!isMapping(families))
      return fail(at, `must be a mapping of lists (got ${describe(families)})`);
    const out: Record<string, string[]> = {};
    for (const [name, list] of Object.entries(families)) {
      if (!FAMILY_NAME.test(name))
        fail(`${at}.${name}`, 'a family name is lower_case_with_underscores');
      if (!Array.isArray(list) || list.length === 0) {
        fail(`${at}.${name}`, `must be a non-empty list of phrases (got ${describe(list)})`);
      }
      out[name] = (list as unknown[]).map((p, i) => phraseText(p, `${at}.${name}[${i}]`, fail));
    }
    settings.phraseFamilies = out;
  }
  if (value.company !== undefined) {
    const at = `${path}.company`;
    const company = value.company;
    if (!isMapping(company) || !Array.isArray(company.names)) {
      return fail(at, 'must be { names: [the company name, its aliases …] }');
    }
    const names = company.names as unknown[];
    if (names.length === 0 || names.length > MAX_NAMES) {
      fail(`${at}.names`, `must list 1 to ${MAX_NAMES} names`);
    }
    settings.company = {
      names: names.map((n, i) => {
        if (typeof n !== 'string' || !hasWords(n)) {
          fail(`${at}.names[${i}]`, `must be a name with letters (got ${describe(n)})`);
        }
        return (n as string).trim();
      }),
    };
  }
  if (value.reviewBelow !== undefined) {
    const r = value.reviewBelow;
    if (typeof r !== 'number' || !Number.isFinite(r) || r < 0 || r > 1) {
      fail(`${path}.reviewBelow`, `must be a number from 0 to 1 (got ${describe(r)})`);
    }
    settings.reviewBelow = r as number;
  }
  // Families may use families, but not in a circle.
  for (const [name, list] of Object.entries(settings.phraseFamilies ?? {})) {
    try {
      expandFamilies(list, settings.phraseFamilies ?? {}, [name]);
    } catch (err) {
      if (!(err instanceof UnknownFamilyError)) throw err;
      fail(
        `${path}.phraseFamilies.${name}`,
        `refers to ${err.family === name ? 'itself' : `@${err.family}, which is not defined (or refers back)`}`,
      );
    }
  }
  return settings;
}

function phraseText(
  value: unknown,
  path: string,
  fail: (at: string, reason: string) => never,
): string {
  if (typeof value !== 'string' || !hasWords(value)) {
    return fail(path, `must be a phrase with a letter or digit (got ${describe(value)})`);
  }
  const body = regexBody(value);
  if (body !== null) {
    try {
      if (new RegExp(body, 'u').test('')) fail(path, 'regular expression matches an empty text');
    } catch (err) {
      if (err instanceof ScorecardValidationError) throw err;
      fail(path, `invalid regular expression: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return value;
}

/**
 * Every `@family` an auto block uses must be defined. `blocks` are the criteria's validated
 * blocks with their paths.
 */
export function checkFamilyReferences(
  blocks: { path: string; block: unknown }[],
  families: Readonly<Record<string, readonly string[]>>,
  file: string,
): void {
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      const name = familyRef(value);
      if (name !== null && !Object.prototype.hasOwnProperty.call(families, name)) {
        const known = Object.keys(families);
        throw new ScorecardValidationError(
          file,
          path,
          `unknown phrase family @${name} (${known.length === 0 ? 'define it under autoQa.phraseFamilies' : `defined: ${known.map((k) => `@${k}`).join(', ')}`})`,
        );
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
    else if (isMapping(value)) for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
  };
  for (const { path, block } of blocks) visit(block, path);
}
