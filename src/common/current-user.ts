import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from '../users/entities/user.entity';

/** Who is acting. Until sign-in exists it is the configured default user (see README). */
export interface Actor {
  id: number;
  name: string;
  email: string;
  role: Role;
}

export type RequestWithActor = Request & { actor?: Actor };

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<RequestWithActor>();
  if (!request.actor) throw new Error('no actor resolved for this request');
  return request.actor;
});
