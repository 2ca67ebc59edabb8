/**
 * A script A/B test's result: per variant the calls, rates and means with intervals; each
 * variant against the first (the control) on every metric, with the test suited to the metric —
 * proportions (FCR, a criterion passed): the two-proportion z test, or Fisher's exact test when
 * an expected count is under 5; means (CSAT, AHT, QA score): Welch's t test, which does not
 * assume equal variances — the p-value, a small-sample warning, and the calls per variant a test
 * at 5 % would need to detect the difference seen with 80 % power. Pure.
 */
import { sampleVariance } from 'simple-statistics';
import {
  meanDifference,
  meanWithCi,
  proportionDifference,
  proportionTest,
  proportionWithCi,
  sampleSizeForMeans,
  sampleSizeForProportions,
  welchTTest,
  type Difference,
  type MeanEstimate,
  type ProportionEstimate,
  type TestResult,
} from '../statistics';

/** One call of the experiment with its outcomes (null = not known for this call). */
export interface ExperimentCall {
  interactionId: number;
  variant: string;
  csat: number | null;
  fcr: boolean | null;
  ahtSeconds: number;
  qaScore: number | null;
  criteria: Map<string, boolean>;
}

export type MetricKind = 'mean' | 'proportion';

export interface Metric {
  /** csat, fcr, aht, qa or criterion:<key> */
  key: string;
  kind: MetricKind;
}

export interface VariantSummary {
  key: string;
  label: string;
  calls: number;
  /** The calls in the variant (interaction ids), for the link to them. */
  callIds: number[];
  metrics: Record<string, MeanEstimate | ProportionEstimate>;
}

export interface Comparison {
  metric: string;
  kind: MetricKind;
  variant: string;
  control: string;
  /** variant − control */
  difference: Difference | null;
  /** Means: Cohen's d (difference ÷ pooled SD); proportions: the difference itself. */
  effectSize: number | null;
  test: TestResult | null;
  /** Calls per variant needed to detect this difference (α 5 %, power 80 %); null = none seen. */
  neededPerVariant: number | null;
  /** Fewer than 30 calls on a side (means), or an expected count under 5 (proportions). */
  smallSample: boolean;
}

export interface ExperimentResult {
  variants: VariantSummary[];
  comparisons: Comparison[];
  /** Calls that matched more than one variant (left out). */
  ambiguous: number;
}

export const SMALL_SAMPLE = 30;

export function metricsOf(criteria: readonly string[]): Metric[] {
  return [
    { key: 'csat', kind: 'mean' },
    { key: 'fcr', kind: 'proportion' },
    { key: 'aht', kind: 'mean' },
    { key: 'qa', kind: 'mean' },
    ...criteria.map((c) => ({ key: `criterion:${c}`, kind: 'proportion' as const })),
  ];
}

function values(calls: readonly ExperimentCall[], metric: string): (number | boolean)[] {
  const out: (number | boolean)[] = [];
  for (const c of calls) {
    const v =
      metric === 'csat'
        ? c.csat
        : metric === 'fcr'
          ? c.fcr
          : metric === 'aht'
            ? c.ahtSeconds
            : metric === 'qa'
              ? c.qaScore
              : (c.criteria.get(metric.slice('criterion:'.length)) ?? null);
    if (v !== null) out.push(v);
  }
  return out;
}

const counts = (v: (number | boolean)[]) => ({
  successes: v.filter((x) => x === true).length,
  n: v.length,
});

function summary(v: (number | boolean)[], kind: MetricKind) {
  if (kind === 'proportion') {
    const c = counts(v);
    return proportionWithCi(c.successes, c.n);
  }
  return meanWithCi(v as number[]);
}

function compare(
  metric: Metric,
  control: { key: string; values: (number | boolean)[] },
  variant: { key: string; values: (number | boolean)[] },
): Comparison {
  const base = {
    metric: metric.key,
    kind: metric.kind,
    variant: variant.key,
    control: control.key,
  };
  if (metric.kind === 'proportion') {
    const a = counts(variant.values);
    const b = counts(control.values);
    const difference = proportionDifference(a, b);
    const total = a.n + b.n;
    const successes = a.successes + b.successes;
    const expected =
      total === 0
        ? 0
        : Math.min(
            ...[a.n, b.n].flatMap((n) => [
              (n * successes) / total,
              (n * (total - successes)) / total,
            ]),
          );
    return {
      ...base,
      difference,
      effectSize: difference?.estimate ?? null,
      test: proportionTest(a, b),
      neededPerVariant:
        a.n > 0 && b.n > 0 ? sampleSizeForProportions(a.successes / a.n, b.successes / b.n) : null,
      smallSample: a.n < SMALL_SAMPLE || b.n < SMALL_SAMPLE || expected < 5,
    };
  }
  const a = variant.values as number[];
  const b = control.values as number[];
  const difference = meanDifference(a, b);
  const pooledSd =
    a.length >= 2 && b.length >= 2
      ? Math.sqrt(
          ((a.length - 1) * sampleVariance(a) + (b.length - 1) * sampleVariance(b)) /
            (a.length + b.length - 2),
        )
      : null;
  return {
    ...base,
    difference,
    effectSize: difference && pooledSd ? difference.estimate / pooledSd : null,
    test: welchTTest(a, b),
    neededPerVariant:
      difference && pooledSd ? sampleSizeForMeans(difference.estimate, pooledSd) : null,
    smallSample: a.length < SMALL_SAMPLE || b.length < SMALL_SAMPLE,
  };
}

export function analyseExperiment(
  variants: readonly { key: string; label: string }[],
  calls: readonly ExperimentCall[],
  criteria: readonly string[],
  ambiguous = 0,
): ExperimentResult {
  const metrics = metricsOf(criteria);
  const byVariant = variants.map((v) => ({
    ...v,
    calls: calls.filter((c) => c.variant === v.key),
  }));
  const summaries = byVariant.map((v): VariantSummary => ({
    key: v.key,
    label: v.label,
    calls: v.calls.length,
    callIds: v.calls.map((c) => c.interactionId),
    metrics: Object.fromEntries(
      metrics.map((m) => [m.key, summary(values(v.calls, m.key), m.kind)]),
    ),
  }));
  const [control, ...others] = byVariant;
  const comparisons = control
    ? others.flatMap((v) =>
        metrics.map((m) =>
          compare(
            m,
            { key: control.key, values: values(control.calls, m.key) },
            { key: v.key, values: values(v.calls, m.key) },
          ),
        ),
      )
    : [];
  return { variants: summaries, comparisons, ambiguous };
}
