import { Module } from '@nestjs/common';
import { CoachingModule } from '../coaching/coaching.module';
import { EvaluationStoreModule } from '../evaluations/evaluation-store.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { DataRequestsService } from './data-requests.service';
import { RetentionPagesController } from './retention.pages.controller';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';
import { RetroRedactionService } from './retro-redaction.service';

/** Retention that deletes transcripts, and data subject requests (see README, Personal data). */
@Module({
  imports: [InteractionsModule, EvaluationStoreModule, PrivacyModule, CoachingModule],
  controllers: [RetentionPagesController],
  providers: [RetentionService, RetentionScheduler, DataRequestsService, RetroRedactionService],
  exports: [RetentionService, RetroRedactionService],
})
export class RetentionModule {}
