import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from '../auth/roles';

/** Who is acting: the signed-in user (session cookie) or the owner of an API token. */
export interface Actor {
  id: number;
  name: string;
  email: string;
  role: Role;
  /** An agent user: the agent whose interactions and evaluations they see. */
  agentId: number | null;
  /** A team lead: the teams they lead. */
  teamIds: number[];
}

export interface RequestAuth {
  via: 'session' | 'token';
  /** Session only: the token every form and unsafe request must carry. */
  csrfToken?: string;
}

export type RequestWithActor = Request & { actor?: Actor; auth?: RequestAuth };

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<RequestWithActor>();
  if (!request.actor) throw new Error('no actor resolved for this request');
  return request.actor;
});
