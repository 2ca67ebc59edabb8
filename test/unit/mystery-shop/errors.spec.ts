import { translate } from '../../../src/common/i18n/i18n';
import { MysteryShopFileError, readRows } from '../../../src/mystery-shop/sheet-reader';
import {
  MysteryShopMappingError,
  parseMapping,
  type Mapping,
} from '../../../src/mystery-shop/shop-mapping';
import { validateShops, type ValidationResult } from '../../../src/mystery-shop/shop-validation';
import { parseShopDate } from '../../../src/mystery-shop/shop-values';
import { parseScorecardYaml } from '../../../src/scorecards/scorecard-schema';
import { DEFAULT_HEADER, defaultRow, mysteryShop, scorecardMap, toCsv, toXlsx } from './support';

const scorecards = scorecardMap(mysteryShop);

async function check(
  rows: string[][],
  mapping?: Mapping,
  options?: { defaultScorecard?: string },
): Promise<ValidationResult> {
  const table = await readRows('results.csv', toCsv(rows));
  return validateShops(table, mapping, scorecards, options);
}

async function fileError(file: string, bytes: Buffer): Promise<MysteryShopFileError> {
  try {
    await readRows(file, bytes);
  } catch (err) {
    if (err instanceof MysteryShopFileError) return err;
    throw err;
  }
  throw new Error('expected a MysteryShopFileError');
}

function mappingError(text: string): MysteryShopMappingError {
  try {
    parseMapping('mapping.yaml', text);
  } catch (err) {
    if (err instanceof MysteryShopMappingError) return err;
    throw err;
  }
  throw new Error('expected a MysteryShopMappingError');
}

