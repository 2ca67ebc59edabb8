import { Injectable, NestMiddleware, UnauthorizedException } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import type { RequestWithActor } from '../common/current-user';
import { UsersService } from './users.service';

/**
 * Resolves who is acting: the `X-User-Email` header names an existing user (for integrations
 * and tests), otherwise the configured default user. Replaced by sign-in sessions later.
 */
@Injectable()
export class ActorMiddleware implements NestMiddleware {
  constructor(private readonly users: UsersService) {}

  async use(req: RequestWithActor, _res: Response, next: NextFunction): Promise<void> {
    const header = req.header('x-user-email');
    const actor = await this.users.resolveActor(header);
    if (!actor) return next(new UnauthorizedException(`no user with e-mail ${header}`));
    req.actor = actor;
    next();
  }
}
