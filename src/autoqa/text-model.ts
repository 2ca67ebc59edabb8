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
import { cutTurn, type FoundNgrams, NgramIndex } from './ngram-index';

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
  /** The n-grams it knows — shared with the scorecard's other models cut the same way. */
  readonly index: NgramIndex;
  /** By n-gram id: its idf and weight in this model (0 and 0 when it is another model's). */
  readonly idf: Float64Array;
  readonly weight: Float64Array;
}

function cutOf(data: TextModelData): string {
  return `${data.analyzer}:${data.ngrams[0]}-${data.ngrams[1]}`;
}

export function compileTextModel(data: TextModelData): CompiledTextModel {
  return compileTextModels({ model: data }).get('model')!;
}

/**
 * A scorecard's models by name. Models cut the same way share one index, so a call's text is
 * read once for all of them.
 */
export function compileTextModels(
  models: Readonly<Record<string, TextModelData>>,
): Map<string, CompiledTextModel> {
  const indexes = new Map<string, NgramIndex>();
  for (const data of Object.values(models)) {
    const cut = cutOf(data);
    const index = indexes.get(cut) ?? new NgramIndex(data.analyzer, data.ngrams);
    for (const [gram] of data.features) index.add(gram);
    indexes.set(cut, index);
  }
  return new Map(
    Object.entries(models).map(([name, data]) => {
      const index = indexes.get(cutOf(data))!;
      const idf = new Float64Array(index.grams.length);
      const weight = new Float64Array(index.grams.length);
      for (const [gram, i, w] of data.features) {
        const id = index.idOf(gram)!;
        idf[id] = i;
        weight[id] = w;
      }
      return [name, { data, index, idf, weight }];
    }),
  );
}

/**
 * The n-grams of a call's turns (counted), as training cuts them (NgramIndex cuts the same way
 * when a model answers). N-grams never cross from one turn into the next.
 */
export function countNgrams(
  turns: readonly string[],
  analyzer: TextAnalyzer,
  [min, max]: readonly [number, number],
): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (gram: string): void => {
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  };
  for (const turn of turns) {
    const units = cutTurn(turn, analyzer);
    const glue = analyzer === 'chars' ? '' : ' ';
    for (let n = min; n <= max; n++)
      for (let i = 0; i + n <= units.length; i++) add(units.slice(i, i + n).join(glue));
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

/** The model's probability for these turns (0..1). No known n-gram: the bias alone. */
export function textProbability(model: CompiledTextModel, turns: readonly string[]): number {
  return probabilityOf(model, countFound(model.index.findAll(turns)));
}

/** Known n-grams with how often each occurs (`ids[k]` occurs `counts[k]` times). */
export interface NgramCounts {
  ids: Int32Array;
  counts: Int32Array;
}

/** How often each found n-gram occurs in turns `from` … `to` - 1 (all turns by default). */
export function countFound(found: FoundNgrams, from = 0, to = found.ends.length): NgramCounts {
  const start = from === 0 ? 0 : found.ends[from - 1];
  const end = to === 0 ? 0 : found.ends[to - 1];
  const sorted = found.ids.slice(start, end).sort();
  const ids = new Int32Array(sorted.length);
  const counts = new Int32Array(sorted.length);
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (n > 0 && ids[n - 1] === sorted[i]) counts[n - 1]++;
    else {
      ids[n] = sorted[i];
      counts[n++] = 1;
    }
  }
  return { ids: ids.subarray(0, n), counts: counts.subarray(0, n) };
}

/**
 * The model's probability from n-gram counts taken with its index: sublinear tf-idf scaled to
 * length 1, dotted with the weights, in one pass (n-grams of other models weigh nothing).
 */
export function probabilityOf(model: CompiledTextModel, { ids, counts }: NgramCounts): number {
  let norm = 0;
  let dot = 0;
  for (let k = 0; k < ids.length; k++) {
    const idf = model.idf[ids[k]];
    if (idf === 0) continue;
    const value = (1 + Math.log(counts[k])) * idf;
    norm += value * value;
    dot += value * model.weight[ids[k]];
  }
  return sigmoid(model.data.bias + (norm > 0 ? dot / Math.sqrt(norm) : 0));
}

/**
 * The first turn the model finds telling on its own (probability ≥ 0.5), else the one it finds
 * most telling; null when there are none.
 */
export function firstTellingTurn(model: CompiledTextModel, found: FoundNgrams): number | null {
  let best: number | null = null;
  let bestP = -1;
  for (let k = 0; k < found.ends.length; k++) {
    const p = probabilityOf(model, countFound(found, k, k + 1));
    if (p >= 0.5) return k;
    if (p > bestP) [best, bestP] = [k, p];
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
