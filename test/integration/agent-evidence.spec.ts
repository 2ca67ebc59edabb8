/**
 * Issue 15 item 10: the agent sees why auto-QA judged a criterion as it did. On the agent's own
 * evaluation page, a criterion auto-QA answered shows its suggestion and the evidence behind it:
 * the quoted words and the turn (linked to the replay at that turn), in both languages.
 */
import { AutoQaService } from '../../src/autoqa/autoqa.service';
import { EvaluationAnswer } from '../../src/evaluations/entities/evaluation-answer.entity';
import { bestAnswers } from '../support/answers';
import { fixture, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(120_000);

function decode(html: string): string {
  return html
    .replace(/&quot;|&#x22;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe("the agent's own evaluation shows auto-QA's evidence", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('shows the quote and the turn of each criterion auto-QA judged', async () => {
    const evaluator = await t.client(TEST_USERS.evaluator);
    const imported = await evaluator
      .post('/api/interactions/import')
      .attach('files', fixture('transcripts', 'call-ko.json'), 'call-ko.json')
      .expect(200);
    const interactionId: number = imported.body.results[0].interactionId;
    await t.app.get(AutoQaService).drain();
    // The agent of the call gets an account once the import has made the agent.
    await t.createUser({
      email: 'minji@test.local',
      name: '김민지',
      role: 'agent',
      agentExternalId: 'A-017',
    });
    const draft = (
      await evaluator
        .post('/api/evaluations')
        .send({ interactionId, scorecardKey: 'voice-ko' })
        .expect(201)
    ).body;
    await evaluator
      .post(`/api/evaluations/${draft.id}/submit`)
      .send({ version: draft.version, answers: bestAnswers(draft.scorecardVersion.definition) })
      .expect(201);

    // What the human evaluation kept of auto-QA: the suggestion and its evidence per criterion.
    const kept = await t.dataSource
      .getRepository(EvaluationAnswer)
      .findBy({ evaluationId: draft.id });
    const judged = kept.filter(
      (a) =>
        a.suggestion !== null &&
        (a.evidence?.items ?? []).some((i) => typeof i.turn === 'number' && i.text.trim() !== ''),
    );
    expect(judged.length).toBeGreaterThan(2);

    const agent = await t.client('minji@test.local');
    for (const lang of ['ko', 'en']) {
      const page = await agent
        .get(`/evaluations/${draft.id}?lang=${lang}`)
        .set('Accept', 'text/html')
        .expect(200);
      for (const answer of judged) {
        const row = new RegExp(`<tr id="answer-${answer.criterionKey}">([\\s\\S]*?)</tr>`).exec(
          page.text,
        );
        expect(row).not.toBeNull();
        const cell = decode(row![1]);
        expect(cell).toContain(lang === 'ko' ? '자동 제안' : 'Auto');
        const list = /<ul class="evidence" data-evidence="[^"]+">([\s\S]*?)<\/ul>/.exec(cell);
        expect(list).not.toBeNull();
        const item = answer.evidence!.items.find(
          (i) => typeof i.turn === 'number' && i.text.trim() !== '',
        )!;
        expect(list![1]).toContain(`“${item.text}”`);
        expect(list![1]).toContain(`href="/interactions/${interactionId}#turn-${item.turn}"`);
        expect(list![1]).toContain(`#${item.turn}`);
      }
    }
  });
});
