import { parseJson } from '../database/raw-values';
import type { AnswerCountRow, EvaluationRow } from './analytics.repository';
import { isEscalated, readMetrics, type CallFact, type EvaluationFact } from './profile-builder';

/** An agent's evaluation rows as the facts the profile is built from (pure). */

/** The agent's calls, from their evaluations: one fact per call, auto-QA's metrics attached. */
export function callFacts(rows: EvaluationRow[]): Map<number, CallFact> {
  const calls = new Map<number, CallFact & { metadata: unknown }>();
  for (const r of rows) {
    let call = calls.get(r.interactionId);
    if (!call) {
      call = {
        interactionId: r.interactionId,
        externalId: r.externalId,
        startedAt: r.startedAt,
        channel: r.channel,
        queue: r.queue,
        escalated: false,
        metrics: null,
        metadata: parseJson(r.metadata),
      };
      calls.set(r.interactionId, call);
    }
    if (r.kind === 'auto' && call.metrics === null) call.metrics = readMetrics(r.metrics);
  }
  const facts = new Map<number, CallFact>();
  for (const [id, { metadata, ...call }] of calls) {
    facts.set(id, { ...call, escalated: isEscalated(metadata, call.metrics) });
  }
  return facts;
}

export function evaluationFacts(
  rows: EvaluationRow[],
  answers: AnswerCountRow[],
  scorecardKey: string | null,
): EvaluationFact[] {
  const counts = new Map(answers.map((a) => [a.evaluationId, a]));
  return rows
    .filter((r) => !scorecardKey || r.scorecardKey === scorecardKey)
    .map((r) => ({
      evaluationId: r.evaluationId,
      interactionId: r.interactionId,
      source: r.kind === 'auto' ? ('auto' as const) : ('human' as const),
      scorecardKey: r.scorecardKey,
      overallScore: r.overallScore,
      passed: counts.get(r.evaluationId)?.passed ?? 0,
      failed: counts.get(r.evaluationId)?.failed ?? 0,
    }));
}

export function scoresByCall(rows: EvaluationRow[], scorecardKey: string | null) {
  const scores = new Map<number, { human: (number | null)[]; auto: (number | null)[] }>();
  for (const r of rows) {
    if (scorecardKey && r.scorecardKey !== scorecardKey) continue;
    const s = scores.get(r.interactionId) ?? { human: [], auto: [] };
    (r.kind === 'auto' ? s.auto : s.human).push(r.overallScore);
    scores.set(r.interactionId, s);
  }
  return scores;
}
