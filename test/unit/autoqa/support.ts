/** Builders the auto-QA specs share: turns in seconds, criteria with an auto block, cards. */
import type {
  CriterionDefinition,
  ScorecardDefinition,
} from '../../../src/scorecards/scorecard-definition';
import type { Speaker, TranscriptTurn } from '../../../src/transcripts/transcript';

export function turn(speaker: Speaker, startS: number, endS: number, text: string): TranscriptTurn {
  return { speaker, startMs: Math.round(startS * 1000), endMs: Math.round(endS * 1000), text };
}

/** A yes/no criterion that allows N/A, with the given auto block (if any). */
export function autoCriterion(key: string, auto?: Record<string, unknown>): CriterionDefinition {
  return {
    key,
    label: key,
    guidance: 'g',
    scale: { type: 'yes_no' },
    weight: 1,
    naAllowed: true,
    ...(auto === undefined ? {} : { auto }),
  };
}

/** A voice scorecard with one section holding the criteria. */
export function cardWith(
  language: 'ko' | 'en',
  criteria: CriterionDefinition[],
  key = `test-${language}`,
): ScorecardDefinition {
  return {
    key,
    name: 'Test',
    language,
    channel: 'voice',
    passingScore: 80,
    sections: [{ key: 'main', label: 'Main', weight: 1, criteria }],
  };
}
