import { CanActivate, ExecutionContext, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import type { RequestWithActor } from '../common/current-user';
import { ForbiddenError, SignInRequiredError } from '../common/errors';
import { translate } from '../common/i18n/i18n';
import { languageOf } from '../common/i18n/lang';
import type { Role } from './roles';
import { checkCsrf, CSRF_IN_MULTIPART_BODY } from './csrf';

export const ACCESS_RULE = 'qa:access';
export type AccessRule = { public: true } | { roles: readonly Role[] };

/** Open to anyone, signed in or not (sign-in, health). */
export const Public = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);
/** Signed-in users with one of these roles. What each may see inside is scoped by the queries. */
export const Allow = (roles: readonly Role[]) =>
  SetMetadata(ACCESS_RULE, { roles } satisfies AccessRule);

export const SESSION_ONLY = 'qa:session-only';
/**
 * Only with a signed-in browser session, never an API token: minting tokens and changing
 * passwords, so that a leaked token cannot outlive its revocation or lock its owner out.
 */
export const SessionOnly = () => SetMetadata(SESSION_ONLY, true);

/**
 * Every route must say who may call it (`@Public()` or `@Allow(...)`); a route without a rule
 * is refused, so a forgotten rule fails closed (and the authorisation matrix test names it).
 * Also checks the CSRF token of every unsafe request that relies on the session cookie (csrf.ts).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<RequestWithActor>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(`${req.method} ${req.path} has no access rule`);
      throw new ForbiddenError('this route has no access rule', {
        key: 'error.forbidden.noAccessRule',
      });
    }
    if (!('public' in rule)) {
      if (!req.actor) throw new SignInRequiredError();
      if (!rule.roles.includes(req.actor.role)) {
        throw new ForbiddenError(`your role (${req.actor.role}) does not allow this`, {
          key: 'error.forbidden.role',
          params: { role: req.actor.role },
        });
      }
    }
    if (req.auth?.via === 'token' && this.sessionOnly(context)) {
      const lang = languageOf(context.switchToHttp().getResponse<Response>());
      throw new ForbiddenError(translate(lang, 'auth.sessionOnly'));
    }
    checkCsrf(
      req,
      this.reflector.getAllAndOverride<boolean | undefined>(CSRF_IN_MULTIPART_BODY, [
        context.getHandler(),
        context.getClass(),
      ]) === true,
    );
    return true;
  }

  private sessionOnly(context: ExecutionContext): boolean {
    return (
      this.reflector.getAllAndOverride<boolean | undefined>(SESSION_ONLY, [
        context.getHandler(),
        context.getClass(),
      ]) === true
    );
  }
}
