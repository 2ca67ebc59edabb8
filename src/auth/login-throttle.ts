/**
 * Failed sign-ins counted per account and per client address over a sliding window. Past the
 * limit, sign-in is refused (429) until the oldest failure leaves the window, whether or not
 * the password is right. In memory: one app process; behind several processes each counts its own.
 */
export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

const MAX_KEYS = 50_000;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: ThrottleLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until another attempt is allowed; 0 when it is allowed now. */
  retryAfterMs(email: string, address: string): number {
    return Math.max(
      this.wait(`a:${email.toLowerCase()}`, this.limits.perAccount),
      this.wait(`ip:${address}`, this.limits.perAddress),
    );
  }

  recordFailure(email: string, address: string): void {
    for (const key of [`a:${email.toLowerCase()}`, `ip:${address}`]) {
      const list = this.recent(key);
      list.push(this.now());
      this.failures.delete(key); // re-insert: the map's order is least recently failed first
      this.failures.set(key, list);
    }
    while (this.failures.size > MAX_KEYS) {
      this.failures.delete(this.failures.keys().next().value as string);
    }
  }

  /** A successful sign-in clears the account's failures (not the address's). */
  recordSuccess(email: string): void {
    this.failures.delete(`a:${email.toLowerCase()}`);
  }

  private wait(key: string, limit: number): number {
    const list = this.recent(key);
    if (list.length < limit) return 0;
    return list[list.length - limit] + this.limits.windowMs - this.now();
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(key);
    return list;
  }
}
