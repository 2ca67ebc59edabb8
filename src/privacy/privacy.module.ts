import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RedactionFindingRow } from './entities/redaction-finding.entity';
import { RedactionFindingsRepository } from './redaction-findings.repository';

/** Personal data: where the import masked it (src/redaction is the pure redactor). */
@Module({
  imports: [TypeOrmModule.forFeature([RedactionFindingRow])],
  providers: [RedactionFindingsRepository],
  exports: [RedactionFindingsRepository],
})
export class PrivacyModule {}
