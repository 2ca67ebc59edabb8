import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';

export const SESSION_COOKIE = 'qa_session';
/** Before sign-in: the CSRF token of the sign-in form (double-submit). */
export const LOGIN_CSRF_COOKIE = 'qa_login_csrf';

export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** httpOnly, SameSite=Lax, and Secure over HTTPS (COOKIE_SECURE). */
export function cookieOptions(req: Request, config: AppConfig, maxAgeMs?: number): CookieOptions {
  const secure = config.session.secure === 'auto' ? req.secure : config.session.secure;
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: maxAgeMs };
}

export function clearCookie(res: Response, name: string): void {
  res.clearCookie(name, { path: '/' });
}
