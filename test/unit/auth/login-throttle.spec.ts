import { LoginThrottle } from '../../../src/auth/login-throttle';

describe('LoginThrottle', () => {
  let now = 0;
  const throttle = () =>
    new LoginThrottle({ perAccount: 3, perAddress: 5, windowMs: 60_000 }, () => now);
  beforeEach(() => (now = 1_000_000));

  it('allows attempts until the per-account limit, then says how long to wait', () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfterMs('a@x', '1.1.1.1')).toBe(0);
      t.recordFailure('a@x', '1.1.1.1');
      now += 10_000;
    }
    // First failure at 1,000,000; window 60 s; now 1,030,000 → 30 s left.
    expect(t.retryAfterMs('A@X', '2.2.2.2')).toBe(30_000);
    now += 30_000;
    expect(t.retryAfterMs('a@x', '2.2.2.2')).toBe(0);
  });

  it('counts an address across accounts, and a success clears only the account', () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) t.recordFailure(`u${i}@x`, '9.9.9.9');
    expect(t.retryAfterMs('fresh@x', '9.9.9.9')).toBe(60_000);
    expect(t.retryAfterMs('fresh@x', '8.8.8.8')).toBe(0);
    t.recordFailure('b@x', '7.7.7.7');
    t.recordFailure('b@x', '7.7.7.7');
    t.recordSuccess('b@x');
    t.recordFailure('b@x', '7.7.7.7');
    expect(t.retryAfterMs('b@x', '6.6.6.6')).toBe(0);
  });
});
