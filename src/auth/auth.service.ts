import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainError, InputError, TooManyRequestsError } from '../common/errors';
import { UsersService } from '../users/users.service';
import { LoginThrottle } from './login-throttle';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { OpenedSession, SessionsService } from './sessions.service';

/** One message for an unknown e-mail, a wrong password and a deactivated account. */
export class InvalidCredentialsError extends DomainError {
  readonly status = 401;
  constructor() {
    super('e-mail or password is incorrect');
  }
}

const WINDOW_MS = 15 * 60_000;

@Injectable()
export class AuthService {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.throttle = new LoginThrottle({
      perAccount: config.loginMaxFailures,
      perAddress: config.loginMaxFailures * 4,
      windowMs: WINDOW_MS,
    });
  }

  /** Checks the password and opens a session; throws InvalidCredentialsError or 429. */
  async signIn(email: string, password: string, address: string): Promise<OpenedSession> {
    const normalised = email.trim().toLowerCase();
    if (!normalised) throw new InputError('email', 'enter your e-mail address');
    if (!password) throw new InputError('password', 'enter your password');
    const wait = this.throttle.retryAfterMs(normalised, address);
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60_000);
      throw new TooManyRequestsError(
        `too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
        Math.ceil(wait / 1000),
      );
    }
    const user = await this.users.findWithPassword(normalised);
    const ok =
      user?.passwordHash && user.active
        ? await verifyPassword(user.passwordHash, password)
        : await verifyAgainstDummy(password);
    if (!user || !ok) {
      this.throttle.recordFailure(normalised, address);
      throw new InvalidCredentialsError();
    }
    this.throttle.recordSuccess(normalised);
    await this.users.markSignedIn(user.id);
    return this.sessions.open(user.id, address);
  }

  signOut(token: string): Promise<void> {
    return this.sessions.close(token);
  }
}
