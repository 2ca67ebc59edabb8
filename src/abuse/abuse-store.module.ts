import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AbuseRepository } from './abuse.repository';
import { AbuseFlag } from './entities/abuse-flag.entity';
import { ProtectiveAction } from './entities/protective-action.entity';

/** The abuse tables' owner, for the features that read a call's flag (replay, auto-QA). */
@Module({
  imports: [TypeOrmModule.forFeature([AbuseFlag, ProtectiveAction])],
  providers: [AbuseRepository],
  exports: [AbuseRepository],
})
export class AbuseStoreModule {}
