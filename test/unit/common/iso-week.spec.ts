import fc from 'fast-check';
import { isoWeek } from '../../../src/common/iso-week';

const DAY_MS = 24 * 60 * 60 * 1000;
const utc = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('isoWeek', () => {
  it.each([
    ['2026-01-01', '2026-W01'], // a Thursday: week 1 is Mon 2025-12-29 … Sun 2026-01-04
    ['2027-01-01', '2026-W53'], // a Friday: its week's Thursday is 2026-12-31
    ['2024-12-30', '2025-W01'], // a Monday: its week's Thursday is 2025-01-02
    ['2021-01-03', '2020-W53'], // a Sunday closing 2020's 53rd week
    ['2026-01-29', '2026-W05'], // Mon 26 Jan = 2025-12-29 + 4 weeks → week 5
    ['2026-12-28', '2026-W53'],
    ['2027-01-04', '2027-W01'],
  ])('%s → %s', (date, week) => {
    expect(isoWeek(utc(date))).toBe(week);
  });

  it('reads the date in UTC', () => {
    // Sunday 23:30 in New York is Monday 04:30 UTC: the next week
    expect(isoWeek(new Date('2026-01-04T23:30:00-05:00'))).toBe('2026-W02');
    expect(isoWeek(new Date('2026-01-04T23:59:59Z'))).toBe('2026-W01');
  });

  it('rejects an invalid date', () => {
    expect(() => isoWeek(new Date('not a date'))).toThrow(RangeError);
  });

  it('property: agrees with the "week 1 holds January 4th" definition', () => {
    const monday = (time: number) => {
      const midnight = time - (((time % DAY_MS) + DAY_MS) % DAY_MS);
      return midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * DAY_MS;
    };
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2150, 0, 1) }), (time) => {
        const match = /^(\d{4})-W(\d{2})$/.exec(isoWeek(new Date(time)));
        expect(match).not.toBeNull();
        const [year, week] = [Number(match?.[1]), Number(match?.[2])];
        expect(week).toBeGreaterThanOrEqual(1);
        expect(week).toBeLessThanOrEqual(53);
        const week1 = monday(Date.UTC(year, 0, 4));
        expect(monday(time)).toBe(week1 + (week - 1) * 7 * DAY_MS);
      }),
    );
  });
});
