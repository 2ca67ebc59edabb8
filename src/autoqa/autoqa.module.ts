import { Module } from '@nestjs/common';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { AutoQaController } from './autoqa.controller';
import { AutoQaRepository } from './autoqa.repository';
import { AutoQaService } from './autoqa.service';

@Module({
  imports: [ScorecardsModule],
  controllers: [AutoQaController],
  providers: [AutoQaService, AutoQaRepository],
  exports: [AutoQaService],
})
export class AutoQaModule {}
