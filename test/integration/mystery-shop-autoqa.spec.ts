/**
 * A mystery-shop file whose rows carry a transcript: the calls it brings are auto-scored after
 * the commit, through the same path as imported calls (one auto evaluation each).
 */
import * as fs from 'fs';
import * as path from 'path';
import { AutoQaService } from '../../src/autoqa/autoqa.service';
import { testCall } from '../support/people';
import { FIXTURES, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const sample = (name: string) => fs.readFileSync(path.join(FIXTURES, 'mystery-shop', name));

describe(`mystery-shop calls with a transcript are auto-scored (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'on' });
  });
  afterAll(() => t.close());

  it('commits a shop with its transcript; auto-QA scores that call once', async () => {
    const http = await t.client();
    const [header, first] = sample('sample-ko.csv').toString('utf8').split('\n');
    const row = first.replace(/MS-2603-001\.mp3\s*$/, 'MS-2603-001.json');
    expect(row).toContain('MS-2603-001.json');
    const transcript = testCall('MS-2603-001', {
      externalId: 'AG-1042',
      name: 'AG-1042',
      team: 'T',
    });
    const res = await http
      .post('/api/mystery-shop/import')
      .attach('file', Buffer.from(`${header}\n${row}\n`), 'one.csv')
      .attach('mapping', sample('mapping-ko.yaml'), 'mapping-ko.yaml')
      .attach('transcripts', Buffer.from(JSON.stringify(transcript)), 'MS-2603-001.json')
      .field('dryRun', 'false')
      .expect(200);
    expect(res.body).toMatchObject({ committed: true, errors: [] });
    await t.app.get(AutoQaService).drain();
    const rows = await t.dataSource.query(
      `SELECT "e"."kind" AS "kind", COUNT(*) AS "n" FROM "evaluations" "e"
       JOIN "interactions" "i" ON "i"."id" = "e"."interactionId"
       WHERE "i"."externalId" = 'MS-2603-001' GROUP BY "e"."kind" ORDER BY "e"."kind"`,
    );
    expect(rows.map((r: { kind: string; n: unknown }) => [r.kind, Number(r.n)])).toEqual([
      ['auto', 1],
      ['mystery_shop', 1],
    ]);
  });
});
