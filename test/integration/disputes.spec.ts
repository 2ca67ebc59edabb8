/**
 * After submission: the agent acknowledges an evaluation or disputes chosen criteria within the
 * window; a team lead, the evaluator who scored it or an admin resolves the dispute. What each
 * side sees: the status, the score (recomputed exactly as the formula says), the history, and
 * the notifications. Who may do what is enforced: others' evaluations are 404, wrong roles 403.
 */
import type { Agent as TestAgent } from 'supertest';
import { passedFor } from '../../src/scoring/answer-passed';
import { EvaluationAnswer } from '../../src/evaluations/entities/evaluation-answer.entity';
import { Evaluation } from '../../src/evaluations/entities/evaluation.entity';
import type { ScorecardDefinition } from '../../src/scorecards/scorecard-definition';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { computeScore } from '../../src/scoring/score-formula';
import { bestAnswers } from '../support/answers';
import { seedTwoTeams, TwoTeams } from '../support/people';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('acknowledging, disputing and resolving evaluations', () => {
  let t: TestApp;
  let seed: TwoTeams;
  let definition: ScorecardDefinition;
  const as = async (who: keyof TwoTeams['users'] | 'evaluator2') =>
    (await t.client(who === 'evaluator2' ? 'evaluator2@demo.local' : seed.users[who])).set(
      'Accept-Language',
      'en',
    );

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    seed = await seedTwoTeams(t);
    definition = (await t.app.get(ScorecardsService).current('voice-ko')).definition;
  });
  afterAll(() => t.close());

  /** A perfect evaluation of agent 1's call except where `values` says otherwise, submitted. */
  async function submitted(values: Record<string, number | null> = {}, call = seed.call1) {
    const evaluator = await as('evaluator');
    const draft = (
      await evaluator
        .post('/api/evaluations')
        .send({ interactionId: call, scorecardKey: 'voice-ko' })
        .expect(201)
    ).body;
    const answers = bestAnswers(definition).map((a) =>
      a.key in values
        ? values[a.key] === null
          ? { key: a.key, na: true }
          : { key: a.key, value: values[a.key] }
        : a,
    );
    const done = await evaluator
      .post(`/api/evaluations/${draft.id}/submit`)
      .send({ version: draft.version, answers })
      .expect(201);
    return { id: draft.id as number, version: done.body.version as number, answers };
  }

  const evaluation = async (id: number) =>
    (await (await as('admin')).get(`/api/evaluations/${id}`).expect(200)).body;
  const notificationsOf = async (client: TestAgent) => {
    const page = await client.get('/notifications').set('Accept', 'text/html').expect(200);
    return [...page.text.matchAll(/class="notification-text">([^<]*)</g)].map((m) =>
      m[1].replace(/&#x27;/g, "'").replace(/&amp;/g, '&'),
    );
  };
  const unreadBadge = async (client: TestAgent) => {
    const page = await client.get('/my/evaluations').set('Accept', 'text/html').expect(200);
    return /id="unread-count">(\d+)</.exec(page.text)?.[1] ?? null;
  };

  it('tells the agent about a new evaluation, and lets them acknowledge it once, with a comment', async () => {
    const agent1 = await as('agent1');
    const before = Number((await unreadBadge(agent1)) ?? 0);
    const { id, version } = await submitted();
    expect(Number(await unreadBadge(agent1))).toBe(before + 1);
    expect(await notificationsOf(agent1)).toContain('New evaluation of call PERM-1: 100.0%');
    // Agent 2 hears nothing of agent 1's evaluation.
    const ofAgent2 = await notificationsOf(await as('agent2'));
    expect(ofAgent2.filter((n) => n.includes('PERM-1'))).toEqual([]);
    const list = await agent1.get('/my/evaluations').set('Accept', 'text/html').expect(200);
    expect(list.text).toMatch(new RegExp(`data-evaluation="${id}" class="is-new"`));
    expect(list.text).toContain('Days left: 7');

    const res = await agent1
      .post(`/api/evaluations/${id}/acknowledge`)
      .send({ comment: '  다음부터 주의하겠습니다  ' })
      .expect(201);
    expect(res.body.evaluation).toMatchObject({ id, status: 'acknowledged', version: version + 1 });
    expect(res.body.response).toMatchObject({
      kind: 'acknowledged',
      comment: '다음부터 주의하겠습니다',
      user: { name: 'Agent One' },
    });
    const history = (await agent1.get(`/api/evaluations/${id}/responses`).expect(200)).body;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ kind: 'acknowledged', comment: '다음부터 주의하겠습니다' });
    // Once is enough: a second acknowledgement or a late dispute is a conflict.
    const again = await agent1.post(`/api/evaluations/${id}/acknowledge`).send({}).expect(409);
    expect(again.body.message).toMatch(/acknowledged: only a submitted evaluation/);
    await agent1
      .post(`/api/evaluations/${id}/dispute`)
      .send({ criteria: ['greeting'], reason: '다시 봐 주세요' })
      .expect(409);
    const audit = await (
      await as('admin')
    )
      .get(`/api/audit?entityType=evaluation&entityId=${id}&action=acknowledged`)
      .expect(200);
    expect(audit.body.items).toHaveLength(1);
  });

  it('recomputes the score exactly as the formula says when a dispute is resolved as changed', async () => {
    const { id, answers } = await submitted({ greeting: 0, empathy: 2 });
    const agent1 = await as('agent1');
    const scoreBefore = (await evaluation(id)).overallScore;
    const disputed = await agent1
      .post(`/api/evaluations/${id}/dispute`)
      .send({
        criteria: ['empathy', 'greeting'],
        reason: '회사명과 이름을 모두 말했습니다 (00:01)',
      })
      .expect(201);
    expect(disputed.body.evaluation.status).toBe('disputed');
    // Kept in the scorecard's order.
    expect(disputed.body.response.criteria).toEqual(['greeting', 'empathy']);

    // The team lead and the evaluator hear of it; the lead of the other team does not.
    const lead1 = await as('lead1');
    const filed = `Agent 1 disputed 2 criteria of evaluation #${id} (call PERM-1)`;
    expect(await notificationsOf(lead1)).toContain(filed);
    expect(await notificationsOf(await as('evaluator'))).toContain(filed);
    expect(await notificationsOf(await as('lead2'))).not.toContain(filed);
    const queue = await lead1.get('/disputes').set('Accept', 'text/html').expect(200);
    expect(queue.text).toContain(`data-evaluation="${id}"`);
    // Open to those who may resolve it: not the other team's lead, nor an evaluator who did not score it.
    for (const who of ['lead2', 'evaluator2'] as const) {
      const other = await (await as(who)).get('/disputes').set('Accept', 'text/html').expect(200);
      expect({ who, listed: other.text.includes(`data-evaluation="${id}"`) }).toEqual({
        who,
        listed: false,
      });
    }
    for (const who of ['evaluator', 'admin'] as const) {
      const mine = await (await as(who)).get('/disputes').set('Accept', 'text/html').expect(200);
      expect({ who, listed: mine.text.includes(`data-evaluation="${id}"`) }).toEqual({
        who,
        listed: true,
      });
    }

    const resolved = await lead1
      .post(`/api/evaluations/${id}/resolve`)
      .send({
        outcome: 'changed',
        reason: '녹취 확인 결과 인사 정상',
        changes: { greeting: 1, empathy: 2 },
      })
      .expect(201);
    const expected = computeScore(
      definition,
      Object.fromEntries(
        answers.map((a) => [a.key, { value: a.key === 'greeting' ? 1 : (a.value ?? null) }]),
      ),
    );
    expect(expected.overall).not.toBe(scoreBefore);
    expect(resolved.body.response).toMatchObject({
      kind: 'resolved',
      outcome: 'changed',
      changes: { greeting: { from: 0, to: 1 } },
      scoreBefore,
      scoreAfter: expected.overall,
    });
    const after = await evaluation(id);
    expect(after).toMatchObject({
      status: 'resolved',
      overallScore: expected.overall,
      passed: expected.passed,
      breakdown: expected,
    });
    const greeting = await t.dataSource
      .getRepository(EvaluationAnswer)
      .findOneByOrFail({ evaluationId: id, criterionKey: 'greeting' });
    expect(greeting).toMatchObject({ value: 1, passed: passedFor(definition, 'greeting', 1) });

    // The history keeps both steps; the agent is told, and sees it on the page.
    const history = (await agent1.get(`/api/evaluations/${id}/responses`).expect(200)).body;
    expect(history.map((r: { kind: string }) => r.kind)).toEqual(['disputed', 'resolved']);
    expect(history[0]).toMatchObject({ comment: '회사명과 이름을 모두 말했습니다 (00:01)' });
    expect(history[1]).toMatchObject({
      comment: '녹취 확인 결과 인사 정상',
      user: { name: 'Lead One' },
    });
    expect(await notificationsOf(agent1)).toContain(
      `Your dispute of evaluation #${id} (call PERM-1) was resolved: changed, score ${scoreBefore.toFixed(1)}% → ${expected.overall!.toFixed(1)}%`,
    );
    const page = await agent1.get(`/evaluations/${id}`).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain(`${expected.overall!.toFixed(1)}%`);
    expect(page.text).toContain('녹취 확인 결과 인사 정상');

    // Resolved once: a second resolution is a conflict.
    await lead1
      .post(`/api/evaluations/${id}/resolve`)
      .send({ outcome: 'upheld', reason: '다시' })
      .expect(409);
  });

  it('keeps the score when the evaluator who scored it upholds the dispute', async () => {
    const { id } = await submitted({ empathy: 3 });
    const before = await evaluation(id);
    await (
      await as('agent1')
    )
      .post(`/api/evaluations/${id}/dispute`)
      .send({ criteria: ['empathy'], reason: '공감 표현을 했습니다' })
      .expect(201);
    const res = await (
      await as('evaluator')
    )
      .post(`/api/evaluations/${id}/resolve`)
      .send({ outcome: 'upheld', reason: '형식적인 공감이라 3점이 맞습니다' })
      .expect(201);
    expect(res.body.response).toMatchObject({
      outcome: 'upheld',
      changes: null,
      scoreBefore: before.overallScore,
      scoreAfter: before.overallScore,
    });
    const after = await evaluation(id);
    expect(after).toMatchObject({
      status: 'resolved',
      overallScore: before.overallScore,
      passed: before.passed,
    });
    expect(
      after.answers.find((a: { criterionKey: string }) => a.criterionKey === 'empathy').value,
    ).toBe(3);
    expect(await notificationsOf(await as('agent1'))).toContain(
      `Your dispute of evaluation #${id} (call PERM-1) was resolved: upheld, the score stays ${before.overallScore.toFixed(1)}%`,
    );
  });

  it('refuses once the window has closed, saying when it closed', async () => {
    const { id } = await submitted();
    const submittedAt = new Date(Date.now() - 8 * 24 * 3_600_000);
    await t.dataSource.getRepository(Evaluation).update(id, { submittedAt });
    const closedOn = new Date(submittedAt.getTime() + 7 * 24 * 3_600_000);
    const agent1 = await as('agent1');
    const res = await agent1.post(`/api/evaluations/${id}/acknowledge`).send({}).expect(409);
    expect(res.body.message).toContain(
      `closed on ${closedOn.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    );
    await agent1
      .post(`/api/evaluations/${id}/dispute`)
      .send({ criteria: ['greeting'], reason: '늦었지만' })
      .expect(409);
    const page = await agent1.get(`/evaluations/${id}`).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('id="window-closed"');
    expect(page.text).not.toContain('id="dispute-form"');
    expect((await evaluation(id)).status).toBe('submitted');
  });

  it('lets only the agent respond, and only the right people resolve; others see nothing', async () => {
    const { id } = await submitted({ greeting: 0 });
    // Another agent's evaluation does not exist for agent 2; a team lead cannot dispute for them.
    await (await as('agent2')).post(`/api/evaluations/${id}/acknowledge`).send({}).expect(404);
    await (await as('agent2')).get(`/api/evaluations/${id}/responses`).expect(404);
    await (await as('lead1')).post(`/api/evaluations/${id}/acknowledge`).send({}).expect(403);
    await (
      await as('agent1')
    )
      .post(`/api/evaluations/${id}/dispute`)
      .send({ criteria: ['greeting'], reason: '인사했습니다' })
      .expect(201);
    const resolve = { outcome: 'changed', reason: '확인', changes: { greeting: 1 } };
    await (await as('agent1')).post(`/api/evaluations/${id}/resolve`).send(resolve).expect(403);
    await (await as('lead2')).post(`/api/evaluations/${id}/resolve`).send(resolve).expect(404);
    // An evaluator who did not score it cannot see it at all.
    await (await as('evaluator2')).post(`/api/evaluations/${id}/resolve`).send(resolve).expect(404);
    expect((await evaluation(id)).status).toBe('disputed');
    // The admin may.
    await (await as('admin')).post(`/api/evaluations/${id}/resolve`).send(resolve).expect(201);
  });

  it('names the field of a bad dispute or resolution and changes nothing', async () => {
    const { id } = await submitted({ greeting: 0 });
    const agent1 = await as('agent1');
    const unknown = await agent1
      .post(`/api/evaluations/${id}/dispute`)
      .send({ criteria: ['greeting', 'no_such_criterion'], reason: '이유' })
      .expect(400);
    expect(unknown.body).toMatchObject({ field: 'criteria' });
    expect(unknown.body.message).toContain('no_such_criterion');
    const none = await agent1
      .post(`/api/evaluations/${id}/dispute`)
      .send({ criteria: [], reason: '이유' })
      .expect(400);
    expect(none.body.field).toBe('criteria');
    const noReason = await agent1
      .post(`/api/evaluations/${id}/dispute`)
      .send({ criteria: ['greeting'], reason: '   ' })
      .expect(400);
    expect(noReason.body.field).toBe('reason');
    expect((await evaluation(id)).status).toBe('submitted');

    await agent1
      .post(`/api/evaluations/${id}/dispute`)
      .send({ criteria: ['greeting'], reason: '인사했습니다' })
      .expect(201);
    const lead1 = await as('lead1');
    const cases: [object, string][] = [
      [{ outcome: 'maybe', reason: 'x' }, 'outcome'],
      [{ outcome: 'changed', changes: { greeting: 1 } }, 'reason'],
      [{ outcome: 'changed', reason: 'x', changes: { greeting: 7 } }, 'changes.greeting'],
      [{ outcome: 'changed', reason: 'x', changes: { greeting: null } }, 'changes.greeting'],
      [{ outcome: 'changed', reason: 'x', changes: { empathy: 5 } }, 'changes.empathy'],
      [{ outcome: 'changed', reason: 'x', changes: { greeting: 0 } }, 'changes'],
      [{ outcome: 'upheld', reason: 'x', changes: { greeting: 1 } }, 'outcome'],
    ];
    for (const [body, field] of cases) {
      const res = await lead1.post(`/api/evaluations/${id}/resolve`).send(body).expect(400);
      expect({ body, field: res.body.field }).toEqual({ body, field });
    }
    const after = await evaluation(id);
    expect(after.status).toBe('disputed');
    expect(
      after.answers.find((a: { criterionKey: string }) => a.criterionKey === 'greeting').value,
    ).toBe(0);
    expect((await lead1.get(`/api/evaluations/${id}/responses`)).body).toHaveLength(1);
  });

  it('refuses a change made from a stale version, and a second resolution', async () => {
    const { id, version } = await submitted({ greeting: 0 });
    await (
      await as('agent1')
    )
      .post(`/api/evaluations/${id}/dispute`)
      .send({ criteria: ['greeting'], reason: '인사했습니다', version })
      .expect(201);
    const lead1 = await as('lead1');
    const body = { outcome: 'changed', reason: '확인', changes: { greeting: 1 } };
    const stale = await lead1
      .post(`/api/evaluations/${id}/resolve`)
      .set('Accept-Language', 'en')
      .send({ ...body, version })
      .expect(409);
    expect(stale.body.message).toMatch(/Someone else changed evaluation \d+ while you were/);
    // In Korean for a Korean reader (Accept-Language, cookie or ?lang=).
    const staleKo = await lead1
      .post(`/api/evaluations/${id}/resolve`)
      .set('Accept-Language', 'ko')
      .send({ ...body, version })
      .expect(409);
    expect(staleKo.body.message).toMatch(/다른 사람이 평가 \d+을\(를\) 변경했습니다/);
    expect((await evaluation(id)).status).toBe('disputed');
    await lead1
      .post(`/api/evaluations/${id}/resolve`)
      .send({ ...body, version: version + 1 })
      .expect(201);
    await (
      await as('admin')
    )
      .post(`/api/evaluations/${id}/resolve`)
      .send({ ...body, version: version + 2 })
      .expect(409);
    const history = (await lead1.get(`/api/evaluations/${id}/responses`)).body;
    expect(history.map((r: { kind: string }) => r.kind)).toEqual(['disputed', 'resolved']);
  });

  it('re-renders the page form with the error beside the field and what was typed', async () => {
    const { id } = await submitted({ greeting: 0 });
    const agent1 = await as('agent1');
    const res = await agent1
      .post(`/evaluations/${id}/dispute`)
      .set('Accept', 'text/html')
      .type('form')
      .send('criteria=greeting&reason=')
      .expect(400);
    expect(res.text).toContain('id="reason-error"');
    expect(res.text).toMatch(/value="greeting" checked/);
    const ok = await agent1
      .post(`/evaluations/${id}/dispute`)
      .set('Accept', 'text/html')
      .type('form')
      .send('criteria=greeting&reason=%EC%9D%B8%EC%82%AC%ED%96%88%EC%8A%B5%EB%8B%88%EB%8B%A4')
      .expect(303);
    expect(ok.headers.location).toBe(`/evaluations/${id}#responses`);
    const lead = await as('lead1');
    const page = await lead.get(`/evaluations/${id}`).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('id="resolve-form"');
    expect(page.text).toContain('인사했습니다');
    await lead
      .post(`/evaluations/${id}/resolve`)
      .set('Accept', 'text/html')
      .type('form')
      .send({ outcome: 'changed', reason: '인사 확인', value_greeting: '1' })
      .expect(303);
    expect((await evaluation(id)).status).toBe('resolved');
  });

  it('marks notifications read, one or all, and never someone else’s', async () => {
    const lead1 = await as('lead1');
    const page = await lead1.get('/notifications').set('Accept', 'text/html').expect(200);
    const ids = [...page.text.matchAll(/<li class="notification unread" data-id="(\d+)"/g)].map(
      (m) => Number(m[1]),
    );
    expect(ids.length).toBeGreaterThan(1);
    await (
      await as('lead2')
    )
      .post('/notifications/read')
      .set('Accept', 'text/html')
      .type('form')
      .send(`id=${ids[0]}`)
      .expect(404);
    await lead1.post('/notifications/read').type('form').send(`id=${ids[0]}`).expect(303);
    const after = await lead1.get('/notifications').set('Accept', 'text/html').expect(200);
    expect(after.text).toContain(`<li class="notification" data-id="${ids[0]}"`);
    expect(after.text).toContain(`<li class="notification unread" data-id="${ids[1]}"`);
    // Opening the page a notification leads to reads it.
    const link = new RegExp(
      `data-id="${ids[1]}">\\s*<span[^>]*>[^<]*</span>\\s*<a href="([^"]+)"`,
    ).exec(after.text)![1];
    await lead1.get(link).set('Accept', 'text/html').expect(200);
    const opened = await lead1.get('/notifications').set('Accept', 'text/html').expect(200);
    expect(opened.text).toContain(`<li class="notification" data-id="${ids[1]}"`);
    await lead1.post('/notifications/read').type('form').send('').expect(303);
    const all = await lead1.get('/notifications').set('Accept', 'text/html').expect(200);
    expect(all.text).not.toContain('class="notification unread"');
    expect(all.text).not.toContain('id="unread-count"');
  });
});
