/**
 * One open draft per call, evaluator and scorecard version, held by the database (issue 13,
 * row 8): parallel "open draft" requests all answer 2xx with the same draft, never a second one
 * and never a 500; a database that already holds doubled drafts is folded on upgrade.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/database/registry/data-source';
import { MIGRATIONS } from '../../src/database/migrations';
import { seedTwoTeams, TwoTeams } from '../support/people';
import { startTestApp, TestApp, TEST_USERS, wipePostgres } from '../support/test-app';

describe(`one open draft per call and evaluator (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let seed: TwoTeams;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    seed = await seedTwoTeams(t);
  });
  afterAll(() => t.close());

  const drafts = async (interactionId: number) =>
    await t.dataSource.query<{ id: number; evaluatorId: number }[]>(
      `SELECT "id", "evaluatorId" FROM "evaluations" WHERE "interactionId" = $1 AND "kind" = 'manual' AND "status" = 'draft'`.replace(
        '$1',
        String(interactionId),
      ),
    );

  it('8 parallel open-draft requests leave exactly one draft, and every answer points at it', async () => {
    for (const call of [seed.call1, seed.call2]) {
      const evaluator = await t.client(TEST_USERS.evaluator2);
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          evaluator
            .post('/api/evaluations')
            .send({ interactionId: call, scorecardKey: 'voice-ko' }),
        ),
      );
      expect(answers.map((res) => res.status).filter((s) => s < 200 || s > 299)).toEqual([]);
      const rows = await drafts(call);
      expect(rows).toHaveLength(1);
      expect(new Set(answers.map((res) => res.body.id))).toEqual(new Set([Number(rows[0].id)]));
      expect(answers.every((res) => res.body.status === 'draft')).toBe(true);
    }
  });

  it('the database itself refuses a second open manual draft for the same call and evaluator', async () => {
    const [row] = await t.dataSource.query<
      { interactionId: number; evaluatorId: number; scorecardVersionId: number }[]
    >(
      `SELECT "interactionId", "evaluatorId", "scorecardVersionId" FROM "evaluations" WHERE "kind" = 'manual' AND "status" = 'draft' ORDER BY "id" LIMIT 1`,
    );
    const insert = (status: string, kind: string) =>
      t.dataSource.query(
        `INSERT INTO "evaluations" ("interactionId", "scorecardVersionId", "evaluatorId", "kind", "status", "version") VALUES (${row.interactionId}, ${row.scorecardVersionId}, ${row.evaluatorId}, '${kind}', '${status}', 1)`,
      );
    await expect(insert('draft', 'manual')).rejects.toThrow(/unique|duplicate/i);
    // Submitted evaluations and calibration drafts are not limited by it.
    await insert('submitted', 'manual');
    await insert('draft', 'calibration');
  });

  it('different evaluators each get their own draft of the same call', async () => {
    const [a, b] = await Promise.all(
      [TEST_USERS.evaluator, TEST_USERS.admin].map(async (email) =>
        (await t.client(email))
          .post('/api/evaluations')
          .send({ interactionId: seed.call1, scorecardKey: 'voice-ko' })
          .expect(201),
      ),
    );
    expect(a.body.id).not.toBe(b.body.id);
  });
});

describe('upgrading a database with doubled drafts', () => {
  it('keeps the oldest draft, moves a queue item onto it, and drops the later copy', async () => {
    const config = loadConfig();
    if (config.database.type === 'postgres') await wipePostgres(config.database.url);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qa-drafts-')), 'qa.sqlite');
    const database =
      config.database.type === 'postgres' ? config.database : { type: 'sqlite' as const, file };
    const last = MIGRATIONS.findIndex((m) => m.name.startsWith('OneOpenDraft'));
    const before = new DataSource({
      ...dataSourceOptions({ database }),
      migrations: MIGRATIONS.slice(0, last),
    });
    await before.initialize();
    await before.runMigrations();
    await before.query(`INSERT INTO scorecards (key, name) VALUES ('k', 'K')`);
    await before.query(
      `INSERT INTO scorecard_versions ("scorecardId", version, definition, "contentHash", "sourceFile") VALUES (1, 1, '{}', 'h', 'f')`,
    );
    await before.query(
      `INSERT INTO interactions (source, "externalId", channel, language, "startedAt", "durationMs", "turnCount") VALUES ('s', 'e', 'voice', 'ko', '2026-11-01 10:00:00', 1000, 0)`,
    );
    await before.query(
      `INSERT INTO users (email, name, role, active) VALUES ('e@test.local', 'E', 'evaluator', true)`,
    );
    for (let i = 0; i < 3; i++) {
      await before.query(
        `INSERT INTO evaluations ("interactionId", "scorecardVersionId", "evaluatorId", kind, status, version) VALUES (1, 1, 1, 'manual', 'draft', 1)`,
      );
      await before.query(
        `INSERT INTO evaluation_answers ("evaluationId", "criterionKey", value) VALUES (${i + 1}, 'greeting', ${i})`,
      );
    }
    await before.query(
      `INSERT INTO evaluations ("interactionId", "scorecardVersionId", "evaluatorId", kind, status, version) VALUES (1, 1, 1, 'manual', 'submitted', 2)`,
    );
    await before.query(
      `INSERT INTO queue_items ("interactionId", reason, "evaluatorId", status, "dueAt", "evaluationId") VALUES (1, 'r', 1, 'in_progress', '2026-11-02 10:00:00', 3)`,
    );
    await before.destroy();

    const after = new DataSource(dataSourceOptions({ database }));
    await after.initialize();
    await after.runMigrations();
    const rows = await after.query<
      {
        id: number;
        status: string;
      }[]
    >(`SELECT "id", "status" FROM "evaluations" ORDER BY "id"`);
    expect(rows.map((r) => [Number(r.id), r.status])).toEqual([
      [1, 'draft'],
      [4, 'submitted'],
    ]);
    const answers = await after.query<{ evaluationId: number; value: number }[]>(
      `SELECT "evaluationId", "value" FROM "evaluation_answers" ORDER BY "id"`,
    );
    expect(answers.map((a) => [Number(a.evaluationId), Number(a.value)])).toEqual([[1, 0]]);
    const [item] = await after.query<
      {
        evaluationId: number;
      }[]
    >(`SELECT "evaluationId" FROM "queue_items"`);
    expect(Number(item.evaluationId)).toBe(1);
    await after.destroy();
  });
});
