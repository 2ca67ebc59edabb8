/**
 * Validates the rows of a mystery-shop results file against the scorecards: which column holds
 * what (the header), then every row's cells. Every problem is reported as (row, column, reason);
 * nothing is half-valid. Pure.
 */
import { plainTextProblem } from '../common/plain-text';
import type { CriterionDefinition, ScorecardDefinition } from '../scorecards/scorecard-definition';
import type { SheetRow, SheetRows } from './sheet-reader';
import { DEFAULT_COLUMNS, KEY_SHAPE, type Mapping } from './shop-mapping';
import { clean, fold, shortQuote, shortQuotes } from './shop-text';
import {
  CHANNEL_WORDS,
  parseShopDate,
  readAnswer,
  resolveWords,
  type ResolvedWords,
} from './shop-values';

export interface ShopAnswer {
  key: string;
  /** A value on the criterion's scale, or null for N/A. */
  value: number | null;
  comment?: string;
}

export interface ShopResult {
  line: number;
  shopId: string;
  /** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm:ss` (plus the offset when the file gave one). */
  date: string;
  channel: 'voice' | 'chat';
  agentExternalId: string;
  scorecardKey: string;
  /** One answer per criterion of the scorecard, in scorecard order. */
  answers: ShopAnswer[];
  overallComment?: string;
  transcriptFile?: string;
}

export interface ShopError {
  /** Spreadsheet row number; 1 = the header. */
  line: number;
  /** The column name as it appears in the file (or the expected name of a missing column). */
  column: string;
  reason: string;
  /** `reason` in the locale files, for pages in the reader's language (row problems only). */
  messageKey?: RowMessage;
}

type RowMessage = { key: string; params?: Record<string, string> };

/** The key's parameters cut like the English reason's quotes. */
function shortParams(key: RowMessage | undefined): RowMessage | undefined {
  if (!key?.params) return key;
  const params = Object.fromEntries(
    Object.entries(key.params).map(([name, value]) => [name, shortQuote(value)]),
  );
  return { ...key, params };
}

export interface ValidateOptions {
  /** Scorecard for rows without one; wins over the mapping's `scorecard`. */
  defaultScorecard?: string;
}

export interface ValidationResult {
  valid: ShopResult[];
  errors: ShopError[];
}

/** Finds a column of the file by name, trimmed, case-insensitively and NFC-normalised. */
class HeaderIndex {
  private readonly byFold = new Map<string, string>();
  readonly duplicates: string[] = [];

  constructor(headers: string[]) {
    for (const h of headers) {
      if (h === '') continue;
      const f = fold(h);
      if (this.byFold.has(f)) this.duplicates.push(h);
      else this.byFold.set(f, h);
    }
  }

  find(name: string): string | undefined {
    return this.byFold.get(fold(name));
  }

  all(): string[] {
    return [...this.byFold.values()];
  }
}

type FixedField = keyof typeof DEFAULT_COLUMNS;
type Report = (column: string, reason: string, key?: RowMessage) => void;

/** Which column of the file holds what, worked out once from the header. */
interface Layout {
  fixed: {
    shopId?: string;
    date?: string;
    channel?: string;
    agent?: string;
    scorecard?: string;
    comment?: string;
    transcript?: string;
  };
  /** The column name expected for a fixed field (the mapping's or the default). */
  expected: (field: FixedField) => string;
  fallbackScorecard?: string;
  words: ResolvedWords;
  /** File column → criterion key, for answer and comment columns. */
  criterionColumns: Map<string, string>;
  commentColumns: Map<string, string>;
  columnOfCriterion: Map<string, string>;
  columnOfComment: Map<string, string>;
}

function cell(row: SheetRow, column: string | undefined): string {
  // Own cells only: a column named "toString" must not read Object.prototype.
  return column === undefined || !Object.hasOwn(row.cells, column)
    ? ''
    : clean(row.cells[column] ?? '');
}

function rowScorecardKey(row: SheetRow, layout: Pick<Layout, 'fixed' | 'fallbackScorecard'>) {
  const named = cell(row, layout.fixed.scorecard);
  return named !== '' ? named : layout.fallbackScorecard;
}

