import { Injectable } from '@nestjs/common';
import { instants, type Period } from '../analytics/period';
import type { Actor } from '../common/current-user';
import {
  byAgent,
  byConcurrency,
  chatFacts,
  weeklyBestWorst,
  type AgentChatRow,
  type ConcurrencyRow,
  type WeeklyChats,
} from './chat';
import { KpiService } from './kpi.service';
import { OutcomesRepository } from './outcomes.repository';
import {
  maySetFocus,
  TeamFocusService,
  type TeamFocusView,
} from '../team-focus/team-focus.service';
import { suggestFocus, type FocusSuggestion } from './weekly-focus';

/** A team's focus for one week: the suggestion, what its lead stored, what the form offers. */
export interface WeekFocus {
  suggestion: (FocusSuggestion & { label: string }) | null;
  stored: TeamFocusView | null;
  /** The criteria a lead may choose from (the suggestion's or the stored focus's scorecard). */
  scorecardKey: string | null;
  criteria: { key: string; label: string }[];
  canSet: boolean;
}

export interface ChatReport {
  period: Period;
  teamId: number | null;
  chats: number;
  agents: AgentChatRow[];
  concurrency: ConcurrencyRow[];
  weeks: (WeeklyChats & { focus: WeekFocus })[];
}

/** Chat concurrency against QA score and response time; weekly best and worst chats. */
@Injectable()
export class ChatService {
  constructor(
    private readonly kpis: KpiService,
    private readonly repository: OutcomesRepository,
    private readonly teamFocus: TeamFocusService,
  ) {}

  async report(
    actor: Actor,
    options: { from?: string; to?: string; teamId?: number | null },
  ): Promise<ChatReport> {
    const { period, facts } = await this.kpis.facts(actor, { ...options, fcr: 'metadata' });
    const { start, end } = instants(period);
    const turns = await this.repository.turns(
      actor,
      { start, end, teamId: options.teamId },
      'chat',
    );
    const chats = chatFacts(facts, turns);
    return {
      period,
      teamId: options.teamId ?? null,
      chats: chats.length,
      agents: byAgent(chats),
      concurrency: byConcurrency(chats),
      weeks: await this.withFocus(actor, weeklyBestWorst(chats)),
    };
  }

  /** Each team-week's suggested focus (from its worst chats) beside the focus its lead stored. */
  private async withFocus(actor: Actor, weeks: WeeklyChats[]) {
    const worstIds = weeks.flatMap((w) => w.worst.map((c) => c.interactionId));
    const answers = await this.repository.answersOfCalls(worstIds);
    const teamIds = [
      ...new Set(weeks.map((w) => w.teamId).filter((id): id is number => id !== null)),
    ];
    const stored = await this.teamFocus.ofTeams(teamIds);
    const criteria = new Map<string, Map<string, string>>();
    const criteriaOf = async (key: string) => {
      if (!criteria.has(key)) {
        criteria.set(
          key,
          await this.teamFocus.criteriaOf(key).catch(() => new Map<string, string>()),
        );
      }
      return criteria.get(key)!;
    };
    const out: (WeeklyChats & { focus: WeekFocus })[] = [];
    for (const w of weeks) {
      const suggestion = suggestFocus(
        w.worst.map((c) => c.interactionId),
        answers,
      );
      const saved = stored.find((f) => f.teamId === w.teamId && f.week === w.week) ?? null;
      const scorecardKey = saved?.scorecardKey ?? suggestion?.scorecardKey ?? null;
      const labels = scorecardKey ? await criteriaOf(scorecardKey) : new Map<string, string>();
      out.push({
        ...w,
        focus: {
          suggestion: suggestion && {
            ...suggestion,
            label:
              (await criteriaOf(suggestion.scorecardKey)).get(suggestion.criterionKey) ??
              suggestion.criterionKey,
          },
          stored: saved,
          scorecardKey,
          criteria: [...labels.entries()].map(([key, label]) => ({ key, label })),
          canSet: w.teamId !== null && scorecardKey !== null && maySetFocus(actor, w.teamId),
        },
      });
    }
    return out;
  }
}
