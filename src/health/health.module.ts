import { Module } from '@nestjs/common';
import { DatabasePingRepository } from './database-ping.repository';
import { HealthController } from './health.controller';

@Module({
  controllers: [HealthController],
  providers: [DatabasePingRepository],
})
export class HealthModule {}
