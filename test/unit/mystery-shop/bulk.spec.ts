import { readRows } from '../../../src/mystery-shop/sheet-reader';
import { validateShops } from '../../../src/mystery-shop/shop-validation';
import { DEFAULT_HEADER, defaultRow, mysteryShop, scorecardMap, toCsv } from './support';
import { createRng as prng } from '../../../src/common/random';

describe('a 10,000-row vendor file', () => {
  it.each([1, 2026, 777])(
    'finds exactly the 3 bad rows (seed %i); the speed is measured in bench/, not here',
    async (seed) => {
      const random = prng(seed);
      const count = 10_000;
      const bad = new Set<number>();
      while (bad.size < 3) bad.add(Math.floor(random() * count));
      const [a, b, c] = [...bad];

      const rows = [DEFAULT_HEADER];
      for (let i = 0; i < count; i++) {
        const day = String(1 + (i % 28)).padStart(2, '0');
        const overrides: Record<string, string> = {
          date: `2026-02-${day}`,
          agent_external_id: `AG-${1000 + (i % 40)}`,
          longest_hold: String(i % 4),
          courtesy: String(1 + (i % 5)),
          empathy: i % 3 === 0 ? '해당 없음' : 'yes',
          overall_comment: i % 10 === 0 ? `총평, "인용" 포함 ${i}` : '',
        };
        if (i === a) overrides.company_name_given = 'maybe';
        if (i === b) overrides.date = '2026-02-30';
        if (i === c) overrides.longest_hold = '4';
        rows.push(defaultRow(`MS-${String(i).padStart(5, '0')}`, overrides));
      }
      const bytes = toCsv(rows);

      const table = await readRows('big.csv', bytes);
      const result = validateShops(table, undefined, scorecardMap(mysteryShop));

      expect(result.errors.map((e) => e.line)).toEqual(
        [...bad].map((i) => i + 2).sort((x, y) => x - y),
      );
      const byLine = new Map(result.errors.map((e) => [e.line, e]));
      expect(byLine.get(a + 2)).toMatchObject({
        line: a + 2,
        column: 'company_name_given',
        reason: 'unknown value "maybe" (expected yes/no)',
      });
      expect(byLine.get(b + 2)?.reason).toBe('date "2026-02-30" is not a date');
      expect(byLine.get(c + 2)?.reason).toBe('value 4 is outside the scale 0-3');
      expect(result.valid).toHaveLength(count - 3);
    },
  );
});
