/**
 * Times in the installation's zone (TZ_DISPLAY, default Asia/Seoul), whatever the server's own
 * TZ: the round trip (test/support/time-zone-round-trip.ts) runs in a process of its own with
 * TZ=UTC and with TZ=Asia/Seoul. A feedback session entered for 14:30 is stored as 05:30 UTC and
 * shown as 14:30; it cannot be recorded as held before then; the agent's notice says 14:30; the
 * CSV gives the call's start with +09:00.
 */
import { execFile } from 'child_process';
import * as path from 'path';
import { REPO_ROOT } from '../support/test-app';

jest.setTimeout(180_000);

function roundTrip(zone: string): Promise<Record<string, unknown>> {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: zone };
  delete env.TZ_DISPLAY;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        path.join(REPO_ROOT, 'test', 'support', 'time-zone-round-trip.ts'),
      ],
      { cwd: REPO_ROOT, env, timeout: 170_000, maxBuffer: 10 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`round trip with TZ=${zone} failed: ${stderr}`));
        resolve(JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>);
      },
    );
  });
}

describe.each(['UTC', 'Asia/Seoul'])('with the server process in %s', (zone) => {
  let result: Record<string, unknown>;
  beforeAll(async () => {
    result = await roundTrip(zone);
  });

  it('runs in that zone', () => {
    expect(result.processZone).toBe(zone);
  });

  it('stores a session entered for 14:30 as 05:30 UTC and shows it as 14:30', () => {
    expect(result.stored).toBe('2026-12-24T05:30:00.000Z');
    // In the database itself: 05:30, UTC (SQLite keeps milliseconds, PostgreSQL none).
    expect(result.storedText).toMatch(/^2026-12-24 05:30:00(\.000)?$/);
    expect(result.shownEn).toBe('24 Dec 2026, 14:30');
    expect(result.shownKo).toBe('2026. 12. 24. 14:30');
  });

  it('does not let it be recorded as held before its time, and says when it can be', () => {
    expect(result.recordFromShown).toBe(true);
    expect(result.earlyStatus).toBe(400);
    expect(result.earlyMessage).toContain('2026-12-24 14:30');
  });

  it("tells the agent, with the installation's time", () => {
    expect(result.notice).toBe('피드백 세션이 2026-12-24 14:30에 예약되었습니다');
  });

  it('gives ISO times with the offset in the CSV and the API', () => {
    expect(result.csvStartedAt).toBe('2026-11-02T09:15:00+09:00');
    expect(result.apiStartedAt).toBe('2026-11-02T00:15:00.000Z');
  });
});
