import { Injectable } from '@nestjs/common';
import { EvaluationsRepository } from './evaluations.repository';
import { ScorecardsService } from '../scorecards/scorecards.service';
import {
  criteriaOf,
  REPLAY_MARKER_KINDS,
  toReplayMarkers,
  type CriteriaByVersion,
  type ReplayMarker,
} from './replay-markers';

/**
 * Loads what the transcript player shows (the replay page and the scoring workspace): the marks
 * of the evaluations a page names, read through the evaluations repository and the scorecards.
 */
@Injectable()
export class ReplayViews {
  constructor(
    private readonly evaluations: EvaluationsRepository,
    private readonly scorecards: ScorecardsService,
  ) {}

  /** The marks of one interaction, from the named evaluations only (none named: no marks). */
  async markers(
    interactionId: number,
    evaluationIds: number[],
    /** The page's language, for auto-QA's reasons on the marks. */
    lang = 'en',
  ): Promise<ReplayMarker[]> {
    const rows = await this.evaluations.timedAnswers(interactionId, evaluationIds);
    if (rows.length === 0) return [];
    const definitions = await this.scorecards.definitionsOf(rows.map((r) => r.scorecardVersionId));
    const criteria: CriteriaByVersion = new Map(
      [...definitions].map(([id, definition]) => [id, criteriaOf(definition)]),
    );
    return toReplayMarkers(rows, criteria, lang);
  }

  /**
   * What the transcript-player partial needs: the timeline's length (the call's duration, or the
   * last turn's end when that is later), its marks from the named evaluations, and the mark kinds
   * present (for the legend).
   */
  async view(
    interaction: { id: number; durationMs: number; turns: { endMs: number }[] },
    evaluationIds: number[],
    /** The page's language, for auto-QA's reasons on the marks. */
    lang: string,
  ) {
    const markers = await this.markers(interaction.id, evaluationIds, lang);
    const lastEnd = interaction.turns.reduce((max, t) => Math.max(max, t.endMs), 0);
    return {
      replay: { durationMs: Math.max(interaction.durationMs, lastEnd), markers },
      markerKinds: REPLAY_MARKER_KINDS.filter((kind) => markers.some((m) => m.kind === kind)),
    };
  }
}
