import type { Agent as TestAgent } from 'supertest';
import { bestAnswers } from '../support/answers';
import { AutoQaService } from '../../src/autoqa/autoqa.service';
import { fixture, startTestApp, TestApp } from '../support/test-app';

describe('auto-QA pre-scores imported calls; evaluators accept or override', () => {
  let t: TestApp;
  let http: TestAgent;
  let interactionId: number;

  beforeAll(async () => {
    t = await startTestApp();
    http = await t.client();
    const res = await http
      .post('/api/interactions/import')
      .attach('files', fixture('transcripts', 'call-ko.json'), 'call-ko.json')
      .attach('files', fixture('transcripts', 'call-en.vtt'), 'call-en.vtt')
      .expect(200);
    interactionId = res.body.results[0].interactionId;
    await t.app.get(AutoQaService).drain();
  });
  afterAll(() => t.close());

  it('gives every imported call an auto evaluation, kept apart from human ones', async () => {
    const evaluations = (
      await http.get(`/api/evaluations?interactionId=${interactionId}`).expect(200)
    ).body;
    const auto = evaluations.filter((e: { kind: string }) => e.kind === 'auto');
    expect(auto).toHaveLength(1);
    expect(auto[0]).toMatchObject({ status: 'submitted', evaluatorId: null });
    const full = (await http.get(`/api/evaluations/${auto[0].id}`).expect(200)).body;
    expect(full.scorecardVersion.definition.key).toBe('voice-ko');
    expect(full.metrics).toEqual(
      expect.objectContaining({
        interruptions: expect.any(Number),
        longestSilenceMs: expect.any(Number),
      }),
    );
    const greeting = full.answers.find(
      (a: { criterionKey: string }) => a.criterionKey === 'greeting',
    );
    // The fixture's agent greets with the company and her own name in the first turn.
    expect(greeting).toMatchObject({ suggestion: 'pass', value: 1 });
    expect(greeting.evidence.items[0]).toMatchObject({
      turn: expect.any(Number),
      text: expect.stringContaining('김민지'),
    });
    // The English call was scored on voice-en.
    const other = (await http.get('/api/interactions?language=en').expect(200)).body.items[0];
    const otherEvals = (await http.get(`/api/evaluations?interactionId=${other.id}`)).body;
    expect(
      otherEvals.find((e: { kind: string }) => e.kind === 'auto').scorecardVersion.scorecard.key,
    ).toBe('voice-en');
    // Auto evaluations are not counted as human evaluations in the list.
    const listed = (await http.get('/api/interactions').expect(200)).body.items;
    expect(listed.every((i: { evaluations: number }) => i.evaluations === 0)).toBe(true);
  });

  it('pre-fills a new human draft with the suggestions and their evidence', async () => {
    const draft = (
      await http
        .post('/api/evaluations')
        .send({ interactionId, scorecardKey: 'voice-ko' })
        .expect(201)
    ).body;
    const greeting = draft.answers.find(
      (a: { criterionKey: string }) => a.criterionKey === 'greeting',
    );
    expect(greeting).toMatchObject({ value: 1, suggestion: 'pass' });
    expect(
      draft.answers.some((a: { criterionKey: string }) => a.criterionKey === 'root_cause'),
    ).toBe(false);
    const page = await http
      .get(`/evaluations/${draft.id}/edit`)
      .set('Accept', 'text/html')
      .expect(200);
    expect(page.text).toMatch(/data-suggestion="pass"/);
    expect(page.text).toContain(`/interactions/${interactionId}#turn-`);
  });

  it('keeps the suggestion beside an overriding answer, and reports agreement per criterion', async () => {
    const draft = (
      await http
        .post('/api/evaluations')
        .send({ interactionId, scorecardKey: 'voice-ko' })
        .expect(201)
    ).body;
    const definition = draft.scorecardVersion.definition;
    const answers: { key: string; value: number; comment?: string; turnIndex?: number }[] =
      bestAnswers(definition);
    // Override the machine's pass, saying why and pinning the greeting turn.
    Object.assign(
      answers.find((a) => a.key === 'greeting')!,
      {
        value: 0,
        comment: '소속 안내가 빠졌습니다',
        turnIndex: 0,
      },
    );
    const submitted = (
      await http
        .post(`/api/evaluations/${draft.id}/submit`)
        .send({ version: draft.version, answers })
        .expect(201)
    ).body;
    const greeting = submitted.answers.find(
      (a: { criterionKey: string }) => a.criterionKey === 'greeting',
    );
    expect(greeting).toMatchObject({ value: 0, suggestion: 'pass' });

    const agreement = (await http.get('/api/autoqa/agreement/voice-ko').expect(200)).body;
    const row = agreement.find((r: { key: string }) => r.key === 'greeting');
    expect(row).toMatchObject({ compared: 1, agreed: 0, rate: 0 });
    // Coverage: the share the machine asserted without "needs review", and its accuracy there.
    expect(row.coverage === 0 || row.coverage === 100).toBe(true);
    expect(row.confident).toBe(row.coverage === 100 ? 1 : 0);
    // What auto-QA missed: the override, with the evaluator's comment and the pinned turn.
    expect(row.missed).toEqual([
      expect.objectContaining({
        evaluationId: draft.id,
        interactionId,
        machine: 'pass',
        human: 'fail',
        comment: '소속 안내가 빠졌습니다',
        turn: expect.objectContaining({ index: 0, text: expect.any(String) }),
      }),
    ]);
    // Every disagreement, and only those, is listed (one evaluation: none is cut off).
    for (const r of agreement as { compared: number; agreed: number; missed: unknown[] }[])
      expect(r.missed.length).toBe(r.compared - r.agreed);
    const page = await http.get(`/evaluations/${draft.id}`).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('평가자가 변경함');
    const report = await http
      .get('/scorecards/voice-ko/agreement')
      .set('Accept', 'text/html')
      .set('Accept-Language', 'en')
      .expect(200);
    expect(report.text).toMatch(
      /id="agreement-overall">Overall \d+(\.\d)?% \(\d+ answers compared\)/,
    );
    expect(report.text).toContain(
      '<code>greeting</code></td><td>1</td><td>0</td><td class="rate">0%',
    );
    expect(report.text).toContain('id="agreement-coverage"');
    expect(report.text).toContain('What auto-QA missed');
    expect(report.text).toContain('machine pass, evaluator fail · “소속 안내가 빠졌습니다”');
    expect(report.text).toContain(`/interactions/${interactionId}#turn-0`);
  });

  it('shows the measured call metrics on the replay page', async () => {
    const page = await http
      .get(`/interactions/${interactionId}`)
      .set('Accept', 'text/html')
      .expect(200);
    expect(page.text).toContain('id="auto-metrics"');
  });

  it('marks, per customer turn, how negative it sounded', async () => {
    const call = {
      externalId: 'NEG-1',
      channel: 'voice',
      language: 'ko',
      turns: [
        ['agent', '안녕하세요, 한빛통신 상담사 김민지입니다.'],
        ['customer', '요금이 또 두 배로 나왔어요. 정말 너무 화가 나요!'],
        ['agent', '많이 답답하셨겠어요. 바로 확인해 드리겠습니다.'],
        ['customer', '네, 감사합니다. 이제 됐어요.'],
      ].map(([speaker, text], i) => ({ speaker, text, startMs: i * 5000, endMs: i * 5000 + 4000 })),
    };
    const res = await http
      .post('/api/interactions/import')
      .attach('files', Buffer.from(JSON.stringify(call)), 'neg-1.json')
      .expect(200);
    const id = res.body.results[0].interactionId;
    await t.app.get(AutoQaService).drain();
    const page = await http
      .get(`/interactions/${id}`)
      .set('Accept', 'text/html')
      .set('Accept-Language', 'en')
      .expect(200);
    const turnHtml = (seq: number) =>
      page.text.slice(
        page.text.indexOf(`id="turn-${seq}"`),
        page.text.indexOf('</li>', page.text.indexOf(`id="turn-${seq}"`)),
      );
    expect(turnHtml(1)).toMatch(/class="negativity"[^>]*>negativity (\d+(\.\d)?)\/10</);
    expect(turnHtml(0)).not.toContain('class="negativity"');
    expect(turnHtml(3)).not.toContain('class="negativity"');
  });
});
