/**
 * Source fields → the KPI metadata keys the outcomes pages read (csat, fcr, customerId, ahtMs,
 * acwMs, holdMs, talkMs, transfers, transferred, interruptions, customerSentiment, categories).
 *
 * - standardFields (standard-fields.ts): the sources' common names, applied to every import.
 * - a mapping file (YAML or JSON) for the rest: `fields: { <key>: <source path> }`, read by
 *   parseFieldMapping (errors name the file, the key and why, with the line), applied by
 *   applyFieldMapping; it wins over the standard names.
 * Where a value came from is kept in `metadata.mappedFrom`. Pure: no I/O, no framework.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Pair } from 'yaml';

export type FieldKind = 'number' | 'boolean' | 'id' | 'duration' | 'count' | 'list';

export const MAPPED_FIELDS: Readonly<Record<string, FieldKind>> = {
  csat: 'number',
  fcr: 'boolean',
  customerId: 'id',
  ahtMs: 'duration',
  acwMs: 'duration',
  holdMs: 'duration',
  talkMs: 'duration',
  transfers: 'count',
  transferred: 'boolean',
  interruptions: 'count',
  customerSentiment: 'number',
  categories: 'list',
};

export type DurationUnit = 'ms' | 's' | 'min';
const UNIT_MS: Record<DurationUnit, number> = { ms: 1, s: 1000, min: 60_000 };

/** One field's sources: the first path that holds a value wins. */
export interface FieldSource {
  paths: string[];
  /** Durations: the unit of the source value (default ms). */
  unit?: DurationUnit;
}

export interface FieldMapping {
  file: string;
  fields: Record<string, FieldSource>;
}

