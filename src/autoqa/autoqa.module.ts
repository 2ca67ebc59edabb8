import { Module } from '@nestjs/common';
import { AbuseStoreModule } from '../abuse/abuse-store.module';
import { EvaluationStoreModule } from '../evaluations/evaluation-store.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { AutoQaController } from './autoqa.controller';
import { AutoQaPagesController } from './autoqa.pages.controller';
import { AutoQaRepository } from './autoqa.repository';
import { AutoQaService } from './autoqa.service';

@Module({
  imports: [ScorecardsModule, EvaluationStoreModule, AbuseStoreModule],
  controllers: [AutoQaController, AutoQaPagesController],
  providers: [AutoQaService, AutoQaRepository],
  exports: [AutoQaService],
})
export class AutoQaModule {}
