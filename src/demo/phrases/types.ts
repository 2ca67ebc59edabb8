/**
 * The shapes of the demo generator's phrase tables (`src/demo/phrases/`): alternatives per
 * language, calm and angry customer lines, and the customer scenarios.
 */
export type DemoLanguage = 'ko' | 'en';
export type DemoQueue = 'billing' | 'technical' | 'orders' | 'cancellations';
/** How a call ended (metadata.disposition). */
export type DemoDisposition =
  'resolved' | 'callback_scheduled' | 'unresolved' | 'transferred' | 'referred';

/** Alternatives for one step, per language. */
export type Phrases = Readonly<Record<DemoLanguage, readonly string[]>>;
/** Alternatives for a customer line: a calm and an angry version. */
export interface MoodPhrases {
  calm: Phrases;
  angry: Phrases;
}

export interface ScenarioText {
  /** The customer's opening statement of the problem. */
  problem: readonly string[];
  angryProblem: readonly string[];
  /** The agent's probing question for the root cause, and the customer's answer. */
  detailQuestion: string;
  detailAnswer: string;
  /** The agent names the root cause. */
  cause: string;
  /** The correct resolution (matches the first option). */
  fix: string;
  /** A wrong or insufficient resolution. */
  wrongFix: string;
  options: readonly [string, string];
  /** Key points, used in "to sum up: …". */
  summary: string;
  /** Parts of a good after-call memo. */
  note: { purpose: string; status: string; outcome: string; action: string };
  /** One word for the topic, used by vague memos. */
  topic: string;
  /** Where a needless transfer sends the customer. */
  department: string;
}

export interface Scenario {
  key: string;
  queue: DemoQueue;
  ko: ScenarioText;
  en: ScenarioText;
}
