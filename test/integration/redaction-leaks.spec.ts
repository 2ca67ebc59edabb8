/**
 * Nothing verbatim slips out: a call full of fake identifiers is imported (auto-QA on), evaluated
 * with a comment on the turn that held them, and turned into a coaching plan; then every page,
 * API answer, CSV file and the plan's PDF (read back with pdftotext) is searched for them.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import type { Agent as TestAgent } from 'supertest';
import { AutoQaService } from '../../src/autoqa/autoqa.service';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { bestAnswers } from '../support/answers';
import { FAKE_IDENTIFIERS } from '../support/fake-identifiers';
import { fixture, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

const run = promisify(execFile);
jest.setTimeout(120_000);

describe('nothing verbatim slips out', () => {
  let t: TestApp;
  let evaluator: TestAgent;
  let lead: TestAgent;
  let interactionId: number;
  let evaluationId: number;
  let planId: number;

  beforeAll(async () => {
    t = await startTestApp();
    evaluator = await t.client(TEST_USERS.evaluator);
    const call = JSON.parse(fixture('privacy', 'call-with-identifiers.json').toString('utf8'));
    call.agent = { externalId: 'P-PII', name: '김민지', team: 'Alpha' };
    const imported = await evaluator
      .post('/api/interactions/import')
      .attach('files', Buffer.from(JSON.stringify(call)), 'pii.json')
      .expect(200);
    interactionId = imported.body.results[0].interactionId;
    await t.app.get(AutoQaService).drain();
    const definition = (await t.app.get(ScorecardsService).current('voice-ko')).definition;
    const draft = (
      await evaluator
        .post('/api/evaluations')
        .send({ interactionId, scorecardKey: 'voice-ko' })
        .expect(201)
    ).body;
    evaluationId = draft.id;
    const answers = bestAnswers(definition).map((a) =>
      a.key === 'greeting' || a.key === 'identity_verification'
        ? { ...a, value: 0, turnIndex: 11, timeMs: 35200, comment: '확인 절차 누락' }
        : a,
    );
    await evaluator
      .post(`/api/evaluations/${draft.id}/submit`)
      .send({ version: draft.version, answers })
      .expect(201);
    await t.createUser({
      email: 'lead@test.local',
      name: '팀장',
      role: 'team_lead',
      teams: ['Alpha'],
    });
    await t.createUser({
      email: 'pii-agent@test.local',
      name: '김민지',
      role: 'agent',
      agentExternalId: 'P-PII',
    });
    lead = await t.client('lead@test.local');
    const plan = (
      await lead
        .post('/api/coaching/plans')
        .send({ agent: 'P-PII', from: '2026-11-01', to: '2026-11-30', scorecard: 'voice-ko' })
        .expect(201)
    ).body;
    planId = plan.id;
    // One evaluation is too few for a focus of its own: the lead adds the missed criterion.
    await lead
      .post(`/coaching/${planId}`)
      .type('form')
      .send({
        version: String(plan.version),
        followUpDate: '2026-12-28',
        targetScore: '80',
        addFocus: 'voice-ko:identity_verification',
      })
      .expect(303);
    const edited = (await lead.get(`/api/coaching/plans/${planId}`).expect(200)).body;
    // The plan quotes the agent's missed moment: the turn that held the card and address.
    expect(JSON.stringify(edited.content)).toContain('[카드번호]');
    await lead.post(`/coaching/${planId}/share`).type('form').send({}).expect(303);
  });
  afterAll(() => t.close());

  function expectClean(where: string, body: string): void {
    for (const value of FAKE_IDENTIFIERS) {
      if (body.includes(value)) throw new Error(`${where} shows "${value}"`);
    }
  }

  it('API answers', async () => {
    for (const url of [
      `/api/interactions/${interactionId}`,
      '/api/interactions?pageSize=100',
      `/api/evaluations?interactionId=${interactionId}`,
      `/api/evaluations/${evaluationId}`,
      `/api/coaching/plans/${planId}`,
    ]) {
      const res = await lead.get(url).expect(200);
      expectClean(url, res.text);
    }
    const auto = (await evaluator.get(`/api/evaluations?interactionId=${interactionId}`)).body as {
      id: number;
      kind: string;
    }[];
    const autoId = auto.find((e) => e.kind === 'auto')!.id;
    const res = await evaluator.get(`/api/evaluations/${autoId}`).expect(200);
    // Auto-QA quoted turns as evidence: the redacted ones.
    expect(res.text).toContain('생년월일');
    expectClean('auto evaluation', res.text);
  });

  it('pages, as the evaluator, the team lead and the agent', async () => {
    const agent = await t.client('pii-agent@test.local');
    const pages: [TestAgent, string][] = [
      [evaluator, `/interactions/${interactionId}`],
      [evaluator, '/interactions'],
      [evaluator, `/evaluations/${evaluationId}/edit`],
      [lead, `/interactions/${interactionId}`],
      [lead, `/coaching/${planId}`],
      [lead, `/coaching/${planId}/edit`],
      [agent, `/coaching/${planId}`],
    ];
    for (const [who, url] of pages) {
      const res = await who.get(url).set('Accept', 'text/html');
      expect([200, 303]).toContain(res.status);
      expectClean(url, res.text);
    }
    const replay = await evaluator.get(`/interactions/${interactionId}`).set('Accept', 'text/html');
    // The replay marks each mask with what it stands for.
    expect(replay.text).toContain(
      '<mark class="redacted" title="주민등록번호 (가림)">[주민번호]</mark>',
    );
  });

  it('CSV exports', async () => {
    for (const url of [
      '/analytics.csv?from=2026-11-01&to=2026-11-30',
      '/analytics/agents/P-PII.csv?from=2026-11-01&to=2026-11-30',
      '/analytics/agents/P-PII/calls.csv?from=2026-11-01&to=2026-11-30',
    ]) {
      const res = await lead.get(url).expect(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expectClean(url, res.text);
    }
  });

  it('the coaching PDF', async () => {
    const agent = await t.client('pii-agent@test.local');
    const pdf = await agent
      .get(`/api/coaching/plans/${planId}/pdf`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qa-pii-')), 'plan.pdf');
    fs.writeFileSync(file, pdf.body as Buffer);
    const text = (await run('pdftotext', ['-layout', file, '-'])).stdout;
    expect(text).toContain('김민지');
    expect(text).toContain('[카드번호]');
    expectClean('coaching PDF', text);
  });
});
