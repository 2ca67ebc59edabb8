import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.guard';
import { PROTECTORS } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { AbuseService } from './abuse.service';
import { ProtectionQueryDto, RecordProtectiveActionDto } from './dto/protection.dto';

@ApiTags('protection')
@Allow(PROTECTORS)
@Controller('api')
export class ProtectionController {
  constructor(private readonly abuse: AbuseService) {}

  /** Flagged calls of a period with the protective actions taken, a page at a time. */
  @Get('protection')
  async report(@CurrentUser() actor: Actor, @Query() query: ProtectionQueryDto) {
    const { period, page } = await this.abuse.report(actor, query, query.page ?? 1);
    return { period, ...page };
  }

  @Post('interactions/:id/protective-actions')
  @HttpCode(201)
  async record(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RecordProtectiveActionDto,
  ) {
    await this.abuse.recordAction(actor, id, dto);
    return { actions: await this.abuse.actionsOf(id) };
  }
}
