/**
 * Issue 15 item 6: a transcript that cannot be imported is refused in the reader's language.
 * One broken WebVTT file uploaded with Accept-Language: ko is a 400 whose message is Korean and
 * names the file and the line; in English the same refusal reads in English. Nothing is stored.
 */
import type { Agent as TestAgent } from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(300_000);

/** Latin words in a Korean text once quoted data, file names and allowed names are out. */
function englishWords(text: string): string[] {
  const stripped = text
    .replace(/"[^"]*"/g, ' ')
    .replace(/<v [^>]*>/g, ' ')
    .replace(/\b[\w-]+\.(?:json|vtt|srt|txt|csv)\b/gi, ' ');
  const allowed = new Set(['json', 'webvtt', 'subrip', 'ms', 'mb', 'id']);
  return (stripped.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed.has(w.toLowerCase()));
}

const BROKEN_VTT = Buffer.from(
  [
    'WEBVTT',
    '',
    '00:00:01.000 --> 00:00:02.000',
    '<v 상담사>안녕하세요, 고객센터입니다.',
    '',
    '00:00:03.000 --> 00:00:04.000',
    '',
    '',
    '00:00:05.000 --> 00:00:06.000',
    '<v 고객>네, 문의드릴 게 있어요.',
    '',
  ].join('\n'),
);

const NO_VOICE_VTT = Buffer.from(
  ['WEBVTT', '', '00:00:01.000 --> 00:00:02.000', '안녕하세요', ''].join('\n'),
);

describe('a broken transcript is refused in the reader language (API)', () => {
  let t: TestApp;
  let http: TestAgent;
  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    http = await t.client();
  });
  afterAll(() => t?.close());

  const upload = (lang: string, bytes: Buffer, name: string) =>
    http
      .post('/api/interactions/import')
      .set('Accept-Language', lang)
      .attach('files', bytes, name)
      .expect(400);

  it('names the file and the line in Korean, and the reason in Korean', async () => {
    const res = await upload('ko', NO_VOICE_VTT, 'call-17.vtt');
    expect(res.body).toMatchObject({ statusCode: 400, field: 'files', imported: 0, failed: 1 });
    expect(res.body.results).toEqual([
      expect.objectContaining({
        file: 'call-17.vtt',
        status: 'failed',
        line: 4,
        messageKey: { key: 'import.reason.cueNoVoice', params: { line: '3' } },
      }),
    ]);
    const message: string = res.body.message;
    expect(message).toMatch(/^files: call-17\.vtt:4: 3행의 자막에 화자가 없습니다/);
    expect(message).toContain('이 업로드의 파일을 하나도 가져오지 못했습니다');
    expect(englishWords(message.replace(/^files:/, ''))).toEqual([]);

    const en = await upload('en', NO_VOICE_VTT, 'call-17.vtt');
    expect(en.body.message).toMatch(
      /^files: call-17\.vtt:4: cue at line 3 has no speaker: .* no file of this upload could be imported \(1 failed\); nothing was written$/,
    );
  });

  it('an empty cue: the Korean message names the same line as the file position', async () => {
    const res = await upload('ko', BROKEN_VTT, 'call-18.vtt');
    const message: string = res.body.message;
    expect(message).toMatch(/^files: call-18\.vtt:6: 6행의 자막이 비어 있습니다 — /);
    expect(englishWords(message.replace(/^files:/, ''))).toEqual([]);
    const list = (await http.get('/api/interactions?pageSize=5').expect(200)).body;
    expect(list.total).toBe(0);
  });
});
