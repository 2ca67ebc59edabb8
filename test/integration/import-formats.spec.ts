import type { Agent as TestAgent } from 'supertest';
import * as fs from 'fs';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { REPO_ROOT, startTestApp, TestApp } from '../support/test-app';

const EXTERNAL = path.resolve(REPO_ROOT, 'test', 'fixtures', 'external');
const external = (...p: string[]) => fs.readFileSync(path.join(EXTERNAL, ...p));
const fixtureBytes = (name: string) =>
  fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'transcripts', name));

describe('importing the formats contact centers use, through the API', () => {
  let t: TestApp;
  let http: TestAgent;
  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    http = await t.client();
  });
  afterAll(() => t.close());

  it('imports every dialogue of a research data set file as a chat, in one go, and skips them the second time', async () => {
    const first = await http
      .post('/api/interactions/import')
      .attach('files', external('abcd', 'abcd_sample.json'), 'abcd_sample.json')
      .attach('files', external('hg-tods', 'manual2dial_dial_validation.json'), 'hg-tods.json')
      .expect(200);
    expect(first.body.failed).toBe(0);
    expect(first.body.imported).toBeGreaterThanOrEqual(503);
    const korean = (
      await http.get('/api/interactions?language=ko&channel=chat&pageSize=1').expect(200)
    ).body;
    expect(korean.total).toBeGreaterThanOrEqual(500);
    const one = (await http.get(`/api/interactions/${korean.items[0].id}`).expect(200)).body;
    expect(one.turns.some((turn: { speaker: string }) => turn.speaker === 'agent')).toBe(true);
    expect(one.turns.some((turn: { speaker: string }) => turn.speaker === 'customer')).toBe(true);

    const again = await http
      .post('/api/interactions/import')
      .attach('files', external('abcd', 'abcd_sample.json'), 'abcd_sample.json')
      .expect(200);
    expect(again.body).toMatchObject({ imported: 0, skipped: 3, failed: 0 });
  });

  it('imports Amazon Transcribe output, telling the agent by its greeting and saying it guessed', async () => {
    const res = await http
      .post('/api/interactions/import')
      .attach('files', external('transcribe', '03-speaker-identification.json'), 'speakers.json')
      .attach('files', external('transcribe', '01-plain.json'), 'plain.json')
      .expect(200);
    const [speakers, plain] = res.body.results;
    expect(speakers.status).toBe('imported');
    // Without speaker or channel labels nobody can tell agent from customer: refused, with why.
    expect(plain).toMatchObject({ status: 'failed', reason: expect.stringMatching(/speaker/i) });
    const call = (await http.get(`/api/interactions/${speakers.interactionId}`).expect(200)).body;
    expect(call.turns.length).toBeGreaterThan(1);
    expect(
      call.turns.every((turn: { startMs: number; endMs: number }) => turn.endMs >= turn.startMs),
    ).toBe(true);
  });

  it('unpacks an uploaded zip, sidecars included, and refuses a broken one', async () => {
    const zip = zipSync({
      'calls/one.vtt': new Uint8Array(fixtureBytes('call-ko.vtt')),
      'calls/one.vtt.meta.json': strToU8(
        JSON.stringify({ externalId: 'ZIP-1', agent: { externalId: 'A-777' } }),
      ),
      'calls/two.vtt': new Uint8Array(fixtureBytes('call-en.vtt')),
      '__MACOSX/calls/._one.vtt': strToU8('junk'),
    });
    const res = await http
      .post('/api/interactions/import')
      .attach('files', Buffer.from(zip), 'batch.zip')
      .expect(200);
    expect(res.body).toMatchObject({ imported: 2, failed: 0 });
    expect(res.body.results[0]).toMatchObject({
      file: 'batch.zip/calls/one.vtt',
      externalId: 'ZIP-1',
    });
    const broken = await http
      .post('/api/interactions/import')
      .attach('files', Buffer.from('PK\u0003\u0004 not really'), 'broken.zip')
      .expect(400);
    expect(broken.body).toMatchObject({
      field: 'files',
      message: expect.stringContaining('broken.zip'),
    });
  });

  it('says when it guessed who the agent is, and follows a speaker mapping given by the user', async () => {
    const file = external('transcribe', '03-speaker-identification.json');
    const guessed = await http
      .post('/api/interactions/import')
      .attach('files', file, 'guess.json')
      .field('source', 'guess')
      .expect(200);
    const guess = guessed.body.results[0].speakerGuess;
    expect(guess).toEqual(
      expect.objectContaining({
        agent: expect.stringMatching(/^spk_/),
        confidence: expect.stringMatching(/high|low/),
      }),
    );
    const other = guess.agent === 'spk_0' ? 'spk_1' : 'spk_0';
    const mapped = await http
      .post('/api/interactions/import')
      .attach('files', file, 'mapped.json')
      .field('source', 'mapped')
      .field('speakers', `${other}=agent,${guess.agent}=customer`)
      .expect(200);
    expect(mapped.body.results[0].speakerGuess).toBeUndefined();
    const a = (await http.get(`/api/interactions/${guessed.body.results[0].interactionId}`)).body;
    const b = (await http.get(`/api/interactions/${mapped.body.results[0].interactionId}`)).body;
    // Same words, roles swapped.
    expect(b.turns[0].text).toBe(a.turns[0].text);
    expect(b.turns[0].speaker).not.toBe(a.turns[0].speaker);
    const bad = await http
      .post('/api/interactions/import')
      .attach('files', file, 'x.json')
      .field('speakers', 'spk_0=boss')
      .expect(400);
    expect(bad.body).toMatchObject({
      field: 'speakers',
      message: expect.stringContaining('spk_0=boss'),
    });
  });

  it('takes an explicit format and refuses one that does not fit, naming the file', async () => {
    const res = await http
      .post('/api/interactions/import')
      .attach('files', Buffer.from('상담사: 안녕하세요 고객님\n고객: 요금 문의요\n'), 'memo.json')
      .field('format', 'text')
      .expect(200);
    expect(res.body.results[0]).toMatchObject({ status: 'imported' });
    const bad = await http
      .post('/api/interactions/import')
      .attach('files', Buffer.from('{"hello": 1}'), 'x.json')
      .field('format', 'contact-lens')
      .expect(400);
    expect(bad.body.message).toContain('x.json');
    expect(bad.body.results[0]).toMatchObject({ file: 'x.json', status: 'failed' });
    await http
      .post('/api/interactions/import')
      .attach('files', Buffer.from('x'), 'x.txt')
      .field('format', 'docx')
      .expect(400);
  });
});
