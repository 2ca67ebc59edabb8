/**
 * The one way every path — the app's background scoring, the scoring form's suggestions, bulk
 * import and the CLI — turns what it knows about a call into the engine's input, so that the
 * same file gives the same answers and metrics wherever it is scored. Pure.
 */
import type { TranscriptTurn } from '../transcripts/transcript';
import type { AutoQaAbuse, AutoQaInput, AutoQaSourceMetrics } from './autoqa.types';

export interface CallFacts {
  turns: TranscriptTurn[];
  channel: 'voice' | 'chat';
  language: string;
  notes?: string | null;
  /** The call's metadata; source metrics (Contact Lens) are read from `sourceMetrics` in it. */
  metadata?: Record<string, unknown> | null;
  /** The agent's name from the agent record or the file. */
  agentName?: string | null;
  /** The installation's company names and aliases (the scorecard may add its own). */
  companyNames?: readonly string[];
  /** The call's stored abuse flag, with the turns by their seq (src/abuse). */
  abuse?: { flagged: boolean; turns: { seq: number }[] } | null;
}

export function autoQaInput(facts: CallFacts): AutoQaInput {
  const agent =
    typeof facts.agentName === 'string' && facts.agentName.trim() !== ''
      ? [facts.agentName.trim()]
      : [];
  return {
    turns: facts.turns,
    channel: facts.channel,
    language: facts.language,
    notes: facts.notes ?? null,
    metadata: facts.metadata ?? null,
    sourceMetrics: sourceMetricsOf(facts.metadata ?? null),
    names: { agent, company: [...(facts.companyNames ?? [])] },
    ...(facts.abuse ? { abuse: abuseOf(facts.abuse, facts.turns) } : {}),
  };
}

/** The flag's turns (by seq) as indexes into `turns`; a seq no turn has is left out. */
function abuseOf(
  abuse: NonNullable<CallFacts['abuse']>,
  turns: readonly TranscriptTurn[],
): AutoQaAbuse {
  const index = new Map<number, number>();
  turns.forEach((t, i) => index.set((t as { seq?: number }).seq ?? i, i));
  const at = abuse.turns.map((t) => index.get(t.seq)).filter((i) => i !== undefined);
  return { flagged: abuse.flagged, turns: at };
}

/** Metrics an import stored from the source (Contact Lens), under `metadata.sourceMetrics`. */
export function sourceMetricsOf(
  metadata: Record<string, unknown> | null,
): AutoQaSourceMetrics | undefined {
  const source = metadata?.sourceMetrics;
  return typeof source === 'object' && source !== null && !Array.isArray(source)
    ? source
    : undefined;
}
