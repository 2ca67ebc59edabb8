/**
 * Multipart uploads (multer, files in memory, limits set by the feature's MulterModule) with the
 * size refusal a person can act on: multer's own 413 says only "File too large"; this one names
 * the limit and its setting, in the reader's language.
 */
import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import { catchError, type Observable } from 'rxjs';
import { BodyTooLargeError } from './errors';

const UPLOAD_LIMIT = 'uploadLimit';

/**
 * Injection token: the bytes one uploaded file may have (MAX_UPLOAD_MB), provided by the global
 * ConfigModule from the app's configuration, so this helper needs no import of config/.
 */
export const MAX_UPLOAD_BYTES = Symbol('MAX_UPLOAD_BYTES');

interface UploadLimit {
  /** The form field the files come in, named by the error. */
  field: string;
  /** One file may be this many × MAX_UPLOAD_MB (what the feature's MulterModule sets). */
  sizeFactor: number;
}

/**
 * Any files, read by multer; a file over the limit is a 413 naming it. Put
 * `@CsrfInMultipartBody()` above it, as with `AnyFilesInterceptor()`.
 */
export const FileUploads = (limit: UploadLimit) =>
  applyDecorators(
    SetMetadata(UPLOAD_LIMIT, limit),
    UseInterceptors(UploadTooLargeInterceptor, AnyFilesInterceptor()),
  );

@Injectable()
export class UploadTooLargeInterceptor implements NestInterceptor {
  constructor(
    @Inject(MAX_UPLOAD_BYTES) private readonly maxUploadBytes: number,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((e: unknown) => {
        if (!(e instanceof PayloadTooLargeException)) throw e;
        const { field, sizeFactor } = this.reflector.get<UploadLimit | undefined>(
          UPLOAD_LIMIT,
          context.getHandler(),
        ) ?? { field: 'files', sizeFactor: 1 };
        const max = String(Math.round((this.maxUploadBytes * sizeFactor) / 1024 / 1024));
        throw new BodyTooLargeError(
          `a file of this upload is larger than ${max} MB, the most the server takes for one file (MAX_UPLOAD_MB); nothing was read`,
          { key: 'error.uploadFileTooLarge', params: { max } },
          field,
        );
      }),
    );
  }
}
