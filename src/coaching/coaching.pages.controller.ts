import { Controller, Get, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgentsService } from '../agents/agents.service';
import { defaultPeriod } from '../analytics/period';
import { Allow } from '../auth/access.guard';
import { AGENTS, COACHES, EVERYONE } from '../auth/roles';
import { contentDisposition } from '../common/content-disposition';
import { Actor, CurrentUser } from '../common/current-user';
import { DomainError } from '../common/errors';
import { field, FormBody, FormFields, submitForm } from '../common/form-body';
import { translate } from '../common/i18n/i18n';
import { PageNumberPipe } from '../common/pagination';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { CoachingService } from './coaching.service';
import { FeedbackSessionsService } from './feedback-sessions.service';
import { SavePlanDto } from './dto/save-plan.dto';
import { GeneratePlanDto } from './dto/generate-plan.dto';
import { RecordSessionDto, ScheduleSessionDto } from './dto/feedback-session.dto';
import { formInput, formNumber } from '../common/form-input';
import type { PlanContent } from './plan-content';
import type { AgentProfile } from '../analytics/profile.types';
import { QueryTextPipe } from '../common/query-text';
import { languageOf } from '../common/i18n/lang';
import { pageMessageOf } from '../common/http-exception.filter';

@ApiExcludeController()
@Controller('coaching')
export class CoachingPagesController {
  constructor(
    private readonly coaching: CoachingService,
    private readonly sessions: FeedbackSessionsService,
    private readonly agents: AgentsService,
    private readonly scorecards: ScorecardsService,
  ) {}

  @Get()
  @Allow(EVERYONE)
  async list(
    @CurrentUser() actor: Actor,
    @Query('page', PageNumberPipe) page: number,
    @Res() res: Response,
  ) {
    const result = await this.coaching.list(actor, page);
    res.render('coaching/list', {
      title: t(res, 'coaching.title'),
      page: result,
      canWrite: COACHES.includes(actor.role),
      prev: result.page > 1 ? `/coaching?page=${result.page - 1}` : null,
      next: result.page < result.pages ? `/coaching?page=${result.page + 1}` : null,
    });
  }

  @Get('new')
  @Allow(COACHES)
  async newForm(
    @CurrentUser() actor: Actor,
    @Query('agent', QueryTextPipe) agent: string,
    @Res() res: Response,
  ) {
    res.render('coaching/new', await this.newView(actor, res, { agent: agent ?? '' }));
  }

  @Post()
  @Allow(COACHES)
  async generate(@CurrentUser() actor: Actor, @FormBody() body: FormFields, @Res() res: Response) {
    const input = {
      agent: field(body, 'agent') ?? '',
      from: field(body, 'from') ?? '',
      to: field(body, 'to') ?? '',
      scorecard: field(body, 'scorecard') ?? '',
    };
    await submitForm(
      res,
      'coaching/new',
      async () => {
        const dto = formInput(GeneratePlanDto, input);
        const plan = await this.coaching.generate(actor, {
          agentExternalId: dto.agent,
          from: dto.from,
          to: dto.to,
          scorecardKey: dto.scorecard,
          lang: languageOf(res),
        });
        res.redirect(303, `/coaching/${plan.id}/edit`);
      },
      async (e) => ({
        ...(await this.newView(actor, res, input)),
        error: pageMessageOf(e, languageOf(res)),
      }),
    );
  }

  @Get(':id')
  @Allow(EVERYONE)
  async show(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    res.render('coaching/show', await this.planView(actor, id, res));
  }

  @Get(':id/edit')
  @Allow(COACHES)
  async edit(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    res.render('coaching/edit', {
      ...(await this.planView(actor, id, res)),
      saved: res.req.query.saved === '1',
    });
  }

