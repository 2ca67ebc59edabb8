import type { NestExpressApplication } from '@nestjs/platform-express';
import * as fs from 'fs';
import * as path from 'path';
import request, { type Agent as TestAgent } from 'supertest';
import { createApp } from '../../src/app.factory';
import { ApiTokensService } from '../../src/auth/api-tokens.service';
import { FILE_STORE, type FileStore } from '../../src/storage/file-store';
import { UsersService } from '../../src/users/users.service';
import { FIXTURES, startTestApp, TestApp, TEST_USERS } from '../support/test-app';

/**
 * Files kept between requests go through the file store: on PostgreSQL in the database, so a
 * second instance (a second app on the same database) reads what the first wrote; on SQLite in
 * DATA_DIR (then "the other instance" is the same app).
 */
describe(`files shared by instances (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let second: NestExpressApplication | null = null;
  let a: TestAgent;
  let b: TestAgent;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    if (process.env.DATABASE_URL) {
      second = await createApp();
      await second.init();
    }
    const other = second ?? t.app;
    a = await t.client(TEST_USERS.admin);
    const row = await other.get(UsersService).findByEmail(TEST_USERS.admin);
    const actor = (await other.get(UsersService).actorFor(row!.id))!;
    const token = (await other.get(ApiTokensService).create(actor, 'b')).token;
    b = request.agent(other.getHttpServer()).set('Authorization', `Bearer ${token}`);
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  it('the store: put, get, and take gives the bytes to exactly one of several takers', async () => {
    const store = t.app.get<FileStore>(FILE_STORE);
    await store.put('test/one.bin', Buffer.from([1, 2, 3]));
    expect(await (second ?? t.app).get<FileStore>(FILE_STORE).get('test/one.bin')).toEqual(
      Buffer.from([1, 2, 3]),
    );
    const taken = await Promise.all(Array.from({ length: 5 }, () => store.take('test/one.bin')));
    expect(taken.filter((x) => x !== null)).toEqual([Buffer.from([1, 2, 3])]);
    expect(await store.get('test/one.bin')).toBeNull();
    await expect(store.get('../etc/passwd')).rejects.toThrow(/not a storage key/);
  });

  it('a mystery-shop upload previewed on one instance is committed on another; parallel commits: one imports, the others 400 "already imported"', async () => {
    const csv = fs.readFileSync(path.join(FIXTURES, 'mystery-shop', 'sample-ko.csv'), 'utf8');
    const clean = csv
      .split('\n')
      .filter((l) => !/^MS-2603-006|^MS-2603-010/.test(l))
      .join('\n');
    const preview = await a
      .post('/mystery-shop')
      .set('Accept', 'text/html')
      .attach('file', Buffer.from(clean), 'clean.csv')
      .attach(
        'mapping',
        fs.readFileSync(path.join(FIXTURES, 'mystery-shop', 'mapping-ko.yaml')),
        'mapping-ko.yaml',
      )
      .expect(201);
    const token = /name="token" value="([a-f0-9]{32})"/.exec(preview.text)?.[1];
    expect(token).toBeDefined();
    const commits = await Promise.all(
      [b, a, b, a, b].map((c) =>
        c.post('/mystery-shop').set('Accept', 'text/html').field('token', token!),
      ),
    );
    const statuses = commits.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 400, 400, 400, 400]);
    for (const r of commits.filter((c) => c.status === 400)) {
      // In the reader's language (Korean by default).
      expect(r.text).toContain('이 업로드는 이미 가져왔거나 만료되었습니다');
    }
    const rows = await t.dataSource.query(
      `SELECT COUNT(*) AS "n" FROM "evaluations" WHERE "kind" = 'mystery_shop'`,
    );
    expect(Number(rows[0].n)).toBe(10);
  });
});