describe('row errors (row, column, reason)', () => {
  it.each([
    ['company_name_given', 'maybe', 'unknown value "maybe" (expected yes/no)'],
    ['permission_before_hold', 'maybe', 'unknown value "maybe" (expected yes/no/N/A)'],
    ['company_name_given', 'N/A', 'N/A is not allowed for this criterion'],
    ['company_name_given', '해당 없음', 'N/A is not allowed for this criterion'],
    ['company_name_given', '', 'missing answer for criterion company_name_given'],
    ['longest_hold', '5', 'value 5 is outside the scale 0-3'],
    ['longest_hold', '-1', 'value -1 is outside the scale 0-3'],
    ['longest_hold', '2.5', 'value 2.5 is not a whole number (scale 0-3)'],
    ['longest_hold', '30초', 'unknown value "30초" (expected a whole number from 0 to 3 or N/A)'],
    ['courtesy', '0', 'value 0 is outside the scale 1-5'],
    ['courtesy', 'good', 'unknown value "good" (expected a whole number from 1 to 5)'],
    ['date', '2026-13-40', 'date "2026-13-40" is not a date'],
    ['date', '2026-02-30', 'date "2026-02-30" is not a date'],
    ['date', 'yesterday', 'date "yesterday" is not a date'],
    ['date', '', 'date missing'],
    ['shop_id', '', 'shop id missing'],
    ['agent_external_id', '', 'agent id missing'],
    ['scorecard_key', 'x', 'scorecard "x" not found'],
    ['scorecard_key', '', 'scorecard missing'],
    ['channel', 'fax', 'unknown channel "fax" (expected voice or chat)'],
  ])('%s = "%s" → %s', async (column, value, reason) => {
    const result = await check([
      DEFAULT_HEADER,
      defaultRow('S-1'),
      defaultRow('S-2', { [column]: value }),
    ]);
    expect(result.errors).toMatchObject([{ line: 3, column, reason }]);
    expect(result.valid.map((v) => v.shopId)).toEqual(['S-1']);
  });

  it('accepts the default value words, case-insensitively', async () => {
    const words = [
      'yes',
      'Y',
      '예',
      '네',
      'O',
      'pass',
      '1',
      'TRUE',
      'no',
      'n',
      '아니오',
      '아니요',
      'X',
      'Fail',
      '0',
    ];
    const rows = [
      DEFAULT_HEADER,
      ...words.map((w, i) => defaultRow(`S-${i}`, { company_name_given: w })),
    ];
    const result = await check(rows);
    expect(result.errors).toMatchObject([]);
    expect(result.valid.map((v) => v.answers[0].value)).toEqual([
      1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0,
    ]);
  });

  it('accepts N/A words where the criterion allows N/A', async () => {
    const rows = [
      DEFAULT_HEADER,
      ...['N/A', 'na', '해당없음', '-'].map((w, i) => defaultRow(`S-${i}`, { longest_hold: w })),
    ];
    const result = await check(rows);
    expect(result.errors).toMatchObject([]);
    expect(result.valid.map((v) => v.answers.find((a) => a.key === 'longest_hold')?.value)).toEqual(
      [null, null, null, null],
    );
  });

  it('reports the later duplicate shop id with the row of the first', async () => {
    const rows = [DEFAULT_HEADER];
    for (let i = 1; i <= 12; i++) rows.push(defaultRow(i === 11 ? 'S-6' : `S-${i}`));
    rows.push(defaultRow('S-12'));
    const result = await check(rows);
    expect(result.errors).toMatchObject([
      { line: 12, column: 'shop_id', reason: 'duplicate shop id S-6 (also on row 7)' },
      { line: 14, column: 'shop_id', reason: 'duplicate shop id S-12 (also on row 13)' },
    ]);
    expect(result.valid).toHaveLength(11);
  });

  it('reports every problem of a row, in column order, and imports nothing of it', async () => {
    const bad = defaultRow('', {
      date: '2026-13-40',
      agent_external_id: '',
      company_name_given: 'maybe',
      longest_hold: '9',
      courtesy: '',
    });
    const result = await check([DEFAULT_HEADER, bad]);
    expect(result.valid).toEqual([]);
    expect(result.errors).toMatchObject([
      { line: 2, column: 'shop_id', reason: 'shop id missing' },
      { line: 2, column: 'date', reason: 'date "2026-13-40" is not a date' },
      { line: 2, column: 'agent_external_id', reason: 'agent id missing' },
      { line: 2, column: 'company_name_given', reason: 'unknown value "maybe" (expected yes/no)' },
      { line: 2, column: 'longest_hold', reason: 'value 9 is outside the scale 0-3' },
      { line: 2, column: 'courtesy', reason: 'missing answer for criterion courtesy' },
    ]);
  });

  it('reports cells to the right of the last column', async () => {
    const result = await check([DEFAULT_HEADER, [...defaultRow('S-1'), 'stray']]);
    expect(result.errors).toMatchObject([
      {
        line: 2,
        column: '(row)',
        reason: `1 cell(s) to the right of the last column (the header has ${DEFAULT_HEADER.length})`,
      },
    ]);
  });

  it('skips blank rows without renumbering', async () => {
    const blank = DEFAULT_HEADER.map(() => '');
    const result = await check([
      DEFAULT_HEADER,
      defaultRow('S-1'),
      blank,
      defaultRow('S-2', { date: 'x' }),
    ]);
    expect(result.errors).toMatchObject([
      { line: 4, column: 'date', reason: 'date "x" is not a date' },
    ]);
  });

  it('refuses answers for criteria of another scorecard on the row', async () => {
    const other = parseScorecardYaml(
      [
        'key: tiny',
        'name: tiny',
        'language: ko',
        'sections:',
        '  - key: s',
        '    label: s',
        '    criteria:',
        '      - { key: greeting, label: 인사, guidance: 인사를 했는지 봅니다., scale: yes_no }',
      ].join('\n'),
      'tiny.yaml',
    );
    const header = [...DEFAULT_HEADER, 'greeting'];
    const rows = [
      header,
      [...defaultRow('S-1'), ''],
      [...defaultRow('S-2'), 'yes'],
      header.map(
        (h) =>
          ({
            shop_id: 'S-3',
            date: '2026-03-01',
            agent_external_id: 'A',
            scorecard_key: 'tiny',
            greeting: 'no',
          })[h] ?? '',
      ),
    ];
    const table = await readRows('mixed.csv', toCsv(rows));
    const result = validateShops(table, undefined, scorecardMap(mysteryShop, other));
    expect(result.errors).toMatchObject([
      {
        line: 3,
        column: 'greeting',
        reason: 'criterion greeting is not on scorecard "mystery-shop-ko"',
      },
    ]);
    expect(result.valid.map((v) => [v.shopId, v.scorecardKey, v.answers.length])).toEqual([
      ['S-1', 'mystery-shop-ko', 21],
      ['S-3', 'tiny', 1],
    ]);
  });
});

