import { Module } from '@nestjs/common';
import { ScorecardsController } from './scorecards.controller';
import { ScorecardsPagesController } from './scorecards.pages.controller';
import { ScorecardsRepository } from './scorecards.repository';
import { ScorecardsService } from './scorecards.service';
import { ScorecardEditorService } from './scorecard-editor.service';

@Module({
  controllers: [ScorecardsController, ScorecardsPagesController],
  providers: [ScorecardsService, ScorecardsRepository, ScorecardEditorService],
  exports: [ScorecardsService, ScorecardEditorService],
})
export class ScorecardsModule {}
