/**
 * The scorecard file format: parses a YAML scorecard and validates it strictly into a
 * `ScorecardDefinition`. Pure (no framework, no I/O) so the loader, the API and the tests share it.
 *
 * Validation stops at the FIRST problem and names it with a JSON-path-like path
 * (`sections[2].criteria[0].scale`) and a message key, so an admin can fix the file without
 * guessing, in their language. The rules are in scorecard-validate.ts; the format is documented
 * in `scorecards/README.md`.
 */
import { parseDocument } from 'yaml';
import type { ScorecardDefinition } from './scorecard-definition';
import { criterionKeyAt, fail, SchemaProblem } from '../scorecard-schema/scorecard-problem';
import { ScorecardValidationError } from '../scorecard-schema/scorecard-validation-error';
import { contentHash } from '../common/canonical-json';
import { expectMapping, isMapping, ROOT } from '../scorecard-schema/schema-fields';
import { validateScorecard, type PhraseLibraries } from './scorecard-validate';

export { ScorecardValidationError };
export type { PhraseLibraries };

/**
 * Parses and validates one scorecard file. Every problem (YAML syntax or schema) surfaces as a
 * `ScorecardValidationError` naming the file, so a bad file never half-loads.
 */
export function parseScorecardYaml(
  text: string,
  file: string,
  libraries: PhraseLibraries = {},
): ScorecardDefinition {
  const data = withFile(file, undefined, () => readYaml(text));
  return withFile(file, data, () => validateScorecard(data, libraries));
}

/** Parses one phrase library file; problems name the file like a scorecard's do. */
export function parsePhraseLibraryYaml(text: string, file: string): Record<string, unknown> {
  return withFile(file, undefined, () => {
    const data = readYaml(text);
    if (data === null || data === undefined) fail(ROOT, 'empty');
    return expectMapping(data, ROOT);
  });
}

/**
 * Parses one text-model file (`models/<library>.json`: name → model); its models are checked
 * with the scorecard that uses them. Problems name the file.
 */
export function parseModelLibraryJson(text: string, file: string): Record<string, unknown> {
  return withFile(file, undefined, () => {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      fail(ROOT, 'json', { detail: err instanceof Error ? err.message : String(err) });
    }
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
  return withFile(file, data, () => validateScorecard(data, libraries));
}

/**
 * sha256 of a canonical JSON of the definition. Keys are sorted at every level so the hash
 * depends on the content only, not on the order in which a file (or an `auto` block) lists keys;
 * the loader compares it with the stored version to decide whether a new version is needed.
 */
export function scorecardContentHash(def: ScorecardDefinition): string {
  return contentHash(def);
}

/** Adds the file, and the key of the criterion the problem is in (read from the raw `data`). */
function withFile<T>(file: string, data: unknown, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof SchemaProblem) {
      throw new ScorecardValidationError(
        file,
        err.path,
        err.reason,
        err.messageKey,
        criterionKeyAt(data, err.path),
      );
    }
    throw err;
  }
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
    fail(line === undefined ? ROOT : `line ${line}`, 'yaml', { detail: yamlDetail(err) });
  }
}

function errorLine(err: unknown): number | undefined {
  if (!isMapping(err) || !Array.isArray(err.linePos)) return undefined;
  const first: unknown = err.linePos[0];
  return isMapping(first) && typeof first.line === 'number' ? first.line : undefined;
}

/** yaml appends " at line N, column M:" and a code excerpt; the path already says the line. */
function yamlDetail(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const firstLine = message.split('\n')[0];
  return firstLine.replace(/ at line \d+, column \d+:?$/, '');
}
