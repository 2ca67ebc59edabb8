/**
 * Validates the rows of a mystery-shop results file against the scorecards: which column holds
 * what (the header, shop-header.ts), then every row's cells. Every problem is reported as (row, column, reason);
 * nothing is half-valid. Pure.
 */
import { plainTextProblem } from '../common/plain-text';
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import type { SheetRow, SheetRows } from './sheet-reader';
import {
  cell,
  readHeader,
  rowScorecardKey,
  type Layout,
  type Report,
  type RowMessage,
} from './shop-header';
import type { Mapping } from './shop-mapping';
import { fold, shortQuote, shortQuotes } from './shop-text';
import { CHANNEL_WORDS, parseShopDate, readAnswer } from './shop-values';

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
  /** `reason` in the locale files, for pages in the reader's language. */
  messageKey?: RowMessage;
}

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
  const headerError: Report = (column, reason, key) =>
    errors.push({
      line: 1,
      column: shortQuote(column),
      reason: shortQuotes(reason),
      ...(key ? { messageKey: shortParams(key) } : {}),
    });
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
