import { Module } from '@nestjs/common';
import { AbuseStoreModule } from '../abuse/abuse-store.module';
import { AutoQaModule } from '../autoqa/autoqa.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { ScorecardDesignerController } from './scorecard-designer.controller';
import { ScorecardDesignerPagesController } from './scorecard-designer.pages.controller';
import { ScorecardTrialService } from './scorecard-trial.service';

/**
 * The scorecard form editor: beside the scorecards feature (whose YAML editor and sync it uses)
 * because "test on recent calls" needs auto-QA and the calls, which themselves need scorecards.
 */
@Module({
  imports: [ScorecardsModule, AutoQaModule, InteractionsModule, AbuseStoreModule],
  controllers: [ScorecardDesignerController, ScorecardDesignerPagesController],
  providers: [ScorecardTrialService],
})
export class ScorecardDesignerModule {}
