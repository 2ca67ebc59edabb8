/**
 * Issue 15 item 6, by codes: auto-QA's reasons and an import report's refusals are shown in the
 * page's language. A Korean scoring page, the Korean replay marks and a Korean import report
 * with refused files have no English words beyond data (quoted phrases, file names, codes); the
 * English page shows the engine's English reason as before.
 */
import * as path from 'path';
import type { Agent as TestAgent } from 'supertest';
import { AutoQaService } from '../../src/autoqa/autoqa.service';
import { ReplayViews } from '../../src/evaluations/replay-views';
import { Evaluation } from '../../src/evaluations/entities/evaluation.entity';
import { EvaluationAnswer } from '../../src/evaluations/entities/evaluation-answer.entity';
import { signedInAgent } from '../support/auth';
import { fixture, FIXTURES, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(300_000);

/** Latin words in a Korean text once quoted data, codes and allowed abbreviations are out. */
function englishWords(text: string): string[] {
  const stripped = text
    .replace(/"[^"]*"|“[^”]*”/g, ' ')
    .replace(/\b[\w-]+\.(?:json|vtt|srt|txt|csv)\b/gi, ' ')
    .replace(/\b[A-Za-z]+-\d[\w-]*/g, ' ')
    // Byte values and encoding names are codes (0xB2, EUC-KR).
    .replace(/\b0x[0-9A-F]+\b/gi, ' ')
    .replace(/\bEUC-KR\b/g, ' ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ');
  const allowed = new Set(['json', 'webvtt', 'subrip', 'ms', 'mb', 'id', 'qa', 'euc', 'cp']);
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

describe('reasons and refusals in the page language', () => {
  let t: TestApp;
  let http: TestAgent;
  let interactionId: number;

  beforeAll(async () => {
    t = await startTestApp();
    http = await t.client();
    const res = await http
      .post('/api/interactions/import')
      .attach('files', fixture('transcripts', 'call-ko.json'), 'call-ko.json')
      .expect(200);
    interactionId = res.body.results[0].interactionId;
    await t.app.get(AutoQaService).drain();
  });
  afterAll(() => t?.close());

  it('stores a reason code with each auto answer and shows the reasons in Korean', async () => {
    const auto = await t.dataSource
      .getRepository(Evaluation)
      .findOneByOrFail({ interactionId, kind: 'auto' });
    const answers = await t.dataSource
      .getRepository(EvaluationAnswer)
      .findBy({ evaluationId: auto.id });
    const withEvidence = answers.filter((a) => a.evidence !== null);
    expect(withEvidence.length).toBeGreaterThan(5);
    for (const a of withEvidence) expect(a.evidence!.reasonCode).toEqual(expect.any(String));

    const draft = (
      await http
        .post('/api/evaluations')
        .send({ interactionId, scorecardKey: 'voice-ko' })
        .expect(201)
    ).body;
    const boxes = (lang: string) =>
      http
        .get(`/evaluations/${draft.id}/edit?lang=${lang}`)
        .set('Accept', 'text/html')
        .expect(200)
        .then((page) =>
          [...page.text.matchAll(/<div class="suggestion-box[\s\S]*?<\/div>/g)].map((m) =>
            decode(m[0].replace(/<ul class="evidence">[\s\S]*?<\/ul>/, ' ')),
          ),
        );
    const ko = await boxes('ko');
    expect(ko.length).toBeGreaterThan(5);
    const english = ko.flatMap(englishWords);
    expect(english).toEqual([]);
    // The English page reads the engine's English reasons, as stored.
    const en = (await boxes('en')).join('\n');
    for (const a of withEvidence.filter((x) => x.suggestion !== null).slice(0, 5))
      expect(en).toContain(a.evidence!.reason.replace(/&/g, '&amp;').split('"')[0]);

    // The replay page's marks say why in the page's language too.
    const marks = await t.app.get(ReplayViews).markers(interactionId, [auto.id], 'ko');
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(englishWords(m.detail.replace(/“[^”]*”/g, ' '))).toEqual([]);
  });

  it('refuses an answer outside the scale in the reader language', async () => {
    const draft = (
      await http
        .post('/api/evaluations')
        .send({ interactionId, scorecardKey: 'voice-ko' })
        .expect(201)
    ).body;
    const send = (lang: string) =>
      http
        // ?lang= (the page tests above left a language cookie on this client).
        .patch(`/api/evaluations/${draft.id}?lang=${lang}`)
        .send({ version: draft.version, answers: [{ key: 'greeting', value: 3 }] })
        .expect(400);
    const ko = (await send('ko')).body;
    expect(ko.field).toBe('answers.greeting');
    expect(ko.message).toMatch(/^answers\.greeting: 값 3이\(가\) 척도 밖입니다/);
    expect(englishWords(ko.message.replace(/^answers\.greeting:/, ''))).toEqual([]);
    expect((await send('en')).body.message).toMatch(
      /^answers\.greeting: value 3 is outside the scale \(a whole number from 0 to \d+\)$/,
    );
  });

  it('names why each refused file was refused, in Korean on the Korean import page', async () => {
    const browser = await signedInAgent(t.app.getHttpServer(), TEST_USERS.evaluator);
    const form = await browser.get('/imports?lang=ko').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const upload = () =>
      browser
        .post('/imports')
        .set('Accept', 'text/html')
        .set('X-CSRF-Token', csrf)
        .attach('files', fixture('transcripts', 'bad-empty.json'), 'bad-empty.json')
        .attach(
          'files',
          fixture('transcripts', 'bad-unknown-speaker.vtt'),
          'bad-unknown-speaker.vtt',
        )
        .attach('files', fixture('transcripts', 'bad-invalid-utf8.vtt'), 'bad-invalid-utf8.vtt');
    const page = await upload().expect(400);
    const report = decode(page.text.replace(/<script[\s\S]*?<\/script>/g, ' '));
    expect(report).toContain('빈 파일입니다');
    expect(report).toContain('알 수 없는 화자');
    expect(report).toContain('올바른 UTF-8 파일이 아닙니다');
    const rows = [...page.text.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)]
      .map((m) => decode(m[1]))
      .filter((cell) => /빈 파일|화자|UTF-8/.test(cell));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.flatMap(englishWords)).toEqual([]);
    // The banner above the report names the first file's reason in Korean as well.
    const banner = /class="[^"]*error[^"]*"[^>]*>([\s\S]*?)<\//.exec(page.text);
    expect(banner && englishWords(decode(banner[1]))).toEqual([]);

    // The mystery-shop dry run: each row problem in Korean on the Korean page.
    const shopForm = await browser.get('/mystery-shop?lang=ko').expect(200);
    const shopCsrf = /name="_csrf" value="([^"]+)"/.exec(shopForm.text)![1];
    const shops = await browser
      .post('/mystery-shop')
      .set('Accept', 'text/html')
      .set('X-CSRF-Token', shopCsrf)
      .attach('file', path.join(FIXTURES, 'mystery-shop', 'sample-ko.csv'), 'sample-ko.csv')
      .attach('mapping', path.join(FIXTURES, 'mystery-shop', 'mapping-ko.yaml'), 'mapping-ko.yaml')
      .expect(201);
    const table = /<table[^>]*id="row-errors"[\s\S]*?<\/table>/.exec(shops.text)![0];
    const cells = [...table.matchAll(/<tr><td>(\d+)<\/td><td>[^<]*<\/td><td>([^<]*)<\/td>/g)].map(
      (m) => decode(m[2]),
    );
    expect(cells).toEqual([
      '값 5이(가) 척도 0-3 밖입니다',
      '알 수 없는 값 "모름" (Y/N/N/A 중 하나여야 합니다)',
    ]);
    expect(cells.flatMap(englishWords)).toEqual([]);

    // In English, the same reasons as the API's report.
    const en = await browser
      .post('/imports?lang=en')
      .set('Accept', 'text/html')
      .set('X-CSRF-Token', csrf)
      .attach('files', fixture('transcripts', 'bad-empty.json'), 'bad-empty.json')
      .expect(400);
    expect(decode(en.text)).toContain('empty file');
  });
});
