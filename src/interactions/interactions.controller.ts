import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentUser } from '../common/current-user';
import { ListInteractionsDto } from './dto/list-interactions.dto';
import { InteractionsService } from './interactions.service';
import { Allow } from '../auth/access.guard';
import { EVERYONE } from '../auth/roles';

@ApiTags('interactions')
@Allow(EVERYONE)
@Controller('api/interactions')
export class InteractionsController {
  constructor(private readonly interactions: InteractionsService) {}

  @Get()
  @ApiOperation({ summary: 'Interactions, newest first, paginated and filterable' })
  list(@CurrentUser() actor: Actor, @Query() query: ListInteractionsDto) {
    return this.interactions.list(query, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One interaction with its agent, metadata, notes and turns' })
  get(@CurrentUser() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.interactions.get(id, actor);
  }
}
