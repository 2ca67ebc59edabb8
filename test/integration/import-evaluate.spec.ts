import type { Agent as TestAgent } from 'supertest';
import { bestAnswers } from '../support/answers';
import { fixture, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

describe('import → evaluate → submit → score, over HTTP', () => {
  let t: TestApp;
  let http: TestAgent;

  beforeAll(async () => {
    t = await startTestApp();
    http = await t.client();
  });
  afterAll(() => t.close());

  const importFiles = (files: [string, Buffer][], fields: Record<string, string> = {}) => {
    let req = http.post('/api/interactions/import');
    for (const [name, bytes] of files) req = req.attach('files', bytes, name);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req;
  };
  const count = async (table: string) =>
    Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  let koCallId: number;

  it('imports native JSON and WebVTT files in one request, matching or creating agents', async () => {
    const res = await importFiles(
      [
        ['call-ko.json', fixture('transcripts', 'call-ko.json')],
        ['call-en.vtt', fixture('transcripts', 'call-en.vtt')],
      ],
      { agent: 'A-900' },
    ).expect(200);
    expect(res.body).toMatchObject({ imported: 2, skipped: 0, failed: 0 });
    const [ko, en] = res.body.results;
    koCallId = ko.interactionId;
    expect(ko).toMatchObject({ status: 'imported', externalId: 'HB-20261102-0042' });
    // WebVTT carries no call id: the file name is the id; the agent comes from the option.
    expect(en).toMatchObject({ status: 'imported', externalId: 'call-en' });

    const call = (await http.get(`/api/interactions/${ko.interactionId}`).expect(200)).body;
    expect(call).toMatchObject({
      source: 'hanbit-pbx',
      channel: 'voice',
      language: 'ko',
      queue: 'billing',
      agent: { externalId: 'A-017', name: '김민지', team: { name: '요금상담 1팀' } },
      metadata: { csat: 5, fcr: true },
    });
    expect(call.notes).toContain('해외 데이터');
    expect(call.turns.length).toBe(call.turnCount);
    expect(call.turns[0]).toMatchObject({ seq: 0, speaker: 'system', startMs: 0 });

    const vtt = (await http.get(`/api/interactions/${en.interactionId}`).expect(200)).body;
    expect(vtt).toMatchObject({ language: 'en', source: 'import', agent: { externalId: 'A-900' } });
    expect(vtt.turns[0]).toMatchObject({ speaker: 'agent', startMs: 400, endMs: 5900 });
  });

  it('importing the same interaction again changes nothing and says so', async () => {
    const turnsBefore = await count('turns');
    const res = await importFiles([
      ['call-ko.json', fixture('transcripts', 'call-ko.json')],
    ]).expect(200);
    expect(res.body).toMatchObject({ imported: 0, skipped: 1 });
    expect(res.body.results[0].reason).toMatch(/already imported as interaction \d+/);
    expect(await count('turns')).toBe(turnsBefore);
  });

  it('takes the call id and agent of a WebVTT file from its sidecar, else marks it unassigned', async () => {
    const sidecar = Buffer.from(
      JSON.stringify({ externalId: 'SIDE-1', agent: { externalId: 'A-901', name: 'Side Car' } }),
    );
    const res = await importFiles([
      ['side.vtt', fixture('transcripts', 'call-ko.vtt')],
      ['side.vtt.meta.json', sidecar],
      ['lonely.vtt', fixture('transcripts', 'call-en.vtt')],
    ]).expect(200);
    expect(res.body.results).toHaveLength(2);
    const [side, lonely] = res.body.results;
    expect(side).toMatchObject({ status: 'imported', externalId: 'SIDE-1' });
    const sideCall = (await http.get(`/api/interactions/${side.interactionId}`)).body;
    expect(sideCall.agent).toMatchObject({ externalId: 'A-901', name: 'Side Car' });
    expect(sideCall.language).toBe('ko');
    const lonelyCall = (await http.get(`/api/interactions/${lonely.interactionId}`)).body;
    expect(lonelyCall).toMatchObject({ externalId: 'lonely', agent: null, agentId: null });
  });

  it('fails each bad file with file, line/field and reason, stores nothing of it, imports the rest', async () => {
    const [interactions, turns] = [await count('interactions'), await count('turns')];
    const invalidUtf8 = Buffer.concat([
      Buffer.from(
        'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Agent>hello\n\n00:00:01.000 --> 00:00:02.000\n<v Customer>',
      ),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('\n'),
    ]);
    const res = await importFiles([
      ['bad-unknown-speaker.vtt', fixture('transcripts', 'bad-unknown-speaker.vtt')],
      ['bad-missing-timestamp.json', fixture('transcripts', 'bad-missing-timestamp.json')],
      ['bad-overlapping-garbage.json', fixture('transcripts', 'bad-overlapping-garbage.json')],
      ['bad-empty.json', Buffer.alloc(0)],
      ['bad-not-transcript.json', fixture('transcripts', 'bad-not-transcript.json')],
      ['invalid-utf8.vtt', invalidUtf8],
      ['huge.vtt', Buffer.alloc(50 * 1024 * 1024, 0x41)],
      ['good.vtt', fixture('transcripts', 'call-ko.vtt')],
    ]).expect(200);
    const byFile = Object.fromEntries(res.body.results.map((r: { file: string }) => [r.file, r]));
    expect(res.body).toMatchObject({ imported: 1, failed: 7 });
    expect(byFile['bad-unknown-speaker.vtt'].reason).toMatch(/unknown speaker/i);
    expect(byFile['bad-unknown-speaker.vtt'].line).toBeGreaterThan(0);
    expect(byFile['bad-missing-timestamp.json'].field).toMatch(/^turns\[\d+\]\./);
    expect(byFile['bad-overlapping-garbage.json'].field).toMatch(/^turns\[\d+\]/);
    expect(byFile['bad-empty.json'].reason).toMatch(/empty/i);
    expect(byFile['bad-not-transcript.json'].reason).toMatch(/not a transcript/i);
    expect(byFile['invalid-utf8.vtt']).toMatchObject({ line: 7 });
    expect(byFile['invalid-utf8.vtt'].reason).toMatch(/UTF-8/);
    expect(byFile['huge.vtt'].reason).toMatch(/50 MB.*limit is 20 MB/);
    expect(byFile['good.vtt'].status).toBe('imported');
    expect(await count('interactions')).toBe(interactions + 1);
    expect(await count('turns')).toBe(turns + byFile['good.vtt'].turns);
  });

  it('refuses a request with no files, naming the field', async () => {
    const res = await http.post('/api/interactions/import').field('agent', 'A-1').expect(400);
    expect(res.body).toMatchObject({ field: 'files' });
  });

  let evaluationId: number;
  let version: number;
  /** Auto-QA's suggestions that the draft arrives with. */
  let prefilled: unknown[];
  const answerOf = (body: { answers: { criterionKey: string }[] }, key: string) =>
    body.answers.find((a) => a.criterionKey === key);

  it('opens a draft on the current scorecard version', async () => {
    const res = await http
      .post('/api/evaluations')
      .send({ interactionId: koCallId, scorecardKey: 'voice-ko' })
      .expect(201);
    expect(res.body).toMatchObject({ status: 'draft', kind: 'manual', version: 1 });
    expect(res.body.scorecardVersion.definition.key).toBe('voice-ko');
    expect(res.body.evaluator.email).toBe('evaluator@demo.local');
    evaluationId = res.body.id;
    version = res.body.version;
    prefilled = res.body.answers;
  });

  it('rejects answers outside the scale, N/A where not allowed and unknown keys with the field named', async () => {
    const send = (answers: object[]) =>
      http.patch(`/api/evaluations/${evaluationId}`).send({ version, answers }).expect(400);
    expect((await send([{ key: 'greeting', value: 3 }])).body).toMatchObject({
      field: 'answers.greeting',
      message: expect.stringMatching(/척도 밖입니다/),
    });
    expect((await send([{ key: 'greeting', na: true }])).body.field).toBe('answers.greeting');
    expect((await send([{ key: 'no_such_thing', value: 1 }])).body.field).toBe(
      'answers.no_such_thing',
    );
    // The DTO's message, in the reader's language (Korean unless asked otherwise).
    expect((await send([{ key: 'greeting', value: 'yes' }])).body).toMatchObject({
      field: 'answers.0.value',
      message: 'answers.0.value: 척도 안의 정수여야 합니다(해당 없음이면 na: true)',
    });
    const english = await http
      .patch(`/api/evaluations/${evaluationId}`)
      .set('Accept-Language', 'en')
      .send({ version, answers: [{ key: 'greeting', value: 'yes' }] })
      .expect(400);
    expect(english.body.message).toBe(
      'answers.0.value: must be a whole number on the scale (or set na: true)',
    );
    const unchanged = (await http.get(`/api/evaluations/${evaluationId}`)).body;
    expect(unchanged).toMatchObject({ version: 1, answers: prefilled });
  });

  it('saves a draft, and a save carrying a stale version gets 409 and changes nothing', async () => {
    const saved = await http
      .patch(`/api/evaluations/${evaluationId}`)
      .send({
        version,
        answers: [
          { key: 'greeting', value: 1, comment: '회사명과 이름 안내', turnIndex: 1, timeMs: 4500 },
        ],
      })
      .expect(200);
    expect(saved.body).toMatchObject({ status: 'draft', version: 2 });
    expect(answerOf(saved.body, 'greeting')).toMatchObject({
      criterionKey: 'greeting',
      value: 1,
      turnIndex: 1,
      timeMs: 4500,
    });

    const stale = await http
      .patch(`/api/evaluations/${evaluationId}`)
      .set('Accept-Language', 'en')
      .send({ version: 1, answers: [{ key: 'greeting', value: 0 }] })
      .expect(409);
    expect(stale.body.message).toMatch(/Someone else changed evaluation \d+ while you were/);
    const after = (await http.get(`/api/evaluations/${evaluationId}`)).body;
    expect(after.version).toBe(2);
    expect(answerOf(after, 'greeting')).toMatchObject({ value: 1 });
    version = 2;
  });

  it('will not submit while a criterion is unanswered', async () => {
    const res = await http
      .post(`/api/evaluations/${evaluationId}/submit`)
      .send({ version })
      .expect(400);
    expect(res.body.field).toMatch(/^answers\./);
    expect(res.body.message).toMatch(/빠진 항목: .*root_cause/);
  });

  it('submits and returns section and overall scores computed by the formula', async () => {
    type Def = {
      key: string;
      weight: number;
      criteria: { key: string; scale: { type: string; max?: number } }[];
    };
    const scorecard = (await http.get('/api/scorecards/voice-ko')).body.definition;
    const sections: Def[] = scorecard.sections;
    // Everything but the greeting, which the draft already holds (with its comment).
    const answers = bestAnswers(scorecard, ['greeting']);
    // Miss the one criterion of the notes section, so that section scores 0.
    answers.find((a) => a.key === 'notes_quality')!.value = 0;
    const res = await http
      .post(`/api/evaluations/${evaluationId}/submit`)
      .send({ version, answers })
      .expect(201);
    expect(res.body).toMatchObject({ status: 'submitted', version: 3 });
    const notesWeight = sections.find((s) => s.key === 'notes')!.weight;
    const totalWeight = sections.reduce((sum, s) => sum + s.weight, 0);
    const expected = Math.round(((totalWeight - notesWeight) / totalWeight) * 10000) / 100;
    expect(res.body.overallScore).toBeCloseTo(expected, 2);
    expect(res.body.passed).toBe(expected >= scorecard.passingScore);
    const notes = res.body.breakdown.sections.find((s: { key: string }) => s.key === 'notes');
    expect(notes.score).toBe(0);
    expect(res.body.submittedAt).toBeTruthy();

    await http
      .patch(`/api/evaluations/${evaluationId}`)
      .send({ version: 3, answers: [{ key: 'greeting', value: 0 }] })
      .expect(409);
  });

  it('writes an audit entry for every change, with who and before/after', async () => {
    const entries = (
      await (
        await t.client(TEST_USERS.admin)
      )
        .get(`/api/audit?entityType=evaluation&entityId=${evaluationId}`)
        .expect(200)
    ).body.items;
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      'evaluation.submitted',
      'evaluation.answers_saved',
      'evaluation.created',
    ]);
    expect(entries[0].actorName).toContain('evaluator@demo.local');
    expect(entries[0].before).toMatchObject({ status: 'draft', version: 2 });
    expect(entries[0].after).toMatchObject({ status: 'submitted', version: 3 });
  });

  it('shows the submitted evaluation on its page with scores, pass/fail and who scored it', async () => {
    const page = await http
      .get(`/evaluations/${evaluationId}`)
      .set('Accept', 'text/html')
      .set('Accept-Language', 'en')
      .expect(200);
    expect(page.text).toContain('Scored by 박평가');
    expect(page.text).toMatch(/id="pass-fail">(Pass|Fail)/);
    expect(page.text).toContain('회사명과 이름 안내');
  });

  it('answers 404 with a clear JSON body and no stack trace for a missing evaluation', async () => {
    const res = await http.get('/api/evaluations/99999').set('Accept-Language', 'en').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'NOT_FOUND',
      message: 'evaluation 99999 not found',
    });
    // In the reader's language, as every refusal.
    const ko = await http.get('/api/evaluations/99999').set('Accept-Language', 'ko').expect(404);
    expect(ko.body.message).toBe('평가 99999을(를) 찾을 수 없습니다');
  });
});

