import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module';
import { ImportsModule } from '../imports/imports.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { MysteryShopController } from './mystery-shop.controller';
import { MysteryShopPagesController } from './mystery-shop.pages.controller';
import { MysteryShopService } from './mystery-shop.service';

@Module({
  imports: [ScorecardsModule, AgentsModule, ImportsModule],
  controllers: [MysteryShopController, MysteryShopPagesController],
  providers: [MysteryShopService],
  exports: [MysteryShopService],
})
export class MysteryShopModule {}
