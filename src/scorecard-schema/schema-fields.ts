/**
 * Field readers shared by the scorecard schema and the `auto` block validator: each returns the
 * value it checked or throws a `SchemaProblem` with the field's path. Pure.
 */
import { describe, fail } from './scorecard-problem';

export type Mapping = Record<string, unknown>;

/** Path shown for a problem with the document itself rather than one of its fields. */
export const ROOT = '(root)';

export function join(path: string, field: string): string {
  return path === '' ? field : `${path}.${field}`;
}

export function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function expectMapping(value: unknown, path: string): Mapping {
  if (!isMapping(value)) fail(path || ROOT, 'mapping', { got: describe(value) });
  return value;
}

export function rejectUnknownFields(map: Mapping, allowed: readonly string[], path: string): void {
  const unknown = Object.keys(map).find((field) => !allowed.includes(field));
  if (unknown !== undefined) {
    fail(join(path, unknown), 'unknownField', { field: unknown, allowed: allowed.join(', ') });
  }
}

/** Texts are trimmed: YAML block scalars (`>` / `|`) add a trailing newline nobody means. */
export function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(path, 'text', { got: describe(value) });
  }
  return value.trim();
}

export function choice<T extends string>(value: unknown, path: string, choices: readonly T[]): T {
  const found = choices.find((c) => c === value);
  if (found === undefined)
    fail(path, 'oneOf', { choices: choices.join(', '), got: describe(value) });
  return found;
}

export function numberIn(value: unknown, path: string, min: number, max: number): number {
  if (!isFiniteNumber(value) || value < min || value > max) {
    fail(path, 'numberRange', { min: String(min), max: String(max), got: describe(value) });
  }
  return value;
}

export function booleanValue(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'boolean', { got: describe(value) });
  return value;
}
