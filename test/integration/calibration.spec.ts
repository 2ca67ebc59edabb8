/**
 * Calibration sessions through the API and the pages: blind while open, closing itself on the
 * last submit or early by an admin, results equal to the agreement maths, and never a trace of
 * calibration in what agents and team leads see.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Agent as TestAgent } from 'supertest';
import { calibrationReport } from '../../src/calibration/agreement';
import type { ScorecardDefinition } from '../../src/scorecards/scorecard-definition';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { bestAnswers } from '../support/answers';
import { seedTwoTeams, TwoTeams } from '../support/people';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(60_000);

type Answer = { key: string; value?: number; na?: boolean };

describe('calibration sessions', () => {
  let t: TestApp;
  let seed: TwoTeams;
  let definition: ScorecardDefinition;
  let admin: TestAgent;
  let ev1: TestAgent;
  let ev2: TestAgent;
  let ev3: TestAgent;
  let outsider: TestAgent;
  const ids = { admin: 0, ev1: 0, ev2: 0, ev3: 0, outsider: 0, lead: 0 };

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    seed = await seedTwoTeams(t);
    definition = (await t.app.get(ScorecardsService).current('voice-ko')).definition;
    const third = await t.createUser({
      email: 'ev3@test.local',
      name: 'Third Eval',
      role: 'evaluator',
    });
    const other = await t.createUser({
      email: 'outsider@test.local',
      name: 'Out Sider',
      role: 'evaluator',
    });
    admin = await t.client(TEST_USERS.admin);
    ev1 = await t.client(TEST_USERS.evaluator);
    ev2 = await t.client(TEST_USERS.evaluator2);
    ev3 = await t.client('ev3@test.local');
    outsider = await t.client('outsider@test.local');
    const me = async (client: TestAgent) =>
      ((await client.get('/api/auth/me').expect(200)).body as { id: number }).id;
    ids.admin = await me(admin);
    ids.ev1 = await me(ev1);
    ids.ev2 = await me(ev2);
    ids.ev3 = third.id;
    ids.outsider = other.id;
    ids.lead = await me(await t.client(seed.users.lead1));
  });
  afterAll(() => t.close());

  const naKey = () =>
    definition.sections
      .flatMap((s) => s.criteria)
      .find((c) => c.naAllowed && c.scale.type === 'yes_no')!.key;

  /** Best answers with some changed: the answers each evaluator is made to give. */
  function answersWith(changes: Record<string, number | null>): Answer[] {
    return bestAnswers(definition).map((a) =>
      a.key in changes
        ? changes[a.key] === null
          ? { key: a.key, na: true }
          : { key: a.key, value: changes[a.key]! }
        : a,
    );
  }

  async function openSession(body: Record<string, unknown>) {
    return (await admin.post('/api/calibration').send(body).expect(201)).body as {
      id: number;
      status: string;
    };
  }

  async function startAndSubmit(client: TestAgent, sessionId: number, answers: Answer[]) {
    const draft = (await client.post(`/api/calibration/${sessionId}/start`).expect(200)).body;
    const submitted = (
      await client
        .post(`/api/evaluations/${draft.id}/submit`)
        .send({ version: draft.version, answers })
        .expect(201)
    ).body;
    return submitted as { id: number; overallScore: number; kind: string };
  }

  it('lets only an admin open a session, on a real call, with at least two QA participants and an expert among them', async () => {
    const valid = {
      interactionId: seed.call1,
      scorecardKey: 'voice-ko',
      participantIds: [ids.ev1, ids.ev2],
      expertId: ids.ev1,
    };
    await ev1.post('/api/calibration').send(valid).expect(403);
    const bad = async (change: Record<string, unknown>, field: RegExp) => {
      const res = await admin
        .post('/api/calibration')
        .set('Accept-Language', 'en')
        .send({ ...valid, ...change })
        .expect(400);
      expect(res.body.message).toMatch(field);
    };
    await bad({ expertId: ids.ev3 }, /expertId/);
    await bad({ participantIds: [ids.ev1, ids.ev1] }, /participantIds.*at least two/);
    await bad({ participantIds: [ids.ev1, ids.lead] }, /participantIds.*Team lead/);
    await bad({ interactionId: 999999 }, /interactionId/);
    await bad({ scorecardKey: 'no-such-card' }, /scorecardKey/);
    await bad({ dueAt: '2001-01-01T00:00:00Z' }, /dueAt.*past/);
  });

  describe('three evaluators and an expert score the same call', () => {
    let sessionId: number;
    const chosen = () => ({
      [ids.admin]: answersWith({}),
      [ids.ev1]: answersWith({ greeting: 0, empathy: 3 }),
      [ids.ev2]: answersWith({ greeting: 0, correct_resolution: 6 }),
      [ids.ev3]: answersWith({ empathy: 4, summary: 0, [naKey()]: null }),
    });
    const evaluations: Record<number, { id: number; overallScore: number }> = {};

    beforeAll(async () => {
      sessionId = (
        await openSession({
          interactionId: seed.call1,
          scorecardKey: 'voice-ko',
          participantIds: [ids.admin, ids.ev1, ids.ev2, ids.ev3],
          expertId: ids.admin,
          note: '인사 항목 기준 맞추기',
          dueAt: new Date(Date.now() + 86_400_000).toISOString(),
        })
      ).id;
    });

    it("gives each participant a calibration draft on the session's version, the same one each time", async () => {
      const first = (await ev1.post(`/api/calibration/${sessionId}/start`).expect(200)).body;
      expect(first).toMatchObject({ kind: 'calibration', status: 'draft', evaluatorId: ids.ev1 });
      // Blank: no auto-QA answers to agree with.
      expect(first.answers).toEqual([]);
      const again = (await ev1.post(`/api/calibration/${sessionId}/start`).expect(200)).body;
      expect(again.id).toBe(first.id);
      // The page button lands on the normal scoring form.
      const page = await ev1.post(`/calibration/${sessionId}/start`).set('Accept', 'text/html');
      expect(page.status).toBe(303);
      expect(page.headers.location).toBe(`/evaluations/${first.id}/edit`);
    });

    it('keeps a non-participant out: 404 on the session, its page and its start', async () => {
      await outsider.get(`/api/calibration/${sessionId}`).expect(404);
      await outsider.post(`/api/calibration/${sessionId}/start`).expect(404);
      await outsider.get(`/calibration/${sessionId}`).set('Accept', 'text/html').expect(404);
    });

    it("is blind while open: others' calibration evaluations are 404 and the session shows who submitted, not scores", async () => {
      const mine = await startAndSubmit(ev1, sessionId, chosen()[ids.ev1]);
      evaluations[ids.ev1] = mine;
      expect(mine.kind).toBe('calibration');
      await ev2.post(`/api/calibration/${sessionId}/start`).expect(200);
      await ev2.get(`/api/evaluations/${mine.id}`).expect(404);
      await ev2.get(`/evaluations/${mine.id}`).set('Accept', 'text/html').expect(404);
      const listed = await ev2.get(`/api/evaluations?interactionId=${seed.call1}`).expect(200);
      expect(listed.body.map((e: { id: number }) => e.id)).not.toContain(mine.id);

      const status = (await ev2.get(`/api/calibration/${sessionId}`).expect(200)).body;
      expect(status.status).toBe('open');
      expect(status.results).toBeNull();
      expect(JSON.stringify(status)).not.toContain('overallScore');
      expect(
        status.participants.map((p: { userId: number; submitted: boolean }) => [
          p.userId,
          p.submitted,
        ]),
      ).toEqual([
        [ids.admin, false],
        [ids.ev1, true],
        [ids.ev2, false],
        [ids.ev3, false],
      ]);
      const page = await ev2
        .get(`/calibration/${sessionId}`)
        .set('Accept', 'text/html')
        .expect(200);
      expect(page.text).toContain('id="not-yet"');
      expect(page.text).not.toContain('id="evaluator-scores"');
      expect(page.text).not.toContain(`${mine.overallScore.toFixed(1)}%`);
    });

    it('stays open until the last participant submits, then closes itself', async () => {
      evaluations[ids.ev2] = await startAndSubmit(ev2, sessionId, chosen()[ids.ev2]);
      evaluations[ids.ev3] = await startAndSubmit(ev3, sessionId, chosen()[ids.ev3]);
      expect((await ev3.get(`/api/calibration/${sessionId}`).expect(200)).body.status).toBe('open');
      evaluations[ids.admin] = await startAndSubmit(admin, sessionId, chosen()[ids.admin]);
      const closed = (await ev3.get(`/api/calibration/${sessionId}`).expect(200)).body;
      expect(closed.status).toBe('closed');
      expect(closed.closedAt).toBeTruthy();
      // Nothing more to score on a closed session, and nobody to close it again.
      await admin.post(`/api/calibration/${sessionId}/close`).expect(409);
    });

    it('shows deviations, agreement and kappa equal to the agreement maths over those answers', async () => {
      const results = (await ev2.get(`/api/calibration/${sessionId}`).expect(200)).body.results;
      const order = [ids.admin, ids.ev1, ids.ev2, ids.ev3];
      const names: Record<number, string> = {
        [ids.admin]: 'Test Admin',
        [ids.ev1]: '박평가',
        [ids.ev2]: 'Emma Evans',
        [ids.ev3]: 'Third Eval',
      };
      const expected = calibrationReport({
        criteria: definition.sections
          .flatMap((s) => s.criteria)
          .map((c) => ({ key: c.key, label: c.label, scale: c.scale })),
        evaluations: order.map((id) => ({
          evaluatorId: id,
          evaluatorName: names[id],
          isExpert: id === ids.admin,
          overallScore: evaluations[id].overallScore,
          answers: Object.fromEntries(
            chosen()[id].map((a) => [a.key, a.na ? null : (a.value ?? null)]),
          ),
        })),
      });
      expect(results.evaluators).toEqual(expected.evaluators);
      expect(results.kappa).toBeCloseTo(expected.kappa!, 10);
      expect(results.mostDisagreement).toEqual(expected.mostDisagreement);
      expect(
        results.criteria.map((c: { key: string; agreementPct: number }) => [c.key, c.agreementPct]),
      ).toEqual(expected.criteria.map((c) => [c.key, c.agreementPct]));

      // By hand: the expert's best answers score 100, so a deviation is the score minus 100;
      // on `summary` only ev3 said no: 3 of the 6 pairs agree, and 2 of 3 match the expert.
      expect(evaluations[ids.admin].overallScore).toBe(100);
      const ev3Row = results.evaluators.find(
        (e: { evaluatorId: number }) => e.evaluatorId === ids.ev3,
      );
      expect(ev3Row.deviation).toBeCloseTo(evaluations[ids.ev3].overallScore - 100, 2);
      expect(ev3Row.deviation).toBeLessThan(0);
      const summary = results.criteria.find((c: { key: string }) => c.key === 'summary');
      expect(summary.agreementPct).toBeCloseTo(50, 6);
      expect(summary.matchesExpertPct).toBeCloseTo(66.667, 2);
      expect(results.mostDisagreement).toContain('greeting');
      expect(results.kappa).toBeGreaterThan(-1);
      expect(results.kappa).toBeLessThan(1);
      expect(results.leftOut).toEqual([]);
    });

    it("opens everyone's answers on the results page once closed", async () => {
      const page = await ev2
        .get(`/calibration/${sessionId}`)
        .set('Accept', 'text/html')
        .expect(200);
      expect(page.text).toContain('id="evaluator-scores"');
      for (const id of [ids.ev1, ids.ev3]) {
        expect(page.text).toContain(`${evaluations[id].overallScore.toFixed(1)}%`);
      }
      expect(page.text).toMatch(/id="kappa-value">-?\d\.\d\d</);
      expect(page.text).toMatch(/id="criterion-greeting" class="most-disagreement"/);
      expect(page.text).toContain('id="kappa-reading"');
    });

    it('never shows calibration evaluations to the agent or the team lead, nor counts them', async () => {
      const calibrationIds = Object.values(evaluations).map((e) => e.id);
      for (const who of ['agent1', 'lead1'] as const) {
        const client = await t.client(seed.users[who]);
        const listed = await client.get(`/api/evaluations?interactionId=${seed.call1}`).expect(200);
        expect(listed.body.map((e: { kind: string }) => e.kind)).toEqual(['manual']);
        for (const id of calibrationIds) await client.get(`/api/evaluations/${id}`).expect(404);
        const calls = await client.get('/api/interactions').expect(200);
        const call = calls.body.items.find((i: { id: number }) => i.id === seed.call1);
        expect(call.evaluations).toBe(1);
        const replay = await client.get(`/interactions/${seed.call1}`).set('Accept', 'text/html');
        expect(replay.status).toBe(200);
        for (const id of calibrationIds) expect(replay.text).not.toContain(`/evaluations/${id}"`);
      }
      // The agent's own pages, where they exist.
      const agent = await t.client(seed.users.agent1);
      const my = await agent.get('/my/evaluations').set('Accept', 'text/html');
      if (my.status !== 404) {
        expect(my.status).toBe(200);
        for (const id of calibrationIds) expect(my.text).not.toContain(`/evaluations/${id}"`);
      }
    });
  });

  describe('an admin closes a session early', () => {
    let sessionId: number;
    let lateDraft: { id: number; version: number };

    beforeAll(async () => {
      sessionId = (
        await openSession({
          interactionId: seed.call2,
          scorecardKey: 'voice-ko',
          participantIds: [ids.ev1, ids.ev2],
          expertId: ids.ev1,
        })
      ).id;
    });

    it('leaves out who has not submitted, and even what they submit afterwards', async () => {
      await startAndSubmit(ev1, sessionId, answersWith({ greeting: 0 }));
      lateDraft = (await ev2.post(`/api/calibration/${sessionId}/start`).expect(200)).body;
      await ev1.post(`/api/calibration/${sessionId}/close`).expect(403);
      const closed = (await admin.post(`/api/calibration/${sessionId}/close`).expect(200)).body;
      expect(closed.status).toBe('closed');
      expect(closed.results.evaluators.map((e: { evaluatorId: number }) => e.evaluatorId)).toEqual([
        ids.ev1,
      ]);
      expect(closed.results.leftOut).toEqual([{ userId: ids.ev2, name: 'Emma Evans' }]);
      expect(closed.results.kappa).toBeNull();
      // No more scoring on it ...
      await ev2.post(`/api/calibration/${sessionId}/start`).expect(409);
      // ... and a late submit of an old draft does not sneak into the results.
      await ev2
        .post(`/api/evaluations/${lateDraft.id}/submit`)
        .send({ version: lateDraft.version, answers: answersWith({}) })
        .expect(201);
      const after = (await ev2.get(`/api/calibration/${sessionId}`).expect(200)).body;
      expect(after.results.evaluators).toHaveLength(1);
      expect(after.results.leftOut.map((p: { userId: number }) => p.userId)).toEqual([ids.ev2]);
    });
  });

  describe('deviation history and the pages', () => {
    it("gives an admin every evaluator's deviation series, and an evaluator only their own", async () => {
      const all = (await admin.get('/api/calibration/history').expect(200)).body as {
        evaluatorId: number;
        name: string;
        series: { deviation: number | null }[];
        meanAbsDeviation: number | null;
      }[];
      // The first session's three non-experts; in the second, the expert and a late submit do not count.
      expect(all.map((h) => h.evaluatorId).sort()).toEqual([ids.ev1, ids.ev2, ids.ev3].sort());
      for (const h of all) expect(h.series).toHaveLength(1);
      const ev1Line = all.find((h) => h.evaluatorId === ids.ev1)!;
      expect(ev1Line.meanAbsDeviation).toBe(Math.abs(ev1Line.series[0].deviation!));
      const own = (await ev2.get('/api/calibration/history').expect(200)).body;
      expect(own.map((h: { evaluatorId: number }) => h.evaluatorId)).toEqual([ids.ev2]);
      const page = await admin.get('/calibration/history').set('Accept', 'text/html').expect(200);
      expect(page.text).toContain('<svg class="sparkline"');
      expect(page.text).toContain('Third Eval');
      expect(page.text).not.toMatch(/style="/);
    });

    it('lists my open and closed sessions, with the score-it button for mine', async () => {
      const open = await openSession({
        interactionId: seed.call1,
        scorecardKey: 'voice-ko',
        participantIds: [ids.ev2, ids.ev3],
        expertId: ids.ev3,
      });
      const asEv2 = await ev2.get('/calibration').set('Accept', 'text/html').expect(200);
      expect(asEv2.text).toMatch(new RegExp(`action="/calibration/${open.id}/start"`));
      expect(asEv2.text).toContain('class="results-link"');
      expect(asEv2.text).not.toContain('id="new-calibration"');
      const asOutsider = await outsider.get('/calibration').set('Accept', 'text/html').expect(200);
      expect(asOutsider.text).toContain('id="no-open-sessions"');
      expect(asOutsider.text).toContain('id="no-closed-sessions"');
      const asAdmin = await admin.get('/calibration').set('Accept', 'text/html').expect(200);
      expect(asAdmin.text).toContain(`action="/calibration/${open.id}/close"`);
      expect(asAdmin.text).toContain('id="new-calibration"');
    });

    it('opens a session from the form by call id, and shows the error beside the field', async () => {
      const form = await admin.get('/calibration/new').set('Accept', 'text/html').expect(200);
      expect(form.text).toContain('name="participantIds"');
      expect(form.text).not.toContain(`value="${ids.lead}"`);
      const post = (fields: string) =>
        admin.post('/calibration').set('Accept', 'text/html').type('form').send(fields);
      const base = `scorecardKey=voice-ko&participantIds=${ids.ev1}&participantIds=${ids.ev3}&expertId=${ids.ev3}`;
      const unknown = await post(`call=NOPE-1&${base}`);
      expect(unknown.status).toBe(400);
      expect(unknown.text).toContain('id="error-call"');
      expect(unknown.text).toContain('value="NOPE-1"');
      const notExpert = await post(
        `call=PERM-2&scorecardKey=voice-ko&participantIds=${ids.ev1}&participantIds=${ids.ev3}&expertId=${ids.ev2}`,
      );
      expect(notExpert.status).toBe(400);
      expect(notExpert.text).toContain('id="error-expertId"');
      const ok = await post(
        `call=PERM-2&${base}&dueAt=2099-12-31T18:00&note=${encodeURIComponent('메모')}`,
      );
      expect(ok.status).toBe(303);
      const id = Number(/^\/calibration\/(\d+)$/.exec(ok.headers.location)![1]);
      const session = (await admin.get(`/api/calibration/${id}`).expect(200)).body;
      expect(session).toMatchObject({
        status: 'open',
        interaction: { id: seed.call2, externalId: 'PERM-2' },
        scorecard: { key: 'voice-ko' },
        expert: { id: ids.ev3 },
        note: '메모',
      });
      expect(new Date(session.dueAt).toISOString()).toBe('2099-12-31T09:00:00.000Z');
    });
  });

  it("keeps scoring on the session's scorecard version after the scorecard changes", async () => {
    const session = await openSession({
      interactionId: seed.call2,
      scorecardKey: 'voice-en',
      participantIds: [ids.ev1, ids.ev2],
      expertId: ids.ev2,
    });
    const file = path.join(t.scorecardsDir, 'voice-en.yaml');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .replace(
          /^ {4}criteria:\n/m,
          `    criteria:\n      - key: brand_name\n        label: Used the brand name\n        guidance: Says the company name in full.\n        scale: yes_no\n`,
        ),
    );
    const sync = (await admin.post('/api/scorecards/sync').expect(200)).body;
    expect(sync).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'voice-en', version: 2 })]),
    );
    const draft = (await ev1.post(`/api/calibration/${session.id}/start`).expect(200)).body;
    expect(draft.scorecardVersion.version).toBe(1);
    expect(draft.scorecardVersion.definition.sections[0].criteria[0].key).not.toBe('brand_name');
    // An ordinary evaluation of the same call goes on the new version.
    const manual = (
      await ev1
        .post('/api/evaluations')
        .send({ interactionId: seed.call2, scorecardKey: 'voice-en' })
        .expect(201)
    ).body;
    expect(manual.kind).toBe('manual');
    expect(manual.scorecardVersion.version).toBe(2);
  });
});
