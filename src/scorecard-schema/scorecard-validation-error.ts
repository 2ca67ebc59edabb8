/**
 * A scorecard file (or stored definition) that breaks the format: the file, the path of the
 * offending field (`sections[0].criteria[2].auto.window`) and why — in English (`reason`, for
 * logs and the CLI) and as a message key for the reader's language (`messageKey`, see
 * scorecard-problem.ts). Its own module, so that the validators of the parts (auto-QA blocks
 * and settings) need nothing else from the schema.
 */
import type { MessageKey } from '../common/errors';

export class ScorecardValidationError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly reason: string,
    readonly messageKey: MessageKey,
    /** The key of the criterion the path is in, when known. */
    readonly criterion?: string,
  ) {
    super(`${file}: ${path}: ${reason}`);
    this.name = 'ScorecardValidationError';
  }
}
