import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AutoQaService } from './autoqa.service';
import { Allow } from '../auth/access.guard';
import { STAFF } from '../auth/roles';

@ApiTags('auto-qa')
@Allow(STAFF)
@Controller('api/autoqa')
export class AutoQaController {
  constructor(private readonly autoQa: AutoQaService) {}

  @Get('agreement/:scorecardKey')
  @ApiOperation({
    summary: "Per criterion: how often submitted human answers agree with auto-QA's suggestion",
  })
  agreement(@Param('scorecardKey') key: string) {
    return this.autoQa.agreement(key);
  }
}
