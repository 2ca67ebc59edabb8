/**
 * How negative the customer sounds, turn by turn and at the start, the peak and the end: the
 * lexicon scoring behind `deescalation`, the negativity conditions and the replay's marks. Pure:
 * reads the call's normalised turns and phrase matches through `NegativityInput`.
 */
import type { CustomerNegativity } from '../autoqa.types';
import type { PhraseMatcher } from '../text-match';
import { round1 } from './wording';
import type { CompiledGate } from '../text-model';

/** Negativity settings, compiled (used by the detector, `when` and the metrics). */
export interface NegativitySettings {
  lexicon: PhraseMatcher;
  minPeak: number;
  segments: number;
  /**
   * Turn mode (when `strong` or `calm` is given): each customer turn scores its negative words
   * (1 each, `strong` ones 3, words cancelled by a `negation` phrase in the same turn not
   * counted) × 2.5, capped at 10; the end is calm when the last customer turns say a `calm`
   * word and nothing negative.
   */
  strong: PhraseMatcher | null;
  calm: PhraseMatcher | null;
  negation: PhraseMatcher | null;
  /** Turn mode: giving up at the end ("whatever", "됐어요") and relief ("다행이네요"). */
  resigned: PhraseMatcher | null;
  relief: PhraseMatcher | null;
  /** Turn mode: owning up to earlier anger ("sorry I snapped", "소리 질러서 미안해요"). */
  admitted: PhraseMatcher | null;
  /** A learned model that may overrule the lexicon on whether the customer was upset at all. */
  model: CompiledGate | null;
}

export interface NegativityScores extends CustomerNegativity {
  /** Customer turns with a lexicon match, and the first entry they matched. */
  hits: { turn: number; phrase: string }[];
  /** Turn mode: every customer turn's score (0..10), for the replay page. */
  perTurn: { turn: number; score: number }[];
  /**
   * The last customer turns end calm: nothing negative among them, or a calm word or relief
   * after the last negative one — and not giving up. (Segment mode: the end scores 0.)
   */
  calmEnd: boolean;
}

/** Customer turns at the end that say how the call ended (after the last real request). */
const END_TURNS = 3;
/** A turn this negative among the last ones keeps the end negative whatever follows it. */
const STRONG_TURN = 7.5;
/** One mild negative word in a turn. */
const MILD_TURN = 2.5;

/** What the scoring reads of a call (CallContext gives it). */
export interface NegativityInput {
  readonly norm: readonly string[];
  readonly customerTurns: readonly number[];
  matches(matcher: PhraseMatcher, i: number): boolean;
}

/**
 * Turn mode when `strong` or `calm` is given (see NegativitySettings); else segment mode:
 * customer turns split into `segments` parts (start, middle…, end); a part scores matched
 * lexicon entries per customer turn × 10, capped at 10, rounded to one decimal.
 */
export function scoreNegativity(
  ctx: NegativityInput,
  settings: NegativitySettings,
): NegativityScores {
  if (settings.strong !== null || settings.calm !== null) return turnNegativity(ctx, settings);
  const customer = ctx.customerTurns;
  const n = customer.length;
  const k = settings.segments;
  const scores: number[] = [];
  const hits: { turn: number; phrase: string }[] = [];
  // Segment mode scores thirds (a third whose every turn matched is 10); per turn, a turn that
  // matched is 10 (for the replay page).
  const perTurn: { turn: number; score: number }[] = [];
  for (let s = 0; s < k; s++) {
    const from = Math.floor((s * n) / k);
    const to = Math.floor(((s + 1) * n) / k);
    let matched = 0;
    for (let j = from; j < to; j++) {
      const i = customer[j];
      if (!ctx.matches(settings.lexicon, i)) continue;
      const entries = settings.lexicon.distinct(ctx.norm[i]);
      matched += entries.length;
      hits.push({ turn: i, phrase: entries[0] });
      perTurn.push({ turn: i, score: 10 });
    }
    scores.push(to > from ? round1(Math.min(10, (matched / (to - from)) * 10)) : 0);
  }
  const end = scores[k - 1];
  return { start: scores[0], peak: Math.max(...scores), end, hits, perTurn, calmEnd: end === 0 };
}

