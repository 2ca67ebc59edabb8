import { readRows, type SheetRows } from '../../../src/mystery-shop/sheet-reader';
import { parseMapping } from '../../../src/mystery-shop/shop-mapping';
import { validateShops } from '../../../src/mystery-shop/shop-validation';
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
const mapping = parseMapping('mapping-ko.yaml', fixture('mapping-ko.yaml').toString('utf8'));

describe('mystery-shop-ko scorecard', () => {
  it('loads with the checks a mystery-shop program needs, without auto blocks', () => {
    expect(mysteryShop.language).toBe('ko');
    expect(mysteryShop.channel).toBe('voice');
    const criteria = criteriaOf(mysteryShop);
    expect(criteria.map((c) => c.key)).toEqual(
      expect.arrayContaining([
        'company_name_given',
        'own_name_given',
        'permission_before_hold',
        'longest_hold',
        'needs_identified',
        'resolution_offered',
        'accurate_information',
        'positive_language',
        'courtesy',
        'closing',
      ]),
    );
    for (const c of criteria) {
      expect(c.auto).toBeUndefined();
      expect(c.guidance.length).toBeGreaterThan(20);
      expect(c.coaching?.phrases?.length).toBeGreaterThanOrEqual(3);
    }
    expect(criteria.find((c) => c.key === 'longest_hold')?.scale).toEqual({
      type: 'points',
      max: 3,
    });
  });
});

describe('sample-ko.csv with mapping-ko.yaml', () => {
  let table: SheetRows;
  beforeAll(async () => {
    table = await readRows('sample-ko.csv', fixture('sample-ko.csv'));
  });

  it('reads the vendor file: BOM stripped, Korean headers, spreadsheet row numbers', () => {
    expect(table.headers[0]).toBe('조사 번호');
    expect(table.rows).toHaveLength(12);
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    // A quoted comment spanning two physical lines stays one spreadsheet row.
    expect(table.rows[4].cells['총평']).toContain('\n');
  });

  it('gives 10 valid shops and exactly the 2 expected errors', () => {
    const result = validateShops(table, mapping, scorecards);
    expect(result.errors).toMatchObject([
      { line: 7, column: '최장 보류(0-3)', reason: 'value 5 is outside the scale 0-3' },
      { line: 11, column: '보류 전 양해', reason: 'unknown value "모름" (expected Y/N/N/A)' },
    ]);
    expect(result.valid).toHaveLength(10);
    expect(result.valid.map((v) => v.shopId)).not.toContain('MS-2603-006');
    expect(result.valid.map((v) => v.shopId)).not.toContain('MS-2603-010');

    const third = result.valid.find((v) => v.shopId === 'MS-2603-003');
    expect(third).toMatchObject({
      line: 4,
      date: '2026-03-03', // "2026. 3. 3." as Korean Excel writes it
      channel: 'voice',
      agentExternalId: 'AG-1013',
      scorecardKey: 'mystery-shop-ko',
      transcriptFile: 'MS-2603-003.mp3',
    });
    expect(third?.overallComment).toContain('위약금 안내 오류');
    expect(third?.answers).toHaveLength(criteriaOf(mysteryShop).length);
    const answer = (key: string) => third?.answers.find((a) => a.key === key);
    expect(answer('customer_name_used')).toEqual({ key: 'customer_name_used', value: null });
    expect(answer('longest_hold')).toEqual({ key: 'longest_hold', value: 1 });
    expect(answer('additional_offer')).toEqual({ key: 'additional_offer', value: 0 });
    expect(answer('accurate_information')?.value).toBe(1);
    expect(answer('accurate_information')?.comment).toContain('위약금');

    const korean = result.valid.find((v) => v.shopId === 'MS-2603-008');
    expect(korean?.date).toBe('2026-03-05');
    expect(korean?.answers.find((a) => a.key === 'needs_identified')?.value).toBe(0);
    expect(korean?.overallComment).toBeDefined();
    expect(result.valid.find((v) => v.shopId === 'MS-2603-007')?.overallComment).toBeUndefined();
  });

  it('round-trips through XLSX (dates and numbers as typed cells) with the same result', async () => {
    const matrix = [
      table.headers,
      ...table.rows.map((r) => table.headers.map((h) => r.cells[h] ?? '')),
    ];
    const dateColumn = table.headers.indexOf('조사일');
    const bytes = await toXlsx(matrix, (text, column) => {
      if (column === dateColumn && text !== '조사일') {
        const m = /^(\d{4})\D+(\d{1,2})\D+(\d{1,2})/.exec(text);
        if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      }
      if (/^\d+$/.test(text)) return Number(text);
      return text === '' ? null : text;
    });
    const fromXlsx = await readRows('sample.xlsx', bytes);
    expect(fromXlsx.headers).toEqual(table.headers);
    // The CSV's multi-line comment keeps its row number in the workbook too.
    expect(validateShops(fromXlsx, mapping, scorecards)).toEqual(
      validateShops(table, mapping, scorecards),
    );
  });
});

