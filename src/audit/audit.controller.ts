import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.guard';
import { ADMIN } from '../auth/roles';
import { translate } from '../common/i18n/i18n';
import { AuditService } from './audit.service';
import { AUDITED_ENTITIES, AuditQueryDto } from './audit-query.dto';

@ApiTags('audit')
@Controller()
@Allow(ADMIN)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('api/audit')
  @ApiOperation({ summary: 'Audit entries, newest first, filterable and paginated (admins)' })
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query, query.limit ?? 50);
  }

  @Get('admin/audit')
  @ApiExcludeEndpoint()
  async page(@Query() query: AuditQueryDto, @Res() res: Response) {
    const result = await this.audit.list(query, 50);
    const link = (page: number) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries({ ...query, page })) if (v) params.set(k, String(v));
      return `/admin/audit?${params.toString()}`;
    };
    res.render('admin/audit', {
      title: translate((res.locals.lang as string) ?? 'ko', 'audit.title'),
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
}
