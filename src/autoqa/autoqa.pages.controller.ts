import { Controller, Get, Param, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { translate } from '../common/i18n/i18n';
import { AutoQaService } from './autoqa.service';
import { Allow } from '../auth/access.guard';
import { STAFF } from '../auth/roles';
import { languageOf } from '../common/i18n/lang';

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
    const sum = (pick: (r: (typeof rows)[number]) => number) =>
      rows.reduce((n, r) => n + pick(r), 0);
    const compared = sum((r) => r.compared);
    const confident = sum((r) => r.confident);
    const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);
    return {
      title: `${translate(languageOf(res), 'autoqa.agreement')} · ${key}`,
      key,
      rows: [...rows].sort((a, b) => (a.rate ?? 101) - (b.rate ?? 101)),
      overall: pct(
        sum((r) => r.agreed),
        compared,
      ),
      coverage: pct(confident, compared),
      confidentRate: pct(
        sum((r) => r.confidentAgreed),
        confident,
      ),
      anyConfident: confident > 0,
      compared,
      missed: rows.filter((r) => r.missed.length > 0),
    };
  }
}