describe('header errors (row 1)', () => {
  it('reports missing required columns and imports nothing', async () => {
    const header = DEFAULT_HEADER.filter((h) => h !== 'shop_id' && h !== 'agent_external_id');
    const row = defaultRow('S-1').filter((_, i) => header.includes(DEFAULT_HEADER[i]));
    const result = await check([header, row]);
    expect(result.errors).toMatchObject([
      { line: 1, column: 'shop_id', reason: 'missing column "shop_id"' },
      { line: 1, column: 'agent_external_id', reason: 'missing column "agent_external_id"' },
    ]);
    expect(result.valid).toEqual([]);
  });

  it('reports a column for an unknown criterion, and a criterion without its column', async () => {
    const header = DEFAULT_HEADER.map((h) => (h === 'courtesy' ? 'curtesy' : h));
    const result = await check([
      header,
      defaultRow('S-1'),
      defaultRow('S-2', { longest_hold: '7' }),
    ]);
    expect(result.errors).toMatchObject([
      { line: 1, column: 'curtesy', reason: 'unknown criterion "curtesy"' },
      {
        line: 1,
        column: 'courtesy',
        reason: 'missing column for criterion courtesy (scorecard mystery-shop-ko)',
      },
      { line: 3, column: 'longest_hold', reason: 'value 7 is outside the scale 0-3' },
    ]);
    expect(result.valid).toEqual([]);
    // The import page shows header problems in the reader's language too.
    const [unknown, missing] = result.errors.map((e) =>
      e.messageKey ? translate('ko', e.messageKey.key, e.messageKey.params) : e.reason,
    );
    expect(unknown).toBe('평가표에 없는 항목입니다: "curtesy"');
    expect(missing).toBe('courtesy 항목의 열이 없습니다(평가표 mystery-shop-ko)');
  });

  it('reports unknown comment columns; ignores free-text and listed columns', async () => {
    const header = [...DEFAULT_HEADER, 'greting_comment', '조사원', 'Shopper Name', 'duration_sec'];
    const rows = [header, [...defaultRow('S-1'), 'x', '김조사', 'Kim', '95']];
    expect((await check(rows)).errors).toMatchObject([
      { line: 1, column: 'greting_comment', reason: 'unknown criterion "greting"' },
      { line: 1, column: 'duration_sec', reason: 'unknown criterion "duration_sec"' },
    ]);
    const ok = await check(rows, { ignore: ['greting_comment', 'duration_sec'] });
    expect(ok.errors).toMatchObject([]);
    expect(ok.valid).toHaveLength(1);
  });

  it('reports a mapped criterion the scorecard does not have, at its column', async () => {
    const header = [...DEFAULT_HEADER, '인사말'];
    const result = await check([header, [...defaultRow('S-1'), 'Y']], {
      columns: { criteria: { greeting: '인사말' } },
    });
    expect(result.errors).toMatchObject([
      { line: 1, column: '인사말', reason: 'unknown criterion "greeting"' },
    ]);
  });

  it('reports a column that appears twice', async () => {
    const header = [...DEFAULT_HEADER, 'date'];
    const result = await check([header, [...defaultRow('S-1'), '2026-03-04']]);
    expect(result.errors).toMatchObject([
      { line: 1, column: 'date', reason: 'column "date" appears more than once' },
    ]);
  });
});

