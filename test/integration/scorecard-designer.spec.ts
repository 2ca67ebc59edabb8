/**
 * The scorecard form editor (/scorecards/:key/design): the form is written into the YAML file
 * and checked by the same parser as every file; Preview scores sample answers, Test runs
 * auto-QA with the draft on recent calls without storing anything, Publish makes a version.
 */
import type { Agent as TestAgent } from 'supertest';
import * as fs from 'fs';
import * as path from 'path';
import { AutoQaService } from '../../src/autoqa/autoqa.service';
import { formOf, type ScorecardForm } from '../../src/scorecards/scorecard-form';
import { fixture, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * The form as a browser posts it: `sections[0][criteria][1][label]=…` (superagent would write
 * lists without their indexes); a checked N/A box sends "1", an unchecked one nothing.
 */
function posted(form: ScorecardForm, baseHash: string, action: string): string {
  const body = {
    baseHash,
    action,
    ...form,
    sections: form.sections.map((s) => ({
      ...s,
      criteria: s.criteria.map(({ na, ...c }) => (na ? { ...c, na: '1' } : c)),
    })),
  };
  const pairs: string[] = [];
  const walk = (value: unknown, name: string): void => {
    if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) walk(v, name === '' ? k : `${name}[${k}]`);
    } else if (typeof value === 'string' || typeof value === 'number') {
      pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    }
  };
  walk(body, '');
  return pairs.join('&');
}

