/** The chat page: concurrency against QA score and response time; weekly best and worst. Pure. */
import { translator } from '../../analytics/views/format';
import { callsByIdHref, callsListHref } from '../../common/calls-link';
import type { ChatFact } from '../chat';
import type { ChatReport, WeekFocus } from '../chat.service';
import { meanCell, round } from './format';

const chatView = (c: ChatFact) => ({
  href: `/interactions/${c.interactionId}`,
  externalId: c.externalId,
  agent: c.agentName ?? '–',
  score: c.qaScore === null ? '–' : String(round(c.qaScore)),
  csat: c.csat === null ? '–' : String(c.csat),
  concurrency: c.concurrency,
});

function focusView(
  focus: WeekFocus,
  team: number | null,
  week: string,
  period: { from: string; to: string },
  t: ReturnType<typeof translator>,
) {
  const s = focus.suggestion;
  const stored = focus.stored;
  const labelOf = (key: string | null) =>
    key === null ? null : (focus.criteria.find((c) => c.key === key)?.label ?? key);
  const chosen = stored?.criterionKey ?? s?.criterionKey ?? null;
  return {
    id: `focus-${team ?? 'none'}-${week}`,
    suggestion: s && {
      text: t('outcomes.focus.suggested', { criterion: s.label, n: s.failedIn.length, of: s.of }),
      href: callsByIdHref(s.failedIn, { week }),
      n: s.failedIn.length,
    },
    stored: stored && {
      criterionKey: stored.criterionKey,
      text:
        stored.suggestedCriterionKey !== null &&
        stored.suggestedCriterionKey !== stored.criterionKey
          ? t('outcomes.focus.changed', {
              name: stored.setByName ?? '–',
              criterion: stored.criterionLabel,
              suggested: labelOf(stored.suggestedCriterionKey) ?? '',
            })
          : t('outcomes.focus.confirmed', {
              name: stored.setByName ?? '–',
              criterion: stored.criterionLabel,
            }),
    },
    form:
      focus.canSet && team !== null
        ? {
            team,
            week,
            scorecard: focus.scorecardKey,
            suggested: s?.criterionKey ?? '',
            from: period.from,
            to: period.to,
            criteria: focus.criteria.map((c) => ({ ...c, selected: c.key === chosen })),
          }
        : null,
  };
}

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
      focus: focusView(w.focus, w.teamId, w.week, period, t),
      team: w.team ?? t('outcomes.none'),
      week: w.week,
      best: w.best.map(chatView),
      worst: w.worst.map(chatView),
      bestHref: callsByIdHref(ids(w.best), { week: w.week }),
      worstHref: callsByIdHref(ids(w.worst), { week: w.week }),
    })),
  };
}
