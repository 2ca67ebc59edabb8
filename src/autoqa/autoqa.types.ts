/**
 * The auto-QA engine's contract (see README.md in this folder): its input, its result, and the
 * typed `auto` blocks of a scorecard criterion after `validateAutoBlock`. Plain data only.
 */
import type { TranscriptTurn } from '../transcripts/transcript';
import type { ReasonCode, ReasonParams } from './reason-codes';

export interface CustomerNegativity {
  start: number;
  peak: number;
  end: number;
}

export interface AutoQaSourceMetrics {
  interruptions?: number;
  longestSilenceMs?: number;
  agentTalkRatio?: number;
  /** On the engine's 0..10 negativity scale (the importer converts the source's scale). */
  customerSentiment?: CustomerNegativity;
}

export interface AutoQaInput {
  turns: TranscriptTurn[];
  channel: 'voice' | 'chat';
  /** 'ko' | 'en' */
  language: string;
  /** The agent's after-call notes. */
  notes?: string | null;
  metadata?: Record<string, unknown> | null;
  /** Measured by the source (Contact Lens): used instead of our own measurement when present. */
  sourceMetrics?: AutoQaSourceMetrics;
  /** Names the product knows: the agent's (agent record) and the company's (settings). */
  names?: KnownNames;
  /** The call's stored abuse flag (src/abuse): protected criteria are answered N/A. */
  abuse?: AutoQaAbuse;
}

/** A customer abused the agent on this call; `turns` are 0-based indexes into `turns`. */
export interface AutoQaAbuse {
  flagged: boolean;
  turns: number[];
}

export interface KnownNames {
  agent?: string[];
  company?: string[];
}

export interface Evidence {
  /** 0-based index into `turns`; null for evidence that is not a turn (notes, measurements). */
  turn: number | null;
  startMs: number | null;
  /** The quoted words: the whole turn text (or the notes), trimmed to 200 characters. */
  text: string;
  /** The matched phrase (as written in the scorecard) or the measured number. */
  value?: number | string;
  /** What a number `value` measures: milliseconds (a pause, an overlap) or a share 0..1. */
  unit?: 'ms' | 'ratio';
  /**
   * Evidence that is not a turn (a measurement): what it is, for a page in any language
   * (`autoqa.evidence.<code>`); `text` says the same in English.
   */
  measure?: EvidenceMeasure;
  /**
   * The turn that made the criterion apply (its `when` held there: the complaint, the refusal),
   * quoted before what the detector found or missed after it.
   */
  condition?: true;
}

export interface EvidenceMeasure {
  code:
    'sourceInterruptions' | 'sourceSilence' | 'sourceSentiment' | 'talkRatio' | 'sourceTalkRatio';
  params?: Record<string, number>;
}

export type AutoResult = 'pass' | 'fail' | 'na';

export interface CriterionResult {
  key: string;
  result: AutoResult;
  evidence: Evidence[];
  /** One short English sentence saying why. */
  reason: string;
  /** The same reason as a code and parameters, for a page in any language (reason-codes.ts). */
  reasonCode: ReasonCode;
  reasonParams: ReasonParams;
  /** How sure the answer is, 0..1. */
  confidence: number;
  /** Below the scorecard's `reviewBelow`: `result` is a best guess a person should confirm. */
  needsReview: boolean;
}

export interface AutoQaMetrics {
  interruptions: number;
  longestSilenceMs: number;
  unannouncedSilences: number;
  agentTalkRatio: number | null;
  apologies: number;
  customerNegativity: CustomerNegativity;
  /** Customer turns that sound negative (0..10, by the scorecard's lexicon), for the replay page. */
  negativeTurns: { turn: number; score: number }[];
}

export interface AutoQaResult {
  criteria: CriterionResult[];
  metrics: AutoQaMetrics;
}

/** What one detector (or a `when` condition) returns for one criterion. */
export interface DetectorOutcome {
  result: AutoResult;
  evidence: Evidence[];
  reason: string;
  reasonCode: ReasonCode;
  reasonParams?: ReasonParams;
  /** 0..1; when left out, the engine's default for the kind of answer. */
  confidence?: number;
}

// ---------------------------------------------------------------------------------------------
// The `auto` block, as validated by validateAutoBlock. Type aliases (not interfaces) so that a
// block stays assignable to the definition's `auto?: Record<string, unknown>`.

export type AutoSpeaker = 'agent' | 'customer' | 'any';

export type AutoWindow =
  | { firstSeconds: number }
  | { lastSeconds: number }
  | { firstTurns: number }
  | { lastTurns: number }
  /** From the turn where the criterion's `when` condition was found to the end. */
  | { afterCondition: true };

/** A phrase as written: plain text, or `re:<regex>`. */
export type PhraseList = string[];

/** A condition turn excused by `unless` (same turn or the next `unlessWithin` of that speaker)
 * does not make the condition hold: a refusal that is a redirect ("call the other number"). */
/**
 * Weighs a learned text model (`autoQa.textModels`, src/autoqa/text-model.ts) beside the phrase
 * lists: when its probability is under `below` the answer is "no" whatever the phrases say; at
 * `above` or more it is "yes" even when no listed phrase is said; in between the phrases decide.
 */
export type ModelGate = { name: string; below: number; above: number };

