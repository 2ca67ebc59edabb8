import { Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentUser } from '../common/current-user';
import { ScorecardsService } from './scorecards.service';
import { Allow } from '../auth/access.guard';
import { EVERYONE, ADMIN } from '../auth/roles';

@ApiTags('scorecards')
@Allow(EVERYONE)
@Controller('api/scorecards')
export class ScorecardsController {
  constructor(private readonly scorecards: ScorecardsService) {}

  @Get()
  @ApiOperation({ summary: 'Scorecards with their current version' })
  list() {
    return this.scorecards.list();
  }

  @Post('sync')
  @Allow(ADMIN)
  @HttpCode(200)
  @ApiOperation({ summary: 'Reload scorecards/*.yaml: changed files become new versions' })
  sync(@CurrentUser() actor: Actor) {
    return this.scorecards.syncFromFiles(actor);
  }

  @Get(':key')
  @ApiOperation({ summary: 'The current version of a scorecard' })
  current(@Param('key') key: string) {
    return this.scorecards.current(key);
  }

  @Get(':key/versions')
  @ApiOperation({ summary: 'All versions of a scorecard, newest first' })
  versions(@Param('key') key: string) {
    return this.scorecards.versionsOf(key);
  }

  @Get(':key/versions/:version')
  @ApiOperation({ summary: 'One version of a scorecard' })
  version(@Param('key') key: string, @Param('version', ParseIntPipe) version: number) {
    return this.scorecards.version(key, version);
  }
}
