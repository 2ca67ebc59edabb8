import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { InputError } from './errors';

/** The largest id either database stores (PostgreSQL `integer`). */
export const MAX_ID = 2_147_483_647;

/**
 * Runs before the ValidationPipe on every parameter: what neither database can take becomes a
 * 400 naming the field instead of a database error (500) later, on SQLite and PostgreSQL alike.
 * - a number in the path or query (`@Param('id', ParseIntPipe)`) beyond MAX_ID, and a whole number
 *   in a JSON body beyond it either way (every integer column is a 32-bit integer);
 * - a NUL character anywhere in the path, query or body (PostgreSQL text cannot hold one).
 */
@Injectable()
export class SafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom' && !isPlain(value)) return value;
    const field = metadata.data ?? metadata.type;
    if (
      (metadata.type === 'param' || metadata.type === 'query') &&
      metadata.metatype === Number &&
      typeof value === 'string' &&
      /^\s*\d+\s*$/.test(value) &&
      Number(value) > MAX_ID
    ) {
      throw new InputError(field, `must be a whole number up to ${MAX_ID}`);
    }
    const path = metadata.data ? [metadata.data] : [];
    const huge = metadata.type === 'body' ? pathOfHugeInteger(value, path) : null;
    if (huge) throw new InputError(huge.join('.') || field, `must be at most ${MAX_ID}`);
    const nul = pathOfNul(value, path);
    if (nul)
      throw new InputError(nul.join('.') || field, 'may not contain a NUL character (U+0000)');
    return value;
  }
}

function isPlain(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    Array.isArray(value) ||
    (typeof value === 'object' &&
      value !== null &&
      Object.getPrototypeOf(value) === Object.prototype)
  );
}

/** Where the first NUL is (field path), or null; bodies nest at most 64 levels (request-body.ts). */
function pathOfNul(value: unknown, path: string[], depth = 0): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 70 || typeof value !== 'object' || value === null) return null;
  // Uploaded files' bytes are not text.
  if (ArrayBuffer.isView(value)) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key.split('\u0000').join('')];
    const found = pathOfNul(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** Where the first whole number past ±MAX_ID is in a JSON body (field path), or null. */
function pathOfHugeInteger(value: unknown, path: string[], depth = 0): string[] | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) && Math.abs(value) > MAX_ID ? path : null;
  }
  if (depth > 70 || typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) {
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    const found = pathOfHugeInteger(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}
