/**
 * One language at a time: the main pages of the loaded demo, as admin, evaluator, team lead and
 * agent, in Korean and in English. A page fails on a raw locale key (`audit.action_x`) left by a
 * missing string, on an English word in the Korean page that is neither a product name or code
 * nor stored data (names, transcripts, free text people typed), and on Hangul in the English page
 * that is not stored data.
 */
import type { Agent as TestAgent } from 'supertest';
import { DemoSeeder } from '../../src/cli/demo-seeder';
import { dataWordsOf, DataWords, languageProblems } from '../support/one-language';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(300_000);

describe('one language at a time', () => {
  let t: TestApp;
  let data: DataWords;

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    await new DemoSeeder(t.app).seed({ calls: 80 });
    data = await dataWordsOf(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function pagesFor(client: TestAgent): Promise<string[]> {
    const pages = [
      '/',
      '/interactions',
      '/queue',
      '/my/evaluations',
      '/disputes',
      '/calibration',
      '/calibration/history',
      '/calibration/new',
      '/coaching/new',
      '/admin/users/new',
      '/coaching',
      '/analytics',
      '/scorecards',
      '/notifications',
      '/account',
      '/my/profile',
      '/admin/audit',
      '/admin/retention',
      '/admin/data-requests',
      '/protection',
      '/admin/users',
      '/queue/rules',
      '/imports',
      '/mystery-shop',
    ];
    // One of each detail page this person may open, found from the list pages.
    const links = new Set<string>();
    for (const list of [
      '/interactions',
      '/my/evaluations',
      '/calibration',
      '/coaching',
      '/analytics',
    ]) {
      const res = await client.get(`${list}?lang=ko`);
      if (res.status !== 200) continue;
      for (const pattern of [
        /href="(\/interactions\/\d+)"/,
        /href="(\/evaluations\/\d+)"/,
        /href="(\/evaluations\/\d+\/edit)"/,
        /href="(\/calibration\/\d+)"/,
        /href="(\/coaching\/\d+)"/,
        /href="(\/analytics\/agents\/[\w-]+)"/,
      ]) {
        const m = pattern.exec(res.text);
        if (m) links.add(m[1]);
      }
    }
    return [...pages, ...links];
  }

  async function problems(who: string): Promise<string[]> {
    const client = await t.client(who);
    const found: string[] = [];
    for (const page of await pagesFor(client)) {
      for (const lang of ['ko', 'en'] as const) {
        const res = await client.get(`${page}${page.includes('?') ? '&' : '?'}lang=${lang}`);
        if (res.status !== 200) continue;
        found.push(...languageProblems(res.text, lang, `${who} ${lang} ${page}`, data));
      }
    }
    return [...new Set(found)];
  }

  it.each([
    ['admin', TEST_USERS.admin],
    ['evaluator', TEST_USERS.evaluator],
    ['team lead', 'lead1@demo.local'],
    ['agent', 'agent1@demo.local'],
  ])('shows the %s every page in one language', async (_role, email) => {
    expect(await problems(email)).toEqual([]);
  });
});