  @Post(':id')
  @Allow(COACHES)
  async save(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    const plan = await this.coaching.get(actor, id);
    const content = plan.content as unknown as PlanContent;
    const typed = typedPlan(body, content);
    await submitForm(
      res,
      'coaching/edit',
      async () => {
        const checked = formInput(SavePlanDto, {
          version: formNumber(field(body, 'version')),
          targetScore: typed.targetScore,
          followUpDate: typed.followUpDate,
        });
        await this.coaching.update(actor, id, {
          version: checked.version,
          targetScore: checked.targetScore ?? null,
          goalNote: typed.goalNote,
          actions: typed.actions.split(/\r?\n/),
          followUpDate: checked.followUpDate,
          notes: typed.notes,
          focusTargets: Object.fromEntries(
            typed.focus.filter((f) => f.keep).map((f) => [f.key, Number(f.target) / 100]),
          ),
          addFocus: typed.addFocus || undefined,
          strengths: typed.strengths,
        });
        res.redirect(303, `/coaching/${id}/edit?saved=1`);
      },
      // Refused: the form comes back with everything the lead typed, and why, in their language.
      async (e) => ({
        ...(await this.planView(actor, id, res, e.status === 409 ? null : typed)),
        error: pageMessageOf(e, languageOf(res)),
        conflict: e.status === 409,
      }),
    );
  }

  @Post(':id/share')
  @Allow(COACHES)
  async share(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    try {
      await this.coaching.share(actor, id);
      res.redirect(303, `/coaching/${id}`);
    } catch (e) {
      if (!(e instanceof Error) || e instanceof DomainError) throw e;
      // Chromium missing or failing: the rest of the app keeps working; say what happened.
      res.status(503).render('coaching/show', {
        ...(await this.planView(actor, id, res)),
        error: translate(languageOf(res), 'coaching.pdfUnavailable', { reason: e.message }),
      });
    }
  }

