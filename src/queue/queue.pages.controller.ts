import { dateTimeFormat } from '../common/view-helpers';
import { Controller, Get, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.guard';
import { ADMIN, QA } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { DomainError, NotFoundError } from '../common/errors';
import { field, FormBody, FormFields } from '../common/form-body';
import { formInput, formNumber } from '../common/form-input';
import { AssignItemDto, SkipItemDto } from './dto/queue.dto';
import { translate } from '../common/i18n/i18n';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { QueueEmptyError } from './queue-errors';
import { QUEUE_STATUS_FILTERS, QUEUE_VIEWS, QueueService } from './queue.service';
import { withCriterionLabels } from './reason-labels';
import { SamplingService } from './sampling.service';
import { languageOf } from '../common/i18n/lang';
import { pageMessageOf } from '../common/http-exception.filter';

type Query = Record<string, unknown>;

/** The work queue, as pages (the sampling rules: sampling-rules.pages.controller.ts). */
@ApiExcludeController()
@Controller('queue')
export class QueuePagesController {
  constructor(
    private readonly queue: QueueService,
    private readonly sampling: SamplingService,
    private readonly scorecards: ScorecardsService,
  ) {}

  @Get()
  @Allow(QA)
  async list(@CurrentUser() actor: Actor, @Res() res: Response) {
    res.render('queue/list', await this.listView(actor, res, res.req.query));
  }

  /** One click: the next call, straight to its scoring form. */
  @Post('next')
  @Allow(QA)
  async next(@CurrentUser() actor: Actor, @Res() res: Response) {
    try {
      const started = await this.queue.next(actor);
      res.redirect(303, `/evaluations/${started.evaluationId}/edit`);
    } catch (e) {
      if (!(e instanceof QueueEmptyError)) throw e;
      res.redirect(303, '/queue?empty=1');
    }
  }

  @Post('sample')
  @Allow(ADMIN)
  async sample(@CurrentUser() actor: Actor, @Res() res: Response) {
    const result = await this.sampling.sample(new Date(), actor);
    const params = new URLSearchParams({
      view: 'all',
      sampled: String(result.queued),
      assigned: String(result.assigned),
    });
    if (result.unassignedWhy.own_team) params.set('ownTeam', String(result.unassignedWhy.own_team));
    if (result.unassignedWhy.no_evaluators) {
      params.set('noEvaluators', String(result.unassignedWhy.no_evaluators));
    }
    res.redirect(303, `/queue?${params.toString()}`);
  }

  @Post(':id/start')
  @Allow(QA)
  async start(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    const started = await this.queue.start(actor, id);
    res.redirect(303, `/evaluations/${started.evaluationId}/edit`);
  }

  @Post(':id/assign')
  @Allow(ADMIN)
  async assign(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    await this.itemAction(actor, id, body, res, 'reassigned', () =>
      this.queue.assign(
        actor,
        id,
        formInput(AssignItemDto, { evaluatorId: formNumber(field(body, 'evaluatorId')) })
          .evaluatorId,
      ),
    );
  }

  @Post(':id/skip')
  @Allow(ADMIN)
  async skip(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    await this.itemAction(actor, id, body, res, 'skipped', () =>
      this.queue.skip(actor, id, formInput(SkipItemDto, { reason: field(body, 'reason') }).reason),
    );
  }

  /** Back to the list the admin was on; a mistake re-renders it with the error at the item. */
  private async itemAction(
    actor: Actor,
    id: number,
    body: FormFields,
    res: Response,
    done: string,
    action: () => Promise<void>,
  ) {
    const back = backUrl(field(body, 'back'));
    try {
      // formInput runs inside the action: a refused field comes back at the item.
      await action();
      const url = new URL(back, 'http://local');
      url.searchParams.set(done, String(id));
      res.redirect(303, `${url.pathname}${url.search}`);
    } catch (e) {
      if (!(e instanceof DomainError) || e.status >= 500) throw e;
      const query = Object.fromEntries(new URL(back, 'http://local').searchParams);
      res.status(e.status).render(
        'queue/list',
        await this.listView(actor, res, query, {
          id,
          message: pageMessageOf(e, languageOf(res)),
        }),
      );
    }
  }

  private async listView(
    actor: Actor,
    res: Response,
    query: Query,
    itemError?: { id: number; message: string },
  ) {
    const lang = languageOf(res);
    const filter = this.queue.filterFor(actor, {
      view: str(query.view),
      status: str(query.status),
      overdue: str(query.overdue),
      page: str(query.page),
    });
    const page = await this.queue.list(actor, filter);
    const link = (p: number) => listUrl({ ...filter, page: p });
    const isAdmin = actor.role === 'admin';
    const assignees = isAdmin ? await this.queue.assignees() : [];
    return {
      title: translate(lang, 'nav.queue'),
      isAdmin,
      filter,
      back: link(filter.page),
      views: QUEUE_VIEWS.filter((v) => v !== 'all' || isAdmin).map((v) => ({
        value: v,
        selected: v === filter.view,
      })),
      statuses: QUEUE_STATUS_FILTERS.map((s) => ({ value: s, selected: s === filter.status })),
      page: {
        ...page,
        items: (await withCriterionLabels(page.items, (key) => this.definitionOf(key))).map(
          (item) => ({
            ...item,
            dueIso: item.dueAt.toISOString(),
            dueText: dateTimeFormat(lang).format(item.dueAt),
            error: itemError?.id === item.id ? itemError.message : null,
            assignees: assignees
              .filter((a) => a.id !== item.evaluatorId)
              .map((a) => ({ id: a.id, name: a.name, role: a.role })),
          }),
        ),
      },
      showEvaluator: filter.view !== 'mine',
      prev: page.page > 1 ? link(page.page - 1) : null,
      next: page.page < page.pages ? link(page.page + 1) : null,
      notice: notices(lang, query),
      itemError: itemError?.message ?? null,
      emptyWhy: page.items.length === 0 || query.empty === '1' ? await this.emptyWhy(actor) : null,
    };
  }

  /** The current definition of a scorecard, or null when there is none (labels fall back to keys). */
  private async definitionOf(key: string) {
    try {
      return (await this.scorecards.current(key)).definition;
    } catch (e) {
      if (e instanceof NotFoundError) return null;
      throw e;
    }
  }

  /**
   * Why there is nothing to do: no active sampling rule (an admin is sent to the rules, anyone
   * else told whom to ask), or every queued call is done (new calls come as they are imported).
   */
  private async emptyWhy(actor: Actor) {
    const noRules = !(await this.sampling.hasActiveRule());
    const admins = noRules && actor.role !== 'admin' ? await this.queue.assignees() : [];
    return {
      noRules,
      isAdmin: actor.role === 'admin',
      admins: admins
        .filter((a) => a.role === 'admin')
        .map((a) => a.name)
        .join(', '),
    };
  }
}

function listUrl(filter: { view: string; status: string; overdue: boolean; page: number }): string {
  const params = new URLSearchParams();
  if (filter.view !== 'mine') params.set('view', filter.view);
  if (filter.status !== 'pending') params.set('status', filter.status);
  if (filter.overdue) params.set('overdue', '1');
  if (filter.page > 1) params.set('page', String(filter.page));
  const search = params.toString();
  return search ? `/queue?${search}` : '/queue';
}

/** Only a list page of this app: never somewhere else. */
function backUrl(value: string | undefined): string {
  return value && /^\/queue(\?[^#]*)?$/.test(value) ? value : '/queue';
}

function notices(lang: string, query: Query): string[] {
  const n = (name: string) => Number(query[name]) || 0;
  const out: string[] = [];
  if (query.empty === '1') out.push(translate(lang, 'queue.notice.empty'));
  if (query.sampled !== undefined) {
    out.push(
      translate(lang, 'queue.notice.sampled', { queued: n('sampled'), assigned: n('assigned') }),
    );
  }
  if (n('ownTeam')) out.push(translate(lang, 'queue.notice.ownTeam', { count: n('ownTeam') }));
  if (n('noEvaluators')) {
    out.push(translate(lang, 'queue.notice.noEvaluators', { count: n('noEvaluators') }));
  }
  if (n('reassigned'))
    out.push(translate(lang, 'queue.notice.reassigned', { id: n('reassigned') }));
  if (n('skipped')) out.push(translate(lang, 'queue.notice.skipped', { id: n('skipped') }));
  return out;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
