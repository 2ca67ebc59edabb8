/**
 * The scorecard-wide `autoQa:` settings (src/autoqa/README.md "Phrase families, names and
 * confidence"): named phrase families, the company's names, and the confidence below which an
 * answer is pre-filled as "needs review". Validated when the file is loaded, with the path of
 * the offending field; every `@family` used by a criterion's `auto` block must exist.
 */
import type { TextModelData } from '../autoqa/text-model';
import type { AutoQaSettings } from '../scorecards/scorecard-definition';
import { problemIn, type ProblemParams } from './scorecard-problem';
import { ScorecardValidationError } from './scorecard-validation-error';
import {
  expandFamilies,
  familyRef,
  guardRefs,
  hasWords,
  regexBody,
  UnknownFamilyError,
} from './phrase-syntax';

const FIELDS = ['phraseFamilies', 'company', 'reviewBelow', 'textModels'] as const;
const FAMILY_NAME = /^[a-z][a-z0-9_]*$/;
const MAX_NAMES = 20;

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A `got` parameter: a text as written (cut at 40 characters), a structure by its kind. */
function describe(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'scorecard.value.list';
  if (isMapping(value)) return 'scorecard.value.mapping';
  return String(value);
}

type Fail = (at: string, code: string, params?: ProblemParams) => never;

export function validateAutoSettings(value: unknown, path: string, file: string): AutoQaSettings {
  const fail: Fail = (at, code, params) => {
    throw problemIn(file, at, code, params);
  };
  if (!isMapping(value)) return fail(path, 'mapping', { got: describe(value) });
  const unknown = Object.keys(value).find((k) => !(FIELDS as readonly string[]).includes(k));
  if (unknown !== undefined) {
    fail(`${path}.${unknown}`, 'unknownField', { field: unknown, allowed: FIELDS.join(', ') });
  }
  const settings: AutoQaSettings = {};
  if (value.phraseFamilies !== undefined) {
    const at = `${path}.phraseFamilies`;
    const families = value.phraseFamilies;
    if (!isMapping(families)) return fail(at, 'familiesMapping', { got: describe(families) });
    const out: Record<string, string[]> = {};
    for (const [name, list] of Object.entries(families)) {
      if (!FAMILY_NAME.test(name)) fail(`${at}.${name}`, 'familyNameFormat');
      if (!Array.isArray(list) || list.length === 0) {
        fail(`${at}.${name}`, 'familyList', { got: describe(list) });
      }
      out[name] = (list as unknown[]).map((p, i) => phraseText(p, `${at}.${name}[${i}]`, fail));
    }
    settings.phraseFamilies = out;
  }
  if (value.company !== undefined) {
    const at = `${path}.company`;
    const company = value.company;
    if (!isMapping(company) || !Array.isArray(company.names)) {
      return fail(at, 'companyShape');
    }
    const names = company.names as unknown[];
    if (names.length === 0 || names.length > MAX_NAMES) {
      fail(`${at}.names`, 'companyCount', { max: String(MAX_NAMES) });
    }
    settings.company = {
      names: names.map((n, i) => {
        if (typeof n !== 'string' || !hasWords(n)) {
          fail(`${at}.names[${i}]`, 'companyName', { got: describe(n) });
        }
        return n.trim();
      }),
    };
  }
  if (value.reviewBelow !== undefined) {
    const r = value.reviewBelow;
    if (typeof r !== 'number' || !Number.isFinite(r) || r < 0 || r > 1) {
      fail(`${path}.reviewBelow`, 'numberRange', { min: '0', max: '1', got: describe(r) });
    }
    settings.reviewBelow = r;
  }
  if (value.textModels !== undefined) {
    settings.textModels = validateTextModels(value.textModels, `${path}.textModels`, fail);
  }
  // Families may use families, but not in a circle.
  for (const [name, list] of Object.entries(settings.phraseFamilies ?? {})) {
    try {
      expandFamilies(list, settings.phraseFamilies ?? {}, [name]);
    } catch (err) {
      if (!(err instanceof UnknownFamilyError)) throw err;
      const at = `${path}.phraseFamilies.${name}`;
      if (err.family === name) fail(at, 'familySelf');
      fail(at, 'familyCycle', { family: err.family });
    }
  }
  return settings;
}

