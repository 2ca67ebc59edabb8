import { Module } from '@nestjs/common';
import { ScorecardsController } from './scorecards.controller';
import { ScorecardsPagesController } from './scorecards.pages.controller';
import { ScorecardsRepository } from './scorecards.repository';
import { ScorecardsService } from './scorecards.service';
import { ScorecardEditorService } from './scorecard-editor.service';
import { TextModelStore } from './text-model-store';
import { TextModelsRepository } from './text-models.repository';

@Module({
  controllers: [ScorecardsController, ScorecardsPagesController],
  providers: [
    ScorecardsService,
    ScorecardsRepository,
    ScorecardEditorService,
    TextModelsRepository,
    TextModelStore,
  ],
  exports: [ScorecardsService, ScorecardEditorService, TextModelStore],
})
export class ScorecardsModule {}
