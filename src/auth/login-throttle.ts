import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { TooManyRequestsError } from '../common/errors';
import { SignInAttemptsRepository } from './sign-in-attempts.repository';

export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

const WINDOW_MS = 15 * 60_000;

/**
 * Milliseconds until an attempt is allowed, given the times of the other attempts counted
 * against the same key within the window (oldest first); 0 when it is allowed now.
 */
export function retryAfterMs(others: number[], limit: number, windowMs: number, now: number) {
  if (others.length < limit) return 0;
  return Math.max(1, others[others.length - limit] + windowMs - now);
}

/** A reserved attempt: one row for the account, one for the address. */
export interface ReservedAttempt {
  accountKey: string;
  ids: { account: number; address: number };
}

/**
 * Sign-in attempts counted per account and per client address over a sliding window, in the
 * database so that every app process sharing it counts the same. An attempt is written first
 * and counted after, so of any number of parallel attempts at most `limit` reach the password
 * check: each one that does saw its own row and the rows of all that went before it. Past the
 * limit, sign-in is refused (429) until the oldest failure leaves the window, whether or not the
 * password is right; a refused attempt is not counted.
 */
@Injectable()
export class LoginThrottle {
  readonly limits: ThrottleLimits;

  constructor(
    private readonly attempts: SignInAttemptsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limits = {
      perAccount: config.loginMaxFailures,
      perAddress: config.loginMaxFailures * 4,
      windowMs: WINDOW_MS,
    };
  }

  /** Counts the attempt before the password is checked; throws TooManyRequestsError past a limit. */
  async reserve(email: string, address: string, now = new Date()): Promise<ReservedAttempt> {
    const accountKey = `account:${email.toLowerCase().slice(0, 200)}`;
    const addressKey = `address:${address.slice(0, 200)}`;
    const since = new Date(now.getTime() - this.limits.windowMs);
    await this.attempts.removeOlderThan(since);
    const account = await this.attempts.add(accountKey, now);
    const addressId = await this.attempts.add(addressKey, now);
    const wait = Math.max(
      await this.wait(accountKey, account, since, this.limits.perAccount, now),
      await this.wait(addressKey, addressId, since, this.limits.perAddress, now),
    );
    if (wait > 0) {
      await this.attempts.remove([account, addressId]);
      const minutes = Math.ceil(wait / 60_000);
      throw new TooManyRequestsError(
        `too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
        Math.ceil(wait / 1000),
        { key: 'auth.tooMany', params: { minutes: String(minutes) } },
      );
    }
    return { accountKey, ids: { account, address: addressId } };
  }

  /**
   * The password was right: the account's failures up to this attempt are cleared, and the
   * attempt does not count against the address. (A wrong password leaves both rows as failures.)
   */
  async succeeded(attempt: ReservedAttempt): Promise<void> {
    await this.attempts.removeKeyUpTo(attempt.accountKey, attempt.ids.account);
    await this.attempts.remove([attempt.ids.address]);
  }

  private async wait(key: string, own: number, since: Date, limit: number, now: Date) {
    const others = (await this.attempts.since(key, since))
      .filter((row) => row.id !== own)
      .map((row) => row.at.getTime());
    return retryAfterMs(others, limit, this.limits.windowMs, now.getTime());
  }
}