describe('mapping files', () => {
  it('reads YAML and JSON alike; an empty file is the default mapping', () => {
    const yaml = parseMapping(
      'm.yaml',
      'source: v\ncolumns:\n  shop_id: 번호\nvalues:\n  yes: [Y, 1]\n',
    );
    expect(yaml).toEqual({
      source: 'v',
      columns: { shop_id: '번호' },
      values: { yes: ['Y', '1'] },
    });
    const json = parseMapping(
      'm.json',
      '{"scorecard":"mystery-shop-ko","columns":{"criteria":{"courtesy":"친절"}}}',
    );
    expect(json).toEqual({
      scorecard: 'mystery-shop-ko',
      columns: { criteria: { courtesy: '친절' } },
    });
    expect(parseMapping('m.yaml', '')).toEqual({});
  });

  it.each([
    ['colums: {}', 'colums', 'unknown field "colums"'],
    ['columns: { shopid: x }', 'columns.shopid', 'unknown field "shopid"'],
    ['columns: { shop_id: "" }', 'columns.shop_id', 'must be a non-empty text'],
    [
      'columns: { shop_id: A, date: A }',
      'columns.date',
      'column "A" is already mapped by columns.shop_id',
    ],
    ['columns: { criteria: { Bad-Key: A } }', 'columns.criteria.Bad-Key', 'is not a criterion key'],
    ['values: { yes: [Y], no: [y] }', 'values.no[0]', '"y" is also listed under yes'],
    ['values: { yes: [x] }', 'values.yes', '"x" is a default no word'],
    ['values: { yes: [] }', 'values.yes', 'must list at least one word'],
    ['- a', '(root)', 'must be a mapping'],
    ['a: [1,\nb: 2', 'line', 'invalid YAML/JSON'],
  ])('%j → %s: %s', (text, path, reason) => {
    const err = mappingError(text);
    expect(err.path).toContain(path);
    expect(err.reason).toContain(reason);
    expect(err.message).toMatch(/^mapping\.yaml: /);
  });

  it('uses the mapped words in values and messages', async () => {
    const mapping: Mapping = { values: { yes: ['적합'], no: ['부적합'], na: ['비해당'] } };
    const vendor = (row: string[]) => row.map((c) => (c === 'yes' ? '적합' : c));
    const rows = [
      DEFAULT_HEADER,
      vendor(defaultRow('S-1', { own_name_given: '부적합', empathy: '비해당' })),
      vendor(defaultRow('S-2')).map((c, i) => (DEFAULT_HEADER[i] === 'own_name_given' ? 'yes' : c)),
      vendor(defaultRow('S-3', { permission_before_hold: '모름' })),
    ];
    const result = await check(rows, mapping);
    expect(result.errors).toMatchObject([
      { line: 3, column: 'own_name_given', reason: 'unknown value "yes" (expected 적합/부적합)' },
      {
        line: 4,
        column: 'permission_before_hold',
        reason: 'unknown value "모름" (expected 적합/부적합/비해당)',
      },
    ]);
    expect(result.valid).toHaveLength(1);
    const answers = result.valid[0].answers;
    expect(answers.slice(0, 2).map((a) => a.value)).toEqual([1, 0]);
    expect(answers.find((a) => a.key === 'empathy')?.value).toBeNull();
  });

  it('takes the default scorecard from the mapping; options win over it', async () => {
    const header = DEFAULT_HEADER.filter((h) => h !== 'scorecard_key');
    const row = defaultRow('S-1').filter((_, i) => DEFAULT_HEADER[i] !== 'scorecard_key');
    const viaMapping = await check([header, row], { scorecard: 'mystery-shop-ko' });
    expect(viaMapping.valid).toHaveLength(1);
    const overridden = await check(
      [header, row],
      { scorecard: 'mystery-shop-ko' },
      { defaultScorecard: 'nope' },
    );
    expect(overridden.errors).toMatchObject([
      { line: 2, column: 'scorecard_key', reason: 'scorecard "nope" not found' },
    ]);
  });
});

