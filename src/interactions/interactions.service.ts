import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/current-user';
import { NotFoundError } from '../common/errors';
import { ListInteractionsDto } from './dto/list-interactions.dto';
import { Interaction } from './entities/interaction.entity';
import { Turn } from './entities/turn.entity';
import { InteractionsRepository } from './interactions.repository';

@Injectable()
export class InteractionsService {
  constructor(private readonly repository: InteractionsRepository) {}

  list(filter: ListInteractionsDto, actor: Actor) {
    return this.repository.list(filter, actor);
  }

  /** One interaction the actor may see (404 otherwise), with its turns. */
  get(id: number, actor: Actor): Promise<Interaction & { turns: Turn[] }> {
    return this.load(id, actor);
  }

  /** For services that already checked the actor may see what refers to it. */
  getUnscoped(id: number): Promise<Interaction & { turns: Turn[] }> {
    return this.load(id, null);
  }

  private async load(id: number, actor: Actor | null) {
    const interaction = await this.repository.findWithAgent(id, actor);
    if (!interaction) throw new NotFoundError('interaction', id);
    return { ...interaction, turns: await this.repository.turnsOf(id) };
  }

  evaluationsOf(interactionId: number, actor: Actor) {
    return this.repository.evaluationsOf(interactionId, actor);
  }
}
