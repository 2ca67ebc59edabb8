/**
 * The one writer of evaluation rows (EvaluationWriter): what a dispute's change keeps of an
 * answer, the optimistic lock, and one `passed` rule for every kind of evaluation.
 */
import { StaleVersionError } from '../../src/common/errors';
import { transaction } from '../../src/database/transaction';
import { EvaluationAnswer } from '../../src/evaluations/entities/evaluation-answer.entity';
import { Evaluation } from '../../src/evaluations/entities/evaluation.entity';
import { EvaluationWriter } from '../../src/evaluations/evaluation-writer';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { bestAnswers } from '../support/answers';
import { seedTwoTeams, TwoTeams } from '../support/people';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('EvaluationWriter', () => {
  let t: TestApp;
  let seed: TwoTeams;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    seed = await seedTwoTeams(t);
  });
  afterAll(() => t.close());

  const as = async (who: keyof TwoTeams['users']) =>
    (await t.client(seed.users[who])).set('Accept-Language', 'en');

  it("keeps the evaluator's comment and pinned turn on an answer a dispute changes", async () => {
    const definition = (await t.app.get(ScorecardsService).current('voice-ko')).definition;
    const evaluator = await as('evaluator');
    const draft = (
      await evaluator
        .post('/api/evaluations')
        .send({ interactionId: seed.call1, scorecardKey: 'voice-ko' })
        .expect(201)
    ).body;
    const answers = bestAnswers(definition).map((a) =>
      a.key === 'greeting' ? { key: 'greeting', value: 0, comment: '인사 없음', turnIndex: 0 } : a,
    );
    const done = await evaluator
      .post(`/api/evaluations/${draft.id}/submit`)
      .send({ version: draft.version, answers })
      .expect(201);
    const agent = await as('agent1');
    await agent
      .post(`/api/evaluations/${draft.id}/dispute`)
      .send({ criteria: ['greeting'], reason: '인사했습니다', version: done.body.version })
      .expect(201);
    await (
      await as('lead1')
    )
      .post(`/api/evaluations/${draft.id}/resolve`)
      .send({ outcome: 'changed', reason: '확인', changes: { greeting: 1 } })
      .expect(201);
    const greeting = await t.dataSource
      .getRepository(EvaluationAnswer)
      .findOneByOrFail({ evaluationId: draft.id, criterionKey: 'greeting' });
    expect(greeting).toMatchObject({ value: 1, passed: true, comment: '인사 없음', turnIndex: 0 });
  });

  it('writes nothing from a stale version (the optimistic lock)', async () => {
    const version = await t.app.get(ScorecardsService).current('voice-ko');
    const writer = t.app.get(EvaluationWriter);
    const { id } = await transaction(t.dataSource, (manager) =>
      writer.create(manager, {
        interactionId: seed.call1,
        scorecardVersion: version,
        evaluatorId: null,
        kind: 'mystery_shop',
        status: 'submitted',
        answers: bestAnswers(version.definition).map((a) => ({
          key: a.key,
          value: a.value ?? null,
        })),
      }),
    );
    await expect(
      transaction(t.dataSource, (manager) =>
        writer.bumpVersion(manager, id, 7, { status: 'acknowledged' }),
      ),
    ).rejects.toBeInstanceOf(StaleVersionError);
    const row = await t.dataSource.getRepository(Evaluation).findOneByOrFail({ id });
    expect(row).toMatchObject({ status: 'submitted', version: 1, passed: true });
  });

  it('stores no verdict (passed null), not a fail, for an evaluation with nothing to score', async () => {
    const version = await t.app.get(ScorecardsService).current('voice-ko');
    // A scorecard whose every criterion allows N/A, every one answered N/A.
    const definition = {
      ...version.definition,
      sections: version.definition.sections.map((section) => ({
        ...section,
        criteria: section.criteria.map((c) => ({ ...c, naAllowed: true, critical: undefined })),
      })),
    };
    const { id, breakdown } = await transaction(t.dataSource, (manager) =>
      t.app.get(EvaluationWriter).create(manager, {
        interactionId: seed.call2,
        scorecardVersion: { id: version.id, definition },
        evaluatorId: null,
        kind: 'mystery_shop',
        status: 'submitted',
        answers: bestAnswers(definition).map((a) => ({ key: a.key, value: null })),
      }),
    );
    expect(breakdown?.overall).toBeNull();
    const row = await t.dataSource.getRepository(Evaluation).findOneByOrFail({ id });
    expect(row).toMatchObject({ overallScore: null, passed: null });
  });
});
