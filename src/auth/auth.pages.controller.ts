import { Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { clearCookie, cookieOptions, readCookie, SESSION_COOKIE } from '../common/cookies';
import { field, FormBody, FormFields, submitForm } from '../common/form-body';
import { formInput } from '../common/form-input';
import { RequestWithActor } from '../common/current-user';
import { DomainError, TooManyRequestsError } from '../common/errors';
import { translate } from '../common/i18n/i18n';
import { Allow, Public } from './access.guard';
import { AuthService, InvalidCredentialsError } from './auth.service';
import { LoginDto } from './dto/auth.dto';
import { EVERYONE } from './roles';
import { QueryTextPipe } from '../common/query-text';
import { languageOf } from '../common/i18n/lang';
import { pageMessageOf } from '../common/http-exception.filter';

@ApiExcludeController()
@Controller()
export class AuthPagesController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('login')
  @Public()
  loginPage(
    @Req() req: RequestWithActor,
    @Query('next', QueryTextPipe) next: string,
    @Res() res: Response,
  ) {
    if (req.actor) return res.redirect(303, safeNext(next));
    res.render('auth/login', { title: t(res, 'auth.signIn'), next: safeNext(next), bare: true });
  }

  @Post('login')
  @Public()
  async login(@FormBody() body: FormFields, @Req() req: Request, @Res() res: Response) {
    const email = (field(body, 'email') ?? '').slice(0, 200);
    await submitForm(
      res,
      'auth/login',
      async () => {
        const dto = formInput(LoginDto, { email, password: field(body, 'password') });
        const session = await this.auth.signIn(dto.email, dto.password, req.ip ?? 'unknown');
        res.cookie(
          SESSION_COOKIE,
          session.token,
          cookieOptions(req, this.config, this.config.session.maxAgeMs),
        );
        res.redirect(303, safeNext(field(body, 'next')));
      },
      (e) => ({
        title: t(res, 'auth.signIn'),
        email,
        next: safeNext(field(body, 'next')),
        bare: true,
        error: loginError(res, e),
      }),
    );
  }

  @Post('logout')
  @Allow(EVERYONE)
  async logout(@Req() req: Request, @Res() res: Response) {
    const token = readCookie(req, SESSION_COOKIE);
    if (token) await this.auth.signOut(token);
    clearCookie(res, SESSION_COOKIE);
    res.redirect(303, '/login');
  }
}

function t(res: Response, key: string, params: Record<string, unknown> = {}): string {
  return translate(languageOf(res), key, params);
}

function loginError(res: Response, e: DomainError): string {
  if (e instanceof InvalidCredentialsError) return t(res, 'auth.invalid');
  if (e instanceof TooManyRequestsError) {
    res.setHeader('Retry-After', String(e.retryAfterSeconds));
    return t(res, 'auth.tooMany', { minutes: Math.ceil(e.retryAfterSeconds / 60) });
  }
  return pageMessageOf(e, languageOf(res));
}

/** Only a path on this site: never `//evil.example` or an absolute URL. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
}
