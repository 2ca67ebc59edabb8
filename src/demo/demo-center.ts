/**
 * The demo contact center's people and their habits: the teams, the eight agents with stable
 * strengths and weaknesses per criterion (DEMO_AGENT_PROFILES), the weeks the calls span and the
 * script A/B experiment. Plain data and one pure helper (demoSkill).
 */
import type { ParsedTranscript } from '../transcripts/transcript';

export interface DemoTeam {
  name: string;
  leadName: string;
}

export interface DemoAgent {
  externalId: string;
  name: string;
  team: string;
  language: 'ko' | 'en';
}

/** What the agent did on this call: true = did it well. Used to derive demo evaluations that match the transcript. */
export type DemoBehaviour = Record<string, boolean | null>; // keys = criterion keys, null = not applicable

export interface DemoCall {
  transcript: ParsedTranscript;
  behaviour: DemoBehaviour;
}

export interface DemoContactCenter {
  teams: DemoTeam[];
  agents: DemoAgent[];
  calls: DemoCall[];
}

export interface DemoOptions {
  seed?: number;
  /** Number of calls (default 200). */
  calls?: number;
  /** Exactly this many turns per call (padding or cutting the end); default 15–40. */
  turnsPerCall?: number;
  /** The calls are spread over the 12 weeks (DEMO_WEEKS) before this ISO date-time. */
  now?: string;
}

/** The criterion keys of the default voice scorecards that every call's behaviour fills. */
export const DEMO_CRITERION_KEYS = [
  'greeting',
  'identity_verification',
  'empathy',
  'hold_etiquette',
  'summary',
  'anything_else',
  'closing',
  'no_interruptions',
  'no_dead_air',
  'no_over_apology',
  'no_escape',
  'thanks_for_feedback',
  'options_offered',
  'positive_language',
  'no_rude_language',
  'deescalation',
  'notes_quality',
  'root_cause',
  'correct_resolution',
  'first_contact_resolution',
] as const;
export type DemoCriterionKey = (typeof DEMO_CRITERION_KEYS)[number];
export type Flags = Record<DemoCriterionKey, boolean | null>;

export interface DemoAgentProfile extends DemoAgent {
  /** Probability of doing each behaviour well; keys not listed use the centre's baseline. */
  skills: Partial<Record<DemoCriterionKey, number>>;
  /** What a team lead would say about this agent. */
  pattern: string;
}

export const DEMO_TEAMS: readonly DemoTeam[] = [
  { name: '상담 1팀', leadName: '강은지' },
  { name: '상담 2팀', leadName: '오성민' },
];

/** How often an average agent does each behaviour well. */
export const BASELINE: Readonly<Record<DemoCriterionKey, number>> = {
  greeting: 0.93,
  identity_verification: 0.9,
  empathy: 0.8,
  hold_etiquette: 0.85,
  summary: 0.75,
  anything_else: 0.85,
  closing: 0.92,
  no_interruptions: 0.88,
  no_dead_air: 0.88,
  no_over_apology: 0.9,
  no_escape: 0.92,
  thanks_for_feedback: 0.7,
  options_offered: 0.75,
  positive_language: 0.85,
  no_rude_language: 0.96,
  deescalation: 0.75,
  notes_quality: 0.8,
  root_cause: 0.8,
  correct_resolution: 0.9,
  first_contact_resolution: 0.85,
};

export const everything = (p: number): Record<DemoCriterionKey, number> =>
  Object.fromEntries(DEMO_CRITERION_KEYS.map((k) => [k, p])) as Record<DemoCriterionKey, number>;

export const [TEAM_1, TEAM_2] = DEMO_TEAMS.map((t) => t.name);

/** How many weeks of calls the demo holds. */
export const DEMO_WEEKS = 12;

/**
 * A weakness the whole team shares (the skill is at most this for every agent of the team, the
 * best one included): the heat map shows a pale column and coaching plans a team focus.
 */
