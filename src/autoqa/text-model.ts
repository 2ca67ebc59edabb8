/**
 * A learned text model: logistic regression over the n-grams of what the customer said, trained
 * by `npm run autoqa:train` on the labelled dev split (src/autoqa/text-model-train.ts) and
 * shipped as data (`scorecards/models/<library>.json`). It answers one question about a call —
 * "was the customer upset at some point", "did the customer complain about the service" — with
 * a probability, so a rule block can weigh it beside its phrase lists. Pure: no I/O.
 *
 * Features: words (English; n-grams of the normalised words of one turn) or characters (Korean;
 * n-grams of one turn with its spaces removed, so speech-to-text spacing does not matter), each
 * weighted 1 + log(count) × idf and the whole vector scaled to length 1 (sublinear tf-idf).
 */

export type TextAnalyzer = 'words' | 'chars';

/** One model as stored: what it answers, how its features are cut, and its weights. */
export interface TextModelData {
  /** What a probability near 1 means, for people reading the file or a reason. */
  question: string;
  analyzer: TextAnalyzer;
  /** Shortest and longest n-gram. */
  ngrams: [number, number];
  bias: number;
  /** Each feature: the n-gram, its idf and its weight. */
  features: [string, number, number][];
  /** Where it was trained, e.g. "dev split, 700 calls, 2026-12-07". */
  trainedOn: string;
}

export interface CompiledTextModel {
  readonly data: TextModelData;
  readonly features: ReadonlyMap<string, { idf: number; weight: number }>;
}

export function compileTextModel(data: TextModelData): CompiledTextModel {
  const features = new Map<string, { idf: number; weight: number }>();
  for (const [gram, idf, weight] of data.features) features.set(gram, { idf, weight });
  return { data, features };
}

const WORD = /[\p{L}\p{N}']+/gu;

/**
 * The n-grams of a call's turns (counted). N-grams never cross from one turn into the next.
 * `keep` filters them (a model keeps only its own features, so nothing else is stored).
 */
export function countNgrams(
  turns: readonly string[],
  analyzer: TextAnalyzer,
  [min, max]: readonly [number, number],
  keep: (gram: string) => boolean = () => true,
): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (gram: string): void => {
    if (keep(gram)) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  };
  for (const turn of turns) {
    if (analyzer === 'chars') {
      const chars = Array.from(turn.toLowerCase().replace(/\s+/g, ''));
      for (let n = min; n <= max; n++)
        for (let i = 0; i + n <= chars.length; i++) add(chars.slice(i, i + n).join(''));
    } else {
      const words = turn.toLowerCase().match(WORD) ?? [];
      for (let n = min; n <= max; n++)
        for (let i = 0; i + n <= words.length; i++) add(words.slice(i, i + n).join(' '));
    }
  }
  return counts;
}

/** Sublinear tf-idf, scaled to length 1: feature → value. */
export function tfidf(
  counts: ReadonlyMap<string, number>,
  idfOf: (gram: string) => number,
): Map<string, number> {
  const out = new Map<string, number>();
  let norm = 0;
  for (const [gram, count] of counts) {
    const value = (1 + Math.log(count)) * idfOf(gram);
    out.set(gram, value);
    norm += value * value;
  }
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (const [gram, value] of out) out.set(gram, value * scale);
  }
  return out;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The model's probability for these turns (0..1). No known feature: the bias alone. */
export function textProbability(model: CompiledTextModel, turns: readonly string[]): number {
  const { analyzer, ngrams, bias } = model.data;
  const counts = countNgrams(turns, analyzer, ngrams, (g) => model.features.has(g));
  const x = tfidf(counts, (g) => model.features.get(g)!.idf);
  let z = bias;
  for (const [gram, value] of x) z += value * model.features.get(gram)!.weight;
  return sigmoid(z);
}

/**
 * The first turn (index into `turns`) the model finds telling on its own (probability ≥ 0.5),
 * else the one it finds most telling; null when there are no turns.
 */
export function firstTellingTurn(
  model: CompiledTextModel,
  turns: readonly string[],
): number | null {
  let best: number | null = null;
  let bestP = -1;
  for (let i = 0; i < turns.length; i++) {
    const p = textProbability(model, [turns[i]]);
    if (p >= 0.5) return i;
    if (p > bestP) [best, bestP] = [i, p];
  }
  return best;
}

/** A block names a text model the scorecard does not have (a stored version from before). */
export class UnknownModelError extends Error {
  constructor(readonly model: string) {
    super(`unknown text model "${model}"`);
  }
}

/** A `model:` gate with its model compiled. */
export interface CompiledGate {
  name: string;
  model: CompiledTextModel;
  below: number;
  above: number;
}

export function compileGate(
  gate: { name: string; below: number; above: number } | undefined,
  models: ReadonlyMap<string, CompiledTextModel>,
): CompiledGate | null {
  if (gate === undefined) return null;
  const model = models.get(gate.name);
  if (model === undefined) throw new UnknownModelError(gate.name);
  return { name: gate.name, model, below: gate.below, above: gate.above };
}
