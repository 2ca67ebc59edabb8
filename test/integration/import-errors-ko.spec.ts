/**
 * Issue 15 item 6: a transcript that cannot be imported is refused in the reader's language.
 * One broken WebVTT file uploaded with Accept-Language: ko is a 400 whose message is Korean and
 * names the file and the line; in English the same refusal reads in English. Nothing is stored.
 * A mystery-shop row whose transcript is broken or missing names the row and the file in Korean.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Agent as TestAgent } from 'supertest';
import { signedInAgent } from '../support/auth';
import { FIXTURES, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

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

function decode(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;|&#x22;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
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

  it('a mystery-shop row whose transcript is broken or missing: the row and the file, in Korean', async () => {
    const browser = await signedInAgent(t.app.getHttpServer(), TEST_USERS.evaluator);
    const form = await browser.get('/mystery-shop?lang=ko').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const sample = (name: string) => fs.readFileSync(path.join(FIXTURES, 'mystery-shop', name));
    const [header, first, second] = sample('sample-ko.csv').toString('utf8').split('\n');
    const rows = [
      first.replace(/MS-2603-001\.mp3\s*$/, 'MS-2603-001.vtt'),
      second.replace(/,\s*$/, ',MS-2603-002.vtt'),
    ];
    expect(rows[0]).toMatch(/MS-2603-001\.vtt$/);
    expect(rows[1]).toMatch(/MS-2603-002\.vtt$/);
    const page = await browser
      .post('/mystery-shop')
      .set('Accept', 'text/html')
      .set('X-CSRF-Token', csrf)
      .attach('file', Buffer.from(`${header}\n${rows.join('\n')}\n`), 'shops.csv')
      .attach('mapping', sample('mapping-ko.yaml'), 'mapping-ko.yaml')
      .attach('transcripts', NO_VOICE_VTT, 'MS-2603-001.vtt')
      .expect(201);
    const table = /<table[^>]*id="row-errors"[\s\S]*?<\/table>/.exec(page.text)![0];
    const cells = [...table.matchAll(/<tr><td>(\d+)<\/td><td>[^<]*<\/td><td>([^<]*)<\/td>/g)].map(
      (m) => [Number(m[1]), decode(m[2])],
    );
    expect(cells).toEqual([
      [
        2,
        '상담 기록 파일 "MS-2603-001.vtt:4"을(를) 가져올 수 없습니다: ' +
          '3행의 자막에 화자가 없습니다: 내용을 <v 상담사>, <v 고객> 같은 화자 태그로 시작해 주세요',
      ],
      [3, '상담 기록 파일 "MS-2603-002.vtt"이(가) 결과 파일과 함께 올라오지 않았습니다'],
    ]);
    expect(cells.flatMap(([, text]) => englishWords(String(text)))).toEqual([]);
  });
});
