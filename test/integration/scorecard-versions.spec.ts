import type { Agent as TestAgent } from 'supertest';
import * as fs from 'fs';
import * as path from 'path';
import { bestAnswers } from '../support/answers';
import { fixture, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

describe('scorecard files become immutable versions', () => {
  let t: TestApp;
  let http: TestAgent;

  beforeAll(async () => {
    t = await startTestApp();
    http = await t.client();
  });
  afterAll(() => t.close());

  const file = () => path.join(t.scorecardsDir, 'voice-en.yaml');

  it('loads the shipped scorecards as version 1 at start-up', async () => {
    const list = (await http.get('/api/scorecards').expect(200)).body;
    expect(list.map((s: { key: string }) => s.key)).toEqual(
      expect.arrayContaining(['voice-ko', 'voice-en']),
    );
    const ko = (await http.get('/api/scorecards/voice-ko').expect(200)).body;
    expect(ko.version).toBe(1);
    const keys = ko.definition.sections.flatMap((s: { criteria: { key: string }[] }) =>
      s.criteria.map((c) => c.key),
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        'greeting',
        'identity_verification',
        'no_rude_language',
        'notes_quality',
        'root_cause',
      ]),
    );
  });

  it('keeps old evaluations on their version when the file changes, and shows their old criteria', async () => {
    const imported = await http
      .post('/api/interactions/import')
      .attach('files', fixture('transcripts', 'call-en.vtt'), 'call-en.vtt')
      .expect(200);
    const interactionId = imported.body.results[0].interactionId;
    const draft = (
      await http
        .post('/api/evaluations')
        .send({ interactionId, scorecardKey: 'voice-en' })
        .expect(201)
    ).body;
    const definition = draft.scorecardVersion.definition;
    const answers = bestAnswers(definition);
    const submitted = (
      await http
        .post(`/api/evaluations/${draft.id}/submit`)
        .send({ version: 1, answers })
        .expect(201)
    ).body;
    expect(submitted.overallScore).toBe(100);

    // Rename a criterion label and add a new criterion to the first section.
    const yaml = fs.readFileSync(file(), 'utf8');
    const changed = yaml
      .replace(/^( {4}label: .*)$/m, '$1 (revised)')
      .replace(
        /^ {4}criteria:\n/m,
        `    criteria:\n      - key: brand_name\n        label: Used the brand name\n        guidance: Says the company name in full.\n        scale: yes_no\n`,
      );
    fs.writeFileSync(file(), changed);
    const sync = (await (await t.client(TEST_USERS.admin)).post('/api/scorecards/sync').expect(200))
      .body;
    expect(sync).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'voice-en', result: 'new_version', version: 2 }),
        expect.objectContaining({ key: 'voice-ko', result: 'unchanged', version: 1 }),
      ]),
    );
    const current = (await http.get('/api/scorecards/voice-en').expect(200)).body;
    expect(current.version).toBe(2);
    const v2keys = current.definition.sections[0].criteria.map((c: { key: string }) => c.key);
    expect(v2keys).toContain('brand_name');

    // The old evaluation still points at v1, keeps its score and shows v1's criteria.
    const old = (await http.get(`/api/evaluations/${draft.id}`).expect(200)).body;
    expect(old.scorecardVersion.version).toBe(1);
    expect(old.overallScore).toBe(100);
    expect(
      old.scorecardVersion.definition.sections[0].criteria.map((c: { key: string }) => c.key),
    ).not.toContain('brand_name');
    const page = await http.get(`/evaluations/${draft.id}`).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('voice-en v1');
    expect(page.text).not.toContain('brand_name');
    // A new evaluation uses v2.
    const fresh = (
      await http
        .post('/api/evaluations')
        .send({ interactionId, scorecardKey: 'voice-en' })
        .expect(201)
    ).body;
    expect(fresh.scorecardVersion.version).toBe(2);

    // Syncing again without a change makes no new version.
    const again = (
      await (await t.client(TEST_USERS.admin)).post('/api/scorecards/sync').expect(200)
    ).body;
    expect(again.find((r: { key?: string }) => r.key === 'voice-en')).toMatchObject({
      result: 'unchanged',
      version: 2,
    });
  });

  it('refuses an invalid file with file, path and reason, and keeps the previous version active', async () => {
    const yaml = fs.readFileSync(file(), 'utf8');
    fs.writeFileSync(file(), yaml.replace(/^( +)scale: yes_no$/m, '$1scale: 1-7'));
    const sync = (await (await t.client(TEST_USERS.admin)).post('/api/scorecards/sync').expect(200))
      .body;
    const refused = sync.find((r: { result: string }) => r.result === 'invalid');
    expect(refused.file).toMatch(/voice-en\.yaml$/);
    expect(refused.path).toMatch(/^sections\[0\]\.criteria\[\d+\]\.scale$/);
    expect(refused.reason).toMatch(/1-7/);
    expect((await http.get('/api/scorecards/voice-en')).body.version).toBe(2);
  });

  it('lists every version, newest first, and serves an old one', async () => {
    const versions = (await http.get('/api/scorecards/voice-en/versions').expect(200)).body;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    // Who published each is stored with the version: the admin who synced v2, start-up for v1.
    expect(versions.map((v: { publishedByName: string }) => v.publishedByName)).toEqual([
      `Test Admin <${TEST_USERS.admin}>`,
      'system',
    ]);
    expect(versions[0].publishedById).toEqual(expect.any(Number));
    const admin = await t.client(TEST_USERS.admin);
    const page = (await admin.get('/scorecards?lang=ko').set('Accept', 'text/html').expect(200))
      .text;
    expect(page).toContain(`Test Admin &lt;${TEST_USERS.admin}&gt;`);
    const v1 = (await http.get('/api/scorecards/voice-en/versions/1').expect(200)).body;
    expect(v1.version).toBe(1);
    await http.get('/api/scorecards/voice-en/versions/9').expect(404);
  });
});
