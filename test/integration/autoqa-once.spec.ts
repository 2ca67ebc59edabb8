import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { EvaluationWriter } from '../../src/evaluations/evaluation-writer';
import { AutoQaService } from '../../src/autoqa/autoqa.service';
import { transaction } from '../../src/database/transaction';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { fixture, startTestApp, TestApp } from '../support/test-app';

/** `n` copies of a Korean voice call, each with its own call id. */
function calls(prefix: string, n: number): { name: string; bytes: Buffer }[] {
  const call = JSON.parse(fixture('transcripts', 'call-ko.json').toString('utf8'));
  return Array.from({ length: n }, (_, i) => ({
    name: `${prefix}-${i}.json`,
    bytes: Buffer.from(JSON.stringify({ ...call, externalId: `${prefix}-${i}` })),
  }));
}

async function autoCounts(db: DataSource) {
  const [row] = await db.query(
    `SELECT COUNT(*) AS "evaluations", COUNT(DISTINCT "interactionId") AS "calls" FROM "evaluations" WHERE "kind" = 'auto'`,
  );
  return { evaluations: Number(row.evaluations), calls: Number(row.calls) };
}

/** One auto evaluation per call and scorecard version, however many processes score. */
describe('auto-QA scores each call once', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
  });
  afterAll(() => t.close());

  it('a second auto evaluation of the same call and version is not written (unique index)', async () => {
    const admin = await t.client('admin@demo.local');
    const [file] = calls('ONCE', 1);
    const imported = await admin
      .post('/api/interactions/import')
      .attach('files', file.bytes, file.name)
      .expect(200);
    const interactionId = imported.body.results[0].interactionId as number;
    const version = await t.app.get(ScorecardsService).current('voice-ko');
    const insert = () =>
      transaction(t.dataSource, (manager) =>
        t.app.get(EvaluationWriter).createUnlessScored(manager, {
          interactionId,
          scorecardVersion: version,
          evaluatorId: null,
          kind: 'auto',
          status: 'submitted',
          metrics: {},
          answers: [],
        }),
      );
    const first = await insert();
    expect(first).toEqual(expect.any(Number));
    await expect(insert()).resolves.toBeNull();
    expect(await autoCounts(t.dataSource)).toEqual({ evaluations: 1, calls: 1 });
  });
});

describe('two app instances on one PostgreSQL database', () => {
  const pg = process.env.DATABASE_URL ? it : it.skip;
  let t: TestApp;
  let second: NestExpressApplication | null = null;

  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  pg('both score the same pending calls at once: one auto evaluation per call', async () => {
    t = await startTestApp({ AUTOQA: 'on' });
    second = await createApp();
    await second.init();
    // Imported with both instances' workers taking the scoring jobs, and both sweeping at once.
    const admin = await t.client('admin@demo.local');
    const files = calls('TWO', 80);
    const upload = admin.post('/api/interactions/import');
    for (const f of files) upload.attach('files', f.bytes, f.name);
    expect((await upload.expect(200)).body.imported).toBe(80);
    const services = [t.app.get(AutoQaService), second.get(AutoQaService)];
    // Both sweep at once (each sends the jobs of the calls with no auto evaluation).
    await Promise.all(services.map((s) => s.sweep()));
    await Promise.all(services.map((s) => s.drain()));
    expect(await autoCounts(t.dataSource)).toEqual({ evaluations: 80, calls: 80 });
  });
});
