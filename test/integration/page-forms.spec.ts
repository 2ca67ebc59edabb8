/**
 * One DTO per edge: the page forms are checked by the API's DTOs. A refused field answers 400
 * naming it — on the error page for a form that has no page of its own, beside the field for a
 * form that comes back — and nothing is written.
 */
import { Evaluation } from '../../src/evaluations/entities/evaluation.entity';
import { seedTwoTeams, TwoTeams } from '../support/people';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('page forms validated by the API DTOs', () => {
  let t: TestApp;
  let seed: TwoTeams;
  const evaluator = async () =>
    (await t.client(seed.users.evaluator)).set('Accept', 'text/html').set('Accept-Language', 'en');
  const drafts = () => t.dataSource.getRepository(Evaluation).countBy({ status: 'draft' });

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    seed = await seedTwoTeams(t);
  });
  afterAll(() => t.close());

  it('opening a draft: a call id that is not a number is a 400 naming interactionId', async () => {
    const http = await evaluator();
    const before = await drafts();
    const refused = await http
      .post('/evaluations')
      .type('form')
      .send({ interactionId: 'abc', scorecardKey: 'voice-ko' })
      .expect(400);
    expect(refused.text).toContain('interactionId');
    expect(await drafts()).toBe(before);
    const opened = await http
      .post('/evaluations')
      .type('form')
      .send({ interactionId: String(seed.call1), scorecardKey: 'voice-ko' })
      .expect(303);
    expect(opened.headers.location).toMatch(/^\/evaluations\/\d+\/edit$/);
    expect(await drafts()).toBe(before + 1);
  });

  it('the scoring form: a value off the scale comes back beside its criterion, unsaved', async () => {
    const http = await evaluator();
    const opened = await http
      .post('/evaluations')
      .type('form')
      .send({ interactionId: String(seed.call2), scorecardKey: 'voice-ko' })
      .expect(303);
    const id = Number(/\/evaluations\/(\d+)\/edit/.exec(opened.headers.location)![1]);
    const saved = await t.dataSource.getRepository(Evaluation).findOneByOrFail({ id });
    const page = await http
      .post(`/evaluations/${id}`)
      .type('form')
      .send({ version: String(saved.version), action: 'draft', value_greeting: 'yes' })
      .expect(400);
    expect(page.text).toMatch(/class="criterion has-error" id="criterion-greeting"/);
    expect(page.text).toContain('whole number on the scale');
    // The DTO's message goes through the locale files: in Korean on a Korean page.
    const korean = await http
      .post(`/evaluations/${id}?lang=ko`)
      .type('form')
      .send({ version: String(saved.version), action: 'draft', value_greeting: 'yes' })
      .expect(400);
    expect(korean.text).toContain('척도 안의 정수여야 합니다');
    expect(korean.text).not.toContain('whole number on the scale');
    expect(page.text).toContain('id="form-error"');
    const after = await t.dataSource.getRepository(Evaluation).findOneByOrFail({ id });
    expect(after.version).toBe(saved.version);

    // A version that is not a number: the same DTO refuses it, the form says so.
    const stale = await http
      .post(`/evaluations/${id}`)
      .type('form')
      .send({ version: 'x', action: 'draft', value_greeting: '1' })
      .expect(400);
    expect(stale.text).toContain('id="form-error"');
    await http
      .post(`/evaluations/${id}`)
      .type('form')
      .send({ version: String(saved.version), action: 'draft', value_greeting: '1' })
      .expect(303);
  });
});
