import {
  Controller,
  Get,
  Inject,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { clearCookie, cookieOptions, readCookie, SESSION_COOKIE } from '../common/cookies';
import { field, FormBody, FormFields, submitForm } from '../common/form-body';
import { formInput } from '../common/form-input';
import { Actor, CurrentUser, RequestWithActor } from '../common/current-user';
import { DomainError, InputError, TooManyRequestsError } from '../common/errors';
import { translate } from '../common/i18n/i18n';
import { UsersService } from '../users/users.service';
import { Allow, Public, SessionOnly } from './access.guard';
import { ApiTokensService } from './api-tokens.service';
import { AuthService, InvalidCredentialsError } from './auth.service';
import { ChangePasswordDto, CreateTokenDto, LoginDto } from './dto/auth.dto';
import { EVERYONE } from './roles';
import { QueryTextPipe } from '../common/query-text';
import { languageOf } from '../common/i18n/lang';
import { pageMessageOf } from '../common/http-exception.filter';

@ApiExcludeController()
@Controller()
export class AuthPagesController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly tokens: ApiTokensService,
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

  @Get('account')
  @Allow(EVERYONE)
  async account(@CurrentUser() actor: Actor, @Res() res: Response) {
    res.render('account/index', await this.accountView(actor, res));
  }

  @Post('account/password')
  @Allow(EVERYONE)
  @SessionOnly()
  async changePassword(
    @CurrentUser() actor: Actor,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    await submitForm(
      res,
      'account/index',
      async () => {
        const dto = formInput(ChangePasswordDto, body);
        await this.users.changeOwnPassword(actor, dto.current, dto.password);
        // Every session ended, this one too: sign in again with the new password.
        clearCookie(res, SESSION_COOKIE);
        res.redirect(303, '/login');
      },
      async (e) => ({
        ...(await this.accountView(actor, res)),
        passwordError: pageMessageOf(e, languageOf(res)),
      }),
      (e) => e instanceof InputError,
    );
  }

  @Post('account/tokens')
  @Allow(EVERYONE)
  @SessionOnly()
  async createToken(
    @CurrentUser() actor: Actor,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    await submitForm(
      res,
      'account/index',
      async () => {
        const created = await this.tokens.create(actor, formInput(CreateTokenDto, body).name);
        // Shown once, on this response only; never stored in clear.
        res.status(201).render('account/index', {
          ...(await this.accountView(actor, res)),
          newToken: created.token,
        });
      },
      async (e) => ({
        ...(await this.accountView(actor, res)),
        tokenError: pageMessageOf(e, languageOf(res)),
      }),
      (e) => e instanceof InputError,
    );
  }

  @Post('account/tokens/:id/revoke')
  @Allow(EVERYONE)
  async revokeToken(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    await this.tokens.revoke(actor, id);
    res.redirect(303, '/account');
  }

  private async accountView(actor: Actor, res: Response) {
    return {
      title: t(res, 'account.title'),
      user: await this.users.get(actor.id),
      tokens: await this.tokens.list(actor),
    };
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
