/**
 * Why auto-QA answered as it did, as codes a page translates (locale key `autoqa.reason.<code>`),
 * beside the English sentence the engine keeps writing (`reason`). Pure: the engine only names
 * a code and its parameters; src/common/i18n/auto-reason.ts reads the locale files.
 *
 * A parameter is a number, a text from the call or the scorecard (a phrase, a step name), or a
 * part that is itself translated (who said it, a time window, a list of parts).
 */
import type { AutoSpeaker, AutoWindow } from './autoqa.types';

/** Every code the engine and its detectors can write. A new one needs a ko and an en entry. */
export const REASON_CODES = [
  // engine.ts, abuse-protection.ts, shared.ts
  'noAgentTurns',
  'invalidBlock',
  'languageMismatch',
  'abuseProtected',
  'notOnChat',
  // conditions.ts
  'condition.negativityPeaked',
  'condition.customerNegative',
  'condition.customerNotNegative',
  'condition.silenceNotOnChat',
  'condition.silenceOver',
  'condition.noSilenceOver',
  'condition.noPhrase',
  'condition.phraseSaid',
  'condition.modelNo',
  'condition.modelYes',
  // count.ts
  'count.occurrences.one',
  'count.occurrences.other',
  // forbidden.ts
  'forbidden.none',
  'forbidden.one',
  'forbidden.many',
  // interruptions.ts
  'interruptions.source.one',
  'interruptions.source.other',
  'interruptions.none',
  'interruptions.found.one',
  'interruptions.found.other',
  // honorifics.ts
  'honorifics.none',
  'honorifics.one',
  'honorifics.many',
  'honorifics.within',
  // negativity.ts
  'negativity.low',
  'negativity.fell',
  'negativity.stillHigh',
  'negativity.modelCalm',
  'negativity.modelFell',
  'negativity.modelStillHigh',
  // notes.ts
  'notes.missing',
  'notes.tooShort',
  'notes.notStated',
  'notes.phrase',
  'notes.specific',
  'notes.stated',
  // phrases.ts
  'phrases.none',
  'phrases.fewDistinct.one',
  'phrases.fewDistinct.other',
  'phrases.few.one',
  'phrases.few.other',
  'phrases.tooMany',
  'phrases.groupMissing',
  'phrases.saysOne',
  'phrases.distinct.one',
  'phrases.distinct.other',
  'phrases.said',
  'phrases.groupsSaid',
  'phrases.groupsSaidVolunteered',
  'phrases.withGroups',
  // sequence.ts
  'sequence.allInOrder.one',
  'sequence.allInOrder.other',
  'sequence.partial',
  // silence.ts
  'silence.longestNotOver',
  'silence.longestOver',
  'silence.none',
  'silence.notAnnounced',
  'silence.notThanked',
  'silence.oneDone',
  'silence.allDone.one',
  'silence.allDone.other',
  // talk-ratio.ts
  'talkRatio.nobody',
  'talkRatio.above',
  'talkRatio.below',
  'talkRatio.within',
] as const;

/** Parts of a reason that are translated on their own (a speaker and window, a word). */
export const REASON_PART_CODES = [
  ...(['agent', 'customer', 'any'] as const).flatMap((s) =>
    (['a', 'one', 'other'] as const).map((form) => `scope.${s}.${form}` as const),
  ),
  'window.none',
  'window.firstSeconds',
  'window.lastSeconds',
  'window.afterCondition',
  'window.firstTurn',
  'window.firstTurns',
  'window.lastTurn',
  'window.lastTurns',
  'cut.none',
  'cut.beforeTurn',
  'cut.beforeTurnSaying',
  'listedPattern',
  'language.ko',
  'language.en',
  'notes.what.purpose',
  'notes.what.status',
  'notes.what.outcome',
  'notes.what.date',
  'notes.kind.vague',
  'notes.kind.judgemental',
  'silence.done.announced',
  'silence.done.announcedThanked',
  'sequence.outOfOrder',
  'sequence.stepMissing',
  'sequence.aStepMissing',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number] | (typeof REASON_PART_CODES)[number];

/** A part that is itself translated; a list of parts reads "a, b and c" in English. */
export interface ReasonMessage {
  code: ReasonCode;
  params?: ReasonParams;
}
export type ReasonParam = string | number | ReasonMessage | ReasonMessage[];
export type ReasonParams = Record<string, ReasonParam>;

/** Who said it and when: `an agent turn in the first 30 s` (a), `agent turn` (one), `agent turns` (other). */
export function scopePart(
  scope: { speaker: AutoSpeaker; window: AutoWindow | undefined },
  form: 'a' | 'one' | 'other',
): ReasonMessage {
  return { code: `scope.${scope.speaker}.${form}`, params: { window: windowPart(scope.window) } };
}

function windowPart(window: AutoWindow | undefined): ReasonMessage {
  if (window === undefined) return { code: 'window.none' };
  if ('firstSeconds' in window)
    return { code: 'window.firstSeconds', params: { n: window.firstSeconds } };
  if ('lastSeconds' in window)
    return { code: 'window.lastSeconds', params: { n: window.lastSeconds } };
  if ('afterCondition' in window) return { code: 'window.afterCondition' };
  if ('firstTurns' in window) {
    const n = window.firstTurns;
    return n === 1 ? { code: 'window.firstTurn' } : { code: 'window.firstTurns', params: { n } };
  }
  const n = window.lastTurns;
  return n === 1 ? { code: 'window.lastTurn' } : { code: 'window.lastTurns', params: { n } };
}

/** The English `plural` form chosen by a count. */
export function form(n: number): 'one' | 'other' {
  return n === 1 ? 'one' : 'other';
}

/** Seconds as the reasons write them (`12.3`), without the unit. */
export function secondsOf(ms: number): number {
  return Math.round((ms / 1000) * 10) / 10;
}

/** `"thank you", "hello" …` for a reason, the first few plain phrases; else "a listed pattern". */
export function phrasesPart(phrases: readonly string[], max = 2): ReasonParam {
  const plain = phrases.filter((p) => !p.startsWith('re:'));
  if (plain.length === 0) return { code: 'listedPattern' };
  const shown = plain.slice(0, max).map((p) => `"${p}"`);
  return plain.length > max || plain.length < phrases.length
    ? `${shown.join(', ')} …`
    : shown.join(', ');
}
