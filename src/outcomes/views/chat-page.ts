/** The chat page: concurrency against QA score and response time; weekly best and worst. Pure. */
import { translator } from '../../analytics/views/format';
import { callsByIdHref, callsListHref } from '../../common/calls-link';
import type { ChatFact } from '../chat';
import type { ChatReport } from '../chat.service';
import { meanCell, round } from './format';

const chatView = (c: ChatFact) => ({
  href: `/interactions/${c.interactionId}`,
  externalId: c.externalId,
  agent: c.agentName ?? '–',
  score: c.qaScore === null ? '–' : String(round(c.qaScore)),
  csat: c.csat === null ? '–' : String(c.csat),
  concurrency: c.concurrency,
});

export function chatPage(report: ChatReport, lang: string, teams: { id: number; name: string }[]) {
  const t = translator(lang);
  const period = { from: report.period.from, to: report.period.to };
  const ids = (chats: readonly ChatFact[]) => chats.map((c) => c.interactionId);
  return {
    title: t('outcomes.chatTitle'),
    report,
    filter: { from: report.period.from, to: report.period.to, team: report.teamId },
    teams: teams.map((team) => ({ ...team, selected: team.id === report.teamId })),
    agents: report.agents.map((a) => ({
      name: a.agentName ?? '–',
      externalId: a.agentExternalId,
      chats: a.chats,
      href: a.agentExternalId
        ? callsListHref({
            ...period,
            team: report.teamId,
            agent: a.agentExternalId,
            channel: 'chat',
          })
        : null,
      meanConcurrency: round(a.meanConcurrency, 2),
      maxConcurrency: a.maxConcurrency,
      qa: meanCell(a.qaScore),
      response: meanCell(a.responseSeconds),
    })),
    levels: report.concurrency.map((r) => ({
      level: r.level,
      chats: r.chats,
      href: callsByIdHref(r.callIds, period),
      qa: meanCell(r.qaScore),
      response: meanCell(r.responseSeconds),
    })),
    weeks: report.weeks.map((w) => ({
      team: w.team ?? t('outcomes.none'),
      week: w.week,
      best: w.best.map(chatView),
      worst: w.worst.map(chatView),
      bestHref: callsByIdHref(ids(w.best), { week: w.week }),
      worstHref: callsByIdHref(ids(w.worst), { week: w.week }),
    })),
  };
}
