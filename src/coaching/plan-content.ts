/**
 * A coaching plan's content, generated from an agent profile (seed 001: find the behaviour
 * pattern, build a training plan; seed 004: one or two practices at a time, the best calls as
 * examples) and then edited by the team lead. Pure: the same profile gives the same plan.
 */
import { addDays } from '../analytics/period';
import type { AgentProfile, CriterionRow } from '../analytics/profile.types';
import { clock } from '../common/view-helpers';
import type { CriterionDefinition } from '../scorecards/scorecard-definition';
import type { FocusChoice, FocusReason } from './focus-selection';

export interface Excerpt {
  interactionId: number;
  externalId: string;
  timeMs: number | null;
  speaker: string;
  text: string;
  /** Exemplars: whose call it was. */
  agentName?: string;
}

export interface FocusItem {
  scorecardKey: string;
  key: string;
  label: string;
  guidance: string;
  good: string | null;
  phrases: string[];
  agentRate: number | null;
  teamRate: number | null;
  misses: number;
  /** The agent's own calls where it was missed. */
  excerpts: Excerpt[];
  /** A peer's call where it was done well. */
  exemplar: Excerpt | null;
  /** Pass rate to reach by the follow-up (0..1). */
  targetRate: number;
  /**
   * Why it is a focus: behind the team (`gap`), a weakness of the whole team (`team`), weak on
   * its own (`weak`), or added by the team lead (`lead`). Absent in plans from before.
   */
  reason?: FocusReason | 'lead';
  /** The actions suggested for it: removing the focus removes these lines from `actions`. */
  actions?: string[];
}

export interface PlanContent {
  agent: { externalId: string; name: string; team: string | null };
  period: { from: string; to: string };
  summary: {
    evaluations: number;
    autoEvaluations: number;
    averageScore: number | null;
    slope: number | null;
    weeks: { week: string; average: number | null }[];
  };
  strengths: { key: string; label: string; rate: number | null; teamRate: number | null }[];
  focus: FocusItem[];
  goals: { targetScore: number | null; note: string };
  actions: string[];
  followUpDate: string;
  notes: string;
  /** Progress against the previous plan's goals, when there was one. */
  previous: PreviousProgress | null;
}

export interface PreviousProgress {
  planId: number;
  period: { from: string; to: string };
  targetScore: number | null;
  actualScore: number | null;
  scoreMet: boolean | null;
  goals: {
    key: string;
    label: string;
    targetRate: number;
    before: number | null;
    actual: number | null;
    met: boolean | null;
  }[];
}

export interface PlanInputs {
  profile: AgentProfile;
  /** The criteria to focus on (./focus-selection.ts). */
  focus: FocusChoice[];
  criteria: Map<string, CriterionDefinition>; // `${scorecardKey}:${key}` → definition
  excerpts: Map<string, Excerpt[]>; // same key → the agent's missed moments
  exemplars: Map<string, Excerpt | null>;
  previous: { id: number; content: PlanContent } | null;
  /** Days until the follow-up, from the end of the period. */
  followUpDays?: number;
  /** Writes the suggested actions in the plan's language. */
  say: (key: string, params: Record<string, string | number>) => string;
}

const MAX_STRENGTHS = 3;

export function criterionRef(scorecardKey: string, key: string): string {
  return `${scorecardKey}:${key}`;
}

