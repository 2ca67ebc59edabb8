/**
 * Small class-validator and class-transformer helpers the DTOs share (the API pipe and page
 * forms both run them, see form-input.ts).
 */
import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Text is read without the spaces around it (`' a@b.kr '` → `'a@b.kr'`); other values as given. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim() : value,
  );
}

/** The value equals another property's (a password typed twice); the constraint is `sameAs`. */
export function SameAs(property: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'sameAs',
      constraints: [property],
      validator: {
        validate: (value: unknown, args) =>
          value === (args?.object as Record<string, unknown> | undefined)?.[property],
        defaultMessage: () => `$property must be the same as ${property}`,
      },
    },
    options,
  );
}