describe('default column names (no mapping)', () => {
  it('reads shop_id, date, …, <key>, <key>_comment, overall_comment, transcript_file', async () => {
    const header = [...DEFAULT_HEADER, 'company_name_given_comment'];
    const rows = [
      header,
      [...defaultRow('S-1', { transcript_file: 's1.wav' }), '회사명을 빠르게 말함'],
      [...defaultRow('S-2', { channel: '', courtesy: '3', overall_comment: '보통' }), ''],
    ];
    const table = await readRows('results.csv', toCsv(rows));
    const result = validateShops(table, undefined, scorecards);
    expect(result.errors).toMatchObject([]);
    expect(result.valid).toHaveLength(2);
    expect(result.valid[0]).toMatchObject({
      line: 2,
      shopId: 'S-1',
      date: '2026-03-02',
      channel: 'voice',
      agentExternalId: 'AG-1',
      scorecardKey: 'mystery-shop-ko',
      transcriptFile: 's1.wav',
    });
    expect(result.valid[0].answers[0]).toEqual({
      key: 'company_name_given',
      value: 1,
      comment: '회사명을 빠르게 말함',
    });
    // A blank channel takes the scorecard's channel.
    expect(result.valid[1].channel).toBe('voice');
    expect(result.valid[1].overallComment).toBe('보통');
    expect(result.valid[1].answers.find((a) => a.key === 'courtesy')?.value).toBe(3);
  });

  it('takes the scorecard from the options when the file has no scorecard column', async () => {
    const header = DEFAULT_HEADER.filter((h) => h !== 'scorecard_key');
    const row = defaultRow('S-1').filter((_, i) => DEFAULT_HEADER[i] !== 'scorecard_key');
    const table = await readRows('results.csv', toCsv([header, row]));
    expect(validateShops(table, undefined, scorecards).errors).toMatchObject([
      { line: 1, column: 'scorecard_key', reason: 'missing column "scorecard_key"' },
    ]);
    const result = validateShops(table, undefined, scorecards, {
      defaultScorecard: 'mystery-shop-ko',
    });
    expect(result.errors).toMatchObject([]);
    expect(result.valid[0].scorecardKey).toBe('mystery-shop-ko');
  });

  it('reads semicolon- and tab-separated files and NFD-normalised Korean headers', async () => {
    const rows = [DEFAULT_HEADER, defaultRow('S-1')];
    for (const sep of [';', '\t']) {
      const text = rows.map((r) => r.join(sep)).join('\n');
      const table = await readRows('results.csv', Buffer.from(text, 'utf8'));
      expect(validateShops(table, undefined, scorecards).valid).toHaveLength(1);
    }
    const nfd = '조사 번호'.normalize('NFD');
    const text = [[nfd, ...DEFAULT_HEADER.slice(1)].join(','), defaultRow('S-9').join(',')].join(
      '\n',
    );
    const table = await readRows('results.csv', Buffer.from(text, 'utf8'));
    const result = validateShops(table, { columns: { shop_id: '조사 번호' } }, scorecards);
    expect(result.errors).toMatchObject([]);
    expect(result.valid[0].shopId).toBe('S-9');
  });
});
