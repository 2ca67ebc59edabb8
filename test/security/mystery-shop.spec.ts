import type { Agent as TestAgent } from 'supertest';
import { Workbook } from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, startTestApp, TestApp } from '../support/test-app';

const sample = (name: string) => fs.readFileSync(path.join(FIXTURES, 'mystery-shop', name));

/**
 * Hardening (issue 13, row 2): a mystery-shop upload cannot freeze the app or flood the answer —
 * a file over MAX_UPLOAD_MB is refused with 413, more than 10,000 rows with a 400 naming the file
 * (read no further than the limit), and an error quotes at most 200 characters of a bad cell.
 */
describe('mystery-shop uploads within limits', () => {
  let t: TestApp;
  let http: TestAgent;
  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off', MAX_UPLOAD_MB: '1' });
    http = await t.client();
  });
  afterAll(() => t.close());

  const lines = sample('sample-ko.csv').toString('utf8').split('\n');
  const header = lines[0];
  const row = lines[1];
  const dryRun = (bytes: Buffer, name: string) =>
    http
      .post('/api/mystery-shop/import')
      .attach('file', bytes, name)
      .attach('mapping', sample('mapping-ko.yaml'), 'mapping-ko.yaml')
      .field('dryRun', 'true');

  it('refuses a file over the upload limit with 413 naming the limit, and the app keeps answering', async () => {
    const big = Buffer.from(`${header}\n${row.repeat(1)}\n${'x'.repeat(1.2 * 1024 * 1024)}`);
    const res = await dryRun(big, 'big.csv').set('Accept-Language', 'en').expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, field: 'file' });
    expect(res.body.message).toBe(
      'file: a file of this upload is larger than 1 MB, the most the server takes for one file (MAX_UPLOAD_MB); nothing was read',
    );
    await http.get('/health').expect(200);
    // The page says it in the reader's language.
    const page = await http
      .post('/mystery-shop')
      .set('Accept', 'text/html')
      .set('Accept-Language', 'ko')
      .attach('file', big, 'big.csv')
      .expect(413);
    expect(page.text).toContain('서버가 파일 하나에 받는 1MB보다 큽니다(MAX_UPLOAD_MB)');
    // A transcript import takes files up to 3 × the limit (an oversized transcript fails alone
    // in the report); past that, the same 413 with that limit.
    const huge = await http
      .post('/api/interactions/import')
      .set('Accept-Language', 'en')
      .attach('files', Buffer.alloc(3.2 * 1024 * 1024, 0x61), 'huge.txt')
      .expect(413);
    expect(huge.body).toMatchObject({ field: 'files' });
    expect(huge.body.message).toContain('larger than 3 MB');
  });

  it('says what is missing or wrong with the upload in the reader’s language', async () => {
    const none = await http
      .post('/api/mystery-shop/import')
      .set('Accept-Language', 'ko')
      .field('dryRun', 'true')
      .expect(400);
    expect(none.body.message).toBe('file: 결과가 담긴 CSV 또는 XLSX 파일을 골라 주세요');
    const wrong = await http
      .post('/api/mystery-shop/import')
      .set('Accept-Language', 'en')
      .attach('file', Buffer.from('x'), 'results.pdf')
      .expect(400);
    expect(wrong.body.message).toBe('file: results.pdf: expected a .csv or .xlsx file');
    const page = await http
      .post('/mystery-shop')
      .set('Accept', 'text/html')
      .set('Accept-Language', 'ko')
      .field('token', 'not-a-token')
      .expect(400);
    expect(page.text).toContain('알 수 없는 업로드입니다');
  });

  it('quotes at most 200 characters of a bad cell', async () => {
    const cells = row.split(',');
    // Column 8 ("상담사 이름 안내") takes Y/N: a 50,000-character value is a bad value.
    cells[7] = 'Q'.repeat(50_000);
    const res = await dryRun(Buffer.from(`${header}\n${cells.join(',')}`), 'long.csv').expect(200);
    const bad = res.body.errors.find((e: { reason: string }) => e.reason.includes('QQQ'));
    expect(bad).toBeDefined();
    expect(bad.reason.length).toBeLessThan(400);
    expect(bad.reason).toContain('(50000 characters)');
    expect(JSON.stringify(res.body).length).toBeLessThan(20_000);
  });
});

describe('mystery-shop row limit (default upload size)', () => {
  let t: TestApp;
  let http: TestAgent;
  beforeAll(async () => {
    // startTestApp keeps earlier settings in process.env: set the default limit again.
    t = await startTestApp({ AUTOQA: 'off', MAX_UPLOAD_MB: '20' });
    http = await t.client();
  });
  afterAll(() => t.close());

  const lines = sample('sample-ko.csv').toString('utf8').split('\n');
  const post = (bytes: Buffer, name: string) =>
    http
      .post('/api/mystery-shop/import')
      .attach('file', bytes, name)
      .attach('mapping', sample('mapping-ko.yaml'), 'mapping-ko.yaml')
      .field('dryRun', 'true');

  it('refuses a CSV of more than 10,000 rows with a 400 naming the file', async () => {
    const csv = [lines[0], ...Array.from({ length: 10_001 }, () => lines[1])].join('\n');
    const res = await post(Buffer.from(csv), 'many.csv').expect(400);
    expect(res.body).toMatchObject({ field: 'file' });
    expect(res.body.message).toContain('many.csv');
    expect(res.body.message).toContain('more than 10,000 rows');
  });

  it('refuses an XLSX of more than 10,000 rows before loading it whole', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('results');
    sheet.addRow(['조사 번호', '조사일']);
    for (let i = 0; i < 10_001; i++) sheet.addRow([`MS-${i}`, '2026-03-02']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await post(bytes, 'many.xlsx').expect(400);
    expect(res.body.message).toContain('many.xlsx');
    expect(res.body.message).toContain('more than 10,000 rows');
  });

  it('still reads a normal file', async () => {
    await post(sample('sample-ko.csv'), 'sample-ko.csv').expect(200);
  });
});
