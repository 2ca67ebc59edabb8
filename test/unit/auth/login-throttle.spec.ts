import { retryAfterMs } from '../../../src/auth/login-throttle';

describe('retryAfterMs (sliding window)', () => {
  const windowMs = 60_000;

  it('allows an attempt while fewer than the limit are counted ahead of it', () => {
    expect(retryAfterMs([], 3, windowMs, 1_000_000)).toBe(0);
    expect(retryAfterMs([990_000, 995_000], 3, windowMs, 1_000_000)).toBe(0);
  });

  it('past the limit, waits until the oldest attempt that keeps it there leaves the window', () => {
    // Attempts at 1,000,000, 1,010,000 and 1,020,000; now 1,030,000 → 30 s left.
    expect(retryAfterMs([1_000_000, 1_010_000, 1_020_000], 3, windowMs, 1_030_000)).toBe(30_000);
    // With four counted and a limit of 3, the second oldest decides.
    expect(retryAfterMs([1_000_000, 1_010_000, 1_020_000, 1_025_000], 3, windowMs, 1_030_000)).toBe(
      40_000,
    );
  });

  it('never answers "wait 0" once the limit is reached', () => {
    expect(retryAfterMs([1_000_000], 1, windowMs, 1_060_000)).toBe(1);
  });
});
