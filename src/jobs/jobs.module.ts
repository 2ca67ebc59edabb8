import { Module } from '@nestjs/common';
import { JobsPagesController } from './jobs.pages.controller';
import { JobsService } from './jobs.service';

/** The admin's view of background work (`/admin/jobs`); the outbox itself is in events/. */
@Module({
  controllers: [JobsPagesController],
  providers: [JobsService],
})
export class JobsModule {}