export const DEMO_TEAM_WEAKNESS: Readonly<
  Record<string, Partial<Record<DemoCriterionKey, number>>>
> = {
  [TEAM_1]: { anything_else: 0.55 },
  [TEAM_2]: { empathy: 0.55 },
};

/** How likely this agent is to do the behaviour well: own skill, capped by the team's weakness. */
export function demoSkill(profile: DemoAgentProfile, key: DemoCriterionKey): number {
  const own = profile.skills[key] ?? BASELINE[key];
  return Math.min(own, DEMO_TEAM_WEAKNESS[profile.team]?.[key] ?? 1);
}

export const DEMO_AGENT_PROFILES: readonly DemoAgentProfile[] = [
  {
    externalId: 'A-001',
    name: '김민준',
    team: TEAM_1,
    language: 'ko',
    skills: { summary: 0.45, anything_else: 0.7 },
    pattern: 'Solid all-rounder; often ends without summarising the key points.',
  },
  {
    externalId: 'A-002',
    name: '이서연',
    team: TEAM_1,
    language: 'ko',
    skills: everything(0.97),
    pattern:
      'Best on the team, the peer example for coaching; shares only the team-wide weakness (asking "anything else?").',
  },
  {
    externalId: 'A-003',
    name: '박지훈',
    team: TEAM_1,
    language: 'ko',
    skills: { identity_verification: 0.25, hold_etiquette: 0.55 },
    pattern:
      'Often skips identity verification; sometimes goes silent without a hold announcement.',
  },
  {
    externalId: 'A-004',
    name: 'Emily Carter',
    team: TEAM_1,
    language: 'en',
    skills: { empathy: 0.4, deescalation: 0.3, thanks_for_feedback: 0.3, positive_language: 0.55 },
    pattern: 'Efficient but cold: little empathy, angry customers stay angry, negative wording.',
  },
  {
    externalId: 'A-005',
    name: '최유나',
    team: TEAM_2,
    language: 'ko',
    skills: { no_interruptions: 0.3, no_over_apology: 0.25 },
    pattern: 'Interrupts customers and over-apologises.',
  },
  {
    externalId: 'A-006',
    name: '정도윤',
    team: TEAM_2,
    language: 'ko',
    skills: { hold_etiquette: 0.35, no_dead_air: 0.4, anything_else: 0.5 },
    pattern: 'Long unannounced silences (dead air, holds without announcement).',
  },
  {
    externalId: 'A-007',
    name: '한지우',
    team: TEAM_2,
    language: 'ko',
    skills: { notes_quality: 0.15, summary: 0.5 },
    pattern: 'Friendly on the phone, but writes vague or judgemental after-call notes.',
  },
  {
    externalId: 'A-008',
    name: 'James Wilson',
    team: TEAM_2,
    language: 'en',
    skills: {
      no_escape: 0.55,
      options_offered: 0.35,
      root_cause: 0.45,
      no_rude_language: 0.8,
      first_contact_resolution: 0.6,
    },
    pattern:
      'Escapes hard calls with needless transfers, rarely offers options or finds the cause.',
  },
];

/**
 * The demo's script A/B test: over its last 4 weeks the calls alternate (by call number) between
 * the current closing script (A) and a new one (B) that ends with a summary and "anything else?";
 * the source records which in metadata.script. Customers rate B calls one point higher (capped
 * at 5): a real CSAT difference. Nothing else about the calls changes, so FCR and AHT show none.
 */
export const DEMO_EXPERIMENT = {
  name: '마무리 스크립트 A/B (closing script)',
  description:
    'B: 요약 + "더 궁금하신 점은 없으신가요?"로 마무리 / B closes with a summary and "anything else?"',
  field: 'script',
  weeks: 4,
  variants: [
    { key: 'A', label: '현재 스크립트 (current)', value: 'A' },
    { key: 'B', label: '새 스크립트 (new)', value: 'B' },
  ],
} as const;
