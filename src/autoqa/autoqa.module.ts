import { Global, Module } from '@nestjs/common';
import { AbuseStoreModule } from '../abuse/abuse-store.module';
import { DRAFT_SUGGESTIONS } from '../evaluations/draft-suggestions';
import { EvaluationStoreModule } from '../evaluations/evaluation-store.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { AutoQaController } from './autoqa.controller';
import { AutoQaPagesController } from './autoqa.pages.controller';
import { AutoQaService } from './autoqa.service';

/**
 * Global: it also provides `DRAFT_SUGGESTIONS`, what a new manual draft is pre-filled with
 * (src/evaluations/draft-suggestions.ts), so that evaluations imports no auto-QA code.
 */
@Global()
@Module({
  imports: [ScorecardsModule, EvaluationStoreModule, InteractionsModule, AbuseStoreModule],
  controllers: [AutoQaController, AutoQaPagesController],
  providers: [AutoQaService, { provide: DRAFT_SUGGESTIONS, useExisting: AutoQaService }],
  exports: [AutoQaService, DRAFT_SUGGESTIONS],
})
export class AutoQaModule {}
