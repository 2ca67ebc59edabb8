/**
 * The main pages of the demo at 1280 × 800, for each role, in Korean and in English, in one
 * Chromium (issue 15): each page answers 200 with no JavaScript error, has no horizontal scroll
 * at 1280 px, shows no raw locale key, and reads in one language (the words of the interface
 * are checked as test/integration/one-language.spec.ts does; stored data — names, transcripts,
 * typed text — may be in either). A screenshot of each goes to the test artefacts folder
 * (`page-<role>-<page>-<lang>-1280x800.png`).
 */
import * as fs from 'fs';
import type { Browser, Page } from 'puppeteer';
import { DEMO_PASSWORD, DemoSeeder } from '../../src/cli/demo-seeder';
import { artefactPath } from '../support/artefacts';
import { TEST_PASSWORD } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { dataWordsOf, DataWords, languageProblems } from '../support/one-language';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(300_000);

const WIDTH = 1280;
const HEIGHT = 800;

/** A page to look at: its name in the screenshot's file and its path. */
type Shot = [name: string, path: string];

describe('main pages at 1280 × 800 in both languages', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let data: DataWords;
  const links = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    // Fewer calls than the quick start: every page still has rows, and the run stays short.
    await new DemoSeeder(t.app).seed({ calls: 30 });
    // On PostgreSQL the roll-up the analytics pages read is refreshed by jobs: wait for them.
    await t.jobsSettled();
    data = await dataWordsOf(t);
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    // One of each detail page, found from the lists as a person would click.
    const found = async (who: string, list: string, name: string, pattern: RegExp) => {
      const res = await (await t.client(who)).get(list).set('Accept', 'text/html');
      const m = pattern.exec(res.text);
      if (m) links.set(name, m[1]);
    };
    await found(TEST_USERS.evaluator, '/interactions', 'replay', /href="(\/interactions\/\d+)"/);
    await found(
      'agent1@demo.local',
      '/my/evaluations',
      'evaluation',
      /href="(\/evaluations\/\d+)"/,
    );
    await found(
      'lead1@demo.local',
      '/analytics',
      'profile',
      /href="(\/analytics\/agents\/[\w-]+)[?"]/,
    );
    await found('lead1@demo.local', '/coaching', 'plan', /href="(\/coaching\/\d+)"/);
    await found(TEST_USERS.evaluator, '/calibration', 'session', /href="(\/calibration\/\d+)"/);
    // The scoring form: a draft of the evaluator's on the call of the replay.
    const evaluator = await t.client(TEST_USERS.evaluator);
    const interactionId = Number(links.get('replay')?.split('/').pop());
    const call = (await evaluator.get(`/api/interactions/${interactionId}`).expect(200)).body;
    const draft = await evaluator
      .post('/api/evaluations')
      .send({ interactionId, scorecardKey: `${call.channel}-${call.language}` })
      .expect(201);
    links.set('scoring', `/evaluations/${draft.body.id}/edit`);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const detail = (name: string): Shot[] => [[name, links.get(name) ?? `/missing-${name}`]];
  const roles: [role: string, email: string, password: string, pages: () => Shot[]][] = [
    [
      'evaluator',
      TEST_USERS.evaluator,
      TEST_PASSWORD,
      () => [
        ['queue', '/queue'],
        ['interactions', '/interactions'],
        ...detail('replay'),
        ...detail('scoring'),
        ...detail('evaluation'),
        ['disputes', '/disputes'],
        ['calibration', '/calibration'],
        ...detail('session'),
      ],
    ],
    [
      'team_lead',
      'lead1@demo.local',
      DEMO_PASSWORD,
      () => [
        ['team-view', '/analytics'],
        ...detail('profile'),
        ['coaching', '/coaching'],
        ...detail('plan'),
        ['disputes', '/disputes'],
      ],
    ],
    [
      'agent',
      'agent1@demo.local',
      DEMO_PASSWORD,
      () => [
        ['evaluations', '/my/evaluations'],
        ...detail('evaluation'),
        ['profile', '/my/profile'],
        ['coaching', '/coaching'],
      ],
    ],
    [
      'admin',
      TEST_USERS.admin,
      TEST_PASSWORD,
      () => [
        ['queue-rules', '/queue/rules'],
        ['scorecards', '/scorecards'],
        ['designer', '/scorecards/voice-ko/design'],
        ['users', '/admin/users'],
        ['jobs', '/admin/jobs'],
        ['audit', '/admin/audit'],
        ['analytics', '/analytics'],
      ],
    ],
  ];

  async function signedIn(email: string, password: string, lang: 'ko' | 'en'): Promise<Page> {
    const page = await (await browser.createBrowserContext()).newPage();
    await page.setViewport({ width: WIDTH, height: HEIGHT });
    await page.setExtraHTTPHeaders({ 'Accept-Language': lang });
    await page.goto(`${base}/login`);
    await page.type('input[name=email]', email);
    await page.type('input[name=password]', password);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    return page;
  }

  for (const [role, email, password, pages] of roles) {
    for (const lang of ['ko', 'en'] as const) {
      it(`shows the ${role}'s main pages in ${lang}: no overflow, no raw key, one language`, async () => {
        const page = await signedIn(email, password, lang);
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        const problems: string[] = [];
        for (const [name, path] of pages()) {
          const where = `${role} ${lang} ${name} (${path})`;
          const response = await page.goto(
            `${base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`,
          );
          if (response?.status() !== 200) {
            problems.push(`${where}: status ${response?.status()}`);
            continue;
          }
          const overflow = await page.evaluate(() => {
            const doc = document.documentElement;
            const wide = [...document.querySelectorAll('body *')]
              .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1)
              .filter((el) => !el.closest('.table-scroll, [data-scroll-x]'))
              .slice(0, 3)
              .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
            return { by: doc.scrollWidth - doc.clientWidth, wide };
          });
          if (overflow.by > 0)
            problems.push(
              `${where}: ${overflow.by} px wider than the window (${overflow.wide.join(', ')})`,
            );
          const html = await page.content();
          const found = languageProblems(html, lang, where, data);
          // The page as the browser had it, to see where a word came from.
          if (found.length > 0)
            fs.writeFileSync(artefactPath(`page-${role}-${name}-${lang}.html`), html);
          problems.push(...found);
          await page.screenshot({
            path: artefactPath(`page-${role}-${name}-${lang}-1280x800.png`),
          });
        }
        await page.close();
        expect(errors).toEqual([]);
        expect(problems).toEqual([]);
      });
    }
  }
});
