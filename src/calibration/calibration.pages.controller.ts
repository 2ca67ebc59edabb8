import { Controller, Get, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.guard';
import { ADMIN, QA } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { DomainError, InputError } from '../common/errors';
import { field, FormBody, FormFields, submitForm } from '../common/form-body';
import { formInput } from '../common/form-input';
import { translate } from '../common/i18n/i18n';
import { PageNumberPipe, pageOf } from '../common/pagination';
import type { CalibrationResults, EvaluatorHistory } from './calibration-results';
import type { CalibrationSessionView } from './calibration-session.types';
import { CalibrationStatsService } from './calibration-stats.service';
import { CalibrationService } from './calibration.service';
import { answerLabel, sparkline, trendDirection } from './calibration.view';
import { OpenCalibrationDto } from './dto/open-calibration.dto';
import { QueryTextPipe } from '../common/query-text';
import { parseDateTimeInput } from '../common/time-zone';
import { languageOf } from '../common/i18n/lang';
import { pageMessageOf } from '../common/http-exception.filter';

/** What the new-session form was given, to show it again beside an error. */
interface SessionForm {
  call: string;
  scorecardKey: string;
  participantIds: number[];
  expertId: number | null;
  note: string;
  dueAt: string;
}

const HISTORY_PAGE_SIZE = 25;

@ApiExcludeController()
@Allow(QA)
@Controller('calibration')
export class CalibrationPagesController {
  constructor(
    private readonly calibration: CalibrationService,
    private readonly stats: CalibrationStatsService,
  ) {}

  @Get()
  async list(
    @CurrentUser() actor: Actor,
    @Query('open', PageNumberPipe) openPage: number,
    @Query('closed', PageNumberPipe) closedPage: number,
    @Res() res: Response,
  ) {
    const pages = { open: openPage, closed: closedPage };
    const [open, closed] = await Promise.all([
      this.calibration.list(actor, 'open', pages.open),
      this.calibration.list(actor, 'closed', pages.closed),
    ]);
    const link = (which: 'open' | 'closed', p: number) => {
      const params = new URLSearchParams({ ...stringify(pages), [which]: String(p) });
      return `/calibration?${params.toString()}`;
    };
    res.render('calibration/list', {
      title: t(res, 'nav.calibration'),
      isAdmin: actor.role === 'admin',
      open,
      closed,
      openPager: pager(open, (p) => link('open', p)),
      closedPager: pager(closed, (p) => link('closed', p)),
    });
  }

  @Get('new')
  @Allow(ADMIN)
  async newForm(@Query('call', QueryTextPipe) call: string | undefined, @Res() res: Response) {
    res.render(
      'calibration/new',
      await this.formView(res, {
        call: call?.slice(0, 200) ?? '',
        scorecardKey: '',
        participantIds: [],
        expertId: null,
        note: '',
        dueAt: '',
      }),
    );
  }

  @Get('history')
  async history(
    @CurrentUser() actor: Actor,
    @Query('page', PageNumberPipe) current: number,
    @Res() res: Response,
  ) {
    const all = await this.stats.history(actor);
    const rows = all.slice((current - 1) * HISTORY_PAGE_SIZE, current * HISTORY_PAGE_SIZE);
    const result = pageOf(rows.map(toHistoryRow), all.length, current, HISTORY_PAGE_SIZE);
    res.render('calibration/history', {
      title: t(res, 'calibration.history'),
      isAdmin: actor.role === 'admin',
      page: result,
      ...pager(result, (p) => `/calibration/history?page=${p}`),
    });
  }

  @Post()
  @Allow(ADMIN)
  async create(@CurrentUser() actor: Actor, @FormBody() body: FormFields, @Res() res: Response) {
    const form = toForm(body);
    await submitForm(
      res,
      'calibration/new',
      async () => {
        // The API's DTO; the form names the call by its id and the due date in local time.
        const dto = formInput(OpenCalibrationDto, {
          interactionId: await this.calibration.findCall(form.call),
          scorecardKey: form.scorecardKey,
          participantIds: form.participantIds,
          expertId: form.expertId ?? 0,
          note: form.note,
        });
        const session = await this.calibration.open(actor, {
          ...dto,
          dueAt: parseDueAt(form.dueAt),
        });
        res.redirect(303, `/calibration/${session.id}`);
      },
      (e) => this.formView(res, form, e),
    );
  }

  @Get(':id')
  async show(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    const session = await this.calibration.get(actor, id);
    res.render('calibration/show', {
      title: `${t(res, 'nav.calibration')} #${session.id}`,
      session,
      isAdmin: actor.role === 'admin',
      open: session.status === 'open',
      canScore: session.status === 'open' && session.mine !== null && !session.mine.submitted,
      results: session.results ? toResultsView(session, session.results, languageOf(res)) : null,
    });
  }

  @Post(':id/start')
  async start(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    const evaluation = await this.calibration.start(actor, id);
    res.redirect(303, `/evaluations/${evaluation.id}/edit`);
  }

  @Post(':id/close')
  @Allow(ADMIN)
  async close(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    await this.calibration.close(actor, id);
    res.redirect(303, `/calibration/${id}`);
  }

  private async formView(res: Response, form: SessionForm, error?: DomainError) {
    const options = await this.calibration.formOptions();
    // The service names the interaction by id; the form asks for the call.
    const errorField = error?.field === 'interactionId' ? 'call' : error?.field;
    return {
      title: t(res, 'calibration.new'),
      form,
      scorecards: options.scorecards.map((s) => ({
        ...s,
        selected: s.key === form.scorecardKey,
      })),
      participants: options.users.map((u) => ({
        ...u,
        selected: form.participantIds.includes(u.id),
      })),
      experts: options.users.map((u) => ({ ...u, selected: u.id === form.expertId })),
      error: error ? t(res, 'calibration.fixErrors') : null,
      errors: errorField ? { [errorField]: pageMessageOf(error!, languageOf(res)) } : {},
    };
  }
}

function toForm(body: FormFields): SessionForm {
  const ids = body.participantIds;
  const list = Array.isArray(ids) ? ids : ids ? [ids] : [];
  const expert = field(body, 'expertId');
  return {
    call: field(body, 'call')?.slice(0, 200) ?? '',
    scorecardKey: field(body, 'scorecardKey') ?? '',
    participantIds: list.map(Number).filter((n) => Number.isInteger(n) && n > 0),
    expertId: expert && /^\d+$/.test(expert) ? Number(expert) : null,
    note: field(body, 'note') ?? '',
    dueAt: field(body, 'dueAt') ?? '',
  };
}

/** The form's `datetime-local` value, read in the installation's zone (TZ_DISPLAY) like every date the pages show. */
function parseDueAt(value: string): Date | null {
  if (!value.trim()) return null;
  const date = parseDateTimeInput(value);
  if (!date) {
    throw new InputError('dueAt', 'give the due date as a date and time', {
      key: 'calibration.error.dueAt',
    });
  }
  return date;
}

function toResultsView(
  session: CalibrationSessionView,
  results: CalibrationResults,
  language: string,
) {
  const columns = results.evaluators.map((e) => ({ id: e.evaluatorId, name: e.evaluatorName }));
  const expertId = results.evaluators.find((e) => e.isExpert)?.evaluatorId;
  const ranked = new Map(results.mostDisagreement.map((key, i) => [key, i + 1]));
  return {
    evaluators: results.evaluators.map((e) => ({
      ...e,
      deviationText: signed(e.deviation),
      deviationClass: deviationClass(e.deviation),
    })),
    columns: columns.map((c) => ({ ...c, isExpert: c.id === expertId })),
    criteria: results.criteria.map((c) => {
      const given = new Map(c.answers.map((a) => [a.evaluatorId, a.value]));
      const expertValue = expertId === undefined ? undefined : given.get(expertId);
      return {
        key: c.key,
        label: c.label,
        agreementPct: c.agreementPct,
        matchesExpertPct: c.matchesExpertPct,
        disagreementRank: ranked.get(c.key) ?? null,
        answers: columns.map((col) => {
          const value = given.has(col.id) ? given.get(col.id) : undefined;
          return {
            label: answerLabel(c.scale, value, language),
            comment: results.comments[c.key]?.[col.id] ?? '',
            differsFromExpert:
              expertValue !== undefined && col.id !== expertId && value !== expertValue,
          };
        }),
      };
    }),
    kappa: results.kappa === null ? null : results.kappa.toFixed(2),
    kappaReading: results.kappaReading,
    mostDisagreement: results.mostDisagreement.map((key) => ({
      key,
      label: results.criteria.find((c) => c.key === key)?.label ?? key,
    })),
    leftOut: results.leftOut,
    hasExpert: expertId !== undefined,
    expertName: session.expert?.name ?? null,
  };
}

function toHistoryRow(h: EvaluatorHistory) {
  const given = h.series.filter((p) => p.deviation !== null);
  const last = given[given.length - 1];
  return {
    evaluatorId: h.evaluatorId,
    name: h.name,
    sessions: h.series.length,
    lastDeviation: last ? signed(last.deviation) : null,
    lastDeviationClass: deviationClass(last?.deviation ?? null),
    meanAbsDeviation: h.meanAbsDeviation === null ? null : h.meanAbsDeviation.toFixed(1),
    trend: h.trend === null ? null : signed(Math.round(h.trend * 100) / 100),
    trendDirection: trendDirection(h.trend),
    sparkline: sparkline(h.series.map((p) => p.deviation)),
    series: h.series.map((p) => ({ ...p, deviationText: signed(p.deviation) })),
  };
}

/** Points above or below the expert, with the sign always shown. */
function signed(n: number | null): string {
  if (n === null) return '–';
  if (n === 0) return '0.0';
  return `${n > 0 ? '+' : '−'}${Math.abs(n).toFixed(1)}`;
}

function deviationClass(n: number | null): string {
  if (n === null || Math.abs(n) < 0.05) return 'deviation-none';
  return n > 0 ? 'deviation-above' : 'deviation-below';
}

function pager(page: { page: number; pages: number }, link: (p: number) => string) {
  return {
    prev: page.page > 1 ? link(page.page - 1) : null,
    next: page.page < page.pages ? link(page.page + 1) : null,
  };
}

function stringify(record: Record<string, number>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, String(v)]));
}

function t(res: Response, key: string): string {
  return translate(languageOf(res), key);
}
