/**
 * How request bodies are read: JSON and HTML forms up to BODY_LIMIT, JSON at most
 * MAX_JSON_DEPTH levels deep (checked on the raw bytes before parsing, so a deep body never
 * reaches a recursive validator), and body-parser's own refusals as domain errors for the one
 * exception filter: 413 for too big, 400 for unreadable, never 500.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, ServerResponse } from 'http';
import { BodyTooLargeError, DomainError, InputError } from './errors';

export const BODY_LIMIT = '100kb';
export const MAX_JSON_DEPTH = 64;
const MAX_FORM_FIELDS = 1000;

/**
 * Registered where it is called (after the language middleware, so a refusal is in the reader's
 * language); Nest then sees the parsers in place and adds none of its own. Nest's type leaves
 * out `verify` because its `rawBody` option would replace it; this app does not use `rawBody`,
 * so the options reach body-parser as they are.
 */
export function useBodyParsers(app: NestExpressApplication): void {
  const json = { limit: BODY_LIMIT, verify: refuseDeepJson };
  app.useBodyParser('json', json);
  app.useBodyParser('urlencoded', {
    extended: true,
    limit: BODY_LIMIT,
    parameterLimit: MAX_FORM_FIELDS,
  });
}

/** Whether the JSON text nests arrays and objects more than `max` levels (strings skipped). */
export function jsonDeeperThan(raw: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (inString) {
      if (byte === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > max) return true;
    } else if (byte === 0x5d || byte === 0x7d) {
      depth--;
    }
  }
  return false;
}

function refuseDeepJson(_req: IncomingMessage, _res: ServerResponse, raw: Buffer): void {
  if (jsonDeeperThan(raw, MAX_JSON_DEPTH)) {
    throw new InputError('body', `JSON may nest at most ${MAX_JSON_DEPTH} levels deep`, {
      key: 'error.bodyTooDeep',
      params: { max: String(MAX_JSON_DEPTH) },
    });
  }
}

/** body-parser's errors (http-errors with a `type`) as domain errors; null for anything else. */
export function bodyParserError(exception: unknown): DomainError | null {
  if (!(exception instanceof Error) || exception instanceof DomainError) return null;
  const { type, status } = exception as Error & { type?: unknown; status?: unknown };
  if (typeof type !== 'string' || typeof status !== 'number') return null;
  switch (type) {
    case 'entity.too.large':
      return new BodyTooLargeError(`the request body is larger than ${BODY_LIMIT}`, {
        key: 'error.bodyTooLarge',
        params: { limit: BODY_LIMIT },
      });
    case 'parameters.too.many':
      return new BodyTooLargeError(`a form may have at most ${MAX_FORM_FIELDS} fields`, {
        key: 'error.bodyTooManyFields',
        params: { max: String(MAX_FORM_FIELDS) },
      });
    case 'querystring.parse.rangeError':
      return new InputError('body', 'the form nests its fields too deep', {
        key: 'error.formTooDeep',
      });
    default:
      return status >= 400 && status < 500
        ? new InputError('body', 'the request body could not be read (malformed or unsupported)', {
            key: 'error.bodyUnreadable',
          })
        : null;
  }
}
