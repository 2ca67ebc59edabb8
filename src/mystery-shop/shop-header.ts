/**
 * The header of a mystery-shop results file: which column holds what (the fixed columns, the
 * criteria and their comments, of the scorecards the rows name), with every header problem
 * reported on row 1. Pure; shop-validation.ts checks the rows with the layout found here.
 */
import type { CriterionDefinition, ScorecardDefinition } from '../scorecards/scorecard-definition';
import type { SheetRow, SheetRows } from './sheet-reader';
import { DEFAULT_COLUMNS, KEY_SHAPE, type Mapping } from './shop-mapping';
import { clean, fold } from './shop-text';
import { resolveWords, type ResolvedWords } from './shop-values';

/** A problem's locale key with its values. */
export type RowMessage = { key: string; params?: Record<string, string> };

const unknownCriterion = (key: string): RowMessage => ({
  key: 'mysteryShop.header.unknownCriterion',
  params: { criterion: key },
});

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

export type FixedField = keyof typeof DEFAULT_COLUMNS;
export type Report = (column: string, reason: string, key?: RowMessage) => void;

/** Which column of the file holds what, worked out once from the header. */
export interface Layout {
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

export function cell(row: SheetRow, column: string | undefined): string {
  // Own cells only: a column named "toString" must not read Object.prototype.
  return column === undefined || !Object.hasOwn(row.cells, column)
    ? ''
    : clean(row.cells[column] ?? '');
}

export function rowScorecardKey(
  row: SheetRow,
  layout: Pick<Layout, 'fixed' | 'fallbackScorecard'>,
) {
  const named = cell(row, layout.fixed.scorecard);
  return named !== '' ? named : layout.fallbackScorecard;
}

/**
 * The header: duplicate and missing columns, the fixed columns, and which columns answer which
 * criterion of the scorecards the rows name (or of all, when they name none we know).
 */
export function readHeader(
  table: SheetRows,
  map: Mapping,
  scorecards: ReadonlyMap<string, ScorecardDefinition>,
  options: { defaultScorecard?: string },
  headerError: Report,
  errors: readonly { line: number; column: string }[],
): Layout {
  const index = new HeaderIndex(table.headers);
  const cols = map.columns ?? {};
  const ignored = new Set((map.ignore ?? []).map(fold));
  const fallbackScorecard = options.defaultScorecard ?? map.scorecard;

  for (const dup of index.duplicates)
    headerError(dup, `column "${dup}" appears more than once`, {
      key: 'mysteryShop.header.duplicate',
      params: { column: dup },
    });

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
    if (found === undefined) {
      headerError(expected(field), `missing column "${expected(field)}"`, {
        key: 'mysteryShop.header.missing',
        params: { column: expected(field) },
      });
    }
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
    if (!knownCriteria.has(key))
      headerError(column, `unknown criterion "${key}"`, unknownCriterion(key));
  }
  for (const [key, column] of Object.entries(cols.comments ?? {})) {
    if (!knownCriteria.has(key) && !cols.criteria?.[key]) {
      headerError(column, `unknown criterion "${key}"`, unknownCriterion(key));
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
      headerError(column, `unknown criterion "${base}"`, unknownCriterion(base));
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
        headerError(name, `missing column for criterion ${c.key} (scorecard ${def.key})`, {
          key: 'mysteryShop.header.missingCriterion',
          params: { criterion: c.key, scorecard: def.key },
        });
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
