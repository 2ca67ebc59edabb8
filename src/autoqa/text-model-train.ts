/**
 * Training of a text model (text-model.ts): L2-regularised logistic regression with balanced
 * class weights over sublinear tf-idf n-grams, fitted with Adam. Pure and deterministic: the
 * same calls and labels give the same model. Used by `npm run autoqa:train`.
 */
import { countNgrams, type TextAnalyzer, type TextModelData, sigmoid, tfidf } from './text-model';

export interface TrainOptions {
  question: string;
  analyzer: TextAnalyzer;
  ngrams: [number, number];
  /** An n-gram must occur in at least this many calls. */
  minCalls: number;
  /** The most frequent n-grams kept (by the number of calls they occur in). */
  maxFeatures: number;
  /** Inverse regularisation strength (higher fits the training calls more closely). */
  c: number;
  iterations: number;
  trainedOn: string;
}

export const DEFAULT_TRAINING: Omit<
  TrainOptions,
  'question' | 'analyzer' | 'ngrams' | 'trainedOn'
> = { minCalls: 3, maxFeatures: 3000, c: 4, iterations: 1500 };

/** A labelled example: one call's customer turns, and whether the answer is yes. */
export interface TrainingCall {
  turns: readonly string[];
  yes: boolean;
}

const ROUND = 1e6;
const round = (x: number): number => Math.round(x * ROUND) / ROUND;

/** An n-gram's length in its own units: characters, or words for word n-grams. */
function lengthIn(analyzer: TextAnalyzer, gram: string): number {
  return analyzer === 'words' ? gram.split(' ').length : gram.length;
}

export function trainTextModel(
  calls: readonly TrainingCall[],
  options: TrainOptions,
): TextModelData {
  const { analyzer, ngrams } = options;
  const n = calls.length;
  const perCall = calls.map((c) => countNgrams(c.turns, analyzer, ngrams));
  const df = new Map<string, number>();
  for (const counts of perCall)
    for (const gram of counts.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
  const vocabulary = [...df.entries()]
    .filter(([, d]) => d >= options.minCalls)
    // By calls, then shorter first, then alphabetically: the same calls give the same model.
    .sort(
      (a, b) =>
        b[1] - a[1] ||
        lengthIn(analyzer, a[0]) - lengthIn(analyzer, b[0]) ||
        (a[0] < b[0] ? -1 : 1),
    )
    .slice(0, options.maxFeatures)
    .map(([gram]) => gram);
  const index = new Map(vocabulary.map((g, i) => [g, i]));
  const idf = vocabulary.map((g) => round(Math.log((1 + n) / (1 + df.get(g)!)) + 1));
  const rows = perCall.map((counts) => {
    const kept = new Map([...counts].filter(([g]) => index.has(g)));
    const x = tfidf(kept, (g) => idf[index.get(g)!]);
    return [...x].map(([g, v]) => [index.get(g)!, v] as const);
  });
  const { weights, bias } = fit(
    rows,
    calls.map((c) => c.yes),
    vocabulary.length,
    options,
  );
  return {
    question: options.question,
    analyzer,
    ngrams,
    bias: round(bias),
    features: vocabulary.map((g, i): [string, number, number] => [g, idf[i], round(weights[i])]),
    trainedOn: options.trainedOn,
  };
}

/** Minimises ½‖w‖² + c Σ sᵢ logloss(yᵢ, σ(w·xᵢ + b)), sᵢ balancing the two classes. */
function fit(
  rows: readonly (readonly (readonly [number, number])[])[],
  ys: readonly boolean[],
  size: number,
  { c, iterations }: TrainOptions,
): { weights: Float64Array; bias: number } {
  const n = ys.length;
  const positives = ys.filter(Boolean).length;
  const classWeight = (y: boolean): number =>
    positives === 0 || positives === n ? 1 : n / (2 * (y ? positives : n - positives));
  const w = new Float64Array(size + 1); // the last one is the bias
  const m = new Float64Array(size + 1);
  const v = new Float64Array(size + 1);
  const grad = new Float64Array(size + 1);
  const rate = 0.05;
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  for (let t = 1; t <= iterations; t++) {
    for (let j = 0; j < size; j++) grad[j] = w[j];
    grad[size] = 0;
    for (let i = 0; i < n; i++) {
      let z = w[size];
      for (const [j, x] of rows[i]) z += w[j] * x;
      const err = c * classWeight(ys[i]) * (sigmoid(z) - (ys[i] ? 1 : 0));
      for (const [j, x] of rows[i]) grad[j] += err * x;
      grad[size] += err;
    }
    for (let j = 0; j <= size; j++) {
      m[j] = b1 * m[j] + (1 - b1) * grad[j];
      v[j] = b2 * v[j] + (1 - b2) * grad[j] * grad[j];
      const mh = m[j] / (1 - b1 ** t);
      const vh = v[j] / (1 - b2 ** t);
      w[j] -= (rate * mh) / (Math.sqrt(vh) + eps);
    }
  }
  return { weights: w.subarray(0, size), bias: w[size] };
}
