import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { AbuseModule } from '../abuse/abuse.module';
import { AgentsModule } from '../agents/agents.module';
import { AnalyticsModule } from '../analytics/analytics.module';
import { AutoQaModule } from '../autoqa/autoqa.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { InteractionsModule } from '../interactions/interactions.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { ImportService } from './import.service';
import { ImportsController } from './imports.controller';
import { ImportsPagesController } from './imports.pages.controller';

@Module({
  imports: [
    AbuseModule,
    AgentsModule,
    AnalyticsModule,
    AutoQaModule,
    InteractionsModule,
    PrivacyModule,
    // Files up to 3× the transcript limit are accepted so that an oversized transcript gets its
    // own error in the batch report instead of failing the whole upload.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: memoryStorage(),
        limits: { fileSize: config.maxUploadBytes * 3, files: 500, fields: 20 },
      }),
    }),
  ],
  controllers: [ImportsController, ImportsPagesController],
  providers: [ImportService],
  exports: [ImportService],
})
export class ImportsModule {}