describe('files that cannot be read', () => {
  it('refuses CP949 / EUC-KR text with a clear reason and the line', async () => {
    const cp949 = Buffer.concat([
      Buffer.from('shop_id,date\nS-1,'),
      Buffer.from([0xc1, 0xb6, 0xbb, 0xe7]),
    ]);
    const err = await fileError('results.csv', cp949);
    expect(err.reason).toMatch(/not UTF-8 .*CP949\/EUC-KR/);
    expect(err.line).toBe(2);
  });

  it('refuses UTF-16, old .xls, damaged workbooks, empty files and broken quoting', async () => {
    expect((await fileError('a.csv', Buffer.from([0xff, 0xfe, 0x61, 0x00]))).reason).toMatch(
      /UTF-16/,
    );
    expect((await fileError('a.xls', Buffer.from('whatever'))).reason).toMatch(/\.xls format/);
    expect((await fileError('a.xlsx', Buffer.from('PK\u0003\u0004broken'))).reason).toMatch(/XLSX/);
    expect((await fileError('a.csv', Buffer.alloc(0))).reason).toBe('the file is empty');
    expect((await fileError('a.csv', Buffer.from('\n\nS-1,2026-03-01'))).line).toBe(1);
    const quote = await fileError('a.csv', Buffer.from('shop_id,date\nS-1,2026-03-01\nS-2,"2026'));
    expect(quote.reason).toMatch(/quoted cell is never closed/);
    expect(quote.line).toBe(3);
  });

  it('reads a header-only file as no rows', async () => {
    const table = await readRows('a.csv', Buffer.from(DEFAULT_HEADER.join(',') + '\n'));
    expect(table.rows).toEqual([]);
    expect(validateShops(table, undefined, scorecards)).toEqual({ valid: [], errors: [] });
  });

  it('reads an XLSX workbook: first sheet, typed cells, real row numbers', async () => {
    const bytes = await toXlsx(
      [DEFAULT_HEADER, defaultRow('S-1'), DEFAULT_HEADER.map(() => ''), defaultRow('S-2')],
      (t, col) =>
        col === 1 && t.startsWith('2026')
          ? new Date(Date.UTC(2026, 2, 2, 14, 30))
          : /^\d$/.test(t)
            ? Number(t)
            : t === ''
              ? null
              : t,
    );
    const table = await readRows('upload.bin', bytes); // recognised by its zip signature
    expect(table.rows.map((r) => r.line)).toEqual([2, 4]);
    const result = validateShops(table, undefined, scorecards);
    expect(result.errors).toMatchObject([]);
    expect(result.valid[0].date).toBe('2026-03-02T14:30:00');
  });
});

describe('parseShopDate', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.03.05', '2026-03-05'],
    ['2026. 3. 5.', '2026-03-05'],
    ['2026년 3월 5일', '2026-03-05'],
    ['2026-03-05 9:05', '2026-03-05T09:05:00'],
    ['2026-03-05T09:05:30Z', '2026-03-05T09:05:30Z'],
    ['2026-03-05T09:05:30+0900', '2026-03-05T09:05:30+09:00'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (text, iso) => expect(parseShopDate(text)).toBe(iso));

  it.each(['2026-13-40', '2025-02-29', '2026-03-05 25:00', '05/03/2026', '46086', ''])(
    '%s is not a date',
    (text) => expect(parseShopDate(text)).toBeNull(),
  );
});
