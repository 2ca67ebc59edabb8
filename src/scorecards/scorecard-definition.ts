/**
 * A scorecard as the YAML files describe it, after validation. Plain data:
 * stored as JSON in each immutable scorecard version and read by the score formula.
 */
import type { TextModelData } from '../autoqa/text-model';

export type Scale =
  | { type: 'yes_no' } // answer 1 = yes, 0 = no
  | { type: 'rating'; min: 1; max: 5 } // answer 1..5
  | { type: 'points'; max: number }; // answer 0..max

export type CriticalScope = 'evaluation' | 'section';

export interface CriterionDefinition {
  key: string;
  label: string;
  guidance: string;
  scale: Scale;
  /** Multiplies the criterion's points inside its section (default 1). */
  weight: number;
  naAllowed: boolean;
  /** A critical criterion that fails zeroes the whole evaluation or its section. */
  critical?: { scope: CriticalScope; failBelow: number };
  coaching?: { good?: string; phrases?: string[] };
  /** Detector configuration for automatic pre-scoring (validated by the auto-QA engine). */
  auto?: Record<string, unknown>;
}

export interface SectionDefinition {
  key: string;
  label: string;
  weight: number;
  criteria: CriterionDefinition[];
}

/** Scorecard-wide auto-QA settings (`autoQa:` in the YAML; src/autoqa/README.md). */
export interface AutoQaSettings {
  /** Named phrase lists, used in any phrase list as `@name`. */
  phraseFamilies?: Record<string, string[]>;
  /** The company's names and aliases (fill `{company}`; an installation may add its own). */
  company?: { names: string[] };
  /** Answers less sure than this (0..1) are pre-filled as "needs review" (default 0.6). */
  reviewBelow?: number;
  /**
   * Learned text models by name (`model:` in an auto block), e.g. `customer_upset`: the whole
   * model in a file's definition, a reference to the model store in a stored version
   * (text-model-refs.ts); auto-QA's callers put the data back before the engine reads it.
   */
  textModels?: Record<string, TextModelData | TextModelRef>;
}

/**
 * A text model as a stored scorecard version keeps it: its content hash in the model store
 * (`text_models`), what it answers, where it was trained and how many features it has.
 */
export interface TextModelRef {
  ref: string;
  question: string;
  trainedOn: string;
  features: number;
}

/** A stored version's reference, not the model itself. */
export function isModelRef(model: TextModelData | TextModelRef): model is TextModelRef {
  return typeof (model as Partial<TextModelRef>).ref === 'string';
}

export interface ScorecardDefinition {
  key: string;
  name: string;
  language: string;
  channel: 'voice' | 'chat';
  description?: string;
  /** Percentage (0..100) an evaluation must reach to pass. */
  passingScore: number;
  autoQa?: AutoQaSettings;
  /**
   * Criteria answered N/A ("customer abuse: not held against the agent") on a call where the
   * customer abused the agent (src/abuse); each allows N/A. Absent: none.
   */
  abuseProtection?: string[];
  sections: SectionDefinition[];
}
