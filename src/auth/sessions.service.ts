import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { Actor } from '../common/current-user';
import { Session } from './entities/session.entity';
import { randomToken, sha256 } from './secrets';
import { SessionsRepository } from './sessions.repository';
import { USER_DIRECTORY, type UserDirectory } from './user-directory';

export interface OpenedSession {
  /** Goes into the cookie; never stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** lastSeenAt is written at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Sign-in sessions: an absolute lifetime (SESSION_HOURS) and an idle timeout
 * (SESSION_IDLE_MINUTES). Deactivating a user or resetting their password deletes their
 * sessions (UsersService, in src/users/), so re-activating them brings none back.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  async open(userId: number, ip: string | null): Promise<OpenedSession> {
    const token = randomToken();
    const now = new Date();
    const session = Object.assign(new Session(), {
      id: sha256(token),
      userId,
      csrfToken: randomToken(),
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.session.maxAgeMs),
      ip: ip?.slice(0, 100) ?? null,
    });
    await this.sessions.add(session);
    // Housekeeping on sign-in rather than on a timer: cheap, and expired rows never count.
    await this.sessions.removeExpired(now);
    return { token, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  }

  async resolve(token: string): Promise<{ actor: Actor; csrfToken: string } | null> {
    const id = sha256(token);
    const session = await this.sessions.findById(id);
    if (!session) return null;
    const now = Date.now();
    const idleUntil = session.lastSeenAt.getTime() + this.config.session.idleMs;
    if (session.expiresAt.getTime() <= now || idleUntil <= now) {
      await this.sessions.remove(id);
      return null;
    }
    const actor = await this.users.actorFor(session.userId);
    if (!actor) return null;
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.sessions.touch(id, new Date(now));
    }
    return { actor, csrfToken: session.csrfToken };
  }

  async close(token: string): Promise<void> {
    await this.sessions.remove(sha256(token));
  }
}
