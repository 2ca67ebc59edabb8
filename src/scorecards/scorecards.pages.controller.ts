import { Controller, Get, Param, Query, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ScorecardsService } from './scorecards.service';
import { Allow } from '../auth/access.guard';
import { EVERYONE } from '../auth/roles';
import { InputError } from '../common/errors';
import { QueryTextPipe } from '../common/query-text';

@ApiExcludeController()
@Allow(EVERYONE)
@Controller('scorecards')
export class ScorecardsPagesController {
  constructor(private readonly scorecards: ScorecardsService) {}

  @Get()
  @Render('scorecards/list')
  async list() {
    return { title: 'Scorecards', scorecards: await this.scorecards.list() };
  }

  @Get(':key')
  @Render('scorecards/show')
  async show(@Param('key') key: string, @Query('version', QueryTextPipe) version?: string) {
    if (version && !/^[1-9]\d{0,8}$/.test(version)) {
      throw new InputError('version', 'must be a version number (1, 2, …)');
    }
    const shown = version
      ? await this.scorecards.version(key, Number(version))
      : await this.scorecards.current(key);
    const versions = await this.scorecards.versionsOf(key);
    return {
      title: shown.definition.name,
      key,
      shown,
      definition: shown.definition,
      isCurrent: versions[0]?.id === shown.id,
      versions: versions.map((v) => ({ ...v, selected: v.id === shown.id })),
    };
  }
}
