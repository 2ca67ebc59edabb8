import { Controller, Get, Param, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { translate } from '../common/i18n/i18n';
import { AutoQaService } from './autoqa.service';
import { Allow } from '../auth/access.guard';
import { STAFF } from '../auth/roles';

@ApiExcludeController()
@Allow(STAFF)
@Controller('scorecards')
export class AutoQaPagesController {
  constructor(private readonly autoQa: AutoQaService) {}

  /** How often evaluators kept the machine's suggestion, per criterion of a scorecard. */
  @Get(':key/agreement')
  @Render('autoqa/agreement')
  async agreement(@Param('key') key: string, @Res({ passthrough: true }) res: Response) {
    const rows = await this.autoQa.agreement(key);
    const compared = rows.reduce((n, r) => n + r.compared, 0);
    const agreed = rows.reduce((n, r) => n + r.agreed, 0);
    return {
      title: `${translate(res.locals.lang as string, 'autoqa.agreement')} · ${key}`,
      key,
      rows: [...rows].sort((a, b) => (a.rate ?? 101) - (b.rate ?? 101)),
      overall: compared === 0 ? null : Math.round((agreed / compared) * 1000) / 10,
      compared,
    };
  }
}
