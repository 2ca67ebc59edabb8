/**
 * Issue 13, rows 1 and 2: no upload can stall the app for others. A transcript import's limits
 * (MAX_UNPACKED_MB, MAX_IMPORT_FILES) hold per request, across all its files and zips, with a 413
 * naming the file where a limit was crossed and nothing imported; zips are unpacked and
 * mystery-shop spreadsheets read in a worker thread, so /health answers while they are read.
 *
 * "While": the app runs in this test's own process, on the same event loop. A reading that blocks
 * that loop also stops this test from sending /health until it is done — and by then the upload's
 * answer is written. So /health answering before the upload's answer arrives, asked only once
 * the app has the upload in hand, is what shows that the loop stayed free.
 */
import { strToU8, zipSync } from 'fflate';
import { Workbook } from 'exceljs';
import type { Agent as TestAgent } from 'supertest';
import * as zipArchive from '../../src/imports/zip-archive';
import * as parser from '../../src/mystery-shop/sheet-reader';
import { ImportService } from '../../src/imports/import.service';
import { Interaction } from '../../src/interactions/entities/interaction.entity';
import { MysteryShopService } from '../../src/mystery-shop/mystery-shop.service';
import { READ_ROWS_LIMITS } from '../../src/mystery-shop/read-rows-off-thread';
import { pageCsrf, signedInAgent } from '../support/auth';
import { fixture, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

const MB = 1024 * 1024;
const zeros = (n: number) => new Uint8Array(n);

/**
 * Polls /health one request after another from the moment `started` resolves until `upload`
 * settles; resolves with how many answers (all 200) arrived while the upload was still unanswered.
 */
async function healthDuring<T>(
  http: TestAgent,
  started: Promise<void>,
  upload: PromiseLike<T>,
): Promise<{ result: T; answeredMeanwhile: number }> {
  let done = false;
  const settled = Promise.resolve(upload).finally(() => {
    done = true;
  });
  await started;
  let answeredMeanwhile = 0;
  while (!done) {
    const health = await http.get('/health');
    expect(health.status).toBe(200);
    if (!done) answeredMeanwhile++;
  }
  return { result: await settled, answeredMeanwhile };
}

/** Resolves when the app calls `method` (the upload has been received and is being read). */
function whenCalled<O extends object>(object: O, method: keyof O & string): Promise<void> {
  return new Promise((resolve) => {
    const original = (object[method] as (...args: unknown[]) => unknown).bind(object);
    jest.spyOn(object, method as never).mockImplementation(((...args: unknown[]) => {
      resolve();
      return original(...args);
    }) as never);
  });
}

/** A signed-in browser session (cookie) and the CSRF token of the form page at `path`. */
async function signedInPage(t: TestApp, path: string) {
  const browser = await signedInAgent(t.app.getHttpServer(), TEST_USERS.evaluator);
  return { browser, csrf: await pageCsrf(browser, path) };
}

describe('transcript imports: limits per request, unzipping off the event loop', () => {
  let t: TestApp;
  let http: TestAgent;
  beforeAll(async () => {
    t = await startTestApp({
      AUTOQA: 'off',
      MAX_UPLOAD_MB: '20',
      MAX_UNPACKED_MB: '64',
      MAX_IMPORT_FILES: '20',
    });
    http = await t.client();
  });
  afterAll(async () => {
    // startTestApp keeps its settings in process.env: leave the defaults to the next file.
    delete process.env.MAX_UNPACKED_MB;
    delete process.env.MAX_IMPORT_FILES;
    await t.close();
  });
  afterEach(() => jest.restoreAllMocks());

  const interactions = () => t.dataSource.getRepository(Interaction).count();
  // Three zips of two 12 MB files of zeros each (a few kB packed; each file within the 20 MB of
  // MAX_UPLOAD_MB): each zip fits the 64 MB alone, all three together do not; the first also
  // holds a real call.
  const bomb = (i: number) =>
    Buffer.from(
      zipSync({
        [`calls/zeros-${i}a.txt`]: zeros(12 * MB),
        [`calls/zeros-${i}b.txt`]: zeros(12 * MB),
        ...(i === 1
          ? { 'calls/one.vtt': new Uint8Array(fixture('transcripts', 'call-ko.vtt')) }
          : {}),
      }),
    );
  const bombs = [1, 2, 3].map(bomb);
  const postBombs = () =>
    bombs.reduce(
      (req, zip, i) => req.attach('files', zip, `bomb-${i + 1}.zip`),
      http.post('/api/interactions/import'),
    );

  it('refuses zips that unpack past MAX_UNPACKED_MB together with a 413 naming the file, importing nothing', async () => {
    expect(bombs.every((b) => b.length < MB)).toBe(true);
    const before = await interactions();
    const res = await postBombs().set('Accept-Language', 'en');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, field: 'files' });
    expect(res.body.message).toContain('bomb-3.zip/calls/zeros-3b.txt');
    expect(res.body.message).toContain('64 MB');
    expect(res.body.message).toContain('MAX_UNPACKED_MB');
    expect(res.body.message).toContain('nothing was imported');
    // The real call in the first zip was not imported either.
    expect(await interactions()).toBe(before);

    // One of them alone is within the limit: its call imports, its files of zeros fail on their
    // own (not transcripts).
    const alone = await http
      .post('/api/interactions/import')
      .attach('files', bombs[0], 'bomb-1.zip')
      .expect(200);
    expect(alone.body).toMatchObject({ imported: 1, failed: 2 });
    expect(await interactions()).toBe(before + 1);
  });

  it('a file inside a zip over MAX_UPLOAD_MB fails alone, unpacked no further; so does the file whose sidecar it is', async () => {
    const before = await interactions();
    const res = await http
      .post('/api/interactions/import')
      .attach(
        'files',
        Buffer.from(
          zipSync({
            'big/huge.vtt': zeros(21 * MB),
            'side/call.vtt': new Uint8Array(fixture('transcripts', 'call-ko.vtt')),
            'side/call.vtt.meta.json': zeros(21 * MB),
            'ok/call.vtt': new Uint8Array(fixture('transcripts', 'call-en.vtt')),
            'ok/call.vtt.meta.json': strToU8(JSON.stringify({ externalId: 'PER-FILE-OK' })),
          }),
        ),
        'mixed.zip',
      )
      .expect(200);
    expect(res.body).toMatchObject({ imported: 1, failed: 2 });
    const byFile = new Map(res.body.results.map((r: { file: string }) => [r.file, r] as const));
    expect(byFile.get('mixed.zip/big/huge.vtt')).toMatchObject({
      status: 'failed',
      reason:
        'unpacks to more than 20 MB, the limit for one file (MAX_UPLOAD_MB); it was not unpacked further',
    });
    expect(byFile.get('mixed.zip/side/call.vtt')).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(
        /^its sidecar mixed\.zip\/side\/call\.vtt\.meta\.json unpacks to more than 20 MB/,
      ),
    });
    expect(byFile.get('mixed.zip/ok/call.vtt')).toMatchObject({
      status: 'imported',
      externalId: 'PER-FILE-OK',
    });
    expect(await interactions()).toBe(before + 1);
  });

  it('keeps answering /health while the zips are unpacked (in a worker thread)', async () => {
    const onMainThread = jest.spyOn(zipArchive, 'unpackUploads');
    const started = whenCalled(t.app.get(ImportService), 'readUploads');
    const { result, answeredMeanwhile } = await healthDuring(http, started, postBombs());
    expect(result.status).toBe(413);
    expect(answeredMeanwhile).toBeGreaterThanOrEqual(1);
    expect(onMainThread).not.toHaveBeenCalled();
  });

  it('counts files across the request, zip contents included (MAX_IMPORT_FILES)', async () => {
    const before = await interactions();
    const calls = Object.fromEntries(
      Array.from({ length: 19 }, (_, i) => [
        `c${String(i).padStart(2, '0')}.vtt`,
        new Uint8Array(fixture('transcripts', 'call-en.vtt')),
      ]),
    );
    const res = await http
      .post('/api/interactions/import')
      .attach('files', Buffer.from(zipSync(calls)), 'nineteen.zip')
      .attach('files', fixture('transcripts', 'call-en.vtt'), 'extra-1.vtt')
      .attach('files', fixture('transcripts', 'call-ko.vtt'), 'extra-2.vtt')
      .set('Accept-Language', 'en')
      .expect(413);
    expect(res.body.message).toContain('extra-2.vtt');
    expect(res.body.message).toContain('more than 20 files');
    expect(await interactions()).toBe(before);
  });

  it('the import page answers the same 413 in the reader’s language', async () => {
    const { browser, csrf } = await signedInPage(t, '/imports');
    const res = bombs.reduce(
      (req, zip, i) => req.attach('files', zip, `bomb-${i + 1}.zip`),
      browser
        .post('/imports')
        .set('Accept', 'text/html')
        .set('Accept-Language', 'ko')
        .set('X-CSRF-Token', csrf),
    );
    const page = await res;
    expect(page.status).toBe(413);
    expect(page.text).toContain('bomb-3.zip/calls/zeros-3b.txt');
    expect(page.text).toContain('아무것도 가져오지 않았습니다');
  });

  it('the same call imported by 6 requests at once: one imports it, the others skip it, none fails', async () => {
    const before = await interactions();
    const call = Buffer.from(
      JSON.stringify({
        externalId: 'RACE-1',
        source: 'race',
        channel: 'voice',
        language: 'ko',
        turns: [
          { speaker: 'agent', startMs: 0, endMs: 2000, text: '안녕하세요, 상담사입니다.' },
          { speaker: 'customer', startMs: 2200, endMs: 4000, text: '요금 문의요.' },
        ],
      }),
    );
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        http.post('/api/interactions/import').attach('files', call, 'race.json'),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const statuses = answers.map((a) => a.body.results[0].status).sort();
    expect(statuses).toEqual(['imported', 'skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
    for (const a of answers.filter((x) => x.body.results[0].status === 'skipped')) {
      expect(a.body.results[0].reason).toMatch(/^already imported as interaction \d+/);
    }
    expect(await interactions()).toBe(before + 1);
  });

  it('still imports a zip within the limits', async () => {
    const res = await http
      .post('/api/interactions/import')
      .attach(
        'files',
        Buffer.from(
          zipSync({
            'a/x.vtt': new Uint8Array(fixture('transcripts', 'call-en.vtt')),
            'a/x.vtt.meta.json': strToU8(JSON.stringify({ externalId: 'LIMITS-OK' })),
          }),
        ),
        'ok.zip',
      )
      .expect(200);
    expect(res.body).toMatchObject({ imported: 1, failed: 0 });
  });
});

