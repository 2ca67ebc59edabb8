/**
 * The optional mapping file of a mystery-shop upload: the vendor's column names and answer words
 * for ours. Strict: every mistake is an error naming its field. Pure.
 */
import { parseDocument } from 'yaml';
import { clean, fold } from './shop-text';

/** The mapping file: every field optional; absent fields fall back to the default names/words. */
export interface Mapping {
  columns?: {
    shop_id?: string;
    date?: string;
    channel?: string;
    agent?: string;
    scorecard?: string;
    comment?: string;
    transcript?: string;
    /** criterion key → column name */
    criteria?: Record<string, string>;
    /** criterion key → comment column name */
    comments?: Record<string, string>;
  };
  /** Answer words; a list given here replaces the default list of that kind. */
  values?: { yes?: string[]; no?: string[]; na?: string[] };
  /** Columns to ignore even though their name looks like a criterion key. */
  ignore?: string[];
  /** Scorecard key for rows without a scorecard column or with a blank scorecard cell. */
  scorecard?: string;
  /** The vendor / program; the import is idempotent on (source, shop id). */
  source?: string;
}

/** The mapping file is invalid; `path` names the field (`columns.criteria.greeting`). */
export class MysteryShopMappingError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${file}: ${path}: ${reason}`);
    this.name = 'MysteryShopMappingError';
  }
}

export const DEFAULT_COLUMNS = {
  shop_id: 'shop_id',
  date: 'date',
  channel: 'channel',
  agent: 'agent_external_id',
  scorecard: 'scorecard_key',
  comment: 'overall_comment',
  transcript: 'transcript_file',
} as const;

/** Default answer words, compared trimmed, case-insensitively and NFC-normalised. */
export const DEFAULT_VALUE_WORDS = {
  yes: ['yes', 'y', '예', '네', 'o', 'pass', '1', 'true'],
  no: ['no', 'n', '아니오', '아니요', 'x', 'fail', '0', 'false'],
  na: ['N/A', 'na', '해당 없음', '해당없음', '-'],
} as const;

/** The shape of a criterion key (a column named like one must be a known criterion). */
export const KEY_SHAPE = /^[a-z][a-z0-9_]*$/;

const MAPPING_FIELDS = ['columns', 'values', 'ignore', 'scorecard', 'source'];
const COLUMN_FIELDS = [
  'shop_id',
  'date',
  'channel',
  'agent',
  'scorecard',
  'comment',
  'transcript',
  'criteria',
  'comments',
];
const VALUE_FIELDS = ['yes', 'no', 'na'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Parses a mapping file (YAML or JSON; JSON is YAML). Strict: unknown fields, empty names,
 * a word listed under two kinds or two fields on one column are `MysteryShopMappingError`s.
 */
export function parseMapping(file: string, text: string): Mapping {
  const fail = (path: string, reason: string): never => {
    throw new MysteryShopMappingError(file, path, reason);
  };
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const where = e.linePos?.[0] ? `line ${e.linePos[0].line}` : '(root)';
    fail(
      where,
      `invalid YAML/JSON: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:$/, '')}`,
    );
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return {};
  if (!isRecord(data)) fail('(root)', 'must be a mapping of fields (columns, values, …)');
  const root = data as Record<string, unknown>;
  const unknownField = (obj: Record<string, unknown>, allowed: string[], at: string) => {
    for (const k of Object.keys(obj)) {
      if (!allowed.includes(k)) {
        fail(at ? `${at}.${k}` : k, `unknown field "${k}" (allowed: ${allowed.join(', ')})`);
      }
    }
  };
  const name = (v: unknown, path: string): string => {
    if (typeof v === 'number') return String(v);
    if (typeof v !== 'string' || v.trim() === '') fail(path, 'must be a non-empty text');
    return clean(v as string);
  };
  unknownField(root, MAPPING_FIELDS, '');
  const mapping: Mapping = {};

  if (root.columns !== undefined && root.columns !== null) {
    if (!isRecord(root.columns)) fail('columns', 'must be a mapping of column names');
    const cols = root.columns as Record<string, unknown>;
    unknownField(cols, COLUMN_FIELDS, 'columns');
    const out: NonNullable<Mapping['columns']> = {};
    const used = new Map<string, string>();
    const claim = (column: string, path: string) => {
      const other = used.get(fold(column));
      if (other) fail(path, `column "${column}" is already mapped by ${other}`);
      used.set(fold(column), path);
    };
    for (const f of ['shop_id', 'date', 'channel', 'agent', 'scorecard', 'comment', 'transcript']) {
      const v = cols[f];
      if (v === undefined || v === null) continue;
      const column = name(v, `columns.${f}`);
      claim(column, `columns.${f}`);
      (out as Record<string, string>)[f] = column;
    }
    for (const f of ['criteria', 'comments'] as const) {
      const v = cols[f];
      if (v === undefined || v === null) continue;
      if (!isRecord(v)) fail(`columns.${f}`, 'must map criterion keys to column names');
      const map: Record<string, string> = {};
      for (const [key, col] of Object.entries(v as Record<string, unknown>)) {
        const path = `columns.${f}.${key}`;
        if (!KEY_SHAPE.test(key)) fail(path, `"${key}" is not a criterion key`);
        const column = name(col, path);
        claim(column, path);
        map[key] = column;
      }
      out[f] = map;
    }
    mapping.columns = out;
  }

  if (root.values !== undefined && root.values !== null) {
    if (!isRecord(root.values)) fail('values', 'must be a mapping with yes, no and na lists');
    const vals = root.values as Record<string, unknown>;
    unknownField(vals, VALUE_FIELDS, 'values');
    const out: NonNullable<Mapping['values']> = {};
    const seen = new Map<string, string>();
    for (const kind of ['yes', 'no', 'na'] as const) {
      const v = vals[kind];
      if (v === undefined || v === null) continue;
      const list = Array.isArray(v) ? (v as unknown[]) : [v];
      if (list.length === 0) fail(`values.${kind}`, 'must list at least one word');
      out[kind] = list.map((w, i) => {
        const path = `values.${kind}[${i}]`;
        const word = typeof w === 'boolean' ? String(w) : name(w, path);
        const other = seen.get(fold(word));
        if (other && other !== kind) fail(path, `"${word}" is also listed under ${other}`);
        seen.set(fold(word), kind);
        return word;
      });
    }
    // Default lists of kinds the file leaves out must not collide with the vendor's words.
    for (const kind of ['yes', 'no', 'na'] as const) {
      if (out[kind]) continue;
      for (const w of DEFAULT_VALUE_WORDS[kind]) {
        const other = seen.get(fold(w));
        if (other) {
          fail(
            `values.${other}`,
            `"${w}" is a default ${kind} word; list values.${kind} explicitly`,
          );
        }
      }
    }
    mapping.values = out;
  }

  if (root.ignore !== undefined && root.ignore !== null) {
    if (!Array.isArray(root.ignore)) fail('ignore', 'must be a list of column names');
    mapping.ignore = (root.ignore as unknown[]).map((v, i) => name(v, `ignore[${i}]`));
  }
  for (const f of ['scorecard', 'source'] as const) {
    const v = root[f];
    if (v === undefined || v === null) continue;
    mapping[f] = name(v, f);
  }
  return mapping;
}
