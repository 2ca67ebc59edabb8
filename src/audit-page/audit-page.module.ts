import { Module } from '@nestjs/common';
import { EvaluationsModule } from '../evaluations/evaluations.module';
import { AuditPageController } from './audit-page.controller';

/** The audit log's routes, assembled above the audit store (global) and the evaluations feature. */
@Module({
  imports: [EvaluationsModule],
  controllers: [AuditPageController],
})
export class AuditPageModule {}
