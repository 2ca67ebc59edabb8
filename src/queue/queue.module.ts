import { Module } from '@nestjs/common';

/** Filled in by the feature's own work; registered in AppModule. */
@Module({})
export class QueueModule {}
