/**
 * Domain errors. Services throw these; the one exception filter maps them to HTTP answers
 * (and pages to a re-rendered form or an error page).
 */
/** A message in the locale files, for the reader's language (the filter translates it). */
export interface MessageKey {
  key: string;
  params?: Record<string, string>;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  /** The input field the error is about, when there is one. */
  readonly field?: string;
  /** When set, HTTP answers show this translated message rather than `message` (English). */
  readonly messageKey?: MessageKey;
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  override readonly messageKey: MessageKey;
  /** `entity` is a code (`queue item`); pages name it with `error.entity.<code>` when known. */
  constructor(entity: string, id: string | number) {
    super(`${entity} ${id} not found`);
    this.messageKey = { key: 'error.notFound', params: { entity, id: String(id) } };
  }
}

export class InputError extends DomainError {
  readonly status = 400;
  constructor(
    override readonly field: string,
    reason: string,
    override readonly messageKey?: MessageKey,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** The request body is larger (bytes, form fields, unpacked files) than the app reads. */
export class BodyTooLargeError extends DomainError {
  readonly status = 413;
  constructor(
    message: string,
    override readonly messageKey: MessageKey,
    override readonly field?: string,
  ) {
    super(message);
  }
}

/** The change was made from a stale copy: someone else saved in between. */
export class StaleVersionError extends DomainError {
  readonly status = 409;
  override readonly messageKey: MessageKey;
  /** `entity`: what changed, as `<kind> <id>` (`evaluation 12`, `coaching plan 3`). */
  constructor(
    entity: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      `${entity} was changed by someone else (you sent version ${expected}, it is now at version ${actual}); reload it and apply your change again`,
    );
    const [, kind = entity, id = ''] = /^(.*?)\s+(\d+)$/.exec(entity) ?? [];
    this.messageKey = {
      key: `error.stale.${kind.replace(/\s+/g, '_')}`,
      params: { entity, id, expected: String(expected), actual: String(actual) },
    };
  }
}

export class EvaluationLockedError extends DomainError {
  readonly status = 409;
  override readonly messageKey: MessageKey;
  constructor(id: number, status: string) {
    super(`evaluation ${id} is ${status} and can no longer be edited`);
    this.messageKey = { key: `error.locked.${status}`, params: { id: String(id) } };
  }
}

/** No valid session or token. Pages redirect to the sign-in page instead. */
export class SignInRequiredError extends DomainError {
  readonly status = 401;
  constructor(message = 'sign in first (session cookie or `Authorization: Bearer <API token>`)') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  /** `message` in English (logs, untranslated callers); `messageKey` for the reader's language. */
  constructor(
    message: string,
    override readonly messageKey?: MessageKey,
  ) {
    super(message);
  }
}

export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    override readonly messageKey?: MessageKey,
  ) {
    super(message);
  }
}

/** Work the request waits for was not done in time (a worker's PDF): try again later. */
export class UnavailableError extends DomainError {
  readonly status = 503;
  constructor(
    message: string,
    override readonly messageKey?: MessageKey,
  ) {
    super(message);
  }
}