/**
 * Validates every row. Every problem of every row is reported as (row, column, reason); a row
 * with any problem is left out of `valid`, and a problem with the header (row 1) leaves `valid`
 * empty, so a file is never half-imported. Never throws for any content of `table`.
 */
export function validateShops(
  table: SheetRows,
  mapping: Mapping | undefined,
  scorecards: ReadonlyMap<string, ScorecardDefinition>,
  options: ValidateOptions = {},
): ValidationResult {
  const errors: ShopError[] = [];
  const headerError: Report = (column, reason) =>
    errors.push({ line: 1, column: shortQuote(column), reason: shortQuotes(reason) });
  const layout = readHeader(table, mapping ?? {}, scorecards, options, headerError, errors);

  const valid: ShopResult[] = [];
  const firstRowOfShop = new Map<string, number>();
  for (const row of table.rows) {
    const rowError: Report = (column, reason, key) =>
      errors.push({
        line: row.line,
        column: shortQuote(column),
        reason: shortQuotes(reason),
        ...(key ? { messageKey: shortParams(key) } : {}),
      });
    const shop = validateRow(row, table, layout, scorecards, firstRowOfShop, rowError);
    if (shop) valid.push(shop);
  }

  const headerOrder = new Map(table.headers.map((h, i) => [h, i] as const));
  errors.sort(
    (a, b) =>
      a.line - b.line ||
      (headerOrder.get(a.column) ?? Number.MAX_SAFE_INTEGER) -
        (headerOrder.get(b.column) ?? Number.MAX_SAFE_INTEGER),
  );
  const headerBroken = errors.some((e) => e.line === 1);
  return { valid: headerBroken ? [] : valid, errors };
}

/**
 * The header: duplicate and missing columns, the fixed columns, and which columns answer which
 * criterion of the scorecards the rows name (or of all, when they name none we know).
 */
