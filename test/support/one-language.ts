/**
 * One language at a time, shared by the integration check of every page's HTML
 * (test/integration/one-language.spec.ts) and the browser screenshots of the main pages
 * (test/browser/main-pages.spec.ts): which words in a page are interface words, which are
 * stored data (names, transcripts, typed text, scorecard texts), and what counts as a raw locale
 * key, an English word in the Korean page or Hangul in the English one.
 */
import en from '../../src/common/i18n/locales/en.json';
import type { TestApp } from './test-app';

/** Product names, codes and abbreviations a Korean contact center writes in Latin letters. */
export const ALLOWED = new Set(
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
export const KEYS = new Set(Object.keys(en));
/**
 * Found by this test and not fixed yet (issue 15, item 6): each is `language word` or
 * `key code`, page-independent. Remove a line when its text is fixed; a new finding fails.
 */
export const NOT_YET: ReadonlySet<string> = new Set<string>([
  // Empty: the rule help, the mystery-shop and scorecards hints and the import page's formats
  // and examples now read in one language (codes in <code>, formats by name).
]);

/** The text a person reads: text nodes and the titles, placeholders and labels of elements. */
export function visibleText(html: string): string {
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
export function withoutCodes(text: string): string {
  return (
    text
      .replace(/[\w.+-]+@[\w.-]+/g, ' ')
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/(?:^|[\s(])\/[\w/.?=&-]*/g, ' ')
      .replace(/\b[\w-]+\.(?:csv|pdf|json|yaml|txt)\b/gi, ' ')
      .replace(/\b[A-Za-z]+-\d[\w-]*/g, ' ')
      .replace(/`[^`]*`/g, ' ')
      .replace(/\b[a-z]+(?:-[a-z]+)+\b/g, ' ')
      .replace(/\be\.g\./g, ' ')
      // A quote clipped to fit (`… 보내 드렸습니…`): the cut word is data, not a word of either language.
      .replace(/\S+…/g, ' ')
      .replace(/\b[A-Za-z]*\d[\w-]*/g, ' ')
  );
}

/** The free texts in a stored value (JSON included), leaving out codes such as `yes_no`. */
export function texts(value: unknown): string[] {
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

/** The words of stored data, which a page may show in any language. */
export interface DataWords {
  words: Set<string>;
  hangul: Set<string>;
  /** Codes that are data: the values of an import's metadata (`disposition: callback_scheduled`). */
  codes: Set<string>;
}

/** Every word of stored data: names, transcripts, notes, comments, scorecard texts. */
export async function dataWordsOf(t: TestApp): Promise<DataWords> {
  const dataWords = new Set<string>();
  const dataHangul = new Set<string>();
  const dataCodes = new Set<string>();
  const columns: Record<string, string[]> = {
    agents: ['*'],
    teams: ['*'],
    users: ['name'],
    interactions: ['externalId', 'queue', 'source', 'metadata'],
    // What was said: the scoring form's "pin to a turn" list quotes the turns.
    turns: ['text'],
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
        for (const w of value.match(/[A-Za-z][A-Za-z'’-]*/g) ?? []) dataWords.add(w.toLowerCase());
        for (const w of value.match(/[\uAC00-\uD7A3]+/g) ?? []) dataHangul.add(w);
      }
    }
  }
  return { words: dataWords, hangul: dataHangul, codes: dataCodes };
}

/**
 * What is wrong with one page's HTML in `lang`: raw locale keys or codes, and in Korean English
 * interface words and 콜/스코어카드, in English Hangul that is not data. `where` prefixes each.
 */
export function languageProblems(
  html: string,
  lang: 'ko' | 'en',
  where: string,
  data: DataWords,
): string[] {
  const found: string[] = [];
  const text = withoutCodes(visibleText(html));
  for (const key of text.match(/\b[a-z][a-z0-9]*(?:[._][a-z0-9]+)+\b/gi) ?? []) {
    if (data.codes.has(key) || ALLOWED.has(key)) continue;
    if (KEYS.has(key) || /^[a-z]+(?:_[a-z]+)+$/.test(key) || /^[a-z]+\.[a-z_]+$/.test(key))
      found.push(`${where}: raw key or code "${key}"`);
  }
  if (lang === 'ko') {
    // The product says 상담 and 평가표 everywhere, not 콜 and 스코어카드.
    for (const word of text.match(/스코어카드|(?<![가-힣])콜(?![가-힣]{2})/g) ?? [])
      found.push(`${where}: "${word}" where other pages say 상담/평가표`);
    for (const word of text.match(/[A-Za-z][A-Za-z'’]*/g) ?? []) {
      const w = word.toLowerCase();
      if (word.length === 1 || ALLOWED.has(w) || data.words.has(w)) continue;
      if (NOT_YET.has(`ko ${word}`)) continue;
      found.push(`${where}: English "${word}"`);
    }
  } else {
    for (const word of text.match(/[\uAC00-\uD7A3]+/g) ?? []) {
      if (data.hangul.has(word) || word === '한국어') continue;
      found.push(`${where}: Korean "${word}"`);
    }
  }
  return found;
}
