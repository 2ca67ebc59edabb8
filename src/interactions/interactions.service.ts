import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/errors';
import { ListInteractionsDto } from './dto/list-interactions.dto';
import { Interaction } from './entities/interaction.entity';
import { Turn } from './entities/turn.entity';
import { InteractionsRepository } from './interactions.repository';

@Injectable()
export class InteractionsService {
  constructor(private readonly repository: InteractionsRepository) {}

  list(filter: ListInteractionsDto) {
    return this.repository.list(filter);
  }

  async get(id: number): Promise<Interaction & { turns: Turn[] }> {
    const interaction = await this.repository.findWithAgent(id);
    if (!interaction) throw new NotFoundError('interaction', id);
    return { ...interaction, turns: await this.repository.turnsOf(id) };
  }

  evaluationsOf(interactionId: number) {
    return this.repository.evaluationsOf(interactionId);
  }
}
