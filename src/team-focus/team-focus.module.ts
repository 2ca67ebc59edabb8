import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { TeamFocusController } from './team-focus.controller';
import { TeamFocusRepository } from './team-focus.repository';
import { TeamFocusService } from './team-focus.service';

/** Teams' weekly focus (what the week's worst chats suggest, as a lead confirmed it). */
@Module({
  imports: [AgentsModule, ScorecardsModule],
  controllers: [TeamFocusController],
  providers: [TeamFocusRepository, TeamFocusService],
  exports: [TeamFocusService],
})
export class TeamFocusModule {}
