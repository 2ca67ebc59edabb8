import type { Agent as TestAgent } from 'supertest';
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, startTestApp, TestApp } from '../support/test-app';

const sample = (name: string) => fs.readFileSync(path.join(FIXTURES, 'mystery-shop', name));

describe('mystery-shopper results: dry run, then commit, idempotent', () => {
  let t: TestApp;
  let http: TestAgent;
  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    http = await t.client();
  });
  afterAll(() => t.close());

  const upload = (csv: Buffer, name: string, dryRun: boolean) =>
    http
      .post('/api/mystery-shop/import')
      .attach('file', csv, name)
      .attach('mapping', sample('mapping-ko.yaml'), 'mapping-ko.yaml')
      .field('dryRun', String(dryRun));

  it('lists each bad row (row, column, reason) and what would be created, writing nothing', async () => {
    const res = await upload(sample('sample-ko.csv'), 'sample-ko.csv', true).expect(200);
    expect(res.body).toMatchObject({ rows: 12, committed: false });
    expect(res.body.errors).toMatchObject([
      { line: 7, column: '최장 보류(0-3)', reason: 'value 5 is outside the scale 0-3' },
      { line: 11, column: '보류 전 양해', reason: 'unknown value "모름" (expected Y/N/N/A)' },
    ]);
    expect(res.body.create).toHaveLength(10);
    expect(res.body.create[0]).toMatchObject({
      shopId: 'MS-2603-001',
      agent: 'AG-1042',
      newAgent: true,
    });
    const count = await t.dataSource.query(`SELECT COUNT(*) AS n FROM evaluations`);
    expect(Number(count[0].n)).toBe(0);
  });

  it('refuses to commit a file that still has errors: nothing is half-imported', async () => {
    const res = await upload(sample('sample-ko.csv'), 'sample-ko.csv', false).expect(400);
    expect(res.body.message).toMatch(/2 row problem/);
    const count = await t.dataSource.query(`SELECT COUNT(*) AS n FROM interactions`);
    expect(Number(count[0].n)).toBe(0);
  });

  it('commits a clean file as mystery_shop evaluations, and a second commit changes nothing', async () => {
    // The vendor fixes the two rows: drop them.
    const lines = sample('sample-ko.csv').toString('utf8').split('\n');
    const clean = lines.filter((l) => !/^MS-2603-00[6]|^MS-2603-010/.test(l)).join('\n');
    const dry = await upload(Buffer.from(clean), 'clean.csv', true).expect(200);
    expect(dry.body.errors).toMatchObject([]);
    const res = await upload(Buffer.from(clean), 'clean.csv', false).expect(200);
    expect(res.body).toMatchObject({ committed: true, errors: [] });
    const created = res.body.create.length;
    expect(created).toBe(dry.body.create.length);
    const rows = await t.dataSource.query(
      `SELECT kind, status, "overallScore" FROM evaluations WHERE kind = 'mystery_shop'`,
    );
    expect(rows).toHaveLength(created);
    expect(rows.every((r: { status: string }) => r.status === 'submitted')).toBe(true);
    const again = await upload(Buffer.from(clean), 'clean.csv', false).expect(200);
    expect(again.body).toMatchObject({ create: [], committed: true });
    expect(again.body.skipped).toHaveLength(created);
  });

  it('names an unreadable file or mapping', async () => {
    const bad = await http
      .post('/api/mystery-shop/import')
      .attach('file', Buffer.from([0xff, 0xfe, 0x00]), 'x.xlsx')
      .expect(400);
    expect(bad.body).toMatchObject({ field: 'file', message: expect.stringContaining('x.xlsx') });
    await http
      .post('/api/mystery-shop/import')
      .attach('file', Buffer.from('a'), 'x.pdf')
      .expect(400);
  });
});
