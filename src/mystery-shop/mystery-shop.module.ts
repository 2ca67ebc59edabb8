import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { AgentsModule } from '../agents/agents.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EvaluationStoreModule } from '../evaluations/evaluation-store.module';
import { ImportsModule } from '../imports/imports.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { MysteryShopController } from './mystery-shop.controller';
import { MysteryShopPagesController } from './mystery-shop.pages.controller';
import { MysteryShopService } from './mystery-shop.service';

@Module({
  imports: [
    ScorecardsModule,
    AgentsModule,
    ImportsModule,
    EvaluationStoreModule,
    InteractionsModule,
    // The results file and each attached transcript: at most MAX_UPLOAD_MB each (413 beyond).
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: memoryStorage(),
        limits: { fileSize: config.maxUploadBytes, files: 500, fields: 20 },
      }),
    }),
  ],
  controllers: [MysteryShopController, MysteryShopPagesController],
  providers: [MysteryShopService],
  exports: [MysteryShopService],
})
export class MysteryShopModule {}
