import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.guard';
import { ADMIN } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { translate } from '../common/i18n/i18n';
import { EvaluationsService } from '../evaluations/evaluations.service';
import { AuditService } from '../audit/audit.service';
import { AUDITED_ENTITIES, AuditQueryDto } from '../audit/audit-query.dto';
import { evaluationIdsOf, redactBlind } from '../audit/audit-redaction';
import { languageOf } from '../common/i18n/lang';

/**
 * The audit log (API and admin page), assembled above src/audit/ (which every feature writes to)
 * and src/evaluations/ (whose blind rule hides open calibration answers).
 */
@ApiTags('audit')
@Controller()
@Allow(ADMIN)
export class AuditPageController {
  constructor(
    private readonly audit: AuditService,
    private readonly evaluations: EvaluationsService,
  ) {}

  @Get('api/audit')
  @ApiOperation({
    summary:
      "Audit entries, newest first, filterable and paginated (admins); another participant's open calibration without its answers",
  })
  list(@CurrentUser() actor: Actor, @Query() query: AuditQueryDto) {
    return this.shown(actor, query, query.limit ?? 50);
  }

  @Get('admin/audit')
  @ApiExcludeEndpoint()
  async page(@CurrentUser() actor: Actor, @Query() query: AuditQueryDto, @Res() res: Response) {
    const result = await this.shown(actor, query, 50);
    const link = (page: number) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries({ ...query, page })) if (v) params.set(k, String(v));
      return `/admin/audit?${params.toString()}`;
    };
    res.render('admin/audit', {
      title: translate(languageOf(res), 'audit.title'),
      page: {
        ...result,
        items: result.items.map((e) => ({
          ...e,
          before: e.before ? JSON.stringify(e.before) : null,
          after: e.after ? JSON.stringify(e.after) : null,
        })),
      },
      filter: query,
      entityTypes: AUDITED_ENTITIES.map((type) => ({
        value: type,
        selected: type === query.entityType,
      })),
      prev: result.page > 1 ? link(result.page - 1) : null,
      next: result.page < result.pages ? link(result.page + 1) : null,
    });
  }

  /** A page of entries, calibration answers left out until the session closes (blind). */
  private async shown(actor: Actor, query: AuditQueryDto, pageSize: number) {
    const result = await this.audit.list(query, pageSize);
    const blind = await this.evaluations.blindTo(evaluationIdsOf(result.items), actor);
    return { ...result, items: redactBlind(result.items, blind) };
  }
}
