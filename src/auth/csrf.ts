import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { RequestWithActor } from '../common/current-user';
import { LOGIN_CSRF_COOKIE, readCookie } from '../common/cookies';
import { ForbiddenError } from '../common/errors';
import { sameSecret } from './secrets';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_IN_MULTIPART_BODY = 'qa:csrf-in-multipart-body';
type PendingRequest = RequestWithActor & { csrfPending?: string };

/**
 * Synchronizer token: the session's token in the `_csrf` form field or the X-CSRF-Token header,
 * never the query string (a URL ends up in logs, the history and Referer headers). Before
 * sign-in, the sign-in form's token is a cookie (double submit). API tokens need none: a
 * browser never sends them by itself. A JSON body without any cookie session needs none either:
 * another site cannot send JSON here without a CORS pre-flight, which this app refuses.
 *
 * A multipart form's fields are read after this check (by the route's upload interceptor), so a
 * route marked `@CsrfInMultipartBody()` has its `_csrf` field checked right after they are read,
 * before the handler runs; any other multipart request needs the header.
 */
export function checkCsrf(req: RequestWithActor, multipartBodyAllowed: boolean): void {
  if (SAFE_METHODS.has(req.method) || req.auth?.via === 'token') return;
  if (!req.auth && req.is('application/json')) return;
  const expected = req.auth?.csrfToken ?? readCookie(req, LOGIN_CSRF_COOKIE);
  const header = req.header('x-csrf-token');
  if (header === undefined && multipartBodyAllowed && req.is('multipart/form-data')) {
    if (!expected) throw csrfRefused();
    (req as PendingRequest).csrfPending = expected;
    return;
  }
  const body = req.body as Record<string, unknown> | undefined;
  verify(header ?? body?._csrf, expected);
  if (body && typeof body === 'object') delete body._csrf;
}

/** Checks the `_csrf` field of a multipart form once the upload interceptor has read it. */
@Injectable()
export class MultipartCsrfInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<PendingRequest>();
    const expected = req.csrfPending;
    if (expected !== undefined) {
      const body = req.body as Record<string, unknown> | undefined;
      verify(body?._csrf, expected);
      delete body!._csrf;
      delete req.csrfPending;
    }
    return next.handle();
  }
}

/**
 * For an HTML upload form (no script needed): its `_csrf` field is checked after the files and
 * fields are read. Put it above `@UseInterceptors(AnyFilesInterceptor())`, so that it runs after
 * it; below, the field is not read yet and every post is refused.
 */
export const CsrfInMultipartBody = () =>
  applyDecorators(
    SetMetadata(CSRF_IN_MULTIPART_BODY, true),
    UseInterceptors(MultipartCsrfInterceptor),
  );

function verify(given: unknown, expected: string | undefined): void {
  if (!expected || typeof given !== 'string' || !sameSecret(given, expected)) throw csrfRefused();
}

function csrfRefused(): ForbiddenError {
  return new ForbiddenError(
    'this form is out of date or did not come from this site (CSRF token missing or wrong): reload the page and try again',
    { key: 'error.forbidden.csrf' },
  );
}