/** A problem in a mapping file: which file, which key, why (and the line when known). */
export class FieldMappingError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${key}: ${reason}`);
    this.name = 'FieldMappingError';
  }
}

const FIELD_LIST = Object.keys(MAPPED_FIELDS).join(', ');
const PATH = /^[^.[\]]+(\[\d+\])*(\.[^.[\]]+(\[\d+\])*)*$/;

/** Reads a mapping file's text (YAML, or JSON, which is YAML too). */
export function parseFieldMapping(file: string, text: string): FieldMapping {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    throw new FieldMappingError(
      file,
      '(file)',
      `not valid YAML or JSON: ${firstLine(e.message).replace(/ at line \d+, column \d+:?$/, '')}`,
      line,
    );
  }
  const root = doc.contents;
  if (!isMap(root)) {
    throw new FieldMappingError(file, '(file)', 'write `fields:` with one line per KPI field');
  }
  const fieldsPair = root.items.find((p) => isScalar(p.key) && p.key.value === 'fields');
  for (const p of root.items) {
    const name = isScalar(p.key) ? String(p.key.value) : '?';
    if (name !== 'fields') {
      throw new FieldMappingError(
        file,
        name,
        'unknown key: a mapping has only `fields`',
        lineOf(p, lines),
      );
    }
  }
  if (!fieldsPair || !isMap(fieldsPair.value)) {
    throw new FieldMappingError(
      file,
      'fields',
      `give the fields as <key>: <source path> (keys: ${FIELD_LIST})`,
      fieldsPair ? lineOf(fieldsPair, lines) : undefined,
    );
  }
  const fields: Record<string, FieldSource> = {};
  for (const pair of fieldsPair.value.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '?';
    const at = `fields.${key}`;
    const line = lineOf(pair, lines);
    const fail = (reason: string) => new FieldMappingError(file, at, reason, line);
    if (!Object.hasOwn(MAPPED_FIELDS, key)) throw fail(`unknown field: use one of ${FIELD_LIST}`);
    const value: unknown = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
    fields[key] = readSource(value, MAPPED_FIELDS[key], fail);
  }
  if (Object.keys(fields).length === 0) {
    throw new FieldMappingError(file, 'fields', `map at least one field (${FIELD_LIST})`);
  }
  return { file, fields };
}

function readSource(
  value: unknown,
  kind: FieldKind,
  fail: (reason: string) => FieldMappingError,
): FieldSource {
  let paths: unknown = value;
  let unit: unknown;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    const extra = Object.keys(o).filter((k) => k !== 'path' && k !== 'unit');
    if (extra.length > 0) throw fail(`unknown option ${extra[0]}: use path and unit`);
    paths = o.path;
    unit = o.unit;
  }
  const list = typeof paths === 'string' ? [paths] : paths;
  if (!Array.isArray(list) || list.length === 0) {
    throw fail('give a source path, e.g. Attributes.csat, or a list of paths');
  }
  for (const p of list) {
    if (typeof p !== 'string' || !PATH.test(p.trim())) {
      throw fail(`${JSON.stringify(p)} is not a path like Attributes.csat or items[0].score`);
    }
  }
  if (unit !== undefined) {
    if (kind !== 'duration') throw fail('only durations (…Ms fields) take a unit');
    if (typeof unit !== 'string' || !Object.hasOwn(UNIT_MS, unit)) {
      throw fail(`unit must be ms, s or min, got ${JSON.stringify(unit)}`);
    }
  }
  return {
    paths: (list as string[]).map((p) => p.trim()),
    ...(unit ? { unit: unit as DurationUnit } : {}),
  };
}

function lineOf(pair: Pair, lines: LineCounter): number | undefined {
  const range = (pair.key as { range?: [number, number, number] } | null)?.range;
  return range ? lines.linePos(range[0]).line : undefined;
}

const firstLine = (s: string) => s.split('\n')[0];

// ---------------------------------------------------------------------------------------------
// Reading paths and values

/** `a.b[0].c` in a JSON value; undefined when any step is missing. */
export function valueAt(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const segment of path.split('.')) {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(segment);
    if (!m) return undefined;
    current = step(current, m[1]);
    for (const index of m[2].match(/\d+/g) ?? []) current = step(current, Number(index));
  }
  return current;
}

function step(value: unknown, key: string | number): unknown {
  if (typeof key === 'number') return Array.isArray(value) ? value[key] : undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

export const present = (v: unknown) => v !== undefined && v !== null && v !== '';

/** "90", "01:30", "1:02:03", "31.2s" (Google durations) as a number of the unit. */
function durationOf(value: unknown, unit: DurationUnit): number | null {
  if (typeof value === 'number')
    return Number.isFinite(value) && value >= 0 ? value * UNIT_MS[unit] : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const google = /^(\d+(?:\.\d+)?)s$/.exec(text);
  if (google) return Math.round(Number(google[1]) * 1000);
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:\.\d+)?$/.exec(text);
  if (clock)
    return ((Number(clock[1] ?? 0) * 60 + Number(clock[2])) * 60 + Number(clock[3])) * 1000;
  const n = Number(text);
  return text !== '' && Number.isFinite(n) && n >= 0 ? n * UNIT_MS[unit] : null;
}

function booleanOf(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', 'resolved', '예', '해결'].includes(v)) return true;
  if (['false', 'no', 'n', '0', 'unresolved', '아니오', '미해결'].includes(v)) return false;
  return null;
}

/** The value as the field's kind, or a reason it is not one. */
export function convert(
  value: unknown,
  kind: FieldKind,
  unit: DurationUnit = 'ms',
): { value: unknown } | { problem: string } {
  const shown = JSON.stringify(value)?.slice(0, 60) ?? String(value);
  switch (kind) {
    case 'number': {
      const n = typeof value === 'string' ? Number(value.trim()) : value;
      return typeof n === 'number' &&
        Number.isFinite(n) &&
        !(typeof value === 'string' && value.trim() === '')
        ? { value: n }
        : { problem: `${shown} is not a number` };
    }
    case 'count': {
      const n = typeof value === 'string' ? Number(value.trim()) : value;
      return typeof n === 'number' && Number.isInteger(n) && n >= 0
        ? { value: n }
        : { problem: `${shown} is not a whole number ≥ 0` };
    }
    case 'boolean': {
      const b = booleanOf(value);
      return b === null ? { problem: `${shown} is not yes/no, true/false or 1/0` } : { value: b };
    }
    case 'id':
      return typeof value === 'string' || typeof value === 'number'
        ? { value: String(value) }
        : { problem: `${shown} is not an id (text or number)` };
    case 'duration': {
      const ms = durationOf(value, unit);
      return ms === null
        ? { problem: `${shown} is not a duration (a number of ${unit}, mm:ss, or 12.5s)` }
        : { value: Math.round(ms) };
    }
    case 'list': {
      const list = typeof value === 'string' ? [value] : value;
      return Array.isArray(list) && list.every((x) => typeof x === 'string')
        ? { value: list.map((x) => x.trim()).filter((x) => x !== '') }
        : { problem: `${shown} is not text or a list of texts` };
    }
  }
}

/**
 * The mapping file's fields, read from the source document (the file's JSON, when it is one)
 * or, for `metadata.`-prefixed paths and when the document lacks them, from the metadata.
 * A path that holds nothing leaves the field out; a value of the wrong kind is a
 * FieldMappingError naming the mapping key and the call's file.
 */
export function applyFieldMapping(
  mapping: FieldMapping,
  source: { document?: unknown; metadata?: Record<string, unknown> },
): Record<string, unknown> | undefined {
  const metadata = source.metadata ?? {};
  const added: Record<string, unknown> = {};
  const from: Record<string, string> = {};
  for (const [field, spec] of Object.entries(mapping.fields)) {
    for (const path of spec.paths) {
      const raw = path.startsWith('metadata.')
        ? valueAt(metadata, path.slice('metadata.'.length))
        : firstPresent(valueAt(source.document, path), valueAt(metadata, path));
      if (!present(raw)) continue;
      const converted = convert(raw, MAPPED_FIELDS[field], spec.unit);
      if ('problem' in converted) {
        throw new FieldMappingError(
          mapping.file,
          `fields.${field}`,
          `${path}: ${converted.problem}`,
        );
      }
      added[field] = converted.value;
      from[field] = path;
      break;
    }
  }
  if (Object.keys(added).length === 0) return source.metadata;
  return { ...metadata, ...added, mappedFrom: { ...asObject(metadata.mappedFrom), ...from } };
}

export const asObject = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

const firstPresent = (a: unknown, b: unknown) => (present(a) ? a : b);
