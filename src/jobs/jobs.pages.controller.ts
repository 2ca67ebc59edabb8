import { Controller, Get, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.guard';
import { ADMIN } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { translate } from '../common/i18n/i18n';
import { languageOf } from '../common/i18n/lang';
import { QueryTextPipe } from '../common/query-text';
import { OUTBOX_STATUSES } from '../events/entities/outbox-event.entity';
import { JobsService } from './jobs.service';

const UUID = /^[0-9a-f-]{36}$/i;

/** Admin: counts per state, failed and recent jobs with their error, and Retry. */
@ApiExcludeController()
@Controller('admin/jobs')
@Allow(ADMIN)
export class JobsPagesController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  async page(
    @Query('status', QueryTextPipe) status: string | undefined,
    @Query('retried', QueryTextPipe) retried: string | undefined,
    @Query('retriedJob', QueryTextPipe) retriedJob: string | undefined,
    @Res() res: Response,
  ) {
    const filter = this.jobs.statusFilter(status);
    const [{ counts, items }, queues] = await Promise.all([
      this.jobs.overview(filter),
      this.jobs.queues(),
    ]);
    res.render('admin/jobs', {
      title: translate(languageOf(res), 'jobs.title'),
      counts,
      items,
      queues,
      statuses: OUTBOX_STATUSES.map((s) => ({ value: s, selected: s === filter })),
      retried: retried && /^\d+$/.test(retried) ? Number(retried) : null,
      retriedJob: retriedJob && UUID.test(retriedJob) ? retriedJob : null,
    });
  }

  /** A failed pg-boss job of one queue is queued again. */
  @Post('queues/:queue/:id/retry')
  async retryQueued(
    @CurrentUser() actor: Actor,
    @Param('queue') queue: string,
    @Param('id') id: string,
    @Res() res: Response,
  ) {
    await this.jobs.retryQueued(actor, queue, id);
    res.redirect(303, `/admin/jobs?retriedJob=${encodeURIComponent(id)}`);
  }

  @Post(':id/retry')
  async retry(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    await this.jobs.retry(actor, id);
    res.redirect(303, `/admin/jobs?retried=${id}`);
  }
}
