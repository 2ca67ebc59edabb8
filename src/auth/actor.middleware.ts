import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import {
  clearCookie,
  cookieOptions,
  LOGIN_CSRF_COOKIE,
  readCookie,
  SESSION_COOKIE,
} from '../common/cookies';
import type { RequestWithActor } from '../common/current-user';
import { SignInRequiredError } from '../common/errors';
import { ApiTokensService } from './api-tokens.service';
import { navMenus } from './navigation';
import { navFor } from './roles';
import { randomToken } from './secrets';
import { SessionsService } from './sessions.service';

/**
 * Resolves who is acting: `Authorization: Bearer <API token>`, else the session cookie. Pages get
 * the actor, their navigation and the CSRF token for their forms in `res.locals`.
 */
@Injectable()
export class ActorMiddleware implements NestMiddleware {
  constructor(
    private readonly sessions: SessionsService,
    private readonly tokens: ApiTokensService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async use(req: RequestWithActor, res: Response, next: NextFunction): Promise<void> {
    try {
      const header = req.header('authorization');
      if (header) {
        const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
        const actor = bearer ? await this.tokens.resolve(bearer) : null;
        if (!actor) {
          throw new SignInRequiredError(
            'the API token is unknown or revoked, or its owner is deactivated (Authorization: Bearer <token>)',
          );
        }
        req.actor = actor;
        req.auth = { via: 'token' };
      } else {
        const token = readCookie(req, SESSION_COOKIE);
        const session = token ? await this.sessions.resolve(token) : null;
        if (session) {
          req.actor = session.actor;
          req.auth = { via: 'session', csrfToken: session.csrfToken };
        } else if (token) {
          clearCookie(res, SESSION_COOKIE);
        }
      }
      res.locals.actor = req.actor ?? null;
      res.locals.nav = navFor(req.actor?.role);
      res.locals.navMenus = navMenus(req.actor?.role, req.path);
      res.locals.csrfToken = req.auth?.csrfToken ?? this.signInFormToken(req, res);
      next();
    } catch (e) {
      next(e);
    }
  }

  /** The double-submit token for the sign-in form, kept in a cookie for two hours. */
  private signInFormToken(req: RequestWithActor, res: Response): string | undefined {
    if (req.path.startsWith('/api')) return undefined;
    const existing = readCookie(req, LOGIN_CSRF_COOKIE);
    if (existing && /^[\w-]{43}$/.test(existing)) return existing;
    const token = randomToken();
    res.cookie(LOGIN_CSRF_COOKIE, token, cookieOptions(req, this.config, 2 * 3_600_000));
    // Visible to the guard on this same request too (a form posted without the cookie fails).
    return token;
  }
}