function readHeader(
  table: SheetRows,
  map: Mapping,
  scorecards: ReadonlyMap<string, ScorecardDefinition>,
  options: ValidateOptions,
  headerError: Report,
  errors: readonly ShopError[],
): Layout {
  const index = new HeaderIndex(table.headers);
  const cols = map.columns ?? {};
  const ignored = new Set((map.ignore ?? []).map(fold));
  const fallbackScorecard = options.defaultScorecard ?? map.scorecard;

  for (const dup of index.duplicates) headerError(dup, `column "${dup}" appears more than once`);

  // Fixed columns: the file's spelling, or undefined when the file lacks the column.
  const expected = (field: FixedField): string => cols[field] ?? DEFAULT_COLUMNS[field];
  const fixed = {
    shopId: index.find(expected('shop_id')),
    date: index.find(expected('date')),
    channel: index.find(expected('channel')),
    agent: index.find(expected('agent')),
    scorecard: index.find(expected('scorecard')),
    comment: index.find(expected('comment')),
    transcript: index.find(expected('transcript')),
  };
  const required: [FixedField, string | undefined][] = [
    ['shop_id', fixed.shopId],
    ['date', fixed.date],
    ['agent', fixed.agent],
  ];
  if (fallbackScorecard === undefined) required.push(['scorecard', fixed.scorecard]);
  for (const [field, found] of required) {
    if (found === undefined) headerError(expected(field), `missing column "${expected(field)}"`);
  }

  // The scorecards the rows name (or the default), to tell criterion columns from unknown ones.
  const used = new Map<string, ScorecardDefinition>();
  for (const row of table.rows) {
    const key = rowScorecardKey(row, { fixed, fallbackScorecard });
    const def = key === undefined ? undefined : scorecards.get(key);
    if (key !== undefined && def) used.set(key, def);
  }
  const known = used.size > 0 ? used : scorecards;
  const knownCriteria = new Map<string, CriterionDefinition>();
  for (const def of known.values()) {
    for (const c of def.sections.flatMap((s) => s.criteria)) {
      if (!knownCriteria.has(c.key)) knownCriteria.set(c.key, c);
    }
  }

  const criterionColumnName = (key: string) => cols.criteria?.[key] ?? key;
  const commentColumnName = (key: string) => cols.comments?.[key] ?? `${key}_comment`;

  // Every mapped criterion must exist on a scorecard in use.
  for (const [key, column] of Object.entries(cols.criteria ?? {})) {
    if (!knownCriteria.has(key)) headerError(column, `unknown criterion "${key}"`);
  }
  for (const [key, column] of Object.entries(cols.comments ?? {})) {
    if (!knownCriteria.has(key) && !cols.criteria?.[key]) {
      headerError(column, `unknown criterion "${key}"`);
    }
  }

  // Classify the file's columns: fixed, criterion, comment, or other.
  const criterionColumns = new Map<string, string>(); // file column → criterion key
  const commentColumns = new Map<string, string>();
  const keyOfColumn = new Map<string, string>();
  for (const key of new Set([...knownCriteria.keys(), ...Object.keys(cols.criteria ?? {})])) {
    keyOfColumn.set(fold(criterionColumnName(key)), key);
  }
  const keyOfComment = new Map<string, string>();
  for (const key of new Set([...knownCriteria.keys(), ...Object.keys(cols.comments ?? {})])) {
    keyOfComment.set(fold(commentColumnName(key)), key);
  }
  const fixedColumns = new Set(
    Object.values(fixed)
      .filter((c): c is string => c !== undefined)
      .map(fold),
  );
  for (const column of index.all()) {
    const f = fold(column);
    if (fixedColumns.has(f)) continue;
    const criterionKey = keyOfColumn.get(f);
    if (criterionKey !== undefined) {
      if (knownCriteria.has(criterionKey)) criterionColumns.set(column, criterionKey);
      continue;
    }
    const commentKey = keyOfComment.get(f);
    if (commentKey !== undefined) {
      if (knownCriteria.has(commentKey)) commentColumns.set(column, commentKey);
      continue;
    }
    if (ignored.has(f)) continue;
    if (KEY_SHAPE.test(column)) {
      const base = column.endsWith('_comment') ? column.slice(0, -'_comment'.length) : column;
      headerError(column, `unknown criterion "${base}"`);
    }
  }
  const columnOfCriterion = new Map([...criterionColumns].map(([col, key]) => [key, col]));
  const columnOfComment = new Map([...commentColumns].map(([col, key]) => [key, col]));

  // A criterion of a scorecard in use without its column is a header problem (reported once).
  for (const def of used.values()) {
    for (const c of def.sections.flatMap((s) => s.criteria)) {
      if (columnOfCriterion.has(c.key)) continue;
      const name = criterionColumnName(c.key);
      if (!errors.some((e) => e.line === 1 && e.column === name)) {
        headerError(name, `missing column for criterion ${c.key} (scorecard ${def.key})`);
      }
    }
  }
  return {
    fixed,
    expected,
    fallbackScorecard,
    words: resolveWords(map),
    criterionColumns,
    commentColumns,
    columnOfCriterion,
    columnOfComment,
  };
}

