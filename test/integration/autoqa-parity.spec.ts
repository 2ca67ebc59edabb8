import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';
import type { Agent as TestAgent } from 'supertest';
import { AutoQaService } from '../../src/autoqa/autoqa.service';
import { FIXTURES, fixture, REPO_ROOT, startTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);
const COMPANY = '한빛통신,한빛,Parcelpoint';
/**
 * The agent's interruptions as the source counted them
 * (`ConversationCharacteristics.Interruptions.InterruptionsByInterrupter.AGENT`; the Contact Lens
 * file's TotalCount of 3 includes two by the customer, which no_interruptions does not judge).
 */
const SOURCE_INTERRUPTIONS: Record<string, number> = {
  'contact-lens-ko.json': 1,
  'call-analytics-en.json': 0,
};

/**
 * The promise: the app (bulk import, then background auto-QA) and the command line give
 * the same answers and the same metrics for the same file, with the same names known — through
 * one input builder, source metrics (Contact Lens) included.
 */
describe('auto-QA gives the same answers in the app and on the command line', () => {
  let t: TestApp;
  let http: TestAgent;

  beforeAll(async () => {
    t = await startTestApp({ COMPANY_NAMES: COMPANY });
    http = await t.client();
  });
  afterAll(() => t.close());

  const files: [string[], string, string][] = [
    [['formats', 'contact-lens-ko.json'], 'voice-ko', 'A-417'],
    [['formats', 'call-analytics-en.json'], 'voice-en', 'A-418'],
    [['transcripts', 'call-ko.json'], 'voice-ko', 'A-419'],
    [['autoqa-corpus', 'dev', 'en-voice', 'D-EV-03.json'], 'voice-en', 'A-420'],
    [['autoqa-corpus', 'dev', 'chat', 'D-EC-01.json'], 'chat-en', 'A-421'],
    // The learned text model decides deescalation here (few listed words, an upset customer).
    [['autoqa-corpus', 'dev', 'was-holdout-10-en', 'H10-EN-12.json'], 'voice-en', 'A-422'],
  ];

  it.each(files)('%j', async (parts, scorecard, agent) => {
    const name = parts[parts.length - 1];
    const imported = await http
      .post('/api/interactions/import')
      .field('agent', agent)
      .attach('files', fixture(...parts), name)
      .expect(200);
    const interactionId = imported.body.results[0].interactionId;
    expect(interactionId).toEqual(expect.any(Number));
    await t.app.get(AutoQaService).drain();
    const interaction = (await http.get(`/api/interactions/${interactionId}`).expect(200)).body;
    const evaluations = (
      await http.get(`/api/evaluations?interactionId=${interactionId}`).expect(200)
    ).body;
    const autoId = evaluations.find((e: { kind: string }) => e.kind === 'auto').id;
    const auto = (await http.get(`/api/evaluations/${autoId}`).expect(200)).body;
    expect(auto.scorecardVersion.definition.key).toBe(scorecard);

    const args = ['autoqa', path.join(FIXTURES, ...parts), '--scorecard', scorecard, '--json'];
    args.push('--company', COMPANY);
    if (interaction.agent?.name) args.push('--agent-name', interaction.agent.name);
    const cli = await run(
      'node',
      ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', ...args],
      { cwd: REPO_ROOT, env: { ...process.env, LOG_LEVEL: 'error' } },
    );
    const machine = JSON.parse(cli.stdout) as {
      criteria: { key: string; result: string; confidence: number; needsReview: boolean }[];
      metrics: Record<string, unknown>;
    };

    // Same metrics (interruptions from the source when it has them, silences, negativity ...).
    expect(auto.metrics).toEqual(machine.metrics);
    // A Contact Lens / Call Analytics file keeps the source's own interruption count.
    const source = SOURCE_INTERRUPTIONS[name];
    if (source !== undefined) expect(machine.metrics.interruptions).toBe(source);
    // Same answer for every criterion: a stored suggestion, or none where the criterion
    // allows no N/A and the machine said na.
    const stored = new Map<string, { suggestion: string; evidence: { confidence?: number } }>(
      auto.answers.map((a: { criterionKey: string }) => [a.criterionKey, a]),
    );
    for (const c of machine.criteria) {
      const answer = stored.get(c.key);
      if (answer === undefined)
        expect({ key: c.key, result: c.result }).toEqual({ key: c.key, result: 'na' });
      else
        expect({
          key: c.key,
          result: answer.suggestion,
          confidence: answer.evidence.confidence,
        }).toEqual({
          key: c.key,
          result: c.result,
          confidence: c.confidence,
        });
    }
  });

  it('keeps the text models once, in the model store, and scores with them in the app', async () => {
    // Four models (upset / complaint, Korean and English), each stored once under its hash.
    const stored = await t.dataSource.query<{ hash: string }[]>('SELECT "hash" FROM "text_models"');
    expect(stored).toHaveLength(4);
    // Every version refers to them: no weights in a stored definition.
    const versions = await t.dataSource.query<{ definition: string }[]>(
      'SELECT "definition" FROM "scorecard_versions"',
    );
    expect(versions.length).toBeGreaterThan(0);
    for (const v of versions) expect(v.definition.length).toBeLessThan(120_000);
    const hashes = new Set(stored.map((r) => r.hash));
    const card = (await http.get('/api/scorecards/voice-en').expect(200)).body;
    const upset = card.definition.autoQa.textModels.customer_upset;
    expect(upset).toMatchObject({ ref: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(upset.features).toBeGreaterThan(100);
    expect(hashes.has(upset.ref)).toBe(true);
    // The app put the model back before scoring: it decided deescalation on H10-EN-12.
    const found = await t.dataSource.query<{ id: number }[]>(
      `SELECT e."id" FROM "evaluations" e JOIN "interactions" i ON i."id" = e."interactionId"
        WHERE e."kind" = 'auto' AND i."externalId" = 'H10E-4256'`,
    );
    expect(found).toHaveLength(1);
    const auto = (await http.get(`/api/evaluations/${found[0].id}`).expect(200)).body;
    const deescalation = auto.answers.find(
      (a: { criterionKey: string }) => a.criterionKey === 'deescalation',
    );
    expect(deescalation.evidence.reasonCode).toMatch(/^negativity\.model/);
  });
});