describe('the plumbing a user relies on', () => {
  let t: TestApp;
  let http: TestAgent;
  beforeAll(async () => {
    t = await startTestApp();
    http = await t.client();
  });
  afterAll(() => t.close());

  it('serves the OpenAPI document at /api/docs and health at /health', async () => {
    const doc = (await http.get('/api/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/interactions/import', '/api/evaluations/{id}/submit']),
    );
    await http.get('/api/docs').expect(200);
    expect((await http.get('/health').expect(200)).body).toMatchObject({ status: 'ok' });
  });

  it('renders pages in Korean by default, English by Accept-Language, and remembers a switch', async () => {
    const ko = await http.get('/interactions').set('Accept', 'text/html').expect(200);
    expect(ko.text).toContain('상담 목록');
    const en = await http
      .get('/interactions')
      .set('Accept', 'text/html')
      .set('Accept-Language', 'en-US,en;q=0.9')
      .expect(200);
    expect(en.text).toContain('No interactions match.');
    const switched = await http.get('/interactions?lang=en').set('Accept', 'text/html').expect(200);
    expect(switched.headers['set-cookie']).toEqual(
      expect.arrayContaining([expect.stringMatching(/^lang=en/)]),
    );
    // The client keeps cookies as a browser does.
    const after = await http.get('/scorecards').set('Accept', 'text/html').expect(200);
    expect(after.text).toContain('Scorecards are the files');
  });

  it('refuses unknown fields and bad query values with a 400 naming them', async () => {
    const res = await http
      .post('/api/evaluations')
      .send({ interactionId: 1, scorecardKey: 'voice-ko', hack: 1 })
      .expect(400);
    expect(res.body.message).toContain('property hack should not exist');
    const bad = await http.get('/api/interactions?pageSize=5000').expect(400);
    expect(bad.body.message).toMatch(/pageSize/);
  });
});
