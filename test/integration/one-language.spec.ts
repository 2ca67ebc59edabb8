/**
 * One language at a time: the main pages of the loaded demo, as admin, evaluator, team lead and
 * agent, in Korean and in English. A page fails on a raw locale key (`audit.action_x`) left by a
 * missing string, on an English word in the Korean page that is neither a product name or code
 * nor stored data (names, transcripts, free text people typed), and on Hangul in the English page
 * that is not stored data.
 */
import type { Agent as TestAgent } from 'supertest';
import { DemoSeeder } from '../../src/cli/demo-seeder';
import en from '../../src/common/i18n/locales/en.json';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';

jest.setTimeout(300_000);

/** Product names, codes and abbreviations a Korean contact center writes in Latin letters. */
const ALLOWED = new Set(
  [
    'QA',
    'CSAT',
    'FCR',
    'AHT',
    'CSV',
    'PDF',
    'API',
    'ID',
    'URL',
    'JSON',
    'NPS',
    'SLA',
    'PII',
    'STT',
    'KST',
    'UTC',
    'ko',
    'en',
    'English',
    'OK',
    'N/A',
    'NA',
    'YAML',
    'CSV로',
    'Swagger',
    'OpenAPI',
    'HTTP',
    'min',
    'sec',
    'ISO',
    // An acronym Korean dashboards use as it is (the KPI panel on /analytics).
    'KPI',
    'XLSX',
    'SRT',
    'WebVTT',
    'Authorization',
    'Bearer',
    // Statistics and speech-to-text products named as they are.
    'Fleiss',
    "Fleiss'",
    'kappa',
    'Landis',
    'Koch',
    'Amazon',
    'Transcribe',
    'Google',
    'CCAI',
    'Deepgram',
    'AssemblyAI',
    'whisper',
    'cpp',
    'Lens',
    'whisper.cpp',
    'Ctrl',
  ].map((w) => w.toLowerCase()),
);
const KEYS = new Set(Object.keys(en));
/**
 * Found by this test and not fixed yet (issue 15, item 6): each is `language word` or
 * `key code`, page-independent. Remove a line when its text is fixed; a new finding fails.
 */
const NOT_YET: ReadonlySet<string> = new Set<string>([
  // Empty: the rule help, the mystery-shop and scorecards hints and the import page's formats
  // and examples now read in one language (codes in <code>, formats by name).
]);

/** The text a person reads: text nodes and the titles, placeholders and labels of elements. */
function visibleText(html: string): string {
  const body = html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    // What people said and wrote: transcript turns, call notes, typed text.
    .replace(/<div class="text">[\s\S]*?<\/div>/g, ' ')
    .replace(/<p class="notes">[\s\S]*?<\/p>/g, ' ')
    .replace(/<textarea[^>]*>[\s\S]*?<\/textarea>/g, ' ')
    // Codes shown as codes on purpose (rule kinds, field names, commands, file formats).
    .replace(/<code[^>]*>[\s\S]*?<\/code>/gi, ' ')
    .replace(/<(?:pre|code)[^>]*class="[^"]*\bdata\b[^"]*"[\s\S]*?<\/(?:pre|code)>/gi, ' ');
  const attributes = [...body.matchAll(/\s(?:title|placeholder|aria-label|alt)="([^"]*)"/g)].map(
    (m) => m[1],
  );
  const buttons = [
    ...body.matchAll(/<input[^>]*type="(?:submit|button)"[^>]*value="([^"]*)"/g),
  ].map((m) => m[1]);
  const text = body.replace(/<[^>]*>/g, '\n');
  return [text, ...attributes, ...buttons]
    .join('\n')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** Removes what is not words of the interface: e-mails, paths, numbers and codes. */
