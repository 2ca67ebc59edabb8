import { Injectable } from '@nestjs/common';
import { AbuseRepository } from '../abuse/abuse.repository';
import { AutoQaService } from '../autoqa/autoqa.service';
import type { SuggestedAnswer } from '../autoqa/suggestions';
import { InteractionsRepository } from '../interactions/interactions.repository';
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import { ScorecardsService } from '../scorecards/scorecards.service';

/** How many of the newest calls a draft is tried on. */
export const TRIAL_CALLS = 20;

/** One criterion's auto-QA answer: pass, fail, na, or none (no `auto` block / no answer). */
export type TrialAnswer = 'pass' | 'fail' | 'na' | 'none';

export interface TrialChange {
  key: string;
  label: string;
  before: TrialAnswer;
  after: TrialAnswer;
}

export interface TrialResult {
  /** The published version the draft is compared with. */
  publishedVersion: number;
  channel: string;
  language: string;
  calls: number;
  /** Per criterion (the draft's, then those it removes): on how many calls the answer changes. */
  criteria: { key: string; label: string; changed: number; removed: boolean }[];
  /** The calls with at least one changed answer, newest first. */
  changedCalls: {
    id: number;
    externalId: string;
    startedAt: Date;
    agentName: string | null;
    changes: TrialChange[];
  }[];
}

/**
 * "Test on recent calls": the auto-QA engine (the same one background scoring uses) run on the
 * newest calls of the draft's channel and language, once with the published version and once
 * with the draft, and the answers compared. Reads only: nothing is stored.
 */
@Injectable()
export class ScorecardTrialService {
  constructor(
    private readonly scorecards: ScorecardsService,
    private readonly interactions: InteractionsRepository,
    private readonly abuse: AbuseRepository,
    private readonly autoqa: AutoQaService,
  ) {}

  async trial(key: string, draft: ScorecardDefinition): Promise<TrialResult> {
    const published = await this.scorecards.current(key);
    const calls = await this.interactions.recentFor(draft.channel, draft.language, TRIAL_CALLS);
    const ids = calls.map((c) => c.id);
    const [turns, flags] = await Promise.all([
      this.interactions.turnsOfMany(ids),
      this.abuse.flagsOf(ids),
    ]);
    const criteria = criteriaOf(draft, published.definition);
    const changed = new Map(criteria.map((c) => [c.key, 0]));
    const changedCalls: TrialResult['changedCalls'] = [];
    for (const call of calls) {
      const input = Object.assign(call, { abuse: flags.get(call.id) ?? null });
      const callTurns = turns.get(call.id) ?? [];
      const before = byKey(await this.autoqa.suggest(input, callTurns, { id: published.id }));
      const after = byKey(await this.autoqa.suggest(input, callTurns, draft));
      const changes = criteria
        .map((c) => ({ key: c.key, label: c.label, before: before(c.key), after: after(c.key) }))
        .filter((c) => c.before !== c.after);
      for (const c of changes) changed.set(c.key, (changed.get(c.key) ?? 0) + 1);
      if (changes.length > 0) {
        changedCalls.push({
          id: call.id,
          externalId: call.externalId,
          startedAt: call.startedAt,
          agentName: call.agent?.name ?? null,
          changes,
        });
      }
    }
    return {
      publishedVersion: published.version,
      channel: draft.channel,
      language: draft.language,
      calls: calls.length,
      criteria: criteria.map((c) => ({ ...c, changed: changed.get(c.key) ?? 0 })),
      changedCalls,
    };
  }
}

/** The draft's criteria in order, then the published ones the draft no longer has. */
function criteriaOf(
  draft: ScorecardDefinition,
  published: ScorecardDefinition,
): { key: string; label: string; removed: boolean }[] {
  const mine = draft.sections.flatMap((s) => s.criteria);
  const keys = new Set(mine.map((c) => c.key));
  return [
    ...mine.map((c) => ({ key: c.key, label: c.label, removed: false })),
    ...published.sections
      .flatMap((s) => s.criteria)
      .filter((c) => !keys.has(c.key))
      .map((c) => ({ key: c.key, label: c.label, removed: true })),
  ];
}

function byKey(answers: SuggestedAnswer[]): (key: string) => TrialAnswer {
  const map = new Map(answers.map((a) => [a.key, a.suggestion]));
  return (key) => map.get(key) ?? 'none';
}
