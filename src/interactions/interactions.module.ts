import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AbuseStoreModule } from '../abuse/abuse-store.module';
import { AgentsModule } from '../agents/agents.module';
import { EvaluationStoreModule } from '../evaluations/evaluation-store.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { Interaction } from './entities/interaction.entity';
import { Turn } from './entities/turn.entity';
import { InteractionsController } from './interactions.controller';
import { InteractionsPagesController } from './interactions.pages.controller';
import { InteractionsRepository } from './interactions.repository';
import { InteractionsService } from './interactions.service';
import { ReplayViews } from './replay-views';

@Module({
  imports: [
    TypeOrmModule.forFeature([Interaction, Turn]),
    AgentsModule,
    ScorecardsModule,
    EvaluationStoreModule,
    AbuseStoreModule,
  ],
  controllers: [InteractionsController, InteractionsPagesController],
  providers: [InteractionsService, InteractionsRepository, ReplayViews],
  exports: [InteractionsService, InteractionsRepository, ReplayViews],
})
export class InteractionsModule {}
