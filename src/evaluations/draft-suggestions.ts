/**
 * What a new manual draft is pre-filled with: auto-QA's suggested answers and their evidence.
 * Auto-QA builds on evaluations (it writes its own through EvaluationWriter), so evaluations
 * imports no auto-QA code at run time: the global AutoQaModule provides this as
 * `DRAFT_SUGGESTIONS`.
 */
import type { AbuseFlag } from '../abuse/entities/abuse-flag.entity';
import type { SuggestedAnswer } from '../autoqa/suggestions';
import type { Interaction } from '../interactions/entities/interaction.entity';
import type { Turn } from '../interactions/entities/turn.entity';
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';

export const DRAFT_SUGGESTIONS = Symbol('DRAFT_SUGGESTIONS');

export interface DraftSuggestions {
  /**
   * One suggestion per criterion auto-QA judges, as the scorecard's answer values, on a
   * published version (by id) or a draft definition.
   */
  suggest(
    interaction: Interaction & { abuse?: AbuseFlag | null },
    turns: Turn[],
    scorecard: { id: number } | ScorecardDefinition,
  ): Promise<SuggestedAnswer[]>;
}
