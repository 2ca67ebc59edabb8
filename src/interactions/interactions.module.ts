import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentsModule } from '../agents/agents.module';
import { Interaction } from './entities/interaction.entity';
import { Turn } from './entities/turn.entity';
import { InteractionsController } from './interactions.controller';
import { InteractionsPagesController } from './interactions.pages.controller';
import { InteractionsRepository } from './interactions.repository';
import { InteractionsService } from './interactions.service';

@Module({
  // The call's abuse flag comes from the global AbuseStoreModule (CALL_ABUSE, call-abuse.ts).
  imports: [TypeOrmModule.forFeature([Interaction, Turn]), AgentsModule],
  controllers: [InteractionsController, InteractionsPagesController],
  providers: [InteractionsService, InteractionsRepository],
  exports: [InteractionsService, InteractionsRepository],
})
export class InteractionsModule {}
