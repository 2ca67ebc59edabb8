import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListInteractionsDto } from './dto/list-interactions.dto';
import { InteractionsService } from './interactions.service';

@ApiTags('interactions')
@Controller('api/interactions')
export class InteractionsController {
  constructor(private readonly interactions: InteractionsService) {}

  @Get()
  @ApiOperation({ summary: 'Interactions, newest first, paginated and filterable' })
  list(@Query() query: ListInteractionsDto) {
    return this.interactions.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One interaction with its agent, metadata, notes and turns' })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.interactions.get(id);
  }
}