  @Get(':id/pdf')
  @Allow(EVERYONE)
  async pdf(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    const { bytes, name } = await this.coaching.pdfOf(actor, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', contentDisposition(name, 'inline'));
    res.send(bytes);
  }

  @Post(':id/sessions')
  @Allow(COACHES)
  async schedule(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    await submitForm(
      res,
      'coaching/show',
      async () => {
        const dto = formInput(ScheduleSessionDto, { scheduledAt: field(body, 'scheduledAt') });
        await this.sessions.schedule(actor, id, dto.scheduledAt);
        res.redirect(303, `/coaching/${id}#sessions`);
      },
      async (e) => ({
        ...(await this.planView(actor, id, res)),
        error: pageMessageOf(e, languageOf(res)),
      }),
    );
  }

  @Post('sessions/:sid')
  @Allow(COACHES)
  async record(
    @CurrentUser() actor: Actor,
    @Param('sid', ParseIntPipe) sid: number,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    const typed = typedSession(sid, body);
    const { planId } = await this.sessions.session(actor, sid);
    await submitForm(
      res,
      'coaching/show',
      async () => {
        const dto = formInput(RecordSessionDto, {
          notes: typed.notes,
          commitments: typed.commitments,
          followUpDate: typed.followUpDate,
        });
        await this.sessions.record(actor, sid, {
          notes: dto.notes,
          commitments: dto.commitments ?? '',
          followUpDate: dto.followUpDate,
        });
        res.redirect(303, `/coaching/${planId}#sessions`);
      },
      // Refused: the session's form comes back with what the lead wrote, and why.
      async (e) => ({
        ...(await this.planView(actor, planId, res, null, typed)),
        error: pageMessageOf(e, languageOf(res)),
      }),
    );
  }

  @Post('sessions/:sid/acknowledge')
  @Allow(AGENTS)
  async acknowledge(
    @CurrentUser() actor: Actor,
    @Param('sid', ParseIntPipe) sid: number,
    @Res() res: Response,
  ) {
    const session = await this.sessions.acknowledge(actor, sid);
    res.redirect(303, `/coaching/${session.planId}#sessions`);
  }

  /** The plan as stored, or with the fields the lead typed in a refused save (`typed`). */
  private async planView(
    actor: Actor,
    id: number,
    res: Response,
    typed: TypedPlan | null = null,
    session: TypedSession | null = null,
  ) {
    const plan = await this.coaching.get(actor, id);
    const stored = plan.content as unknown as PlanContent;
    const sessions = await this.sessions.sessionsOf(id);
    const content: PlanContent = typed
      ? {
          ...stored,
          goals: { targetScore: typed.targetScore as unknown as number, note: typed.goalNote },
          followUpDate: typed.followUpDate,
          notes: typed.notes,
        }
      : stored;
    const focused = new Set(stored.focus.map((f) => f.key));
    const profile = plan.profile as unknown as Partial<AgentProfile>;
    return {
      title: `${t(res, 'coaching.planTitle')} · ${plan.agent?.name ?? ''}`,
      plan,
      content,
      actionsText: typed ? typed.actions : stored.actions.join('\n'),
      focus: stored.focus.map((f) => {
        const kept = typed?.focus.find((k) => k.key === f.key);
        return {
          ...f,
          keep: kept ? kept.keep : true,
          targetPercent: kept ? kept.target : Math.round(f.targetRate * 100),
          reasonText: f.reason ? t(res, `coaching.reason.${f.reason}`) : null,
        };
      }),
      strengthList: stored.strengths.map((s) => ({
        ...s,
        keep: typed ? typed.strengths.includes(s.key) : true,
      })),
      // Any criterion of the plan's scorecards can be added as a focus.
      addable: (profile.criteria ?? [])
        .filter((c) => !focused.has(c.key))
        .map((c) => {
          const ref = `${c.scorecardKey}:${c.key}`;
          return {
            ref,
            label: c.label,
            scorecardKey: c.scorecardKey,
            rate: c.agentRate,
            selected: typed?.addFocus === ref,
          };
        }),
      sessions: sessions
        .map((s) => (session?.id === s.id ? { ...s, ...session } : s))
        .map((s) => ({
          ...s,
          noteList: stored.focus.map((f) => ({
            key: f.key,
            label: f.label,
            note: s.notes?.[f.key] ?? '',
          })),
        })),
      canWrite: COACHES.includes(actor.role),
      isAgent: actor.role === 'agent',
    };
  }

  private async newView(
    actor: Actor,
    res: Response,
    input: { agent: string; from?: string; to?: string; scorecard?: string },
  ) {
    const period = defaultPeriod();
    return {
      title: t(res, 'coaching.new'),
      agents: (await this.agents.listAgents(actor)).map((a) => ({
        externalId: a.externalId,
        name: a.name,
        selected: a.externalId === input.agent,
      })),
      scorecards: (await this.scorecards.list()).map((s) => ({
        key: s.key,
        name: s.name,
        selected: s.key === input.scorecard,
      })),
      from: input.from || period.from,
      to: input.to || period.to,
    };
  }
}

/** What the lead typed in the plan editor, kept as text so a refused save shows it again. */
interface TypedPlan {
  targetScore: string;
  goalNote: string;
  actions: string;
  followUpDate: string;
  notes: string;
  focus: { key: string; keep: boolean; target: string }[];
  addFocus: string;
  strengths: string[];
}

/** What the lead wrote in a session's form (`note_<criterion>` fields), kept to show it again. */
interface TypedSession {
  id: number;
  notes: Record<string, string>;
  commitments: string;
  followUpDate: string;
}

function typedSession(id: number, body: FormFields): TypedSession {
  const notes: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith('note_') && typeof v === 'string' && v.trim()) notes[k.slice(5)] = v.trim();
  }
  return {
    id,
    notes,
    commitments: field(body, 'commitments') ?? '',
    followUpDate: field(body, 'followUpDate') ?? '',
  };
}

function typedPlan(body: FormFields, content: PlanContent): TypedPlan {
  return {
    targetScore: field(body, 'targetScore') ?? '',
    goalNote: field(body, 'goalNote') ?? '',
    actions: field(body, 'actions') ?? '',
    followUpDate: field(body, 'followUpDate') ?? '',
    notes: field(body, 'notes') ?? '',
    focus: content.focus.map((f) => ({
      key: f.key,
      keep: Boolean(field(body, `keep_${f.key}`)),
      target: field(body, `target_${f.key}`) ?? '',
    })),
    addFocus: field(body, 'addFocus') ?? '',
    strengths: content.strengths.map((s) => s.key).filter((k) => field(body, `strength_${k}`)),
  };
}

function t(res: Response, key: string): string {
  return translate(languageOf(res), key);
}
