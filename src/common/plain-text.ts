/**
 * Ids and names (call and agent ids, agent, team and queue names, shop ids, user e-mails and
 * names) are shown in lists, the audit log and file names: a line break, a control character, a
 * bidi override or isolate or a zero-width character would let one look like another
 * (`admin\u200b@…`) or break the line it is shown on. Pure: shared by the DTOs, the services
 * and the parsers.
 */
import { ValidateBy, type ValidationOptions } from 'class-validator';

// Control characters are what this looks for.
const REFUSED =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

/** The first refused character: its code point (`U+200B`) and 1-based position. */
export function refusedCharacter(text: string): { code: string; position: number } | null {
  const found = REFUSED.exec(text);
  if (!found) return null;
  const code = found[0].codePointAt(0)!;
  return {
    code: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`,
    position: found.index + 1,
  };
}

/** Why the text may not be an id or a name (English, for a located error), or null if it may. */
export function plainTextProblem(text: string): string | null {
  const found = refusedCharacter(text);
  if (!found) return null;
  const kind = kindOf(parseInt(found.code.slice(2), 16));
  return `contains ${kind} (${found.code}) at character ${found.position}; ids and names may not hold line breaks, control, bidi or zero-width characters`;
}

function kindOf(code: number): string {
  if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) return 'a line break';
  if (code <= 0x9f) return 'a control character';
  if (code >= 0x200b && code <= 0x200d) return 'a zero-width character';
  if (code === 0x2060 || code === 0xfeff) return 'a zero-width character';
  return 'an invisible bidi or formatting character';
}

/** class-validator: a string that passes `plainTextProblem` (other types are left to @IsString). */
export function IsPlainText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPlainText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !plainTextProblem(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} ${plainTextProblem(String(args?.value)) ?? ''}`,
      },
    },
    options,
  );
}
