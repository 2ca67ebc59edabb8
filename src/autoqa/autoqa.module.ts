import { Module } from '@nestjs/common';
import { AbuseStoreModule } from '../abuse/abuse-store.module';
import { EvaluationStoreModule } from '../evaluations/evaluation-store.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { AutoQaController } from './autoqa.controller';
import { AutoQaPagesController } from './autoqa.pages.controller';
import { AutoQaService } from './autoqa.service';

@Module({
  imports: [ScorecardsModule, EvaluationStoreModule, InteractionsModule, AbuseStoreModule],
  controllers: [AutoQaController, AutoQaPagesController],
  providers: [AutoQaService],
  exports: [AutoQaService],
})
export class AutoQaModule {}