/** One row's cells; the shop when the row has no problem, else undefined (each one reported). */
function validateRow(
  row: SheetRow,
  table: SheetRows,
  layout: Layout,
  scorecards: ReadonlyMap<string, ScorecardDefinition>,
  firstRowOfShop: Map<string, number>,
  rowError: Report,
): ShopResult | undefined {
  const { fixed } = layout;
  let problems = 0;
  const report: Report = (column, reason, key) => {
    problems++;
    rowError(column, reason, key);
  };

  if (row.extraCells) {
    const last = table.headers.length;
    report(
      '(row)',
      `${row.extraCells} cell(s) to the right of the last column (the header has ${last})`,
      {
        key: 'mysteryShop.row.extraCells',
        params: { n: String(row.extraCells), last: String(last) },
      },
    );
  }

  const shopId = cell(row, fixed.shopId);
  const shopIdProblem = plainTextProblem(shopId);
  if (fixed.shopId !== undefined) {
    if (shopId === '') {
      report(fixed.shopId, 'shop id missing', { key: 'mysteryShop.row.shopIdMissing' });
    } else if (shopIdProblem) report(fixed.shopId, `shop id ${shopIdProblem}`);
    else {
      const first = firstRowOfShop.get(shopId);
      if (first !== undefined) {
        report(fixed.shopId, `duplicate shop id ${shopId} (also on row ${first})`, {
          key: 'mysteryShop.row.duplicateShop',
          params: { shopId, first: String(first) },
        });
      } else firstRowOfShop.set(shopId, row.line);
    }
  }

  const dateText = cell(row, fixed.date);
  let date: string | null = null;
  if (fixed.date !== undefined) {
    if (dateText === '') report(fixed.date, 'date missing', { key: 'mysteryShop.row.dateMissing' });
    else {
      date = parseShopDate(dateText);
      if (date === null) {
        report(fixed.date, `date "${dateText}" is not a date`, {
          key: 'mysteryShop.row.notADate',
          params: { value: dateText },
        });
      }
    }
  }

  const agent = cell(row, fixed.agent);
  if (fixed.agent !== undefined && agent === '') {
    report(fixed.agent, 'agent id missing', { key: 'mysteryShop.row.agentMissing' });
  }
  const agentProblem = plainTextProblem(agent);
  if (fixed.agent !== undefined && agentProblem) report(fixed.agent, `agent id ${agentProblem}`);

  const scorecardKey = rowScorecardKey(row, layout);
  const scorecard = scorecardKey === undefined ? undefined : scorecards.get(scorecardKey);
  const scorecardColumn = fixed.scorecard ?? layout.expected('scorecard');
  if (scorecardKey === undefined) {
    if (fixed.scorecard !== undefined) {
      report(scorecardColumn, 'scorecard missing', { key: 'mysteryShop.row.scorecardMissing' });
    }
  } else if (!scorecard) {
    report(scorecardColumn, `scorecard "${scorecardKey}" not found`, {
      key: 'mysteryShop.row.scorecardNotFound',
      params: { key: scorecardKey },
    });
  }

  const channelText = cell(row, fixed.channel);
  let channel: 'voice' | 'chat' | undefined = scorecard?.channel;
  if (channelText !== '' && fixed.channel !== undefined) {
    channel = CHANNEL_WORDS[fold(channelText)];
    if (channel === undefined) {
      report(fixed.channel, `unknown channel "${channelText}" (expected voice or chat)`, {
        key: 'mysteryShop.row.unknownChannel',
        params: { value: channelText },
      });
    }
  }

  const answers = scorecard ? rowAnswers(row, scorecard, layout, report) : [];

  if (problems > 0 || !scorecard || scorecardKey === undefined) return undefined;
  if (date === null || channel === undefined) return undefined;
  const overallComment = cell(row, fixed.comment);
  const transcriptFile = cell(row, fixed.transcript);
  return {
    line: row.line,
    shopId,
    date,
    channel,
    agentExternalId: agent,
    scorecardKey,
    answers,
    ...(overallComment === '' ? {} : { overallComment }),
    ...(transcriptFile === '' ? {} : { transcriptFile }),
  };
}

/** The row's answer to every criterion of its scorecard, in scorecard order. */
function rowAnswers(
  row: SheetRow,
  scorecard: ScorecardDefinition,
  layout: Layout,
  report: Report,
): ShopAnswer[] {
  const answers: ShopAnswer[] = [];
  const onCard = new Set<string>();
  for (const c of scorecard.sections.flatMap((s) => s.criteria)) {
    onCard.add(c.key);
    const column = layout.columnOfCriterion.get(c.key);
    if (column === undefined) continue; // reported on the header
    const text = cell(row, column);
    if (text === '') {
      report(column, `missing answer for criterion ${c.key}`, {
        key: 'mysteryShop.row.missingAnswer',
        params: { key: c.key },
      });
      continue;
    }
    const answer = readAnswer(c, text, layout.words);
    if ('error' in answer) {
      report(column, answer.error, answer.key);
      continue;
    }
    const comment = cell(row, layout.columnOfComment.get(c.key));
    answers.push(
      comment === ''
        ? { key: c.key, value: answer.value }
        : { key: c.key, value: answer.value, comment },
    );
  }
  // Answers for criteria of another scorecard would be dropped silently: refuse them.
  for (const [column, key] of [...layout.criterionColumns, ...layout.commentColumns]) {
    if (!onCard.has(key) && cell(row, column) !== '') {
      report(column, `criterion ${key} is not on scorecard "${scorecard.key}"`, {
        key: 'mysteryShop.row.notOnScorecard',
        params: { key, scorecard: scorecard.key },
      });
    }
  }
  return answers;
}
