import type { Agent as TestAgent } from 'supertest';
import * as fs from 'fs';
import * as path from 'path';
import { fixture, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

/** The hidden fields of the editor page: the text and the fingerprint of the file it came from. */
function editorFields(html: string): { yaml: string; baseHash: string } {
  const baseHash = /name="baseHash" value="([0-9a-f]{64})"/.exec(html)![1];
  const raw = /<textarea id="scorecard-yaml"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)![1];
  // The browser drops the one newline after <textarea>, written so that the text keeps its own.
  const yaml = raw
    .replace(/^\n/, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&');
  return { yaml, baseHash };
}

describe('admins edit scorecards in the browser; the YAML file stays the source of truth', () => {
  let t: TestApp;
  let admin: TestAgent;
  let evaluator: TestAgent;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.client(TEST_USERS.admin);
    evaluator = await t.client(TEST_USERS.evaluator);
  });
  afterAll(() => t.close());

  const file = () => path.join(t.scorecardsDir, 'voice-en.yaml');
  const page = (agent: TestAgent, url: string) => agent.get(url).set('Accept', 'text/html');

  it('syncs the files from the admin page and says, per file, what happened', async () => {
    fs.writeFileSync(path.join(t.scorecardsDir, 'broken.yaml'), 'key: broken\nname: Broken\n');
    const res = await admin.post('/scorecards/sync').set('Accept', 'text/html').expect(200);
    expect(res.text).toMatch(/data-file="scorecards\/voice-ko.yaml" data-result="unchanged"/);
    const broken =
      /<tr data-file="scorecards\/broken.yaml" data-result="invalid">([\s\S]*?)<\/tr>/.exec(
        res.text,
      );
    expect(broken).not.toBeNull();
    // In the reader's language (Korean when the browser names none); the API keeps the English.
    expect(broken![1]).toMatch(/<code>language<\/code>: 값이 필요합니다/);
    fs.rmSync(path.join(t.scorecardsDir, 'broken.yaml'));
    // The list shows the versions with who published them (the start-up load is the system's).
    expect(res.text).toMatch(/data-key="voice-en" data-version="1"/);
  });

  it('previews an invalid edit with the path of the error and publishes nothing', async () => {
    const before = fs.readFileSync(file(), 'utf8');
    const { baseHash } = editorFields(
      (await page(admin, '/scorecards/voice-en/edit').expect(200)).text,
    );
    const broken = before.replace(/^passingScore: 80$/m, 'passingScore: 180');
    const preview = await admin
      .post('/scorecards/voice-en/edit')
      .type('form')
      .send({ yaml: broken, baseHash, action: 'preview' })
      .expect(200);
    expect(/id="preview-error-path">([^<]*)</.exec(preview.text)![1]).toBe('passingScore');
    const publish = await admin
      .post('/scorecards/voice-en/edit')
      .type('form')
      .send({ yaml: broken, baseHash, action: 'publish' })
      .expect(400);
    expect(publish.text).toContain('id="preview-error-path">passingScore<');
    expect(fs.readFileSync(file(), 'utf8')).toBe(before);
    expect((await admin.get('/api/scorecards/voice-en').expect(200)).body.version).toBe(1);
  });

  it("names a broken auto block by its criterion, field and why, in the reader's language", async () => {
    const before = fs.readFileSync(file(), 'utf8');
    const { baseHash } = editorFields(
      (await page(admin, '/scorecards/voice-en/edit').expect(200)).text,
    );
    const broken = before.replace("anyOf: ['@empathy']", 'anyOf: { empathy: yes }');
    expect(broken).not.toBe(before);
    const preview = async (lang: string) => {
      const res = await admin
        .post('/scorecards/voice-en/edit')
        .set('Accept-Language', lang)
        .type('form')
        .send({ yaml: broken, baseHash, action: 'preview' })
        .expect(200);
      const part = (id: string) => new RegExp(`id="${id}">([^<]*)<`).exec(res.text)?.[1];
      return {
        path: part('preview-error-path'),
        where: part('preview-error-where'),
        why: part('preview-error-reason'),
      };
    };
    expect(await preview('ko')).toEqual({
      path: 'sections[0].criteria[2].auto.anyOf',
      where: '항목 empathy의 auto.anyOf',
      why: '문구의 목록이어야 합니다 (입력: 매핑)',
    });
    expect(await preview('en')).toEqual({
      path: 'sections[0].criteria[2].auto.anyOf',
      where: 'criterion empathy, auto.anyOf',
      why: 'must be a list of phrases (got a mapping)',
    });
    expect(fs.readFileSync(file(), 'utf8')).toBe(before);
  });

  it('previews the score formula on sample answers, publishes v2, and new evaluations use it', async () => {
    const { yaml, baseHash } = editorFields(
      (await page(admin, '/scorecards/voice-en/edit').expect(200)).text,
    );
    expect(yaml).toBe(fs.readFileSync(file(), 'utf8'));
    const edited = yaml.replace(/^( {4}label: )Script adherence$/m, '$1Script adherence (revised)');
    expect(edited).not.toBe(yaml);
    const preview = await admin
      .post('/scorecards/voice-en/edit')
      .type('form')
      .send({ yaml: edited, baseHash, action: 'preview' })
      .expect(200);
    const best = /<tr data-sample="best">[\s\S]*?<\/tr>/.exec(preview.text)![0];
    expect(best).toContain('100%');
    const lowest = /<tr data-sample="lowest">[\s\S]*?<\/tr>/.exec(preview.text)![0];
    expect(lowest).toContain('0%');
    expect(fs.readFileSync(file(), 'utf8')).toBe(yaml); // a preview writes nothing

    const published = await admin
      .post('/scorecards/voice-en/edit')
      .type('form')
      .send({ yaml: edited.replace(/\n/g, '\r\n'), baseHash, action: 'publish' })
      .expect(303);
    expect(published.headers.location).toBe('/scorecards/voice-en?published=new_version');
    expect(fs.readFileSync(file(), 'utf8')).toBe(edited); // LF line ends kept in the file
    expect((await admin.get('/api/scorecards/voice-en').expect(200)).body.version).toBe(2);

    // The audit log names the admin; the list shows v2 published by them.
    const audit = (await admin.get('/api/audit?entityType=scorecard&entityId=voice-en').expect(200))
      .body;
    expect(audit.items[0]).toMatchObject({ action: 'scorecard.version_added' });
    expect(audit.items[0].actorName).toContain(TEST_USERS.admin);
    const list = (await page(admin, '/scorecards').expect(200)).text;
    const v2 = /<tr data-key="voice-en" data-version="2">[\s\S]*?<\/tr>/.exec(list)![0];
    expect(v2).toContain(TEST_USERS.admin);
    expect(list).toMatch(/data-key="voice-en" data-version="1"/);

    // The scoring page of a new evaluation shows the revised label.
    const imported = await evaluator
      .post('/api/interactions/import')
      .attach('files', fixture('transcripts', 'call-en.vtt'), 'call-en.vtt')
      .expect(200);
    const draft = (
      await evaluator
        .post('/api/evaluations')
        .send({ interactionId: imported.body.results[0].interactionId, scorecardKey: 'voice-en' })
        .expect(201)
    ).body;
    expect(draft.scorecardVersion.version).toBe(2);
    const scoring = (await page(evaluator, `/evaluations/${draft.id}`).redirects(2).expect(200))
      .text;
    expect(scoring).toContain('Script adherence (revised)');
  });

  it('refuses a stale edit: the file changed since the editor was opened', async () => {
    const { yaml, baseHash } = editorFields(
      (await page(admin, '/scorecards/voice-en/edit').expect(200)).text,
    );
    const onServer = yaml.replace(/^passingScore: 80$/m, 'passingScore: 85');
    fs.writeFileSync(file(), onServer);
    const res = await admin
      .post('/scorecards/voice-en/edit')
      .type('form')
      .send({
        yaml: yaml.replace(/^passingScore: 80$/m, 'passingScore: 75'),
        baseHash,
        action: 'publish',
      })
      .expect(409);
    expect(res.text).toContain('id="edit-stale"');
    expect(fs.readFileSync(file(), 'utf8')).toBe(onServer);
  });

  it('exports the YAML file as a download', async () => {
    const res = await admin.get('/scorecards/voice-ko/export').expect(200);
    expect(res.headers['content-disposition']).toContain('voice-ko.yaml');
    expect(res.text).toBe(fs.readFileSync(path.join(t.scorecardsDir, 'voice-ko.yaml'), 'utf8'));
  });

  it('refuses evaluators: no sync, no editor, no publish, no export', async () => {
    await evaluator.post('/scorecards/sync').set('Accept', 'text/html').expect(403);
    await page(evaluator, '/scorecards/voice-en/edit').expect(403);
    await evaluator
      .post('/scorecards/voice-en/edit')
      .type('form')
      .send({ yaml: 'key: voice-en', baseHash: '0', action: 'publish' })
      .expect(403);
    await evaluator.get('/scorecards/voice-en/export').expect(403);
    const list = (await page(evaluator, '/scorecards').expect(200)).text;
    expect(list).not.toContain('id="scorecards-sync"');
  });
});