function turnNegativity(ctx: NegativityInput, settings: NegativitySettings): NegativityScores {
  const { lexicon, strong, calm, negation, resigned, relief, admitted } = settings;
  const hits: { turn: number; phrase: string }[] = [];
  const perTurn: { turn: number; score: number }[] = [];
  const calmAt = new Set<number>();
  const resignedAt = new Set<number>();
  const reliefAt = new Set<number>();
  let owned = false;
  for (const i of ctx.customerTurns) {
    const norm = ctx.norm[i];
    // Owning up to earlier anger is said calmly: the turn's own angry words are about then.
    if (admitted !== null && ctx.matches(admitted, i)) {
      owned = true;
      perTurn.push({ turn: i, score: 0 });
      calmAt.add(i);
      continue;
    }
    const mild = ctx.matches(lexicon, i) ? lexicon.distinct(norm) : [];
    const hard = strong !== null && ctx.matches(strong, i) ? strong.distinct(norm) : [];
    let points = mild.length + 3 * hard.length;
    if (negation !== null && points > 0 && ctx.matches(negation, i)) {
      points = Math.max(0, points - negation.distinct(norm).length * 3);
    }
    const score = round1(Math.min(10, points * 2.5));
    perTurn.push({ turn: i, score });
    if (score > 0) hits.push({ turn: i, phrase: hard[0] ?? mild[0] });
    if (calm !== null && ctx.matches(calm, i)) calmAt.add(i);
    if (resigned !== null && ctx.matches(resigned, i)) resignedAt.add(i);
    if (relief !== null && ctx.matches(relief, i)) reliefAt.add(i);
  }
  const n = perTurn.length;
  const third = Math.max(1, Math.ceil(n / 3));
  let peak = n === 0 ? 0 : Math.max(...perTurn.map((t) => t.score));
  const start = n === 0 ? 0 : Math.max(...perTurn.slice(0, third).map((t) => t.score));
  const last = perTurn.slice(-END_TURNS);
  const lastNegative = last.length === 0 ? 0 : Math.max(...last.map((t) => t.score));
  let lastNeg = -1;
  let lastCalm = -1;
  let lastResigned = -1;
  let lastRelief = -1;
  last.forEach((t, k) => {
    // A grumble said with thanks is a calm turn ("thanks, though the updates never reach me").
    if (t.score > MILD_TURN || (t.score > 0 && !calmAt.has(t.turn))) lastNeg = k;
    if (calmAt.has(t.turn)) lastCalm = k;
    if (resignedAt.has(t.turn)) lastResigned = k;
    if (reliefAt.has(t.turn)) lastRelief = k;
  });
  // Giving up is not calming down ("okay fine whatever", "됐어요 마 끊어요"), also when the
  // same turn ends on a polite goodbye ("기대는 안 할게요 수고하세요"); relief after the
  // problem is ("oh that's a relief", "그래도 방법이 있으니까 다행이네요").
  const endsResigned = lastResigned >= 0 && lastResigned >= lastCalm && lastResigned >= lastRelief;
  const relieved = !endsResigned && lastRelief >= 0 && lastRelief > lastNeg;
  // Mild grumbles in two turns, or one that ends in giving up or relief, show a customer who
  // was frustrated, not one who used a negative word in passing.
  const grumbles = perTurn.filter((t) => t.score > 0).length;
  if (peak > 0 && peak < settings.minPeak && (grumbles >= 2 || endsResigned || relieved)) {
    peak = settings.minPeak;
  }
  // A customer who apologises for having been angry was, by their own word, upset.
  if (owned && peak < settings.minPeak) peak = settings.minPeak;
  // The end: what the last turns say; calm when one says so after the last negative one and
  // that one was a grumble, not an outburst ("you probably read it wrong" … "alright that's
  // fair, thank you"), else it stays at the peak.
  const calmedAfter =
    !endsResigned &&
    (relieved || (lastCalm >= 0 && lastCalm > lastNeg) || (lastNeg < 0 && peak < STRONG_TURN)) &&
    lastNegative < STRONG_TURN;
  const end = calmedAfter ? 0 : Math.max(lastNegative, peak > 0 ? settings.minPeak : 0);
  const calmEnd =
    !endsResigned && (lastNeg < 0 || relieved || (lastCalm >= 0 && lastCalm > lastNeg));
  return { start, peak, end: round1(end), hits, perTurn, calmEnd };
}
