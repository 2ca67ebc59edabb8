/**
 * class-validator's refusals in the reader's language. A failure is looked up in the locale
 * files as `validation.<Dto>.<property>.<constraint>` (a DTO's own wording), then
 * `validation.<constraint>` (e.g. `validation.isInt`), with the decorator's arguments as
 * `{arg}` and the English reason as `{reason}`; a constraint without a key keeps
 * class-validator's English. Used by the API's
 * ValidationPipe and by page forms (`formInput`), so both say the same thing.
 */
import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, type ValidationError } from 'class-validator';
import { DomainError, type MessageKey } from './errors';
import { hasTranslation, translate } from './i18n/i18n';

export interface ValidationFailure {
  /** The field's path (`answers.2.value`). */
  path: string;
  /** class-validator's English reason, without the property name. */
  reason: string;
  /** The translated message, when the locale files have one. */
  messageKey?: MessageKey;
}

/** Every failure in the errors, depth first (nested DTOs give dotted paths). */
export function failuresOf(errors: ValidationError[], parents: string[] = []): ValidationFailure[] {
  const out: ValidationFailure[] = [];
  for (const error of errors) {
    const path = [...parents, error.property];
    for (const [constraint, english] of Object.entries(error.constraints ?? {})) {
      const reason = english.replace(
        new RegExp(`^(each value in )?${escape(error.property)} `),
        '$1',
      );
      out.push({
        path: path.join('.'),
        reason,
        messageKey: keyOf(error, constraint, path.join('.'), reason),
      });
    }
    out.push(...failuresOf(error.children ?? [], path));
  }
  return out;
}

/** The failure in the reader's language, starting with the field (`version: …`). */
export function failureText(failure: ValidationFailure, lang: string): string {
  if (!failure.messageKey) return `${failure.path}: ${failure.reason}`;
  const { key, params } = failure.messageKey;
  const text = translate(lang, key, params);
  // A message that names the field itself (`property x should not exist`) is not prefixed.
  return /\{(field|property)\}/.test(translate(lang, key)) ? text : `${failure.path}: ${text}`;
}

/** A refused API body or query: every failure, translated by the exception filter. */
export class ValidationFailedError extends DomainError {
  readonly status = 400;
  override readonly field: string;
  constructor(readonly failures: ValidationFailure[]) {
    super(failures.map((f) => `${f.path}: ${f.reason}`).join('; '));
    this.field = failures[0]?.path ?? '';
  }
}

/** The global pipe for API DTOs: unknown fields refused, values converted, failures translated. */
export function apiValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The DTO instance is kept on the error (never sent): its class picks a DTO's own wording.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => {
      const failures = failuresOf(errors);
      return failures.length > 0
        ? new ValidationFailedError(failures)
        : new BadRequestException('invalid input');
    },
  });
}

function keyOf(
  error: ValidationError,
  constraint: string,
  path: string,
  reason: string,
): MessageKey | undefined {
  const dto = error.target?.constructor?.name;
  const own = dto ? `validation.${dto}.${error.property}.${constraint}` : null;
  const key = own && hasTranslation(own) ? own : `validation.${constraint}`;
  if (!hasTranslation(key)) return undefined;
  const params: Record<string, string> = { field: path, property: error.property, reason };
  const args = argumentsOf(error, constraint);
  if (args.length > 0) params.arg = args.map(argText).join(', ');
  return { key, params };
}

/** The decorator's arguments (`@Max(100)` → [100], `@IsIn([...])` → [[...]]). */
function argumentsOf(error: ValidationError, constraint: string): unknown[] {
  const target = error.target?.constructor;
  if (!target) return [];
  const found = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && m.name === constraint);
  return (found?.constraints as unknown[] | undefined) ?? [];
}

function argText(value: unknown): string {
  if (Array.isArray(value)) return value.map(argText).join(', ');
  if (value instanceof RegExp) return value.source;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
