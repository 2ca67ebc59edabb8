/**
 * Source fields at import, end to end: the standard names and a mapping file (API form field,
 * import page, `npm run cli -- import --mapping`) land in the call's metadata under the KPI keys
 * and the KPI page reads them; a bad mapping is refused naming the key and why.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import type { Agent as TestAgent } from 'supertest';
import {
  FIXTURES,
  REPO_ROOT,
  startTestApp,
  TEST_USERS,
  TestApp,
  wipePostgres,
} from '../support/test-app';
import { signedInAgent } from '../support/auth';

jest.setTimeout(180_000);

const nativeCall = (id: string, metadata: Record<string, unknown>) =>
  JSON.stringify({
    externalId: id,
    source: 'mapping-test',
    channel: 'voice',
    language: 'ko',
    agent: { externalId: 'M-1', name: '이매핑', team: 'Mapping' },
    startedAt: '2026-10-06T01:00:00Z',
    metadata,
    turns: [
      { speaker: 'agent', startMs: 0, endMs: 2000, text: '안녕하세요, 상담사입니다.' },
      { speaker: 'customer', startMs: 2500, endMs: 60_000, text: '문의입니다.' },
    ],
  });

const MAPPING = `fields:
  csat: metadata.survey.rating
  customerId: JobName
  holdMs: { path: metadata.holdMinutes, unit: min }
`;

describe('source fields mapped to KPI metadata at import', () => {
  let t: TestApp;
  let evaluator: TestAgent;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    evaluator = await t.client();
  });
  afterAll(() => t?.close());

  const metadataOf = async (id: number) =>
    (await evaluator.get(`/api/interactions/${id}`).expect(200)).body.metadata;

  it('maps Connect, CSV-style and mapping-file fields; the KPI page reads them', async () => {
    const res = await evaluator
      .post('/api/interactions/import')
      .field('mapping', MAPPING)
      .attach(
        'files',
        Buffer.from(
          nativeCall('map-1', {
            survey: { rating: '2' },
            holdMinutes: 0.5,
            Agent: { AfterContactWorkDuration: 30 },
            'First Contact Resolution': 'Yes',
          }),
        ),
        'map-1.json',
      )
      .attach(
        'files',
        Buffer.from(
          nativeCall('map-2', { 'CSAT Score': '4', 'AHT (sec)': 120, 'Hold Time': '00:15' }),
        ),
        'map-2.json',
      )
      .attach(
        'files',
        fs.readFileSync(path.join(FIXTURES, 'formats', 'call-analytics-en.json')),
        'ca.json',
      )
      .expect(200);
    const [one, two, ca] = res.body.results as { status: string; interactionId: number }[];
    expect([one.status, two.status, ca.status]).toEqual(['imported', 'imported', 'imported']);
    expect(await metadataOf(one.interactionId)).toMatchObject({
      csat: 2,
      holdMs: 30_000,
      acwMs: 30_000,
      fcr: true,
      mappedFrom: {
        csat: 'metadata.survey.rating',
        holdMs: 'metadata.holdMinutes',
        acwMs: 'Agent.AfterContactWorkDuration',
        fcr: 'First Contact Resolution',
      },
    });
    expect(await metadataOf(two.interactionId)).toMatchObject({
      csat: 4,
      ahtMs: 120_000,
      holdMs: 15_000,
    });
    // The Call Analytics file: the standard names, and JobName from the file itself by the mapping.
    expect(await metadataOf(ca.interactionId)).toMatchObject({
      talkMs: 21700,
      interruptions: 0,
      customerSentiment: 0.8,
      categories: ['positive-resolution'],
      customerId: 'ca-2026-11-02-0091',
    });
    // On PostgreSQL the outcome roll-up is refreshed by jobs after the import: wait for them.
    await t.jobsSettled();
    const kpis = (
      await evaluator.get('/api/analytics/kpis?from=2026-10-05&to=2026-10-11&agent=M-1').expect(200)
    ).body;
    const row = kpis.rows[0];
    expect(row.calls).toBe(2);
    expect(row.csat).toMatchObject({ mean: 3, n: 2 });
    expect(row.fcr).toMatchObject({ n: 1, successes: 1 });
    // AHT: map-1 60 s talk + 30 s after-call work; map-2 120 s as the source gave it.
    expect(row.ahtSeconds.mean).toBeCloseTo(105, 9);
    // Hold: (30 + 15) s of 120 s of calls.
    expect(row.holdShare).toBeCloseTo(45 / 120, 9);
  });

  it('fails one file whose mapped value is of the wrong kind, naming the key', async () => {
    const res = await evaluator
      .post('/api/interactions/import')
      .field('mapping', 'fields:\n  csat: metadata.survey\n')
      .attach('files', Buffer.from(nativeCall('map-3', { survey: { rating: 1 } })), 'map-3.json')
      .attach('files', Buffer.from(nativeCall('map-4', {})), 'map-4.json')
      .expect(200);
    expect(res.body.results[0]).toMatchObject({
      status: 'failed',
      field: 'fields.csat',
      reason: expect.stringContaining('metadata.survey: {"rating":1} is not a number'),
    });
    expect(res.body.results[1].status).toBe('imported');
  });

  it('refuses a bad mapping with a 400 naming the key, the line and why (API and page)', async () => {
    const api = await evaluator
      .post('/api/interactions/import')
      .field('mapping', 'fields:\n  csat: a\n  satisfaction: b\n')
      .attach('files', Buffer.from(nativeCall('map-5', {})), 'map-5.json')
      .expect(400);
    expect(api.body.field).toBe('mapping');
    expect(JSON.stringify(api.body)).toContain('fields.satisfaction (line 3): unknown field');
    const browser = await signedInAgent(t.app.getHttpServer(), TEST_USERS.evaluator);
    const form = await browser.get('/imports?lang=en').expect(200);
    expect(form.text).toContain('id="import-mapping"');
    const page = await browser
      .post('/imports')
      .set('Accept', 'text/html')
      .set('X-CSRF-Token', /name="_csrf" value="([^"]+)"/.exec(form.text)![1])
      .field('mapping', 'fields:\n  holdMs: { path: a, unit: hours }\n')
      .attach('files', Buffer.from(nativeCall('map-6', {})), 'map-6.json')
      .expect(400);
    expect(page.text).toContain('unit must be ms, s or min');
    // Nothing was imported by either.
    const list = (await evaluator.get('/api/interactions?q=map-').expect(200)).body;
    expect(list.items.map((i: { externalId: string }) => i.externalId)).not.toContain('map-5');
    expect(list.items.map((i: { externalId: string }) => i.externalId)).not.toContain('map-6');
  });
});

describe('npm run cli -- import --mapping', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-cli-mapping-'));
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error' };
  const cli = (...args: string[]) =>
    promisify(execFile)('node', ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', ...args], {
      cwd: REPO_ROOT,
      env,
    }).catch((e: { stdout: string; stderr: string; code: number }) => e);

  beforeAll(async () => {
    if (process.env.DATABASE_URL) await wipePostgres(process.env.DATABASE_URL);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('imports with a mapping file, and stops on a bad one naming file, line and key', async () => {
    const call = path.join(dataDir, 'call.json');
    fs.writeFileSync(call, nativeCall('cli-1', { survey: { rating: 5 } }));
    const good = path.join(dataDir, 'mapping.yaml');
    fs.writeFileSync(good, 'fields:\n  csat: metadata.survey.rating\n');
    const ok = await cli('import', call, '--mapping', good, '--json');
    expect(JSON.parse((ok as { stdout: string }).stdout)[0].status).toBe('imported');
    const bad = path.join(dataDir, 'bad.yaml');
    fs.writeFileSync(bad, '# ours\nfields:\n  csatt: survey.rating\n');
    const refused = (await cli('import', call, '--mapping', bad)) as {
      stderr: string;
      code?: number;
    };
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad}:3: fields.csatt: unknown field`);
  });
});
