/**
 * Two teams with one agent each, a call per agent, a submitted evaluation of each call by the
 * evaluator, and users for every role: what permission tests need to tell "mine" from "theirs".
 */
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { bestAnswers } from './answers';
import { TEST_USERS, type TestApp } from './test-app';

export interface TwoTeams {
  users: {
    admin: string;
    evaluator: string;
    lead1: string;
    lead2: string;
    agent1: string;
    agent2: string;
  };
  /** Interaction and submitted evaluation of the agent of team 1 and of team 2. */
  call1: number;
  call2: number;
  evaluation1: number;
  evaluation2: number;
}

export function testCall(
  externalId: string,
  agent: { externalId: string; name: string; team: string },
  text: { agent?: string; customer?: string; notes?: string } = {},
) {
  return {
    externalId,
    source: 'test',
    channel: 'voice',
    language: 'ko',
    agent,
    startedAt: '2026-11-02T09:15:00+09:00',
    notes: text.notes ?? '요금 문의 안내 완료',
    turns: [
      {
        speaker: 'agent',
        startMs: 0,
        endMs: 3000,
        text: text.agent ?? '안녕하세요, 상담사 입니다.',
      },
      {
        speaker: 'customer',
        startMs: 3200,
        endMs: 6000,
        text: text.customer ?? '요금이 이상해요.',
      },
      { speaker: 'agent', startMs: 6200, endMs: 9000, text: '확인해 드리겠습니다. 감사합니다.' },
    ],
  };
}

export async function seedTwoTeams(t: TestApp): Promise<TwoTeams> {
  const evaluator = await t.client(TEST_USERS.evaluator);
  const ids: number[] = [];
  for (const [n, team] of [
    [1, 'Alpha'],
    [2, 'Beta'],
  ] as const) {
    const call = testCall(`PERM-${n}`, { externalId: `P-00${n}`, name: `Agent ${n}`, team });
    const res = await evaluator
      .post('/api/interactions/import')
      .attach('files', Buffer.from(JSON.stringify(call)), `perm-${n}.json`)
      .expect(200);
    ids.push(res.body.results[0].interactionId);
  }
  await t.createUser({
    email: 'lead1@test.local',
    name: 'Lead One',
    role: 'team_lead',
    teams: ['Alpha'],
  });
  await t.createUser({
    email: 'lead2@test.local',
    name: 'Lead Two',
    role: 'team_lead',
    teams: ['Beta'],
  });
  await t.createUser({
    email: 'agent1@test.local',
    name: 'Agent One',
    role: 'agent',
    agentExternalId: 'P-001',
  });
  await t.createUser({
    email: 'agent2@test.local',
    name: 'Agent Two',
    role: 'agent',
    agentExternalId: 'P-002',
  });
  const definition = (await t.app.get(ScorecardsService).current('voice-ko')).definition;
  const evaluations: number[] = [];
  for (const interactionId of ids) {
    const draft = (
      await evaluator
        .post('/api/evaluations')
        .send({ interactionId, scorecardKey: 'voice-ko' })
        .expect(201)
    ).body;
    await evaluator
      .post(`/api/evaluations/${draft.id}/submit`)
      .send({ version: draft.version, answers: bestAnswers(definition) })
      .expect(201);
    evaluations.push(draft.id);
  }
  return {
    users: {
      admin: TEST_USERS.admin,
      evaluator: TEST_USERS.evaluator,
      lead1: 'lead1@test.local',
      lead2: 'lead2@test.local',
      agent1: 'agent1@test.local',
      agent2: 'agent2@test.local',
    },
    call1: ids[0],
    call2: ids[1],
    evaluation1: evaluations[0],
    evaluation2: evaluations[1],
  };
}

/** The days of the coaching fixture's calls (three ISO weeks of October 2026). */
export const COACHING_DAYS = [
  '2026-10-05',
  '2026-10-07',
  '2026-10-13',
  '2026-10-15',
  '2026-10-20',
  '2026-10-22',
];

/**
 * Team Alpha for coaching: P-001 (김하늘) misses the greeting on 6 calls over 3 weeks (the
 * evaluator pinned the agent's first turn), P-003 (이바다) greets well; the team lead
 * lead@test.local and agent users p1@ / p3@test.local.
 */
export async function seedCoachingTeam(t: TestApp): Promise<void> {
  const definition = (await t.app.get(ScorecardsService).current('voice-ko')).definition;
  const evaluator = await t.client(TEST_USERS.evaluator);
  for (const [agent, name, greets] of [
    ['P-001', '김하늘', false],
    ['P-003', '이바다', true],
  ] as const) {
    for (const [i, day] of COACHING_DAYS.entries()) {
      const call = {
        ...testCall(
          `${agent}-${i}`,
          { externalId: agent, name, team: 'Alpha' },
          {
            agent: greets ? '안녕하세요, 한빛통신 이바다입니다. 무엇을 도와드릴까요?' : '네.',
          },
        ),
        startedAt: `${day}T10:00:00+09:00`,
      };
      const imported = await evaluator
        .post('/api/interactions/import')
        .attach('files', Buffer.from(JSON.stringify(call)), `${agent}-${i}.json`)
        .expect(200);
      const interactionId = imported.body.results[0].interactionId;
      const draft = (
        await evaluator
          .post('/api/evaluations')
          .send({ interactionId, scorecardKey: 'voice-ko' })
          .expect(201)
      ).body;
      const answers = bestAnswers(definition).map((a) =>
        a.key === 'greeting'
          ? {
              ...a,
              value: greets ? 1 : 0,
              turnIndex: 0,
              timeMs: 0,
              comment: greets ? '모범' : '인사 누락',
            }
          : a,
      );
      await evaluator
        .post(`/api/evaluations/${draft.id}/submit`)
        .send({ version: draft.version, answers })
        .expect(201);
    }
  }
  // On PostgreSQL the roll-up is refreshed by a job after each submit; plans read the roll-up.
  await t.jobsSettled();
  await t.createUser({
    email: 'lead@test.local',
    name: '팀장',
    role: 'team_lead',
    teams: ['Alpha'],
  });
  await t.createUser({
    email: 'p1@test.local',
    name: '김하늘',
    role: 'agent',
    agentExternalId: 'P-001',
  });
  await t.createUser({
    email: 'p3@test.local',
    name: '이바다',
    role: 'agent',
    agentExternalId: 'P-003',
  });
}
