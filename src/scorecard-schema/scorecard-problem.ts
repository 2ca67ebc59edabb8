/**
 * A problem with a scorecard file, as data: the path of the offending field, a message key
 * (`scorecard.problem.<code>` in errors.{ko,en}.json) and its parameters. The validators of the
 * file and of its parts (sections, criteria, `auto` blocks) throw it; the entry points add the
 * file and turn it into a `ScorecardValidationError`. The English text (logs, CLI, tests) and
 * the reader's language come from the same locale entry. Pure: no framework, no I/O.
 */
import type { MessageKey } from '../common/errors';
import { translate } from '../common/i18n/i18n';
import { ScorecardValidationError } from './scorecard-validation-error';

/** The locale keys of the problems; the code is the last part (`scorecard.problem.required`). */
export const PROBLEM_PREFIX = 'scorecard.problem.';
/** A described value that is not shown as written (`a list`) is named by one of these keys. */
const VALUE_PREFIX = 'scorecard.value.';

export type ProblemParams = Record<string, string>;

/** Thrown inside the validators, which do not know the file name; wrapped at the entry points. */
export class SchemaProblem extends Error {
  constructor(
    readonly path: string,
    readonly messageKey: MessageKey,
  ) {
    super(`${path}: ${problemText('en', messageKey)}`);
  }

  /** The English text of the problem, without its path. */
  get reason(): string {
    return problemText('en', this.messageKey);
  }
}

export function fail(path: string, code: string, params: ProblemParams = {}): never {
  throw new SchemaProblem(path, { key: `${PROBLEM_PREFIX}${code}`, params });
}

/** A problem found outside the validators (the form, the loader), with its file. */
export function problemIn(
  file: string,
  path: string,
  code: string,
  params: ProblemParams = {},
): ScorecardValidationError {
  const messageKey = { key: `${PROBLEM_PREFIX}${code}`, params };
  return new ScorecardValidationError(file, path, problemText('en', messageKey), messageKey);
}

/**
 * A part's validator that names the file itself (auto-QA settings) threw `err`: the same
 * problem as ours. One without a message key keeps its English reason.
 */
export function failAs(err: { path: string; reason: string; messageKey?: MessageKey }): never {
  throw new SchemaProblem(
    err.path,
    err.messageKey ?? { key: `${PROBLEM_PREFIX}asWritten`, params: { reason: err.reason } },
  );
}

/**
 * The problem in `lang`. The `got` parameter may name a kind of value (`scorecard.value.list`),
 * translated too; a value shown as written is quoted JSON or a number, so the two never meet.
 */
export function problemText(lang: string, messageKey: MessageKey): string {
  const params = { ...messageKey.params };
  if (params.got?.startsWith(VALUE_PREFIX)) params.got = translate(lang, params.got);
  return translate(lang, messageKey.key, params);
}

/**
 * The offending value as the author wrote it (NaN and ±Infinity included), for a `got`
 * parameter; a structure or nothing is named by a key, so that it reads in the reader's language.
 */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return `${VALUE_PREFIX}nothing`;
  if (Array.isArray(value)) return `${VALUE_PREFIX}list`;
  if (typeof value === 'object') return `${VALUE_PREFIX}mapping`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

/** Only the kind of the value (`string`), in the reader's language. */
export function typeName(value: unknown): string {
  return `${VALUE_PREFIX}${typeof value}`;
}

/** What the pages need to word a problem: its path, its key and the criterion it is in. */
export interface ProblemAt {
  path: string;
  /** English, for logs and the command line; pages word `messageKey` in their language. */
  reason: string;
  messageKey: MessageKey;
  /** The key of the criterion the path is in, when the file names one there. */
  criterion?: string;
}

/** The problem of an error as plain data (for a result list, a page, an API answer). */
export function problemOf(err: ScorecardValidationError): ProblemAt {
  return {
    path: err.path,
    reason: err.reason,
    messageKey: err.messageKey,
    ...(err.criterion !== undefined ? { criterion: err.criterion } : {}),
  };
}

/** A problem worded for a page: where (`항목 greeting의 auto.anyOf[2]`, else the path) and why. */
export interface ProblemWords {
  path: string;
  /** The criterion's key when the problem is inside a criterion. */
  criterion?: string;
  where: string;
  why: string;
  /** `where: why`. */
  text: string;
}

/**
 * The problem in `lang` with where it is: `항목 greeting의 auto.anyOf[2]: …` when it is inside
 * a criterion, else `passingScore: …`.
 */
export function problemWords(lang: string, problem: ProblemAt): ProblemWords {
  const why = problem.messageKey ? problemText(lang, problem.messageKey) : problem.reason;
  const inCriterion = /^sections\[\d+\]\.criteria\[\d+\]\.(.+)$/.exec(problem.path);
  if (problem.criterion === undefined || !inCriterion) {
    return { path: problem.path, where: problem.path, why, text: `${problem.path}: ${why}` };
  }
  const where = translate(lang, `${PROBLEM_PREFIX}where.criterion`, {
    criterion: problem.criterion,
    field: inCriterion[1],
  });
  return { path: problem.path, criterion: problem.criterion, where, why, text: `${where}: ${why}` };
}

/** The key the raw file data gives the criterion at `path`, if it gives a usable one. */
export function criterionKeyAt(data: unknown, path: string): string | undefined {
  const m = /^sections\[(\d+)\]\.criteria\[(\d+)\]/.exec(path);
  if (!m || !isRecord(data) || !Array.isArray(data.sections)) return undefined;
  const section: unknown = data.sections[Number(m[1])];
  if (!isRecord(section) || !Array.isArray(section.criteria)) return undefined;
  const criterion: unknown = section.criteria[Number(m[2])];
  if (!isRecord(criterion) || typeof criterion.key !== 'string') return undefined;
  return /^[a-z][a-z0-9_]*$/.test(criterion.key) ? criterion.key : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
