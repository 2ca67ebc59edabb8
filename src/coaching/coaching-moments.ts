import { Injectable } from '@nestjs/common';
import { instants } from '../analytics/period';
import type { MomentRow } from '../evaluations/coaching-moments-query';
import type { StoredEvidence } from '../evaluations/entities/evaluation-answer.entity';
import { EvaluationsRepository } from '../evaluations/evaluations.repository';
import { InteractionsRepository } from '../interactions/interactions.repository';
import type { Excerpt } from './plan-content';

/**
 * The moments of calls a coaching plan quotes: where the agent missed a criterion, where a peer
 * did it well. The answers are asked of their owner (EvaluationsRepository), the quoted turn of
 * its owner (InteractionsRepository).
 */
@Injectable()
export class CoachingMoments {
  constructor(
    private readonly evaluations: EvaluationsRepository,
    private readonly interactions: InteractionsRepository,
  ) {}

  /**
   * Up to `limit` of the agent's calls in the period where the criterion was failed, newest
   * first, at the moment the evaluator pinned (or where auto-QA's evidence points).
   */
  async missed(
    agentId: number,
    scorecardKey: string,
    criterionKey: string,
    period: { from: string; to: string },
    limit = 3,
  ): Promise<Excerpt[]> {
    const { start, end } = instants(period);
    const rows = await this.evaluations.coachingMoments({
      scorecardKey,
      criterionKey,
      passed: false,
      limit: limit * 3,
      agentId,
      startedFrom: start,
      startedBefore: end,
    });
    return this.withText(rows, limit);
  }

  /** A call of another agent (the same team first) where the criterion was done well. */
  async exemplar(
    agentId: number,
    teamId: number | null,
    scorecardKey: string,
    criterionKey: string,
  ): Promise<Excerpt | null> {
    for (const sameTeam of teamId === null ? [false] : [true, false]) {
      const rows = await this.evaluations.coachingMoments({
        scorecardKey,
        criterionKey,
        passed: true,
        limit: 20,
        notAgentId: agentId,
        ...(sameTeam && teamId !== null ? { teamId } : {}),
      });
      const found = await this.withText(rows, 1);
      if (found.length > 0) return found[0];
    }
    return null;
  }

  /** The quoted turn of each moment; moments without a turn to quote are skipped. */
  private async withText(rows: MomentRow[], limit: number): Promise<Excerpt[]> {
    const out: Excerpt[] = [];
    const seen = new Set<number>();
    for (const row of rows) {
      if (out.length >= limit) break;
      if (seen.has(Number(row.interactionId))) continue;
      const turnIndex = row.turnIndex ?? firstEvidenceTurn(row.evidence);
      if (turnIndex === null) continue;
      const turn = await this.interactions.turnAt(Number(row.interactionId), Number(turnIndex));
      if (!turn) continue;
      seen.add(Number(row.interactionId));
      out.push({
        interactionId: Number(row.interactionId),
        externalId: row.externalId,
        timeMs: row.timeMs === null ? Number(turn.startMs) : Number(row.timeMs),
        speaker: turn.speaker,
        text: turn.text.length > 280 ? `${turn.text.slice(0, 280)}…` : turn.text,
        agentName: row.agentName,
      });
    }
    return out;
  }
}

function firstEvidenceTurn(evidence: MomentRow['evidence']): number | null {
  const parsed = typeof evidence === 'string' ? (JSON.parse(evidence) as StoredEvidence) : evidence;
  return parsed?.items.find((item) => item.turn !== null)?.turn ?? null;
}
