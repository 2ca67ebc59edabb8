import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** A plain HTML form's fields; repeated fields (multi-selects) arrive as arrays. */
export type FormFields = Record<string, string | string[] | undefined>;

/**
 * The posted form as a plain record, `{}` when nothing was posted (Express leaves `req.body`
 * undefined then). Page handlers read and check the fields themselves, to re-render the form
 * with the error beside the field.
 */
export const FormBody = createParamDecorator((_: unknown, ctx: ExecutionContext): FormFields => {
  const body = ctx.switchToHttp().getRequest<Request>().body as unknown;
  return body && typeof body === 'object' ? (body as FormFields) : {};
});

/** One value of a field (the first when repeated). */
export function field(form: FormFields, name: string): string | undefined {
  const value = form[name];
  return Array.isArray(value) ? value[0] : value;
}
