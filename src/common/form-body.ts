import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import type { Request, Response } from 'express';
import { DomainError } from './errors';
import { formInput } from './form-input';

/** A plain HTML form's fields; repeated fields (multi-selects) arrive as arrays. */
export type FormFields = Record<string, string | string[] | undefined>;

/**
 * `@FormBody()`: the posted form as a plain record, `{}` when nothing was posted (Express leaves
 * `req.body` undefined then), for a page that maps its fields to a DTO itself (`formInput`,
 * inside the try that re-renders the form with its errors).
 * `@FormBody(Dto)`: the form checked by the API's DTO (see form-input.ts) before the handler; a
 * refused field is an InputError naming it, shown by the error page — so only for a form nobody
 * types into (buttons, hidden ids). A form a person fills in uses `formInput` inside `submitForm`.
 */
export const FormBody = createParamDecorator(
  (dto: ClassConstructor<object> | undefined, ctx: ExecutionContext): unknown => {
    const body = ctx.switchToHttp().getRequest<Request>().body as unknown;
    const fields = body && typeof body === 'object' ? (body as FormFields) : {};
    return dto ? formInput(dto, fields) : fields;
  },
);

/** One value of a field (the first when repeated). */
export function field(form: FormFields, name: string): string | undefined {
  const value = form[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Runs a form's step; when it is refused with a DomainError (a field, a stale version …) the
 * page is rendered again with the error's status and the view `withError` builds, so the
 * person sees what they typed and why. Other errors go to the exception filter.
 */
export async function submitForm(
  res: Response,
  template: string,
  step: () => Promise<unknown>,
  withError: (e: DomainError) => object | Promise<object>,
  rerenders: (e: DomainError) => boolean = () => true,
): Promise<void> {
  try {
    await step();
  } catch (e) {
    if (!(e instanceof DomainError) || !rerenders(e)) throw e;
    res.status(e.status).render(template, await withError(e));
  }
}
