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

export interface ChatReport {
  period: Period;
  teamId: number | null;
  chats: number;
  agents: AgentChatRow[];
  concurrency: ConcurrencyRow[];
  weeks: WeeklyChats[];
}

/** Chat concurrency against QA score and response time; weekly best and worst chats. */
@Injectable()
export class ChatService {
  constructor(
    private readonly kpis: KpiService,
    private readonly repository: OutcomesRepository,
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
      weeks: weeklyBestWorst(chats),
    };
  }
}
