/**
 * A scorecard file (or stored definition) that breaks the format: the file, the path of the
 * offending field (`sections[0].criteria[2].auto.window`) and why. Its own module, so that the
 * validators of the parts (auto-QA blocks and settings) need nothing else from the schema.
 */
export class ScorecardValidationError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${file}: ${path}: ${reason}`);
    this.name = 'ScorecardValidationError';
  }
}
