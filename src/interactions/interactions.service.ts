import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/current-user';
import { NotFoundError } from '../common/errors';
import { ListInteractionsDto } from './dto/list-interactions.dto';
import { Interaction } from './entities/interaction.entity';
import { Turn } from './entities/turn.entity';
import { InteractionsRepository } from './interactions.repository';
import { AbuseRepository } from '../abuse/abuse.repository';
import type { AbuseFlag } from '../abuse/entities/abuse-flag.entity';

/** A call with its turns and its stored abuse flag (null: never checked). */
export type LoadedInteraction = Interaction & { turns: Turn[]; abuse: AbuseFlag | null };

@Injectable()
export class InteractionsService {
  constructor(
    private readonly repository: InteractionsRepository,
    private readonly abuse: AbuseRepository,
  ) {}

  list(filter: ListInteractionsDto, actor: Actor) {
    return this.repository.list(filter, actor);
  }

  /** One interaction the actor may see (404 otherwise), with its turns. */
  get(id: number, actor: Actor): Promise<LoadedInteraction> {
    return this.load(id, actor);
  }

  /** For services that already checked the actor may see what refers to it. */
  getUnscoped(id: number): Promise<LoadedInteraction> {
    return this.load(id, null);
  }

  private async load(id: number, actor: Actor | null) {
    const interaction = await this.repository.findWithAgent(id, actor);
    if (!interaction) throw new NotFoundError('interaction', id);
    const [turns, abuse] = await Promise.all([this.repository.turnsOf(id), this.abuse.flagOf(id)]);
    return { ...interaction, turns, abuse };
  }

  /** What leads recorded to protect the agent after an abusive call, oldest first. */
  protectiveActionsOf(interactionId: number) {
    return this.abuse.actionsOf([interactionId]);
  }

  evaluationsOf(interactionId: number, actor: Actor) {
    return this.repository.evaluationsOf(interactionId, actor);
  }
}
