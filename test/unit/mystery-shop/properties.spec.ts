import fc from 'fast-check';
import {
  MysteryShopFileError,
  readRows,
  type SheetRows,
} from '../../../src/mystery-shop/sheet-reader';
import { validateShops, type ValidationResult } from '../../../src/mystery-shop/shop-validation';
import { scaleRange } from '../../../src/scoring/score-formula';
import {
  DEFAULT_HEADER,
  criteriaOf,
  defaultRow,
  fixture,
  mysteryShop,
  scorecardMap,
  toCsv,
  toXlsx,
} from './support';

const scorecards = scorecardMap(mysteryShop);
const criteria = new Map(criteriaOf(mysteryShop).map((c) => [c.key, c]));

function physicalLines(bytes: Uint8Array): number {
  let lines = 1;
  for (const b of bytes) if (b === 0x0a || b === 0x0d) lines++;
  return lines;
}

/** Every reported line lies within the table; rows are either valid or have an error. */
function expectConsistent(table: SheetRows, result: ValidationResult): void {
  const lines = new Set(table.rows.map((r) => r.line));
  for (const e of result.errors) {
    expect(e.line === 1 || lines.has(e.line)).toBe(true);
    expect(typeof e.column).toBe('string');
    expect(e.reason.length).toBeGreaterThan(0);
  }
  const erred = new Set(result.errors.map((e) => e.line));
  for (const v of result.valid) {
    expect(lines.has(v.line)).toBe(true);
    expect(erred.has(v.line)).toBe(false);
    for (const a of v.answers) {
      const c = criteria.get(a.key);
      expect(c).toBeDefined();
      if (!c) continue;
      if (a.value === null) expect(c.naAllowed).toBe(true);
      else {
        const { min, max } = scaleRange(c.scale);
        expect(Number.isInteger(a.value) && a.value >= min && a.value <= max).toBe(true);
      }
    }
  }
  if (!result.errors.some((e) => e.line === 1)) {
    for (const line of lines)
      expect(erred.has(line) || result.valid.some((v) => v.line === line)).toBe(true);
  }
}

/** Reads and validates; the only acceptable failure is a MysteryShopFileError within the file. */
async function readAny(file: string, bytes: Uint8Array): Promise<void> {
  let table: SheetRows;
  try {
    table = await readRows(file, Buffer.from(bytes));
  } catch (err) {
    expect(err).toBeInstanceOf(MysteryShopFileError);
    const line = (err as MysteryShopFileError).line;
    if (line !== undefined) {
      expect(line).toBeGreaterThanOrEqual(1);
      expect(line).toBeLessThanOrEqual(physicalLines(bytes));
    }
    return;
  }
  const result = validateShops(table, undefined, scorecards);
  expectConsistent(table, result);
  const withMapping = validateShops(
    table,
    { columns: { shop_id: table.headers[0] ?? 'x' }, scorecard: 'mystery-shop-ko' },
    scorecards,
  );
  expectConsistent(table, withMapping);
}

let sampleXlsx: Buffer;
beforeAll(async () => {
  sampleXlsx = await toXlsx([
    DEFAULT_HEADER,
    defaultRow('S-1'),
    defaultRow('S-2', { courtesy: '9' }),
  ]);
});

describe('never a TypeError, every line within the file', () => {
  it('random bytes as CSV', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), (bytes) => readAny('random.csv', bytes)),
      { numRuns: 300 },
    );
  });

  it('random text as CSV (valid UTF-8, quotes, separators, newlines)', async () => {
    const piece = fc.oneof(
      fc.constantFrom(
        ',',
        ';',
        '\t',
        '"',
        '\n',
        '\r\n',
        ' ',
        '\uFEFF',
        'shop_id',
        'date',
        'yes',
        '5',
        'N/A',
      ),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 200 }), (parts) =>
        readAny('text.csv', Buffer.from(parts.join(''), 'utf8')),
      ),
      { numRuns: 300 },
    );
  });

  it('random bytes as XLSX', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .uint8Array({ maxLength: 2000 })
          .map((b) => Buffer.concat([Buffer.from('PK\u0003\u0004'), b])),
        (bytes) => readAny('random.xlsx', bytes),
      ),
      { numRuns: 100 },
    );
  });

  it('truncated and corrupted XLSX files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: sampleXlsx.length }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        async (cut, flips) => {
          const bytes = Buffer.from(sampleXlsx.subarray(0, cut));
          for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
          await readAny('cut.xlsx', bytes);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('truncated CSV files', async () => {
    const sample = fixture('sample-ko.csv');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: sample.length }), (cut) =>
        readAny('cut.csv', sample.subarray(0, cut)),
      ),
      { numRuns: 200 },
    );
  });
});

describe('random cell values', () => {
  const cellValue = fc.oneof(
    fc.constantFrom(
      '',
      'yes',
      'no',
      'N/A',
      '해당 없음',
      '0',
      '1',
      '3',
      '5',
      '2.5',
      '-1',
      'maybe',
      ' Y ',
    ),
    fc.constantFrom(
      '2026-03-05',
      '2026-13-40',
      '2026. 3. 5.',
      'voice',
      'chat',
      'fax',
      'mystery-shop-ko',
      'x',
    ),
    fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !s.includes('\u0000')),
  );
  const row = fc.array(cellValue, {
    minLength: DEFAULT_HEADER.length,
    maxLength: DEFAULT_HEADER.length + 2,
  });

  it('each row is valid or reported; CSV round-trips the cells', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 25 }), async (rows) => {
        const bytes = toCsv([DEFAULT_HEADER, ...rows]);
        const table = await readRows('cells.csv', bytes);
        const nonBlank = rows
          .map((cells, i) => ({ cells, line: i + 2 }))
          .filter((r) => r.cells.some((c) => c.trim() !== ''));
        expect(table.rows.map((r) => r.line)).toEqual(nonBlank.map((r) => r.line));
        table.rows.forEach((r, i) => {
          DEFAULT_HEADER.forEach((h, k) => expect(r.cells[h]).toBe(nonBlank[i].cells[k]));
        });
        expectConsistent(table, validateShops(table, undefined, scorecards));
      }),
      { numRuns: 200 },
    );
  });

  it('rows that only mix good values with one random answer are judged one by one', async () => {
    const keys = [...criteria.keys()];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...keys), cellValue), { minLength: 1, maxLength: 30 }),
        async (edits) => {
          const rows = edits.map(([key, value], i) => defaultRow(`S-${i}`, { [key]: value }));
          const table = await readRows('one.csv', toCsv([DEFAULT_HEADER, ...rows]));
          const result = validateShops(table, undefined, scorecards);
          expectConsistent(table, result);
          for (const e of result.errors) expect(e.column).toBe(edits[e.line - 2][0]);
          expect(result.valid.length + new Set(result.errors.map((e) => e.line)).size).toBe(
            rows.length,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
