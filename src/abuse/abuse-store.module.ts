import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CALL_ABUSE } from '../interactions/call-abuse';
import { AbuseRepository } from './abuse.repository';
import { AbuseFlag } from './entities/abuse-flag.entity';
import { ProtectiveAction } from './entities/protective-action.entity';

/**
 * The abuse tables' owner, for the features that read a call's flag (replay, auto-QA). Global:
 * it also provides `CALL_ABUSE`, what a loaded call shows of its flag (src/interactions/
 * call-abuse.ts), to the interactions feature, which sits below abuse and does not import it.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AbuseFlag, ProtectiveAction])],
  providers: [AbuseRepository, { provide: CALL_ABUSE, useExisting: AbuseRepository }],
  exports: [AbuseRepository, CALL_ABUSE],
})
export class AbuseStoreModule {}
