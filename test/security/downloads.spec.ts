/**
 * Downloads whatever the agent's id (issue 13, row 5): a coaching plan PDF or a CSV export of an
 * agent whose external id is Korean and holds a quote answers 200 with a Content-Disposition
 * Node accepts and browsers read back: an ASCII `filename=` and the real name in `filename*`.
 */
import type { Agent as TestAgent } from 'supertest';
import type { Response } from 'supertest';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { bestAnswers } from '../support/answers';
import { testCall } from '../support/people';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(120_000);

const AGENT_ID = '상담"01';
/** `disposition; filename="ascii"; filename*=UTF-8''percent-encoded`, nothing else. */
const HEADER =
  /^(attachment|inline); filename="([\x20-\x21\x23-\x5b\x5d-\x7e]+)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/;

function disposition(res: Response): { type: string; fallback: string; name: string } {
  const header = String(res.headers['content-disposition']);
  const match = HEADER.exec(header);
  if (!match) throw new Error(`not a valid Content-Disposition: ${header}`);
  return { type: match[1], fallback: match[2], name: decodeURIComponent(match[3]) };
}

const binary = (req: ReturnType<TestAgent['get']>) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

describe('downloads of an agent with a Korean id holding a quote', () => {
  let t: TestApp;
  let admin: TestAgent;
  let planId: number;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    admin = await t.client(TEST_USERS.admin);
    const evaluator = await t.client(TEST_USERS.evaluator);
    const call = testCall('DL-1', { externalId: AGENT_ID, name: '김상담', team: 'Alpha' });
    const imported = await evaluator
      .post('/api/interactions/import')
      .attach('files', Buffer.from(JSON.stringify(call)), 'dl-1.json')
      .expect(200);
    const interactionId = imported.body.results[0].interactionId as number;
    const definition = (await t.app.get(ScorecardsService).current('voice-ko')).definition;
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
    planId = (
      await admin
        .post('/api/coaching/plans')
        .send({ agent: AGENT_ID, from: '2026-11-01', to: '2026-11-30', scorecard: 'voice-ko' })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  it('downloads the coaching plan PDF with its real name and an ASCII fallback', async () => {
    const res = await binary(admin.get(`/api/coaching/plans/${planId}/pdf`)).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect((res.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const { type, fallback, name } = disposition(res);
    expect(type).toBe('attachment');
    expect(name).toBe(`coaching-plan-${AGENT_ID}-2026-11-01-2026-11-30.pdf`);
    expect(fallback).toMatch(/^coaching-plan-.+-2026-11-01-2026-11-30\.pdf$/);
  });

  it('shows the same PDF inline from the plan page', async () => {
    const res = await binary(
      admin.get(`/coaching/${planId}/pdf`).set('Accept', 'text/html'),
    ).expect(200);
    const { type, name } = disposition(res);
    expect(type).toBe('inline');
    expect(name).toBe(`coaching-plan-${AGENT_ID}-2026-11-01-2026-11-30.pdf`);
  });

  it.each([
    `/analytics/agents/${encodeURIComponent(AGENT_ID)}.csv`,
    `/analytics/agents/${encodeURIComponent(AGENT_ID)}/calls.csv`,
    '/analytics.csv',
  ])('exports %s as CSV with a valid Content-Disposition', async (url) => {
    const res = await admin.get(`${url}?from=2026-11-01&to=2026-11-30`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const { type, name } = disposition(res);
    expect(type).toBe('attachment');
    expect(name).toMatch(/^analytics-.+\.csv$/);
  });
});
