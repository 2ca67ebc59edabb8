import { Body, Controller, Get, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.guard';
import { COACHES, EVERYONE } from '../auth/roles';
import { contentDisposition } from '../common/content-disposition';
import { Actor, CurrentUser } from '../common/current-user';
import { personFor } from '../common/person';
import { CoachingService } from './coaching.service';
import { GeneratePlanDto } from './dto/generate-plan.dto';

@ApiTags('coaching')
@Controller('api/coaching/plans')
export class CoachingController {
  constructor(private readonly coaching: CoachingService) {}

  @Post()
  @Allow(COACHES)
  @ApiOperation({ summary: "Generate a draft coaching plan from an agent's profile over a period" })
  async generate(@CurrentUser() actor: Actor, @Body() dto: GeneratePlanDto) {
    const plan = await this.coaching.generate(actor, {
      agentExternalId: dto.agent,
      from: dto.from,
      to: dto.to,
      scorecardKey: dto.scorecard,
    });
    return { ...plan, author: personFor(actor, plan.author) };
  }

  @Get(':id')
  @Allow(EVERYONE)
  @ApiOperation({ summary: 'A coaching plan (agents: their own shared plans)' })
  async get(@CurrentUser() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    const plan = await this.coaching.get(actor, id);
    return { ...plan, author: personFor(actor, plan.author) };
  }

  @Get(':id/pdf')
  @Allow(EVERYONE)
  @ApiOperation({ summary: 'The plan as PDF (A4)' })
  async pdf(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    const { bytes, name } = await this.coaching.pdfOf(actor, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', contentDisposition(name));
    res.send(bytes);
  }
}
