import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import { isLanguage, type Language } from './i18n';

/** The page's language as the language middleware chose it (`res.locals.lang`), Korean by default. */
export function languageOf(res: Response): Language {
  const lang: unknown = res.locals.lang;
  return isLanguage(lang) ? lang : 'ko';
}

/** `@Lang() lang: Language` in a handler: the request's language, for translated messages. */
export const Lang = createParamDecorator((_: unknown, ctx: ExecutionContext): Language =>
  languageOf(ctx.switchToHttp().getResponse<Response>()),
);
