import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { AgentsService } from '../agents/agents.service';
import { defaultPeriod } from '../analytics/period';
import type { AgentProfile } from '../analytics/profile.types';
import { COACHES } from '../auth/roles';
import type { Actor } from '../common/current-user';
import { field, type FormFields } from '../common/form-body';
import { translate } from '../common/i18n/i18n';
import { languageOf } from '../common/i18n/lang';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { CoachingService } from './coaching.service';
import { FeedbackSessionsService } from './feedback-sessions.service';
import type { PlanContent } from './plan-content';

/**
 * What the coaching pages render, for the plan pages and the feedback-session forms alike: a
 * plan as stored or with what the lead typed in a refused form, and the new-plan form.
 */
@Injectable()
export class CoachingPageViews {
  constructor(
    private readonly coaching: CoachingService,
    private readonly sessions: FeedbackSessionsService,
    private readonly agents: AgentsService,
    private readonly scorecards: ScorecardsService,
  ) {}

  /**
   * The plan as stored, or with what the lead typed in a refused form: the plan editor's fields
   * (`typed`), a session's record (`session`, with `recordError`) or the new session's time
   * (`scheduling`, with its error); each error is shown at its form.
   */
  async planView(
    actor: Actor,
    id: number,
    res: Response,
    typed: TypedPlan | null = null,
    session: (TypedSession & { recordError?: string }) | null = null,
    scheduling: { scheduledAt: string; error: string } | null = null,
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
      scheduling,
      canWrite: COACHES.includes(actor.role),
      isAgent: actor.role === 'agent',
    };
  }

  /** The new-plan form, with what the lead chose when it comes back refused. */
  async newView(
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
export interface TypedPlan {
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
export interface TypedSession {
  id: number;
  notes: Record<string, string>;
  commitments: string;
  followUpDate: string;
}

export function typedSession(id: number, body: FormFields): TypedSession {
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

export function typedPlan(body: FormFields, content: PlanContent): TypedPlan {
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
