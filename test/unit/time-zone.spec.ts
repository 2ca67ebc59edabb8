/**
 * Times in the installation's zone (TZ_DISPLAY): what a form gives is read in the zone, stored as
 * UTC, and shown (and written to CSV) as it was typed. Jest cannot change its own process's zone:
 * the round trip with the process in UTC and in Asia/Seoul is test/integration/time-zone.spec.ts.
 */
import { loadConfig } from '../../src/config/app-config';
import {
  isoWithOffset,
  localDateTimeText,
  offsetMinutes,
  parseDateTimeInput,
  setDisplayTimeZone,
  timeZoneName,
  toLocalInput,
} from '../../src/common/time-zone';
import { dateTimeFormat } from '../../src/common/view-helpers';

describe('the display zone, whatever the process zone', () => {
  beforeAll(() => setDisplayTimeZone('Asia/Seoul'));
  afterAll(() => setDisplayTimeZone('Asia/Seoul'));

  it('reads 14:30 typed in a form as 14:30 Korean time, stores 05:30 UTC, shows 14:30 again', () => {
    const at = parseDateTimeInput('2026-12-07T14:30')!;
    expect(at.toISOString()).toBe('2026-12-07T05:30:00.000Z');
    expect(toLocalInput(at)).toBe('2026-12-07T14:30');
    expect(localDateTimeText(at)).toBe('2026-12-07 14:30');
    expect(isoWithOffset(at)).toBe('2026-12-07T14:30:00+09:00');
    expect(dateTimeFormat('en').format(at)).toContain('14:30');
    expect(dateTimeFormat('ko').format(at)).toBe('2026. 12. 7. 14:30');
  });

  it('takes an ISO time with an offset as it is', () => {
    expect(parseDateTimeInput('2026-12-07T14:30:00+01:00')!.toISOString()).toBe(
      '2026-12-07T13:30:00.000Z',
    );
    expect(parseDateTimeInput('2026-12-07T05:30:00Z')!.toISOString()).toBe(
      '2026-12-07T05:30:00.000Z',
    );
  });

  it('refuses what names no moment', () => {
    for (const bad of ['', 'tomorrow', '2026-02-30T10:00', '2026-12-07T25:00', '2026-12-07']) {
      expect(parseDateTimeInput(bad)).toBeNull();
    }
  });

  it('follows daylight saving in another display zone', () => {
    setDisplayTimeZone('Europe/Berlin');
    try {
      expect(parseDateTimeInput('2026-07-01T14:30')!.toISOString()).toBe(
        '2026-07-01T12:30:00.000Z',
      );
      expect(parseDateTimeInput('2026-12-01T14:30')!.toISOString()).toBe(
        '2026-12-01T13:30:00.000Z',
      );
      expect(isoWithOffset(new Date('2026-07-01T12:30:00Z'))).toBe('2026-07-01T14:30:00+02:00');
      expect(offsetMinutes(new Date('2026-12-01T12:00:00Z'))).toBe(60);
      expect(dateTimeFormat('en').format(new Date('2026-07-01T12:30:00Z'))).toContain('14:30');
    } finally {
      setDisplayTimeZone('Asia/Seoul');
    }
  });
});

describe('TZ_DISPLAY', () => {
  afterEach(() => setDisplayTimeZone('Asia/Seoul'));

  it('defaults to Asia/Seoul and names it in the page language', () => {
    expect(loadConfig({}).displayTimeZone).toBe('Asia/Seoul');
    expect(timeZoneName('ko')).toBe('한국 표준시');
    expect(timeZoneName('en')).toBe('Korean Standard Time');
  });

  it('takes another zone, and stops start-up naming the variable for one that is not', () => {
    expect(loadConfig({ TZ_DISPLAY: 'Europe/Berlin' }).displayTimeZone).toBe('Europe/Berlin');
    expect(() => loadConfig({ TZ_DISPLAY: 'Mars/Olympus' })).toThrow(/TZ_DISPLAY="Mars\/Olympus"/);
  });
});
