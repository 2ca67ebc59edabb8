import { Module } from '@nestjs/common';
import { EvaluationStoreModule } from '../evaluations/evaluation-store.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { DisputesController } from './disputes.controller';
import { DisputesPagesController } from './disputes.pages.controller';
import { DisputesRepository } from './disputes.repository';
import { DisputesService } from './disputes.service';
import { EvaluationNotices } from './evaluation-notices';
import { ResponsesPanel } from './responses-panel';

/**
 * Agents acknowledge or dispute their evaluations; team leads, evaluators and admins resolve
 * disputes. The evaluation page shows the history and the forms (ResponsesPanel).
 */
@Module({
  imports: [NotificationsModule, EvaluationStoreModule, InteractionsModule],
  controllers: [DisputesController, DisputesPagesController],
  providers: [DisputesService, DisputesRepository, ResponsesPanel, EvaluationNotices],
  exports: [DisputesService, ResponsesPanel],
})
export class DisputesModule {}
