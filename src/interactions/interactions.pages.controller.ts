import { Controller, Get, Query, Redirect, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgentsService } from '../agents/agents.service';
import { Actor, CurrentUser } from '../common/current-user';
import { translate } from '../common/i18n/i18n';
import { ListInteractionsDto } from './dto/list-interactions.dto';
import { InteractionsService } from './interactions.service';
import { Allow } from '../auth/access.guard';
import { EVERYONE } from '../auth/roles';
import { languageOf } from '../common/i18n/lang';

/** The filters set by a number's link rather than by the list's form. */
const SCOPE_FILTERS = [
  'team',
  'queue',
  'week',
  'from',
  'to',
  'scorecard',
  'criterion',
  'result',
  'source',
  'ids',
] as const;

@ApiExcludeController()
@Allow(EVERYONE)
@Controller()
export class InteractionsPagesController {
  constructor(
    private readonly interactions: InteractionsService,
    private readonly agents: AgentsService,
  ) {}

  @Get()
  @Redirect('/interactions', 302)
  home() {}

  @Get('interactions')
  @Render('interactions/list')
  async list(
    @CurrentUser() actor: Actor,
    @Query() query: ListInteractionsDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const page = await this.interactions.list(query, actor);
    const lang = languageOf(res);
    const params = (p: number) => {
      const search = new URLSearchParams();
      for (const [k, v] of Object.entries({ ...query, page: p })) if (v) search.set(k, String(v));
      return `/interactions?${search.toString()}`;
    };
    return {
      title: translate(lang, 'nav.interactions'),
      page,
      filter: query,
      scope: await this.scopeOf(query, lang),
      // The link's filters stay when the form narrows the list further.
      keep: SCOPE_FILTERS.filter((name) => query[name] !== undefined && query[name] !== '').map(
        (name) => ({ name, value: String(query[name]) }),
      ),
      agents: await this.agents.listAgents(actor),
      prev: page.page > 1 ? params(page.page - 1) : null,
      next: page.page < page.pages ? params(page.page + 1) : null,
    };
  }

  /**
   * The filters a number's link set (beyond the form's), in words: what the listed calls are.
   * Empty when none is set.
   */
  private async scopeOf(query: ListInteractionsDto, lang: string): Promise<string[]> {
    const t = (key: string, params?: Record<string, unknown>) => translate(lang, key, params);
    const parts: string[] = [];
    if (query.team) {
      const team = (await this.agents.listTeams()).find((x) => x.id === query.team);
      parts.push(t('interactions.scope.team', { team: team?.name ?? String(query.team) }));
    }
    if (query.queue) parts.push(t('interactions.scope.queue', { queue: query.queue }));
    if (query.week) parts.push(t('interactions.scope.week', { week: query.week }));
    if (query.from || query.to) {
      parts.push(t('interactions.scope.period', { from: query.from ?? '…', to: query.to ?? '…' }));
    }
    if (query.criterion) {
      parts.push(
        t(`interactions.scope.${query.result === 'fail' ? 'failed' : 'passed'}`, {
          criterion: query.criterion,
          scorecard: query.scorecard ?? '',
          source: t(`interactions.scope.source.${query.source ?? 'human'}`),
        }),
      );
    }
    if (query.ids) {
      parts.push(t('interactions.scope.ids', { n: new Set(query.ids.split(',')).size }));
    }
    return parts;
  }
}
