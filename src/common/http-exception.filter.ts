import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, SignInRequiredError, TooManyRequestsError } from './errors';
import { hasTranslation, translate } from './i18n/i18n';
import { languageOf } from './i18n/lang';
import { bodyParserError } from './request-body';
import { failureText, ValidationFailedError } from './validation-messages';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  field?: string;
  details?: string[];
}

/**
 * The one place errors become HTTP answers: domain errors and Nest's HttpExceptions keep their
 * status and message (a domain error's `messageKey` in the reader's language); body-parser's
 * refusals become domain errors first (413 too big, 400 unreadable); anything else is a 500
 * with no stack trace or SQL in the response.
 * Page requests get the error page; API requests get JSON.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<Request>();
    const response = ctx.getResponse<Response>();
    const lang = languageOf(response);
    const body = this.toBody(bodyParserError(exception) ?? exception, request, lang);
    if (response.headersSent) return;
    if (exception instanceof TooManyRequestsError) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    if (exception instanceof SignInRequiredError && isPageRequest(request)) {
      const next = request.method === 'GET' ? request.originalUrl : '/';
      response.redirect(303, `/login?next=${encodeURIComponent(next)}`);
      return;
    }
    if (wantsHtml(request)) {
      const statusKey = `error.status.${body.statusCode}`;
      response.status(body.statusCode).render('error', {
        title: translate(lang, 'error.title'),
        ...body,
        // The status in the page's language (`403 · 권한 없음`); the API keeps HTTP's words.
        error: hasTranslation(statusKey) ? translate(lang, statusKey) : body.error,
      });
      return;
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request, lang: string): ErrorBody {
    if (exception instanceof ValidationFailedError) {
      const list = exception.failures.map((f) => failureText(f, lang));
      return {
        statusCode: 400,
        error: 'Bad Request',
        message: list.join('; '),
        field: exception.field,
        ...(list.length > 1 ? { details: list } : {}),
      };
    }
    if (exception instanceof DomainError) {
      return {
        statusCode: exception.status,
        error: HttpStatus[exception.status] ?? 'Error',
        message: messageOf(exception, lang),
        ...(exception.field ? { field: exception.field } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const messages =
        typeof res === 'object' && res !== null && 'message' in res
          ? res.message
          : exception.message;
      const list = Array.isArray(messages) ? messages.map(String) : [String(messages)];
      return {
        statusCode: status,
        error: HttpStatus[status] ?? 'Error',
        message: list.join('; '),
        ...(list.length > 1 ? { details: list } : {}),
      };
    }
    this.logger.error(
      `${request.method} ${request.url}: ${exception instanceof Error ? exception.stack : String(exception)}`,
    );
    return {
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side; the error was logged.',
    };
  }
}

/** A translated message keeps the field first, like the English one (`page: …`). */
export function messageOf(exception: DomainError, lang: string): string {
  if (!exception.messageKey || !hasTranslation(exception.messageKey.key)) return exception.message;
  const text = pageMessageOf(exception, lang);
  return exception.field ? `${exception.field}: ${text}` : text;
}

/**
 * The refusal as a page shows it beside its form: translated, without the API's field prefix
 * (`focus: …`), which is a code, not a word the reader knows; untranslated ones as they are.
 */
export function pageMessageOf(exception: DomainError, lang: string): string {
  if (!exception.messageKey || !hasTranslation(exception.messageKey.key)) return exception.message;
  const params = { ...exception.messageKey.params };
  // A thing named by its code (`queue item`) reads as its name where the locale files have one.
  const entityKey = params.entity && `error.entity.${params.entity.replace(/\s+/g, '_')}`;
  if (entityKey && hasTranslation(entityKey)) params.entity = translate(lang, entityKey);
  if (params.role && hasTranslation(`role.${params.role}`))
    params.role = translate(lang, `role.${params.role}`);
  // A queue item's state named by its code (`in_progress`) reads as the queue page names it.
  if (params.status && hasTranslation(`queue.status.${params.status}`))
    params.status = translate(lang, `queue.status.${params.status}`);
  return translate(lang, exception.messageKey.key, params);
}

function isPageRequest(request: Request): boolean {
  return !request.path.startsWith('/api') && request.path !== '/health';
}

function wantsHtml(request: Request): boolean {
  return isPageRequest(request) && (request.headers.accept ?? '').includes('text/html');
}