function phraseText(value: unknown, path: string, fail: Fail): string {
  if (typeof value !== 'string' || !hasWords(value)) {
    return fail(path, 'familyPhrase', { got: describe(value) });
  }
  const body = regexBody(value);
  if (body !== null) {
    try {
      if (new RegExp(body, 'u').test('')) fail(path, 'regexEmpty');
    } catch (err) {
      if (err instanceof ScorecardValidationError) throw err;
      fail(path, 'regex', { detail: err instanceof Error ? err.message : String(err) });
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
      for (const name of [familyRef(value), ...guardRefs(value)]) {
        if (name !== null) checkKnown(name, path);
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
    else if (isMapping(value)) for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
  };
  const checkKnown = (name: string, path: string): void => {
    if (Object.prototype.hasOwnProperty.call(families, name)) return;
    const known = Object.keys(families);
    throw known.length === 0
      ? problemIn(file, path, 'unknownFamily', { name })
      : problemIn(file, path, 'unknownFamilyKnown', {
          name,
          known: known.map((k) => `@${k}`).join(', '),
        });
  };
  for (const { path, block } of blocks) visit(block, path);
}

const ANALYZERS = ['words', 'chars'] as const;
const MAX_FEATURES = 20000;
const MAX_NGRAM = 6;

/**
 * `textModels`: name → a learned text model (src/autoqa/text-model.ts), usually brought in from
 * `scorecards/models/<library>.json` with the phrase library of the same name.
 */
function validateTextModels(
  value: unknown,
  path: string,
  fail: Fail,
): Record<string, TextModelData> {
  if (!isMapping(value)) return fail(path, 'mapping', { got: describe(value) });
  const out: Record<string, TextModelData> = {};
  for (const [name, model] of Object.entries(value)) {
    const at = `${path}.${name}`;
    if (!FAMILY_NAME.test(name)) fail(at, 'familyNameFormat');
    if (!isMapping(model)) return fail(at, 'mapping', { got: describe(model) });
    const { question, analyzer, ngrams, bias, features, trainedOn } = model;
    if (typeof question !== 'string' || question.trim() === '')
      fail(`${at}.question`, 'textModelText');
    if (typeof trainedOn !== 'string' || trainedOn.trim() === '')
      fail(`${at}.trainedOn`, 'textModelText');
    if (!ANALYZERS.includes(analyzer as (typeof ANALYZERS)[number])) {
      fail(`${at}.analyzer`, 'textModelAnalyzer', {
        allowed: ANALYZERS.join(', '),
        got: describe(analyzer),
      });
    }
    const range = Array.isArray(ngrams) ? (ngrams as unknown[]) : [];
    const [lo, hi] = range;
    if (
      range.length !== 2 ||
      !Number.isInteger(lo) ||
      !Number.isInteger(hi) ||
      (lo as number) < 1 ||
      (hi as number) < (lo as number) ||
      (hi as number) > MAX_NGRAM
    ) {
      fail(`${at}.ngrams`, 'textModelNgrams', { max: String(MAX_NGRAM) });
    }
    if (typeof bias !== 'number' || !Number.isFinite(bias)) fail(`${at}.bias`, 'textModelNumber');
    if (!Array.isArray(features) || features.length === 0 || features.length > MAX_FEATURES) {
      fail(`${at}.features`, 'textModelFeatures', { max: String(MAX_FEATURES) });
    }
    (features as unknown[]).forEach((f, i) => {
      const ok =
        Array.isArray(f) &&
        f.length === 3 &&
        typeof f[0] === 'string' &&
        f[0] !== '' &&
        typeof f[1] === 'number' &&
        Number.isFinite(f[1]) &&
        typeof f[2] === 'number' &&
        Number.isFinite(f[2]);
      if (!ok) fail(`${at}.features[${i}]`, 'textModelFeature');
    });
    out[name] = {
      question,
      analyzer: analyzer as TextModelData['analyzer'],
      ngrams: [lo as number, hi as number],
      bias,
      features: features as TextModelData['features'],
      trainedOn,
    };
  }
  return out;
}

/** Every `model: { name }` an auto block (or its `when`) uses must be one of `textModels`. */
export function checkModelReferences(
  blocks: { path: string; block: unknown }[],
  models: Readonly<Record<string, unknown>>,
  file: string,
): void {
  const check = (gate: unknown, path: string): void => {
    if (!isMapping(gate) || typeof gate.name !== 'string') return;
    if (Object.prototype.hasOwnProperty.call(models, gate.name)) return;
    const known = Object.keys(models);
    throw problemIn(file, `${path}.name`, 'modelUnknown', {
      name: gate.name,
      known: known.length === 0 ? '-' : known.join(', '),
    });
  };
  for (const { path, block } of blocks) {
    if (!isMapping(block)) continue;
    check(block.model, `${path}.model`);
    const when = block.when;
    if (isMapping(when) && isMapping(when.phrases)) {
      check(when.phrases.model, `${path}.when.phrases.model`);
    }
  }
}
