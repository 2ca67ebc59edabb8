import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentUser } from '../common/current-user';
import { AgentsService } from './agents.service';
import { Allow } from '../auth/access.guard';
import { STAFF } from '../auth/roles';

@ApiTags('agents')
@Allow(STAFF)
@Controller('api')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  @Get('agents')
  @ApiOperation({ summary: 'The agents you may see, with their team' })
  listAgents(@CurrentUser() actor: Actor) {
    return this.agents.listAgents(actor);
  }

  @Get('teams')
  @ApiOperation({ summary: 'All teams' })
  listTeams() {
    return this.agents.listTeams();
  }
}
