import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { csvFileName, CSV_CONTENT_TYPE } from '../analytics/csv';
import { Allow } from '../auth/access.guard';
import { PROTECTORS } from '../auth/roles';
import { contentDisposition } from '../common/content-disposition';
import { Actor, CurrentUser } from '../common/current-user';
import { translate } from '../common/i18n/i18n';
import { languageOf } from '../common/i18n/lang';
import { AbuseService } from './abuse.service';
import { ProtectionQueryDto } from './dto/protection.dto';
import { actionText, kindsText, protectionCsv } from './protection-view';

/** Team leads (their teams' calls) and admins (all); agents and evaluators are refused. */
@ApiExcludeController()
@Allow(PROTECTORS)
@Controller()
export class ProtectionPagesController {
  constructor(private readonly abuse: AbuseService) {}

  @Get('protection')
  async report(
    @CurrentUser() actor: Actor,
    @Query() query: ProtectionQueryDto,
    @Res() res: Response,
  ) {
    const lang = languageOf(res);
    if (query.format === 'csv') {
      const { period, rows } = await this.abuse.all(actor, query);
      res.setHeader('Content-Type', CSV_CONTENT_TYPE);
      res.setHeader(
        'Content-Disposition',
        contentDisposition(csvFileName(['protection', period.from, period.to])),
      );
      return res.send(protectionCsv(lang, rows));
    }
    const { period, page } = await this.abuse.report(actor, query, query.page ?? 1);
    const link = (p: number) => {
      const search = new URLSearchParams({ from: period.from, to: period.to, page: String(p) });
      return `/protection?${search.toString()}`;
    };
    res.render('protection/list', {
      title: translate(lang, 'protection.title'),
      period,
      page,
      calls: page.items.map((c) => ({
        ...c,
        kinds: kindsText(lang, c),
        actions: c.actions.map((a) => actionText(lang, a)),
      })),
      csv: `/protection?${new URLSearchParams({ from: period.from, to: period.to, format: 'csv' }).toString()}`,
      prev: page.page > 1 ? link(page.page - 1) : null,
      next: page.page < page.pages ? link(page.page + 1) : null,
    });
  }
}
