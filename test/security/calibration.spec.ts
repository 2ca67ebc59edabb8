/**
 * Calibration is blind for everyone, admins included (issue 13, row 9): until the session closes,
 * another participant's calibration evaluation is 404 through the API, its page, the list of the
 * call's evaluations and the replay page, whatever the reader's role; once closed it opens up.
 */
import type { Agent as TestAgent } from 'supertest';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { bestAnswers } from '../support/answers';
import { seedTwoTeams, TwoTeams } from '../support/people';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(60_000);

describe('calibration stays blind for admins until it closes', () => {
  let t: TestApp;
  let seed: TwoTeams;
  let admin: TestAgent;
  let otherAdmin: TestAgent;
  let expert: TestAgent;
  let sessionId: number;
  let expertEvaluation: { id: number; version: number };
  let adminEvaluation: { id: number; version: number };

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    seed = await seedTwoTeams(t);
    await t.createUser({ email: 'admin2@test.local', name: 'Second Admin', role: 'admin' });
    admin = await t.client(TEST_USERS.admin);
    otherAdmin = await t.client('admin2@test.local');
    expert = await t.client(TEST_USERS.evaluator);
    const id = async (client: TestAgent) =>
      ((await client.get('/api/auth/me').expect(200)).body as { id: number }).id;
    const [adminId, expertId, secondId] = [
      await id(admin),
      await id(expert),
      await id(await t.client(TEST_USERS.evaluator2)),
    ];
    sessionId = (
      await admin
        .post('/api/calibration')
        .send({
          interactionId: seed.call1,
          scorecardKey: 'voice-ko',
          participantIds: [adminId, expertId, secondId],
          expertId,
        })
        .expect(201)
    ).body.id;
    expertEvaluation = (await expert.post(`/api/calibration/${sessionId}/start`).expect(200)).body;
    adminEvaluation = (await admin.post(`/api/calibration/${sessionId}/start`).expect(200)).body;
  });
  afterAll(() => t.close());

  const hidden = async (reader: TestAgent, evaluationId: number) => {
    await reader.get(`/api/evaluations/${evaluationId}`).expect(404);
    await reader.get(`/evaluations/${evaluationId}`).set('Accept', 'text/html').expect(404);
    await reader.get(`/evaluations/${evaluationId}/edit`).set('Accept', 'text/html').expect(404);
    const listed = await reader.get(`/api/evaluations?interactionId=${seed.call1}`).expect(200);
    expect(listed.body.map((e: { id: number }) => e.id)).not.toContain(evaluationId);
    const replay = await reader
      .get(`/interactions/${seed.call1}`)
      .set('Accept', 'text/html')
      .expect(200);
    expect(replay.text).not.toContain(`href="/evaluations/${evaluationId}"`);
  };

  it("hides the expert's draft from the admin participant and from any other admin", async () => {
    await hidden(admin, expertEvaluation.id);
    await hidden(otherAdmin, expertEvaluation.id);
  });

  it("hides the expert's submitted evaluation while the session is open", async () => {
    await expert
      .post(`/api/evaluations/${expertEvaluation.id}/submit`)
      .send({ version: expertEvaluation.version, answers: bestAnswers(await definition()) })
      .expect(201);
    expect((await admin.get(`/api/calibration/${sessionId}`).expect(200)).body.status).toBe('open');
    await hidden(admin, expertEvaluation.id);
    await hidden(otherAdmin, expertEvaluation.id);
    // Nor can an admin change it.
    await admin
      .patch(`/api/evaluations/${expertEvaluation.id}`)
      .send({ version: 2, answers: [] })
      .expect(404);
  });

  it('still shows each participant their own calibration evaluation', async () => {
    const own = await admin.get(`/api/evaluations/${adminEvaluation.id}`).expect(200);
    expect(own.body).toMatchObject({ kind: 'calibration', status: 'draft' });
    await expert.get(`/api/evaluations/${expertEvaluation.id}`).expect(200);
  });

  /** The audit entries about one evaluation, as this admin reads them (API and page). */
  const auditOf = async (reader: TestAgent, evaluationId: number) => {
    const api = await reader
      .get(`/api/audit?entityType=evaluation&entityId=${evaluationId}`)
      .expect(200);
    const page = await reader
      .get(`/admin/audit?entityType=evaluation&entityId=${evaluationId}`)
      .set('Accept', 'text/html')
      .expect(200);
    type Entry = { action: string; before: object | null; after: object | null; hidden?: string };
    return { entries: api.body.items as Entry[], page: page.text };
  };
  const details = (entries: { before: object | null; after: object | null }[]) =>
    JSON.stringify(entries.map((e) => [e.before, e.after]));

  it("keeps the expert's answers and score out of the audit log until the session closes", async () => {
    for (const reader of [admin, otherAdmin]) {
      const { entries, page } = await auditOf(reader, expertEvaluation.id);
      expect(entries.map((e) => e.action)).toEqual(
        expect.arrayContaining(['evaluation.created', 'evaluation.submitted']),
      );
      expect(entries.every((e) => e.hidden === 'calibration_open')).toBe(true);
      expect(details(entries)).not.toMatch(/answers|overallScore|criterionKey/);
      expect(page).not.toMatch(/answers|overallScore|criterionKey/);
      expect(page).toContain('hidden-calibration');
    }
    // The admin's own calibration evaluation is theirs to read.
    await admin
      .patch(`/api/evaluations/${adminEvaluation.id}`)
      .send({ version: adminEvaluation.version, answers: [{ key: 'greeting', value: 1 }] })
      .expect(200);
    const own = await auditOf(admin, adminEvaluation.id);
    expect(own.entries.some((e) => e.hidden)).toBe(false);
    expect(details(own.entries)).toMatch(/"answers"/);
  });

  it('opens the evaluations to admins once the session closes', async () => {
    await admin.post(`/api/calibration/${sessionId}/close`).expect(200);
    const audited = await auditOf(otherAdmin, expertEvaluation.id);
    expect(audited.entries.some((e) => e.hidden)).toBe(false);
    expect(details(audited.entries)).toMatch(/"answers".*"overallScore"/);
    const seen = await admin.get(`/api/evaluations/${expertEvaluation.id}`).expect(200);
    expect(seen.body).toMatchObject({ id: expertEvaluation.id, kind: 'calibration' });
    await otherAdmin
      .get(`/evaluations/${expertEvaluation.id}`)
      .set('Accept', 'text/html')
      .expect(200);
    const listed = await admin.get(`/api/evaluations?interactionId=${seed.call1}`).expect(200);
    expect(listed.body.map((e: { id: number }) => e.id)).toContain(expertEvaluation.id);
  });

  const definition = async () =>
    (await t.app.get(ScorecardsService).current('voice-ko')).definition;
});