describe('the scorecard form editor', () => {
  let t: TestApp;
  let admin: TestAgent;
  let evaluator: TestAgent;
  const file = () => path.join(t.scorecardsDir, 'voice-en.yaml');
  const page = (agent: TestAgent, url: string, lang = 'en') =>
    agent.get(url).set('Accept', 'text/html').set('Accept-Language', lang);
  const post = (body: string, lang = 'en') =>
    admin
      .post('/scorecards/voice-en/design')
      .set('Accept', 'text/html')
      .set('Accept-Language', lang)
      .type('form')
      .send(body);
  const baseHash = async () =>
    /name="baseHash" value="([0-9a-f]{64})"/.exec(
      (await page(admin, '/scorecards/voice-en/design').expect(200)).text,
    )![1];
  const counts = async () => ({
    evaluations: Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM evaluations'))[0].n),
    answers: Number(
      (await t.dataSource.query('SELECT COUNT(*) AS n FROM evaluation_answers'))[0].n,
    ),
    versions: Number(
      (await t.dataSource.query('SELECT COUNT(*) AS n FROM scorecard_versions'))[0].n,
    ),
  });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.client(TEST_USERS.admin);
    evaluator = await t.client(TEST_USERS.evaluator);
  });
  afterAll(() => t.close());

  it('shows the sections and criteria as fields, for admins only', async () => {
    const html = (await page(admin, '/scorecards/voice-en/design').expect(200)).text;
    expect(html).toContain('name="sections[0][criteria][2][weight]" value="0.4"');
    expect(html).toContain(
      'name="sections[0][criteria][0][label]" value="Greeting and introduction"',
    );
    expect(html).toMatch(/name="sections\[0\]\[criteria\]\[1\]\[na\]" checked/);
    expect(html).toContain('id="sc-criterion-template"');
    await page(evaluator, '/scorecards/voice-en/design').expect(403);
    await evaluator
      .post('/scorecards/voice-en/design')
      .type('form')
      .send({ baseHash: '0', action: 'publish' })
      .expect(403);
  });

  it('refuses a bad weight with 400, names the criterion and field in the page language, writes nothing', async () => {
    const before = fs.readFileSync(file(), 'utf8');
    const form = formOf(before);
    form.sections[0].criteria[0].label = 'Greeting, typed and kept';
    form.sections[1].criteria[0].weight = 'heavy';
    const label = form.sections[1].criteria[0].label;
    const hash = await baseHash();
    const countsBefore = await counts();

    const en = await post(posted(form, hash, 'publish')).expect(400);
    const problem = /<p class="error" role="alert" id="form-problem"[^>]*>([\s\S]*?)<\/p>/.exec(
      en.text,
    )![1];
    expect(problem).toContain(label);
    expect(problem).toContain('Weight');
    expect(problem).toContain('must be a number greater than 0');
    expect(problem).toContain('heavy');
    // The problem also stands beside the criterion, and everything typed is still in the form.
    expect(en.text).toMatch(/class="error sc-problem" role="alert" data-problem-field="weight"/);
    expect(en.text).toContain('value="Greeting, typed and kept"');
    expect(en.text).toContain('name="sections[1][criteria][0][weight]" value="heavy"');

    const ko = await post(posted(form, hash, 'publish'), 'ko').expect(400);
    const koProblem = /id="form-problem"[^>]*>([\s\S]*?)<\/p>/.exec(ko.text)![1];
    expect(koProblem).toContain('가중치');
    expect(koProblem).toContain('0보다 큰 숫자');
    expect(koProblem).not.toContain('must be');

    expect(fs.readFileSync(file(), 'utf8')).toBe(before);
    expect(await counts()).toEqual(countsBefore);
    expect((await admin.get('/api/scorecards/voice-en').expect(200)).body.version).toBe(1);
  });

  it('locates a broken auto block at its criterion', async () => {
    const form = formOf(fs.readFileSync(file(), 'utf8'));
    form.sections[0].criteria[1].auto = 'detector: phrases\nallOf: [unclosed';
    const res = await post(posted(form, await baseHash(), 'preview')).expect(200);
    expect(/id="form-problem" data-path="([^"]*)"/.exec(res.text)![1]).toBe(
      'sections[0].criteria[1].auto',
    );
    expect(res.text).toContain('invalid YAML (line 2 of the block)');
  });

  it('previews the score formula on typed sample answers', async () => {
    const form = formOf(fs.readFileSync(file(), 'utf8'));
    const criteria = form.sections.flatMap((s) => s.criteria);
    // Every criterion at its best: 100 %.
    for (const c of criteria) {
      c.sample = c.scaleType === 'yes_no' ? '1' : c.scaleType === '1-5' ? '5' : c.points;
    }
    const best = await post(posted(form, await baseHash(), 'preview')).expect(200);
    expect(/id="sample-score"><strong>([^<]*)</.exec(best.text)![1]).toBe('100%');
    // The identity check (critical for its section) failed: that section scores 0.
    form.sections[0].criteria[1].sample = '0';
    const failed = await post(posted(form, await baseHash(), 'preview')).expect(200);
    const section = /<tr data-section="script_adherence">([\s\S]*?)<\/tr>/.exec(failed.text)![1];
    expect(section).toContain('0%');
    expect(/id="sample-score"><strong>([^<]*)</.exec(failed.text)![1]).toBe('70%');
    // A sample outside the scale is named at its criterion.
    form.sections[0].criteria[2].sample = '9';
    const bad = await post(posted(form, await baseHash(), 'preview')).expect(200);
    expect(/id="form-problem" data-path="([^"]*)"/.exec(bad.text)![1]).toBe(
      'sections[0].criteria[2].sample',
    );
    // …and said in the page's language from the answer check's own key.
    expect(bad.text).toContain('value 9 is outside the scale');
  });

  it('tests the draft on recent calls: per criterion how many answers change, nothing stored', async () => {
    const imported = await evaluator
      .post('/api/interactions/import')
      .attach('files', fixture('transcripts', 'call-en.vtt'), 'call-en.vtt')
      .expect(200);
    const callId: number = imported.body.results[0].interactionId;
    await t.app.get(AutoQaService).drain();
    const form = formOf(fs.readFileSync(file(), 'utf8'));
    // Without its auto block the greeting gets no machine answer any more.
    form.sections[0].criteria[0].auto = '';
    const countsBefore = await counts();
    const before = fs.readFileSync(file(), 'utf8');

    const res = await post(posted(form, await baseHash(), 'trial')).expect(200);
    expect(res.text).toContain('id="trial"');
    expect(/<tr data-criterion="greeting" data-changed="(\d+)"/.exec(res.text)![1]).toBe('1');
    expect(/<tr data-criterion="empathy" data-changed="(\d+)"/.exec(res.text)![1]).toBe('0');
    const call = new RegExp(`<li data-call="${callId}"><a href="/interactions/${callId}"`);
    expect(res.text).toMatch(call);
    expect(res.text).toMatch(/<li data-change="greeting">[^<]*: (pass|fail) → <strong>no answer/);

    expect(await counts()).toEqual(countsBefore);
    expect(fs.readFileSync(file(), 'utf8')).toBe(before);
  });

  it('offers the same form on the API: the same DTO, 400 naming the path, trial as JSON', async () => {
    const got = (await admin.get('/api/scorecards/voice-en/form').expect(200)).body;
    expect(got.sections[0].criteria[2]).toMatchObject({ key: 'empathy', weight: '0.4' });
    const form = got;
    delete form.file; // what the GET says about the file, not a field of the form
    form.sections[1].criteria[0].weight = '-1';
    const before = fs.readFileSync(file(), 'utf8');
    const refused = await admin
      .post('/api/scorecards/voice-en/form/publish')
      .send(form)
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain('sections[1].criteria[0].weight');
    // The DTO refuses a field of the wrong kind before anything is parsed.
    await admin
      .post('/api/scorecards/voice-en/form/preview')
      .send({ ...form, sections: 'none' })
      .expect(400);
    expect(fs.readFileSync(file(), 'utf8')).toBe(before);

    form.sections[1].criteria[0].weight = '';
    form.sections[0].criteria[0].auto = '';
    const trial = (await admin.post('/api/scorecards/voice-en/form/trial').send(form).expect(200))
      .body;
    expect(trial.calls).toBe(1);
    expect(trial.criteria.find((c: { key: string }) => c.key === 'greeting').changed).toBe(1);
    await evaluator.post('/api/scorecards/voice-en/form/trial').send(form).expect(403);
  });

  it('publishes the form as the next version: a changed weight and a new criterion', async () => {
    const before = fs.readFileSync(file(), 'utf8');
    const form = formOf(before);
    form.sections[0].criteria[2].weight = '0.5';
    form.sections[4].criteria.push({
      ...form.sections[4].criteria[0],
      from: '',
      key: 'next_steps_logged',
      label: 'Next steps logged',
      guidance: 'The notes say what happens next and who does it.',
      scaleType: 'yes_no',
      points: '',
      weight: '',
      na: false,
      critical: '',
      failBelow: '',
      good: '',
      phrases: '',
      auto: '',
      sample: '',
    });
    const res = await post(posted(form, await baseHash(), 'publish')).expect(303);
    expect(res.headers.location).toBe('/scorecards/voice-en?published=new_version');

    const current = (await admin.get('/api/scorecards/voice-en').expect(200)).body;
    expect(current.version).toBe(2);
    const criteria = current.definition.sections.flatMap(
      (s: { criteria: { key: string; weight: number }[] }) => s.criteria,
    );
    expect(criteria.find((c: { key: string }) => c.key === 'empathy').weight).toBe(0.5);
    expect(criteria.at(-1)).toMatchObject({ key: 'next_steps_logged', scale: { type: 'yes_no' } });
    // The file is the source of truth: it holds the change, and its comments are still there.
    const text = fs.readFileSync(file(), 'utf8');
    expect(text).toContain('key: next_steps_logged');
    expect(text).toContain('# Auto-QA settings (src/autoqa/README.md).');
    const audit = (await admin.get('/api/audit?entityType=scorecard&entityId=voice-en').expect(200))
      .body;
    expect(audit.items[0]).toMatchObject({ action: 'scorecard.version_added' });
    expect(audit.items[0].actorName).toContain(TEST_USERS.admin);
    const list = (await page(admin, '/scorecards').expect(200)).text;
    expect(list).toMatch(/data-key="voice-en" data-version="2"/);
    expect(list).toMatch(/data-key="voice-en" data-version="1"/);
  });

  it('refuses a publish from a form opened on an older file (409), writing nothing', async () => {
    const hash = await baseHash();
    const onServer = fs
      .readFileSync(file(), 'utf8')
      .replace(/^passingScore: 80$/m, 'passingScore: 85');
    fs.writeFileSync(file(), onServer);
    const form = formOf(onServer);
    form.name = 'Renamed from a stale form';
    const res = await post(posted(form, hash, 'publish')).expect(409);
    expect(res.text).toContain('id="edit-stale"');
    expect(res.text).toContain('value="Renamed from a stale form"');
    expect(fs.readFileSync(file(), 'utf8')).toBe(onServer);
  });
});
