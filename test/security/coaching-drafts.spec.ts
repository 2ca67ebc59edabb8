/**
 * Issue 13, row 10: a team lead's draft coaching plan is theirs (and admins') until shared; an
 * evaluator cannot read it by id, in the list or as PDF, and an agent reading the shared plan
 * gets the author's name only.
 */
import type { Agent as TestAgent } from 'supertest';
import { seedCoachingTeam } from '../support/people';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

describe('draft coaching plans stay with team leads and admins', () => {
  let t: TestApp;
  let lead: TestAgent;
  let evaluator: TestAgent;
  let planId: number;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    await seedCoachingTeam(t);
    lead = await t.client('lead@test.local');
    evaluator = await t.client(TEST_USERS.evaluator);
    planId = (
      await lead
        .post('/api/coaching/plans')
        .send({ agent: 'P-001', from: '2026-10-01', to: '2026-10-31', scorecard: 'voice-ko' })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  const listed = async (client: TestAgent) =>
    (await client.get('/coaching').set('Accept', 'text/html').expect(200)).text.includes(
      `/coaching/${planId}`,
    );

  it('hides a draft from an evaluator: 404 by id and as PDF, absent from the list', async () => {
    await evaluator.get(`/api/coaching/plans/${planId}`).expect(404);
    await evaluator.get(`/coaching/${planId}`).set('Accept', 'text/html').expect(404);
    await evaluator.get(`/api/coaching/plans/${planId}/pdf`).expect(404);
    expect(await listed(evaluator)).toBe(false);
    // The lead who wrote it and an admin read it.
    await lead.get(`/api/coaching/plans/${planId}`).expect(200);
    await (await t.client(TEST_USERS.admin)).get(`/api/coaching/plans/${planId}`).expect(200);
    expect(await listed(lead)).toBe(true);
  });

  it("once shared, the evaluator may read it and the agent sees only the author's name", async () => {
    await lead.post(`/coaching/${planId}/share`).type('form').send({}).expect(303);
    await evaluator.get(`/api/coaching/plans/${planId}`).expect(200);
    expect(await listed(evaluator)).toBe(true);
    const agent = await t.client('p1@test.local');
    const plan = await agent.get(`/api/coaching/plans/${planId}`).expect(200);
    expect(plan.body.author).toEqual({ name: expect.any(String) });
    expect(plan.text).not.toContain('lead@test.local');
    expect(plan.text).not.toContain('lastLoginAt');
  });
});
