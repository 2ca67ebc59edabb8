import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.guard';
import { ADMIN, QA } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { CalibrationService } from './calibration.service';
import { CalibrationStatsService } from './calibration-stats.service';
import { OpenCalibrationDto } from './dto/open-calibration.dto';

@ApiTags('calibration')
@Allow(QA)
@Controller('api/calibration')
export class CalibrationController {
  constructor(
    private readonly calibration: CalibrationService,
    private readonly stats: CalibrationStatsService,
  ) {}

  @Post()
  @Allow(ADMIN)
  @ApiOperation({
    summary: 'Open a calibration session: a call, a scorecard, the evaluators and the expert',
  })
  open(@CurrentUser() actor: Actor, @Body() dto: OpenCalibrationDto) {
    return this.calibration.open(actor, {
      ...dto,
      dueAt: dto.dueAt ? new Date(dto.dueAt) : null,
    });
  }

  @Get('history')
  @ApiOperation({
    summary:
      "Each evaluator's deviation from the expert over the closed sessions (evaluators: their own)",
  })
  history(@CurrentUser() actor: Actor) {
    return this.stats.history(actor);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'A session you take part in (admins: any): who has submitted while open; the results once closed',
  })
  get(@CurrentUser() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.calibration.get(actor, id);
  }

  @Post(':id/start')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Your calibration draft for this session (opened on first call); score it like any draft',
  })
  start(@CurrentUser() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.calibration.start(actor, id);
  }

  @Post(':id/close')
  @Allow(ADMIN)
  @HttpCode(200)
  @ApiOperation({ summary: 'Close early: who has not submitted is left out of the results' })
  close(@CurrentUser() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.calibration.close(actor, id);
  }
}