describe('mystery-shop spreadsheets are read off the event loop', () => {
  let t: TestApp;
  let http: TestAgent;
  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off', MAX_UPLOAD_MB: '20' });
    http = await t.client();
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  /** The sample's rows, 3,000 times over, as an XLSX workbook. */
  async function bulkXlsx(): Promise<Buffer> {
    const lines = fixture('mystery-shop', 'sample-ko.csv')
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .split('\n');
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('results');
    sheet.addRow(lines[0].split(','));
    const row = lines[1].split(',');
    for (let i = 0; i < 3_000; i++) sheet.addRow([`MS-BULK-${i}`, ...row.slice(1)]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('keeps answering /health while an XLSX of 3,000 rows is read (in a worker thread)', async () => {
    const bytes = await bulkXlsx();

    const onMainThread = jest.spyOn(parser, 'readRows');
    const started = whenCalled(t.app.get(MysteryShopService), 'dryRun');
    const upload = http
      .post('/api/mystery-shop/import')
      .attach('file', bytes, 'bulk.xlsx')
      .attach('mapping', fixture('mystery-shop', 'mapping-ko.yaml'), 'mapping-ko.yaml')
      .field('dryRun', 'true');
    const { result, answeredMeanwhile } = await healthDuring(http, started, upload);
    // exceljs awaits between steps, so /health may slip in even when it reads on the main
    // thread; that it does not run there (no call of the parser in this process) is the proof.
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ file: 'bulk.xlsx', rows: 3_000, committed: false });
    expect(answeredMeanwhile).toBeGreaterThanOrEqual(1);
    expect(onMainThread).not.toHaveBeenCalled();
  });

  it('the mystery-shop page answers a file too heavy to read with 413 in the reader’s language', async () => {
    const bytes = await bulkXlsx();
    const { browser, csrf } = await signedInPage(t, '/mystery-shop');
    const saved = { ...READ_ROWS_LIMITS };
    // A worker heap far too small to read the workbook: the worker really runs out of memory
    // (and is ended); the app answers with the 413 a file needing more than 768 MB would get.
    Object.assign(READ_ROWS_LIMITS, { maxHeapMb: 16 });
    try {
      for (const [lang, says] of [
        ['ko', '이 파일을 읽는 데 서버가 업로드 하나에 주는 것보다 많은 메모리가 필요합니다'],
        ['en', 'reading this file needs more memory than the server gives one upload'],
      ]) {
        const page = await browser
          .post('/mystery-shop')
          .set('Accept', 'text/html')
          .set('Accept-Language', lang)
          .set('X-CSRF-Token', csrf)
          .attach('file', bytes, 'heavy.xlsx');
        expect(page.status).toBe(413);
        // The page names the file; the API's field code (`file:`) is not shown to a person.
        expect(page.text).toContain(`heavy.xlsx: ${says}`);
        expect(page.text).not.toContain('file: heavy.xlsx');
      }
    } finally {
      Object.assign(READ_ROWS_LIMITS, saved);
    }
    // With the server's own limits the same file reads.
    const ok = await browser
      .post('/mystery-shop')
      .set('Accept', 'text/html')
      .set('X-CSRF-Token', csrf)
      .attach('file', bytes, 'heavy.xlsx')
      .attach('mapping', fixture('mystery-shop', 'mapping-ko.yaml'), 'mapping-ko.yaml');
    expect(ok.status).toBe(201);
    expect(ok.text).toContain('name="token"');
  });

  it('names the file when the worker cannot read it (same 400 as before)', async () => {
    const res = await http
      .post('/api/mystery-shop/import')
      .attach('file', Buffer.from('PK\u0003\u0004 broken workbook'), 'broken.xlsx')
      .field('dryRun', 'true')
      .set('Accept-Language', 'en')
      .expect(400);
    expect(res.body).toMatchObject({ field: 'file' });
    expect(res.body.message).toContain('broken.xlsx');
    expect(res.body.message).toContain('not a readable XLSX workbook');
  });
});
