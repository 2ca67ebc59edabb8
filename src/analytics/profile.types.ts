/**
 * What the agent profile holds: the contract between analytics (which computes it) and the
 * coaching plan (which is generated from it). Rates are 0..1, scores 0..100.
 */
export interface AgentProfile {
  agent: {
    id: number;
    externalId: string;
    name: string;
    teamId: number | null;
    teamName: string | null;
  };
  period: { from: string; to: string }; // YYYY-MM-DD inclusive
  scorecardKey: string | null; // null = every scorecard together
  evaluations: { human: number; auto: number };
  averageScore: { human: number | null; auto: number | null };
  /** Human evaluations' average score per ISO week; slope in points per week. */
  trend: { weeks: { week: string; count: number; average: number | null }[]; slope: number | null };
  sections: {
    key: string;
    label: string;
    average: number | null;
    teamAverage: number | null;
    /**
     * The counts behind `average` / `teamAverage`, which are the share (0..100) of the section's
     * human answers (N/A left out) that passed, from the roll-up — like the criteria rows.
     */
    agentPassed: number;
    agentTotal: number;
    teamPassed: number;
    teamTotal: number;
  }[];
  criteria: CriterionRow[];
  /** Ranked by (team rate − agent rate) × misses, at least `minSample` answers. */
  weakest: (CriterionRow & { gap: number; misses: number; weight: number })[];
  /** Highest agent pass rates with enough answers, at or above the team's. */
  strongest: CriterionRow[];
  minSample: number;
  /** Where the misses cluster, by dimension (channel, queue, escalated, hourOfDay). */
  clusters: {
    dimension: 'channel' | 'queue' | 'escalated' | 'hour';
    values: {
      value: string;
      total: number;
      misses: number;
      missRate: number | null;
      lift: number | null;
      /** Calls behind the value; fewer than `minSample` is not a pattern yet (`enough` false). */
      calls: number;
      enough: boolean;
    }[];
  }[];
  metrics: {
    calls: number;
    interruptionsPerCall: number | null;
    longestSilenceMs: number | null;
    talkRatio: number | null;
    /** The longest silence of any call (`longestSilenceMs` is the mean of each call's longest). */
    maxSilenceMs: number | null;
    /** Calls with at least one interruption. */
    callsWithInterruptions: number;
  };
  /** Machine vs human on the same calls and criteria. */
  agreement: {
    compared: number;
    agreed: number;
    rate: number | null;
    byCriterion: {
      scorecardKey: string;
      key: string;
      compared: number;
      agreed: number;
      rate: number | null;
    }[];
  };
  /** 'team': the agent's team; 'everyone': an agent without a team is compared with all agents. */
  comparedWith: 'team' | 'everyone';
  /** Calls where the customer abused the agent are counted (left out unless asked for). */
  includeAbusive?: boolean;
}

export interface CriterionRow {
  scorecardKey: string;
  key: string;
  label: string;
  section: string;
  agentPassed: number;
  agentTotal: number;
  agentRate: number | null;
  teamPassed: number;
  teamTotal: number;
  teamRate: number | null;
  /** Auto-QA's pass rate for the agent on this criterion (shown apart). */
  autoRate: number | null;
  autoPassed: number;
  autoTotal: number;
}