export function generatePlan(inputs: PlanInputs): PlanContent {
  const { profile } = inputs;
  const focus = inputs.focus.map((choice) =>
    focusItem(choice.row, choice.reason, choice.misses, inputs),
  );
  const focusKeys = new Set(focus.map((f) => criterionRef(f.scorecardKey, f.key)));
  const strengths = profile.strongest
    .filter((row) => !focusKeys.has(criterionRef(row.scorecardKey, row.key)))
    .slice(0, MAX_STRENGTHS)
    .map((row) => ({
      key: row.key,
      label: row.label,
      rate: row.agentRate,
      teamRate: row.teamRate,
    }));
  const average = profile.averageScore.human;
  return {
    agent: {
      externalId: profile.agent.externalId,
      name: profile.agent.name,
      team: profile.agent.teamName,
    },
    period: profile.period,
    summary: {
      evaluations: profile.evaluations.human,
      autoEvaluations: profile.evaluations.auto,
      averageScore: average,
      slope: profile.trend.slope,
      weeks: profile.trend.weeks.map((w) => ({ week: w.week, average: w.average })),
    },
    strengths,
    focus,
    goals: {
      // Five points up, capped at 100; none without a current average to start from.
      targetScore: average === null ? null : Math.min(100, Math.round(average + 5)),
      note: '',
    },
    actions: focus.flatMap((f) => f.actions ?? []),
    followUpDate: addDays(profile.period.to, inputs.followUpDays ?? 28),
    notes: '',
    previous: inputs.previous ? progress(inputs.previous, profile) : null,
  };
}

/** One focus criterion with its guidance, the agent's moments, a peer's example and actions. */
export function focusItem(
  row: CriterionRow,
  reason: FocusItem['reason'],
  misses: number,
  inputs: Pick<PlanInputs, 'criteria' | 'excerpts' | 'exemplars' | 'say'>,
): FocusItem {
  const ref = criterionRef(row.scorecardKey, row.key);
  const definition = inputs.criteria.get(ref);
  const item: FocusItem = {
    scorecardKey: row.scorecardKey,
    key: row.key,
    label: row.label,
    guidance: definition?.guidance ?? '',
    good: definition?.coaching?.good ?? null,
    phrases: definition?.coaching?.phrases ?? [],
    agentRate: row.agentRate,
    teamRate: row.teamRate,
    misses,
    excerpts: inputs.excerpts.get(ref) ?? [],
    exemplar: inputs.exemplars.get(ref) ?? null,
    targetRate: targetRate(row.agentRate, row.teamRate),
    reason,
  };
  return { ...item, actions: suggestedActions(item, inputs.say) };
}

/**
 * The plan's actions without those suggested for the focus criteria that were removed (a line
 * the team lead rewrote is theirs and stays).
 */
export function withoutActionsOf(actions: string[], removed: FocusItem[]): string[] {
  const suggested = new Set(removed.flatMap((f) => f.actions ?? []));
  return actions.filter((a) => !suggested.has(a));
}

function suggestedActions(f: FocusItem, say: PlanInputs['say']): string[] {
  const actions = [
    f.phrases.length > 0
      ? say('coaching.actionPhrase', { label: f.label, phrase: f.phrases[0] })
      : say('coaching.actionPractice', { label: f.label }),
  ];
  if (f.exemplar) {
    actions.push(
      say('coaching.actionListen', {
        label: f.label,
        call: f.exemplar.externalId,
        time: clock(f.exemplar.timeMs ?? 0),
      }),
    );
  }
  return actions;
}

/** Halfway to the team's rate, at least +10 points, at most 100 %, in whole percents. */
export function targetRate(agent: number | null, team: number | null): number {
  const from = agent ?? 0;
  const halfway = team === null ? from + 0.1 : from + (team - from) / 2;
  return Math.min(1, Math.round(Math.max(halfway, from + 0.1) * 100) / 100);
}

function progress(
  previous: { id: number; content: PlanContent },
  profile: AgentProfile,
): PreviousProgress {
  const rates = new Map(
    profile.criteria.map((c) => [criterionRef(c.scorecardKey, c.key), c.agentRate]),
  );
  const actualScore = profile.averageScore.human;
  const targetScore = previous.content.goals.targetScore;
  return {
    planId: previous.id,
    period: previous.content.period,
    targetScore,
    actualScore,
    scoreMet: targetScore === null || actualScore === null ? null : actualScore >= targetScore,
    goals: previous.content.focus.map((f) => {
      const actual = rates.get(criterionRef(f.scorecardKey, f.key)) ?? null;
      return {
        key: f.key,
        label: f.label,
        targetRate: f.targetRate,
        before: f.agentRate,
        actual,
        met: actual === null ? null : actual >= f.targetRate,
      };
    }),
  };
}
