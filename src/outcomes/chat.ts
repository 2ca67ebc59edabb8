/**
 * Chat: how many chats an agent carried at once (from the chats' start and length), against the
 * QA score and the agent's response time; and each team's best and worst chats of each week.
 * Pure.
 */
import { meanWithCi, type MeanEstimate } from '../statistics';
import type { KpiFact } from './kpi-facts';

export interface ChatTurn {
  interactionId: number;
  speaker: string;
  startMs: number;
  endMs: number;
}

export interface ChatFact {
  interactionId: number;
  externalId: string;
  agentExternalId: string | null;
  agentName: string | null;
  teamId: number | null;
  teamName: string | null;
  week: string;
  startedAt: Date;
  /** 1 + the agent's other chats open at some moment of this one. */
  concurrency: number;
  /** Mean seconds from a customer's message to the agent's next reply (null: no reply). */
  responseSeconds: number | null;
  qaScore: number | null;
  csat: number | null;
}

/** Mean gap from the end of a customer turn to the start of the agent turn after it. */
export function responseSeconds(turns: readonly ChatTurn[]): number | null {
  const gaps: number[] = [];
  for (let i = 1; i < turns.length; i++) {
    if (turns[i].speaker === 'agent' && turns[i - 1].speaker === 'customer') {
      gaps.push(Math.max(0, turns[i].startMs - turns[i - 1].endMs) / 1000);
    }
  }
  return gaps.length === 0 ? null : gaps.reduce((s, g) => s + g, 0) / gaps.length;
}

/** Concurrency: for each chat, 1 + the same agent's chats whose time overlaps it. */
export function chatFacts(facts: readonly KpiFact[], turns: readonly ChatTurn[]): ChatFact[] {
  const chats = facts.filter((f) => f.channel === 'chat');
  const turnsOf = new Map<number, ChatTurn[]>();
  for (const t of turns) {
    const list = turnsOf.get(t.interactionId) ?? [];
    list.push(t);
    turnsOf.set(t.interactionId, list);
  }
  const byAgent = new Map<string, KpiFact[]>();
  for (const c of chats) {
    const key = c.agentExternalId ?? '';
    byAgent.set(key, [...(byAgent.get(key) ?? []), c]);
  }
  const span = (f: KpiFact) => [f.startedAt.getTime(), f.startedAt.getTime() + f.durationMs];
  return chats.map((c) => {
    const [start, end] = span(c);
    const others = (byAgent.get(c.agentExternalId ?? '') ?? []).filter((o) => {
      if (o.interactionId === c.interactionId) return false;
      const [s, e] = span(o);
      return s < end && start < e;
    });
    return {
      interactionId: c.interactionId,
      externalId: c.externalId,
      agentExternalId: c.agentExternalId,
      agentName: c.agentName,
      teamId: c.teamId,
      teamName: c.teamName,
      week: c.week,
      startedAt: c.startedAt,
      concurrency: 1 + others.length,
      responseSeconds: responseSeconds(turnsOf.get(c.interactionId) ?? []),
      qaScore: c.humanScore ?? c.autoScore,
      csat: c.csat,
    };
  });
}

export interface ConcurrencyRow {
  /** '1', '2', '3+' */
  level: string;
  chats: number;
  /** The chats at this level (interaction ids), for the link to them. */
  callIds: number[];
  qaScore: MeanEstimate;
  responseSeconds: MeanEstimate;
}

export interface AgentChatRow {
  agentExternalId: string | null;
  agentName: string | null;
  chats: number;
  meanConcurrency: number;
  maxConcurrency: number;
  qaScore: MeanEstimate;
  responseSeconds: MeanEstimate;
}

export interface WeeklyChats {
  teamId: number | null;
  team: string | null;
  week: string;
  best: ChatFact[];
  worst: ChatFact[];
}

const defined = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
const levelOf = (n: number) => (n >= 3 ? '3+' : String(n));

export function byConcurrency(chats: readonly ChatFact[]): ConcurrencyRow[] {
  return ['1', '2', '3+']
    .map((level) => {
      const group = chats.filter((c) => levelOf(c.concurrency) === level);
      return {
        level,
        chats: group.length,
        callIds: group.map((c) => c.interactionId),
        qaScore: meanWithCi(defined(group.map((c) => c.qaScore))),
        responseSeconds: meanWithCi(defined(group.map((c) => c.responseSeconds))),
      };
    })
    .filter((r) => r.chats > 0);
}

export function byAgent(chats: readonly ChatFact[]): AgentChatRow[] {
  const groups = new Map<string, ChatFact[]>();
  for (const c of chats) {
    const key = c.agentExternalId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()]
    .map((group) => ({
      agentExternalId: group[0].agentExternalId,
      agentName: group[0].agentName,
      chats: group.length,
      meanConcurrency: group.reduce((s, c) => s + c.concurrency, 0) / group.length,
      maxConcurrency: Math.max(...group.map((c) => c.concurrency)),
      qaScore: meanWithCi(defined(group.map((c) => c.qaScore))),
      responseSeconds: meanWithCi(defined(group.map((c) => c.responseSeconds))),
    }))
    .sort((a, b) => ((a.agentExternalId ?? '') < (b.agentExternalId ?? '') ? -1 : 1));
}

/**
 * Per team and ISO week, the `count` best and worst scored chats: by QA score (human, else
 * auto), then CSAT; chats without a score are left out. A chat is not both best and worst.
 */
export function weeklyBestWorst(chats: readonly ChatFact[], count = 3): WeeklyChats[] {
  const groups = new Map<string, ChatFact[]>();
  for (const c of chats) {
    if (c.qaScore === null) continue;
    const key = `${c.teamId ?? ''}\u0000${c.week}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const order = (a: ChatFact, b: ChatFact) =>
    b.qaScore! - a.qaScore! || (b.csat ?? 0) - (a.csat ?? 0) || a.interactionId - b.interactionId;
  return [...groups.values()]
    .map((group) => {
      const sorted = [...group].sort(order);
      const best = sorted.slice(0, Math.min(count, Math.ceil(sorted.length / 2)));
      const worst = sorted.slice(best.length).reverse().slice(0, count);
      return { teamId: group[0].teamId, team: group[0].teamName, week: group[0].week, best, worst };
    })
    .sort((a, b) =>
      a.week === b.week ? ((a.team ?? '') < (b.team ?? '') ? -1 : 1) : a.week < b.week ? 1 : -1,
    );
}
