/**
 * One DTO per edge: a posted HTML form is checked by the same class-validator DTO as the JSON
 * API. Two differences only, both from what a browser posts: fields the DTO does not name
 * (`_csrf`, the submit button) are dropped rather than refused, and a field left empty counts
 * as not given; text in a number field is converted (`'12'` → 12) or refused by the DTO. The
 * first failure becomes an InputError naming the field path (`answers.2.value`), with its message
 * in the locale files (validation-messages.ts), which a page re-renders beside the field, or the
 * error page shows.
 */
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { InputError } from './errors';
import { failuresOf } from './validation-messages';

export function formInput<T extends object>(dto: ClassConstructor<T>, input: object): T {
  const given = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined && value !== ''),
  );
  const instance = plainToInstance(dto, given, { enableImplicitConversion: true });
  const failures = failuresOf(validateSync(instance, { whitelist: true }));
  if (failures.length === 0) return instance;
  // class-validator lists a field's failed checks from its last decorator up; the first one
  // written (a field left empty: `@IsNotEmpty`, not `@MaxLength`) is the one to show.
  const field = failures.filter((f) => f.path === failures[0].path);
  const shown = field[field.length - 1];
  throw new InputError(shown.path, shown.reason, shown.messageKey);
}

/** A form field holding a whole number, as a number; anything else is left for the DTO to refuse. */
export function formNumber(value: string | undefined): number | string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return /^-?\d+$/.test(value.trim()) ? Number(value) : value;
}
