/**
 * Coaching plans from generation to the agent reading the PDF: the focus is the agent's real
 * weakness, with the scorecard's guidance and phrases, their own missed moments and a peer's
 * good one; edits are locked by version; the PDF is A4, Korean, page-numbered; feedback sessions;
 * the next plan reports progress against the previous one's goals; the CLI writes the same PDFs.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import type { Agent as TestAgent } from 'supertest';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import type { ScorecardDefinition } from '../../src/scorecards/scorecard-definition';
import { seedCoachingTeam } from '../support/people';
import { REPO_ROOT, startTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);
jest.setTimeout(120_000);

describe('coaching plans', () => {
  let t: TestApp;
  let lead: TestAgent;
  let definition: ScorecardDefinition;
  let planId: number;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    definition = (await t.app.get(ScorecardsService).current('voice-ko')).definition;
    await seedCoachingTeam(t);
    lead = await t.client('lead@test.local');
  });
  afterAll(() => t.close());

  it("focuses the plan on the agent's weakest criterion, with guidance, phrases and real moments", async () => {
    const plan = (
      await lead
        .post('/api/coaching/plans')
        .send({ agent: 'P-001', from: '2026-10-01', to: '2026-10-31', scorecard: 'voice-ko' })
        .expect(201)
    ).body;
    planId = plan.id;
    expect(plan.status).toBe('draft');
    const [focus] = plan.content.focus;
    const greeting = definition.sections
      .flatMap((s) => s.criteria)
      .find((c) => c.key === 'greeting')!;
    expect(focus.key).toBe('greeting');
    expect(focus.agentRate).toBe(0);
    expect(focus.teamRate).toBeGreaterThan(0);
    expect(focus.guidance).toBe(greeting.guidance);
    expect(focus.phrases).toEqual(greeting.coaching?.phrases ?? []);
    expect(focus.excerpts.length).toBeGreaterThan(0);
    expect(focus.excerpts[0]).toMatchObject({ text: '네.', timeMs: 0, speaker: 'agent' });
    expect(focus.exemplar).toMatchObject({ agentName: '이바다' });
    expect(focus.exemplar.text).toContain('한빛통신');
    expect(plan.content.summary.evaluations).toBe(6);
    expect(plan.content.summary.weeks.length).toBeGreaterThanOrEqual(3);
    expect(plan.content.actions.join(' ')).toContain(greeting.label);
  });

  it('keeps a draft from the agent, and lets the team lead edit it with a version lock', async () => {
    const agent = await t.client('p1@test.local');
    await agent.get(`/api/coaching/plans/${planId}`).expect(404);
    await agent
      .post('/api/coaching/plans')
      .send({ agent: 'P-001', from: '2026-10-01', to: '2026-10-31' })
      .expect(403);
    const page = await lead.get(`/coaching/${planId}/edit`).set('Accept', 'text/html').expect(200);
    // A Bearer token needs no CSRF token.
    const saved = await lead
      .post(`/coaching/${planId}`)
      .type('form')
      .send({
        version: '1',
        keep_greeting: 'on',
        target_greeting: '80',
        targetScore: '90',
        followUpDate: '2026-11-30',
        actions: '첫인사 스크립트 매일 3회 연습\n모범 통화 함께 듣기',
        notes: '',
        goalNote: '',
      })
      .expect(303);
    expect(saved.headers.location).toBe(`/coaching/${planId}/edit?saved=1`);
    expect(page.text).toContain('plan-form');
    const stale = await lead
      .post(`/coaching/${planId}`)
      .type('form')
      .set('Accept', 'text/html')
      .send({
        version: '1',
        keep_greeting: 'on',
        target_greeting: '70',
        followUpDate: '2026-11-30',
      })
      .expect(409);
    // The conflict in the page's language (Korean here).
    expect(stale.text).toMatch(/다른 사람이 코칭 계획 \d+을\(를\) 변경했습니다/);
    expect(stale.text).not.toContain('changed by someone else');
    const plan = (await lead.get(`/api/coaching/plans/${planId}`).expect(200)).body;
    expect(plan.content.focus[0].targetRate).toBe(0.8);
    expect(plan.content.goals.targetScore).toBe(90);
    expect(plan.content.actions).toEqual(['첫인사 스크립트 매일 3회 연습', '모범 통화 함께 듣기']);
  });

  it('shares it: an A4 PDF with the Korean font embedded, the agent notified and able to read it', async () => {
    await lead.post(`/coaching/${planId}/share`).type('form').send({}).expect(303);
    const agent = await t.client('p1@test.local');
    const plan = (await agent.get(`/api/coaching/plans/${planId}`).expect(200)).body;
    expect(plan.status).toBe('shared');
    const pdf = await agent
      .get(`/api/coaching/plans/${planId}/pdf`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qa-plan-')), 'plan.pdf');
    fs.writeFileSync(file, pdf.body as Buffer);
    const text = (await run('pdftotext', ['-layout', file, '-'])).stdout;
    expect(text).toContain('김하늘');
    expect(text).toContain('첫인사');
    expect(text).toContain('첫인사 스크립트 매일 3회 연습');
    expect(text).toMatch(/1\s*\/\s*\d/);
    const fonts = (await run('pdffonts', [file])).stdout;
    expect(fonts).toMatch(/Nanum\S*\s+\S+.*\byes\b/);
    const info = (await run('pdfinfo', [file])).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+/);
    const notices = await t.dataSource.query(`SELECT "kind", "link" FROM "notifications"`);
    expect(notices).toEqual(
      expect.arrayContaining([{ kind: 'coaching_plan_shared', link: `/coaching/${planId}` }]),
    );
    // Another agent does not see it.
    await (await t.client('p3@test.local')).get(`/api/coaching/plans/${planId}`).expect(404);
  });

  it('runs a feedback session: notes per focus, commitments, both acknowledge', async () => {
    await lead
      .post(`/coaching/${planId}/sessions`)
      .type('form')
      .send({ scheduledAt: '2026-11-03T10:00' })
      .expect(303);
    const [session] = await t.dataSource.query(
      `SELECT "id" FROM "feedback_sessions" WHERE "planId" = ${planId}`,
    );
    const agent = await t.client('p1@test.local');
    await agent
      .post(`/coaching/sessions/${session.id}/acknowledge`)
      .type('form')
      .send({})
      .expect(400);
    await lead
      .post(`/coaching/sessions/${session.id}`)
      .type('form')
      .send({
        note_greeting: '인사 스크립트 다시 확인',
        commitments: '매 통화 첫 문장 점검',
        followUpDate: '2026-11-30',
      })
      .expect(303);
    await agent
      .post(`/coaching/sessions/${session.id}/acknowledge`)
      .type('form')
      .send({})
      .expect(303);
    const page = await agent.get(`/coaching/${planId}`).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('매 통화 첫 문장 점검');
    expect(page.text).toContain('인사 스크립트 다시 확인');
    const [row] = await t.dataSource.query(
      `SELECT "status", "leadAcknowledgedAt", "agentAcknowledgedAt" FROM "feedback_sessions" WHERE "id" = ${session.id}`,
    );
    expect(row.status).toBe('held');
    expect(row.leadAcknowledgedAt).toBeTruthy();
    expect(row.agentAcknowledgedAt).toBeTruthy();
  });

  it("measures the next period's plan against the previous plan's goals, not a redraft of the same period", async () => {
    const redraft = (
      await lead
        .post('/api/coaching/plans')
        .send({ agent: 'P-001', from: '2026-10-01', to: '2026-10-31', scorecard: 'voice-ko' })
        .expect(201)
    ).body;
    // The same period drafted again is not "the last plan": no progress table against itself.
    expect(redraft.previousPlanId).toBeNull();
    expect(redraft.content.previous).toBeNull();
    const next = (
      await lead
        .post('/api/coaching/plans')
        .send({ agent: 'P-001', from: '2026-10-12', to: '2026-11-10', scorecard: 'voice-ko' })
        .expect(201)
    ).body;
    expect(next.previousPlanId).toBe(redraft.id);
    expect(next.content.previous.period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(next.content.previous.goals).toEqual([
      expect.objectContaining({ key: 'greeting', before: 0, actual: 0, met: false }),
    ]);
  });

  it('lets the lead add any criterion and remove one with its actions; a refused save says why in Korean and keeps the typing', async () => {
    const plan = (
      await lead
        .post('/api/coaching/plans')
        .send({ agent: 'P-001', from: '2026-10-01', to: '2026-10-31', scorecard: 'voice-ko' })
        .expect(201)
    ).body;
    const greetingActions: string[] = plan.content.focus[0].actions;
    expect(greetingActions.length).toBeGreaterThan(0);
    const typed = {
      version: String(plan.version),
      targetScore: '88',
      followUpDate: '2026-12-01',
      goalNote: '다음 달까지 첫인사 완성',
      notes: '면담 때 녹취 같이 듣기',
      actions: [...plan.content.actions, '매일 아침 스크립트 낭독'].join('\n'),
    };
    // Nothing kept, nothing added: refused in the page's language, every typed field still there.
    const refused = await lead
      .post(`/coaching/${plan.id}`)
      .type('form')
      .set('Accept', 'text/html')
      .send(typed)
      .expect(400);
    expect(refused.text).toContain('집중 개선 항목을 하나 이상');
    expect(refused.text).not.toContain('keep at least one focus criterion');
    for (const value of ['88', '2026-12-01', '다음 달까지 첫인사 완성', '면담 때 녹취 같이 듣기'])
      expect(refused.text).toContain(value);
    expect(refused.text).toContain('매일 아침 스크립트 낭독');
    expect(refused.text).not.toMatch(/name="keep_greeting" checked/);
    // Swap the greeting for the summary: the greeting's suggested actions go, the lead's stay.
    await lead
      .post(`/coaching/${plan.id}`)
      .type('form')
      .send({ ...typed, addFocus: 'voice-ko:summary' })
      .expect(303);
    const saved = (await lead.get(`/api/coaching/plans/${plan.id}`).expect(200)).body;
    expect(saved.content.focus.map((f: { key: string }) => f.key)).toEqual(['summary']);
    expect(saved.content.focus[0].reason).toBe('lead');
    for (const action of greetingActions) expect(saved.content.actions).not.toContain(action);
    expect(saved.content.actions).toContain('매일 아침 스크립트 낭독');
    expect(saved.content.actions.join(' ')).toContain(saved.content.focus[0].label);
    expect(saved.content.goals).toEqual({ targetScore: 88, note: '다음 달까지 첫인사 완성' });
  });

  it('refuses bad input naming the field, and another team’s agent', async () => {
    const bad = await lead
      .post('/api/coaching/plans')
      .send({ agent: 'P-001', from: '2026-10-31', to: '2026-10-01' })
      .expect(400);
    expect(bad.body.field).toBe('from');
    await t.createUser({
      email: 'lead2@test.local',
      name: '다른 팀장',
      role: 'team_lead',
      teams: [],
    });
    const other = await t.client('lead2@test.local');
    const refused = await other
      .post('/api/coaching/plans')
      .set('Accept-Language', 'en')
      .send({ agent: 'P-001', from: '2026-10-01', to: '2026-10-31' })
      .expect(400);
    expect(refused.body.field).toBe('agent');
    expect(refused.body.message).toBe('agent: no agent P-001 that you coach');
    const inKorean = await other
      .post('/api/coaching/plans')
      .set('Accept-Language', 'ko')
      .send({ agent: 'P-001', from: '2026-10-01', to: '2026-10-31' })
      .expect(400);
    expect(inKorean.body.message).toBe('agent: 코칭할 수 있는 상담사 중에 P-001이(가) 없습니다');
    await other.get(`/api/coaching/plans/${planId}`).expect(404);
  });

  it('writes one PDF per agent of a team from the command line', async () => {
    // The CLI opens the test app's database: the SQLite file in DATA_DIR, or DATABASE_URL.
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-plans-'));
    const result = await run(
      'node',
      [
        '-r',
        'ts-node/register/transpile-only',
        'src/cli.ts',
        'coaching-plan',
        '--team',
        'Alpha',
        '--from',
        '2026-10-01',
        '--to',
        '2026-10-31',
        '--out-dir',
        out,
      ],
      { cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: t.dataDir, LOG_LEVEL: 'error' } },
    );
    expect(result.stdout).toContain('Wrote');
    const files = fs.readdirSync(out).sort();
    expect(files).toEqual([
      'plan-P-001-2026-10-01-2026-10-31.pdf',
      'plan-P-003-2026-10-01-2026-10-31.pdf',
    ]);
    const text = (await run('pdftotext', [path.join(out, files[0]), '-'])).stdout;
    expect(text).toContain('김하늘');
  });
});