function withoutCodes(text: string): string {
  return text
    .replace(/[\w.+-]+@[\w.-]+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/(?:^|[\s(])\/[\w/.?=&-]*/g, ' ')
    .replace(/\b[\w-]+\.(?:csv|pdf|json|yaml|txt)\b/gi, ' ')
    .replace(/\b[A-Za-z]+-\d[\w-]*/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\b[a-z]+(?:-[a-z]+)+\b/g, ' ')
    .replace(/\be\.g\./g, ' ')
    .replace(/\b[A-Za-z]*\d[\w-]*/g, ' ');
}

/** The free texts in a stored value (JSON included), leaving out codes such as `yes_no`. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') {
    if (/^[[{]/.test(value)) {
      try {
        return texts(JSON.parse(value));
      } catch {
        return [value];
      }
    }
    return /^[a-z0-9]+(?:_[a-z0-9]+)+$/.test(value) ? [] : [value];
  }
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

describe('one language at a time', () => {
  let t: TestApp;
  /** Every word of stored data: names, transcripts, notes, comments, scorecard texts. */
  const dataWords = new Set<string>();
  const dataHangul = new Set<string>();
  /** Codes that are data: the values of an import's metadata (`disposition: callback_scheduled`). */
  const dataCodes = new Set<string>();

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    await new DemoSeeder(t.app).seed({ calls: 80 });
    const columns: Record<string, string[]> = {
      agents: ['*'],
      teams: ['*'],
      users: ['name'],
      interactions: ['externalId', 'queue', 'source', 'metadata'],
      scorecards: ['*'],
      scorecard_versions: ['definition'],
      evaluations: ['*'],
      evaluation_answers: ['*'],
      coaching_plans: ['*'],
      calibration_sessions: ['*'],
      sampling_rules: ['name'],
      evaluation_responses: ['*'],
      feedback_sessions: ['*'],
    };
    for (const meta of t.dataSource.entityMetadatas) {
      const wanted = columns[meta.tableName];
      if (!wanted) continue;
      const names = meta.columns
        .filter((c) => wanted.includes('*') || wanted.includes(c.propertyName))
        .map((c) => c.databaseName);
      const rows: Record<string, unknown>[] = await t.dataSource.query(
        `SELECT ${names.map((n) => `"${n}"`).join(', ')} FROM "${meta.tableName}"`,
      );
      for (const row of rows) {
        if (meta.tableName === 'interactions' && typeof row.metadata === 'string')
          for (const v of Object.values(JSON.parse(row.metadata) as Record<string, unknown>))
            if (typeof v === 'string') dataCodes.add(v);
        for (const value of Object.values(row).flatMap(texts)) {
          for (const w of value.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [])
            dataWords.add(w.toLowerCase());
          for (const w of value.match(/[\uAC00-\uD7A3]+/g) ?? []) dataHangul.add(w);
        }
      }
    }
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
        const text = withoutCodes(visibleText(res.text));
        const where = `${who} ${lang} ${page}`;
        for (const key of text.match(/\b[a-z][a-z0-9]*(?:[._][a-z0-9]+)+\b/gi) ?? []) {
          if (dataCodes.has(key) || ALLOWED.has(key)) continue;
          if (KEYS.has(key) || /^[a-z]+(?:_[a-z]+)+$/.test(key) || /^[a-z]+\.[a-z_]+$/.test(key))
            found.push(`${where}: raw key or code "${key}"`);
        }
        if (lang === 'ko') {
          // The product says 상담 and 평가표 everywhere, not 콜 and 스코어카드.
          for (const word of text.match(/스코어카드|(?<![가-힣])콜(?![가-힣]{2})/g) ?? [])
            found.push(`${where}: "${word}" where other pages say 상담/평가표`);
          for (const word of text.match(/[A-Za-z][A-Za-z'’]*/g) ?? []) {
            const w = word.toLowerCase();
            if (word.length === 1 || ALLOWED.has(w) || dataWords.has(w)) continue;
            if (NOT_YET.has(`ko ${word}`)) continue;
            found.push(`${where}: English "${word}"`);
          }
        } else {
          for (const word of text.match(/[\uAC00-\uD7A3]+/g) ?? []) {
            if (dataHangul.has(word) || word === '한국어') continue;
            found.push(`${where}: Korean "${word}"`);
          }
        }
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
