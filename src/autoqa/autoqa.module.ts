import { Module } from '@nestjs/common';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { AutoQaController } from './autoqa.controller';
import { AutoQaPagesController } from './autoqa.pages.controller';
import { AutoQaRepository } from './autoqa.repository';
import { AutoQaService } from './autoqa.service';

@Module({
  imports: [ScorecardsModule],
  controllers: [AutoQaController, AutoQaPagesController],
  providers: [AutoQaService, AutoQaRepository],
  exports: [AutoQaService],
})
export class AutoQaModule {}
