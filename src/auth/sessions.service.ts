import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { Actor } from '../common/current-user';
import { UsersService } from '../users/users.service';
import { Session } from './entities/session.entity';
import { randomToken, sha256 } from './secrets';

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
 * (SESSION_IDLE_MINUTES). A deactivated user's sessions stop at their next request.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async open(userId: number, ip: string | null): Promise<OpenedSession> {
    const token = randomToken();
    const now = new Date();
    const session = this.sessions.create({
      id: sha256(token),
      userId,
      csrfToken: randomToken(),
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.session.maxAgeMs),
      ip: ip?.slice(0, 100) ?? null,
    });
    await this.sessions.insert(session);
    // Housekeeping on sign-in rather than on a timer: cheap, and expired rows never count.
    await this.sessions.delete({ expiresAt: LessThan(now) });
    return { token, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  }

  async resolve(token: string): Promise<{ actor: Actor; csrfToken: string } | null> {
    const id = sha256(token);
    const session = await this.sessions.findOneBy({ id });
    if (!session) return null;
    const now = Date.now();
    const idleUntil = session.lastSeenAt.getTime() + this.config.session.idleMs;
    if (session.expiresAt.getTime() <= now || idleUntil <= now) {
      await this.sessions.delete({ id });
      return null;
    }
    const actor = await this.users.actorFor(session.userId);
    if (!actor) return null;
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.sessions.update({ id }, { lastSeenAt: new Date(now) });
    }
    return { actor, csrfToken: session.csrfToken };
  }

  async close(token: string): Promise<void> {
    await this.sessions.delete({ id: sha256(token) });
  }
}
