import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentsController } from './agents.controller';
import { AgentsRepository } from './agents.repository';
import { AgentsService } from './agents.service';
import { Agent } from './entities/agent.entity';
import { Team } from './entities/team.entity';
import { TeamsRepository } from './teams.repository';

@Module({
  imports: [TypeOrmModule.forFeature([Agent, Team])],
  controllers: [AgentsController],
  providers: [AgentsService, AgentsRepository, TeamsRepository],
  exports: [AgentsService, AgentsRepository, TeamsRepository],
})
export class AgentsModule {}
