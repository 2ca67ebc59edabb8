import { Inject, Injectable } from '@nestjs/common';
import { DomainError, InputError } from '../common/errors';
import { LoginThrottle } from './login-throttle';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { OpenedSession, SessionsService } from './sessions.service';
import { USER_DIRECTORY, type UserDirectory } from './user-directory';

/** One message for an unknown e-mail, a wrong password and a deactivated account. */
export class InvalidCredentialsError extends DomainError {
  readonly status = 401;
  constructor() {
    super('e-mail or password is incorrect');
  }
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** Checks the password and opens a session; throws InvalidCredentialsError or 429. */
  async signIn(email: string, password: string, address: string): Promise<OpenedSession> {
    const normalised = email.trim().toLowerCase();
    if (!normalised) throw new InputError('email', 'enter your e-mail address');
    if (!password) throw new InputError('password', 'enter your password');
    // Counted before the slow password check, so parallel attempts cannot all get through.
    const attempt = await this.throttle.reserve(normalised, address);
    const user = await this.users.findWithPassword(normalised);
    const ok =
      user?.passwordHash && user.active
        ? await verifyPassword(user.passwordHash, password)
        : await verifyAgainstDummy(password);
    if (!user || !ok) throw new InvalidCredentialsError(); // the attempt stays counted
    await this.throttle.succeeded(attempt);
    await this.users.markSignedIn(user.id);
    return this.sessions.open(user.id, address);
  }

  signOut(token: string): Promise<void> {
    return this.sessions.close(token);
  }
}
