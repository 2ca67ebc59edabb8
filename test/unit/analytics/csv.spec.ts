import { csvCell, csvFileName, toCsv } from '../../../src/analytics/csv';

describe('CSV for spreadsheets', () => {
  it('quotes a field with a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvCell('이두리, "Dory"')).toBe('"이두리, ""Dory"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain 텍스트')).toBe('plain 텍스트');
  });

  it('writes numbers as they are and nothing for a missing value', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('keeps a spreadsheet from running text that looks like a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-note')).toBe("'-note");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('starts with a byte-order mark and ends every line with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
  });

  it('makes a file name safe for a Content-Disposition header', () => {
    expect(csvFileName(['analytics', 'A-001 "x"/../2026-10-05'])).toBe(
      'analytics-A-001_x_.._2026-10-05.csv',
    );
  });
});
