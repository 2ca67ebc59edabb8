import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AgentsService } from './agents.service';

@ApiTags('agents')
@Controller('api')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  @Get('agents')
  @ApiOperation({ summary: 'All agents with their team' })
  listAgents() {
    return this.agents.listAgents();
  }

  @Get('teams')
  @ApiOperation({ summary: 'All teams' })
  listTeams() {
    return this.agents.listTeams();
  }
}
