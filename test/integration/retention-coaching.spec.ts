/**
 * Coaching plans after retention (issue 16): a plan quotes a call's turn; when retention deletes
 * that call's transcript, the stored plan keeps only the redacted form of the quote and its PDF is
 * rendered again from it. The call comes from a source stored verbatim (REDACTION_OFF_SOURCES),
 * the one way a plan can hold an identifier in the first place.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import type { Agent as TestAgent } from 'supertest';
import { RetentionScheduler } from '../../src/retention/retention.scheduler';
import { RetentionService } from '../../src/retention/retention.service';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { FILE_STORE, type FileStore } from '../../src/storage/file-store';
import { bestAnswers } from '../support/answers';
import { startTestApp, TEST_USERS, TestApp } from '../support/test-app';

const run = promisify(execFile);
jest.setTimeout(180_000);

const DAY = 86_400_000;
const PHONE = '010-2345-6789';
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);

describe('coaching plans after retention', () => {
  let t: TestApp;
  let lead: TestAgent;
  let planId: number;
  /** The PDF stored when the plan was shared (verbatim). */
  let sharedPdf: string;

  async function pdfText(client: TestAgent, id: number): Promise<string> {
    const pdf = await client
      .get(`/api/coaching/plans/${id}/pdf`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qa-plan-')), 'plan.pdf');
    fs.writeFileSync(file, pdf.body as Buffer);
    return (await run('pdftotext', ['-layout', file, '-'])).stdout;
  }

  beforeAll(async () => {
    t = await startTestApp({
      AUTOQA: 'off',
      RETENTION_TRANSCRIPT_DAYS: '30',
      REDACTION_OFF_SOURCES: 'raw-pbx',
    });
    await t.app.get(RetentionScheduler).settled();
    const evaluator = await t.client(TEST_USERS.evaluator);
    const call = {
      externalId: 'RC-OLD',
      source: 'raw-pbx',
      channel: 'voice',
      language: 'ko',
      agent: { externalId: 'P-RET', name: '최보라', team: 'Alpha' },
      startedAt: new Date(Date.now() - 40 * DAY).toISOString(),
      turns: [
        { speaker: 'agent', startMs: 0, endMs: 3000, text: '안녕하세요, 한빛통신입니다.' },
        { speaker: 'customer', startMs: 3200, endMs: 6000, text: `제 번호는 ${PHONE} 이에요` },
        { speaker: 'agent', startMs: 6200, endMs: 9000, text: '네, 바로 변경해 드릴게요.' },
      ],
    };
    const imported = await evaluator
      .post('/api/interactions/import')
      .attach('files', Buffer.from(JSON.stringify(call)), 'rc-old.json')
      .expect(200);
    const interactionId = imported.body.results[0].interactionId as number;
    const { definition } = await t.app.get(ScorecardsService).current('voice-ko');
    const draft = (
      await evaluator
        .post('/api/evaluations')
        .send({ interactionId, scorecardKey: 'voice-ko' })
        .expect(201)
    ).body;
    const answers = bestAnswers(definition).map((a) =>
      a.key === 'identity_verification' ? { ...a, value: 0, turnIndex: 1, timeMs: 3200 } : a,
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
    lead = await t.client('lead@test.local');
    const plan = (
      await lead
        .post('/api/coaching/plans')
        .send({ agent: 'P-RET', from: day(45), to: day(35), scorecard: 'voice-ko' })
        .expect(201)
    ).body;
    planId = plan.id;
    await lead
      .post(`/coaching/${planId}`)
      .type('form')
      .send({
        version: String(plan.version),
        followUpDate: day(-20),
        targetScore: '80',
        notes: '다음 주 1:1에서 본인 확인 절차 복습',
        addFocus: 'voice-ko:identity_verification',
      })
      .expect(303);
    await lead.post(`/coaching/${planId}/share`).type('form').send({}).expect(303);
  });
  afterAll(async () => {
    await t.close();
    for (const name of ['RETENTION_TRANSCRIPT_DAYS', 'REDACTION_OFF_SOURCES']) {
      delete process.env[name];
    }
  });

  it('before retention, the plan and its PDF quote the verbatim turn', async () => {
    const plan = (await lead.get(`/api/coaching/plans/${planId}`).expect(200)).body;
    expect(JSON.stringify(plan.content)).toContain(PHONE);
    expect(plan.pdfFile).toMatch(/^plan-\d+-v\d+\.pdf$/);
    sharedPdf = plan.pdfFile;
    expect(await pdfText(lead, planId)).toContain(PHONE);
  });

  it('after retention deletes the call, the plan keeps only the redacted quote, and so does its PDF', async () => {
    const result = await t.app.get(RetentionService).run(new Date(), null, 'manual');
    expect(result).toMatchObject({ calls: 1, coachingPlans: 1 });
    const plan = (await lead.get(`/api/coaching/plans/${planId}`).expect(200)).body;
    const content = JSON.stringify(plan.content);
    expect(content).not.toContain(PHONE);
    expect(content).toContain('제 번호는 [전화번호] 이에요');
    // The lead's own words stay as written.
    expect(content).toContain('다음 주 1:1에서 본인 확인 절차 복습');
    const text = await pdfText(lead, planId);
    expect(text).not.toContain(PHONE);
    expect(text).toContain('[전화번호]');
    // The PDF stored at sharing is gone from the file store; the plan moved to a new version.
    const files = t.app.get<FileStore>(FILE_STORE);
    expect(await files.get(`coaching/${sharedPdf}`)).toBeNull();
    expect(plan.version).toBeGreaterThan(Number(/-v(\d+)\.pdf$/.exec(sharedPdf)![1]));
    // A second run has nothing left to trim.
    const again = await t.app.get(RetentionService).run(new Date(), null, 'manual');
    expect(again).toMatchObject({ calls: 0, coachingPlans: 0 });
  });
});
