import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ScorecardVersion } from './entities/scorecard-version.entity';
import { Scorecard } from './entities/scorecard.entity';
import { ScorecardsController } from './scorecards.controller';
import { ScorecardsPagesController } from './scorecards.pages.controller';
import { ScorecardsService } from './scorecards.service';
import { ScorecardEditorService } from './scorecard-editor.service';

@Module({
  imports: [TypeOrmModule.forFeature([Scorecard, ScorecardVersion])],
  controllers: [ScorecardsController, ScorecardsPagesController],
  providers: [ScorecardsService, ScorecardEditorService],
  exports: [ScorecardsService],
})
export class ScorecardsModule {}