export type PhraseCondition = Unless & {
  anyOf: PhraseList;
  /** A learned model that can overrule the condition's phrases (a complaint worded any way). */
  model?: ModelGate;
  speaker?: AutoSpeaker;
  window?: AutoWindow;
  /** The condition counts only before a turn of `speaker` (customer by default; not that
   * speaker's first turn) says one of these: a refusal after the customer said the first request
   * was settled ("great, so…", "다행이네요") concerns a later request. */
  notAfter?: { anyOf: PhraseList; speaker?: AutoSpeaker };
  /** A condition turn that also says one of these is never excused by `unless`: "we can't
   * deliver to a PO box, but there are two options" is a refusal with alternatives, even when
   * the next turn names another team. */
  keepIf?: PhraseList;
};

export type WhenCondition =
  { customerNegative: boolean } | { silenceOverMs: number } | { phrases: PhraseCondition };

/** A turn that also says an `unless` phrase (or whose next `unlessWithin` turns of the same
 * speaker do) does not count: "안 되지만 대신 …", "I can't …, but what I can do is …". */
export type Unless = { unless?: PhraseList; unlessWithin?: number };

export type PhrasesBlock = Unless & {
  detector: 'phrases';
  when?: WhenCondition;
  anyOf?: PhraseList;
  allOf?: PhraseList[];
  min?: number;
  max?: number;
  /** What `min`/`max` count: matching turns (default) or distinct matched phrases. */
  count?: 'turns' | 'distinct';
  /** Only turns up to the first that says one of these count ("ask for ID before reading the
   * account out"). */
  before?: PhraseList;
  /** A phrase that on its own says there are several ("two ways"): satisfies `min`. */
  many?: PhraseList;
  /**
   * What the customer said unasked that stands for one `allOf` group (1-based): the caller who
   * gives their own name has answered "may I have your name" before it was asked.
   */
  volunteered?: VolunteeredGroup;
  speaker?: AutoSpeaker;
  window?: AutoWindow;
};

export type VolunteeredGroup = { group: number; anyOf: PhraseList };

export type ForbiddenBlock = Unless & {
  detector: 'forbidden';
  when?: WhenCondition;
  anyOf: PhraseList;
  speaker?: AutoSpeaker;
  window?: AutoWindow;
};

export type SequenceStep = { name: string; anyOf: PhraseList };

export type SequenceBlock = {
  detector: 'sequence';
  when?: WhenCondition;
  steps: SequenceStep[];
  minSteps?: number;
  speaker?: AutoSpeaker;
  window?: AutoWindow;
};

export type InterruptionsBlock = {
  detector: 'interruptions';
  when?: WhenCondition;
  overlapMs?: number;
  max?: number;
  backchannels?: PhraseList;
};

export type SilenceMode = 'announced' | 'longest';

export type SilenceBlock = {
  detector: 'silence';
  when?: WhenCondition;
  thresholdMs?: number;
  /** Chat: a wait of this long between the agent's messages is a hold (default: N/A on chat). */
  chatThresholdMs?: number;
  announce?: PhraseList;
  thank?: PhraseList;
  announceWithinTurns?: number;
  mode?: SilenceMode;
  /** What a call with no silence over the threshold gets in `announced` mode (default na). */
  none?: 'pass' | 'na';
};

export type TalkRatioBlock = {
  detector: 'talk_ratio';
  when?: WhenCondition;
  maxAgentRatio?: number;
  minAgentRatio?: number;
};

export type CountBlock = Unless & {
  detector: 'count';
  when?: WhenCondition;
  anyOf: PhraseList;
  max: number;
  speaker?: AutoSpeaker;
  window?: AutoWindow;
};

export type NegativityBlock = {
  detector: 'negativity';
  when?: WhenCondition;
  lexicon?: PhraseList;
  minPeak?: number;
  segments?: number;
  /** Turn mode: strongly negative words (3 points), calm words for the end, and phrases that
   * cancel a negative word in their turn ("not your fault", "no problem"). */
  strong?: PhraseList;
  calm?: PhraseList;
  negation?: PhraseList;
  /** Turn mode: how a customer who gives up rather than calms ends ("whatever", "됐어요"): the
   * end stays negative, and a mild grumble followed by it counts as upset. */
  resigned?: PhraseList;
  /** Turn mode: relief after a problem ("that's a relief", "다행이네요"): the end is calm, and a
   * mild grumble followed by it counts as upset. */
  relief?: PhraseList;
  /** Turn mode: the customer owning up to earlier anger ("sorry I was short with you",
   * "아까는 화가 났는데"): they were upset at some point, and the turn itself is calm. */
  admitted?: PhraseList;
  /** A learned model that can overrule the lexicon on whether the customer was upset at all. */
  model?: ModelGate;
};

export type NotesBlock = {
  detector: 'notes';
  when?: WhenCondition;
  purpose?: PhraseList;
  status?: PhraseList;
  outcome?: PhraseList;
  /** When it happens or happened: a date or time (오늘, 11/05, by Friday). */
  date?: PhraseList;
  vague?: PhraseList;
  judgemental?: PhraseList;
  minLength?: number;
};

/**
 * `honorifics` (Korean): the agent's honorific slips — object honorifics ("상품 나오셨습니다")
 * and 반말 endings in a polite call (src/autoqa/honorific-slips.ts); at most `max` (default 0).
 */
export type HonorificsBlock = {
  detector: 'honorifics';
  when?: WhenCondition;
  max?: number;
};

export type AutoBlock =
  | PhrasesBlock
  | ForbiddenBlock
  | SequenceBlock
  | InterruptionsBlock
  | SilenceBlock
  | TalkRatioBlock
  | CountBlock
  | NegativityBlock
  | NotesBlock
  | HonorificsBlock;

export type DetectorName = AutoBlock['detector'];
